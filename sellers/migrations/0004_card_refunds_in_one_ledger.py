from django.db import migrations


def card_refunds_into_ledger(apps, schema_editor):
    """Card refunds on cancelled parts were kept only as Oscar transactions: the refund ledger now
    holds every refund, so copy them in (refunds on live parts were recorded there already)."""
    Transaction = apps.get_model("payment", "Transaction")
    Fulfilment = apps.get_model("sellers", "Fulfilment")
    SellerRefund = apps.get_model("sellers", "SellerRefund")
    for txn in Transaction.objects.filter(txn_type="Refund", status__startswith="part-"):
        part = Fulfilment.objects.filter(pk=txn.status.removeprefix("part-") or 0, status="cancelled").first()
        if part is not None and not SellerRefund.objects.filter(reference=txn.reference).exists():
            SellerRefund.objects.create(
                fulfilment=part, amount=txn.amount, reason="Refunded to the card", reference=txn.reference,
                created_at=txn.date_created,
            )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("sellers", "0003_fulfilmentstatuschange_sellerrefund_reference_and_more"),
        ("payment", "0001_initial"),
    ]

    operations = [migrations.RunPython(card_refunds_into_ledger, migrations.RunPython.noop)]
