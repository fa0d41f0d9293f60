"""A seller's suspension is recorded once, on its partner (Partner.is_suspended): the seller's own status
column goes, after every seller suspended by it has its partner's flag set."""

from django.db import migrations

SUSPENDED = "suspended"


def partners_of_suspended_sellers_suspended(apps, schema_editor):
    Seller = apps.get_model("sellers", "Seller")
    Partner = apps.get_model("partner", "Partner")
    partner_ids = Seller.objects.filter(status=SUSPENDED).values_list("partner_id", flat=True)
    Partner.objects.filter(pk__in=list(partner_ids)).update(is_suspended=True)


def sellers_of_suspended_partners_suspended(apps, schema_editor):
    Seller = apps.get_model("sellers", "Seller")
    Partner = apps.get_model("partner", "Partner")
    partner_ids = Partner.objects.filter(is_suspended=True).values_list("pk", flat=True)
    Seller.objects.filter(partner_id__in=list(partner_ids)).update(status=SUSPENDED)


class Migration(migrations.Migration):

    dependencies = [
        ("partner", "0009_partner_is_suspended"),
        ("sellers", "0004_card_refunds_in_one_ledger"),
    ]

    operations = [
        migrations.RunPython(partners_of_suspended_sellers_suspended, sellers_of_suspended_partners_suspended),
        migrations.RemoveField(model_name="seller", name="status"),
    ]
