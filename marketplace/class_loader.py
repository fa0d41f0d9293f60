"""Oscar's class loader, except for the `search` app, which we replace whole.

Oscar's default loader always imports its own module too; for `search.*` that would import
haystack, which this project does not use.
"""

import importlib

from oscar.core.loading import default_class_loader


def class_loader(module_label, classnames, module_prefix):
    if module_label.split(".", 1)[0] == "search":
        module = importlib.import_module(module_label)
        return [getattr(module, name) for name in classnames]
    return default_class_loader(module_label, classnames, module_prefix)
