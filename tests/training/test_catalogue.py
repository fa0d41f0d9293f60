"""Every message of the training app is in Vietnamese: none left empty or fuzzy (msgfmt drops fuzzy ones, and
the page shows English)."""

import gettext
import re
from pathlib import Path

import training

LOCALE = Path(training.__file__).parent / "locale" / "vi" / "LC_MESSAGES"


def test_the_catalogue_has_no_empty_or_fuzzy_translation_and_the_compiled_file_holds_them_all():
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    entries = [entry for entry in po.split("\n\n")[1:] if "msgid" in entry]
    assert not [entry for entry in entries if "#, fuzzy" in entry or re.search(r'^msgstr(\[0\])? ""$', entry, re.M)]
    with (LOCALE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    assert catalogue.gettext("Right answer") == "Đúng" and catalogue.gettext("Print this page") == "In trang này"
