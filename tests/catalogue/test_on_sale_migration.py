"""Moving suspension onto the partner keeps every seller that was suspended suspended."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = ("sellers", "0004_card_refunds_in_one_ledger")
AFTER = ("sellers", "0005_seller_suspension_on_partner_only")


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    executor.loader.build_graph()
    return executor.loader.project_state([target]).apps


# serialized_rollback: the next transactional test starts from the migrated data, not from a flush.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sellers_suspended_before_the_migration_stay_suspended_after_it():
    old = _migrate(BEFORE)
    try:
        Province, Commune = old.get_model("ocop_catalog", "Province"), old.get_model("ocop_catalog", "Commune")
        Partner, Seller = old.get_model("partner", "Partner"), old.get_model("sellers", "Seller")
        province = Province.objects.create(code="01", name="Thành phố Hà Nội", short_name="Hà Nội")
        commune = Commune.objects.create(code="00004", province=province, name="Phường Ba Đình", short_name="Ba Đình", kind="Phường")
        for number, status in enumerate(["suspended", "active"], start=1):
            # The old suspension wrote both; a partner left unflagged must still end up suspended.
            partner = Partner.objects.create(code=f"htx-{status}", name=f"HTX {status}", commune=commune, is_suspended=False)
            Seller.objects.create(
                partner=partner, slug=f"htx-{status}", status=status, name=f"HTX {status}", tax_code=f"460012345{number}",
                email=f"{status}@example.vn", commune=commune, approved_at=timezone.now(),
            )  # fmt: skip

        new = _migrate(AFTER)

        flags = dict(new.get_model("partner", "Partner").objects.values_list("code", "is_suspended"))
        assert flags == {"htx-suspended": True, "htx-active": False}
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
