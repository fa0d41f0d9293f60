"""Demo pilots: the 2023 national batch shipped with the project, mapped to 2025 communes, and a designation for
each commune the demo catalogue flagged as a pilot (so the dashboard and the shop's badges agree)."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from ocop_catalog.models import Province
from sellers.demo import DEMO_EMAIL_DOMAIN

from . import sales_facts
from .pilots_csv import pilots_load
from .services import pilots_adopt_flags, programme_staff_set

# Demo programme officers (demo password): national, and of Lào Cai (whose communes the demo sales point sells for).
DEMO_STAFF = (("chuong-trinh-quoc-gia", "Cán bộ chương trình quốc gia", None), ("chuong-trinh-lao-cai", "Cán bộ chương trình tỉnh Lào Cai", "15"))

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


def demo_programme_staff_load(*, stdout=None) -> str:
    """The demo programme officers, created the first time (idempotent)."""
    User = get_user_model()
    for local, name, province_code in DEMO_STAFF:
        email = f"{local}@{DEMO_EMAIL_DOMAIN}"
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email=email, password=settings.DEMO_PASSWORD, first_name=name
        )
        programme_staff_set(user=user, province=Province.objects.get(code=province_code) if province_code else None)
    return f"Demo programme staff: {', '.join(f'{local}@{DEMO_EMAIL_DOMAIN}' for local, _name, _code in DEMO_STAFF)} (/chuong-trinh/)."


def demo_sales_facts_load(*, stdout=None) -> str:
    """The dashboard's sales facts for every day since the first order (the last demo step of the programme)."""
    result = sales_facts.backfill()
    return f"Programme sales facts: {result.days} days computed ({result.seconds:.1f} s)."
