from django.db import migrations

# payments.methods.SOURCE_TYPES, as it stood when the field was added.
METHOD_OF_SOURCE_TYPE = {"cash-on-delivery": "cod", "vietqr-transfer": "vietqr", "stripe-card": "card"}


def backfill(apps, schema_editor):
    Order = apps.get_model("order", "Order")
    Source = apps.get_model("payment", "Source")
    for code, method in METHOD_OF_SOURCE_TYPE.items():
        order_ids = Source.objects.filter(source_type__code=code).values_list("order_id", flat=True)
        Order.objects.filter(pk__in=order_ids, payment_method="").update(payment_method=method)


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0022_order_payment_method"),
        ("payment", "0001_initial"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
