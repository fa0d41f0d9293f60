"""Dependencies point one way, down toward the OCOP core (STYLE.md): no app reaches up into an app
above it — by an import, or through Oscar's get_class into the checkout — and importing an app's
services never loads another app's views."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Which of our apps each app may import (besides itself). `marketplace` is the top: nobody imports it.
ALLOWED = {
    "ocop_catalog": set(),
    "sellers": {"ocop_catalog"},
    "payments": {"sellers", "ocop_catalog"},
    "search": {"sellers", "ocop_catalog"},
    "cms": {"ocop_catalog"},
    "evaluation": {"sellers", "ocop_catalog"},
    "programme": {"evaluation", "training", "payments", "cms", "sellers", "ocop_catalog"},
    "training": {"cms", "ocop_catalog"},
}
OURS = set(ALLOWED) | {"marketplace"}


def _imports(path: Path):
    """(line, imported module, get_class label or None) for every import and get_class call in a file."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield node.lineno, module, None
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}", None
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) == "get_class"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, None, node.args[0].value


def _violations(app: str) -> list[str]:
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for line, module, label in _imports(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            if label is not None:
                if label.split(".")[0] in ("checkout", "dashboard"):
                    found.append(f"{where} get_class({label!r}) reaches up into Oscar's {label.split('.')[0]}")
                continue
            top = module.split(".")[0]
            if top in OURS and top != app and top not in ALLOWED[app]:
                found.append(f"{where} imports {module}")
            elif top in OURS and top != app and ".views" in f".{module}":
                found.append(f"{where} imports another app's views: {module}")
    return found


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_no_app_imports_an_app_above_it(app):
    assert _violations(app) == []


PROBE = """
import builtins, json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
import django
django.setup()
loaded_before = set(sys.modules)
import importlib
for name in {modules!r}:
    importlib.import_module(name)
print(json.dumps(sorted(set(sys.modules) - loaded_before)))
"""


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_importing_an_apps_services_loads_no_other_apps_views_in_a_fresh_interpreter(app):
    modules = [f"{app}.{name}" for name in ("services", "selectors", "tasks") if (ROOT / app / f"{name}.py").exists()]
    if app == "sellers":
        modules.append("sellers.fulfilment")
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(modules=modules)], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    newly_loaded = json.loads(result.stdout.strip().splitlines()[-1])
    others = [
        name for name in newly_loaded
        if name.split(".")[0] in OURS and name.split(".")[0] != app
        and (".views" in f".{name}" or name.split(".")[0] not in ALLOWED[app])
    ]  # fmt: skip
    assert others == [], f"importing {modules} loaded {others}"
