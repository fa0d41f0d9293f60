"""Demo pilots: the 2023 national batch shipped with the project, mapped to 2025 communes, and a designation for
each commune the demo catalogue flagged as a pilot (so the dashboard and the shop's badges agree)."""

from pathlib import Path

from django.utils.translation import gettext as _

from .pilots_csv import pilots_load
from .services import pilots_adopt_flags

PILOTS_2023 = Path(__file__).resolve().parent / "data" / "pilots_2023.csv"


def demo_pilots_load(*, stdout=None) -> str:
    def progress(done, total, row):
        if stdout is not None:
            stdout.write(f"\r  pilots {done}/{total}", ending="")
            stdout.flush()

    result = pilots_load(text=PILOTS_2023.read_text(encoding="utf-8"), progress=progress)
    if stdout is not None:
        stdout.write("")
    adopted = pilots_adopt_flags(batch="demo", note=_("Demo data: a pilot flag of the demo catalogue, not a decision."))
    return (
        f"Demo pilots: 2023 batch {result.created} new, {result.updated} updated, {result.unchanged} unchanged; "
        f"{adopted} demo designations for flagged communes."
    )
