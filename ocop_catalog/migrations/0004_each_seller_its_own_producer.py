"""Each partner (selling account) with products becomes its own OCOP producer (name and commune from the partner);
its products and their certificates point at it. Reversible: going back clears the links and deletes the producers
(the step before this one drops their table anyway)."""

import unicodedata

from django.db import migrations

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def _slug(text):
    # ocop_catalog.text.slugify_vi, frozen here: a migration must not change when the app's helpers do.
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_D_MAP))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in ascii_text)
    return "-".join(part for part in slug.split("-") if part)[:200] or "nha-san-xuat"


def forwards(apps, schema_editor):
    Partner = apps.get_model("partner", "Partner")
    Product = apps.get_model("catalogue", "Product")
    Producer = apps.get_model("ocop_catalog", "Producer")
    Certificate = apps.get_model("ocop_catalog", "OcopCertificate")
    taken = set(Producer.objects.values_list("slug", flat=True))
    partner_ids = Product.objects.filter(producer__isnull=False).values_list("producer_id", flat=True).distinct()
    for partner in Partner.objects.filter(pk__in=list(partner_ids)).order_by("pk"):
        base = _slug(partner.name)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        producer = Producer.objects.create(
            name=partner.name, slug=slug, commune_id=partner.commune_id, partner=partner, is_seller_itself=True
        )
        Product.objects.filter(producer=partner, ocop_producer__isnull=True).update(ocop_producer=producer)
        Certificate.objects.filter(product__producer=partner, holder__isnull=True).update(holder=producer)


def backwards(apps, schema_editor):
    Product = apps.get_model("catalogue", "Product")
    Producer = apps.get_model("ocop_catalog", "Producer")
    Certificate = apps.get_model("ocop_catalog", "OcopCertificate")
    Certificate.objects.update(holder=None)
    Product.objects.update(ocop_producer=None)
    Producer.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ocop_catalog", "0003_producer"),
        ("catalogue", "0034_product_ocop_producer"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
