"""Fill the stock Oscar benchmark database: N public products (bulk_create), each with a stock record, a
category (group › kind) and one image, from a few generated JPEGs. Idempotent: tops up to N.

    DJANGO_SETTINGS_MODULE=stock_oscar.settings PYTHONPATH=benchmarks \
        .venv/bin/python benchmarks/stock_oscar/load.py --products 10000

Run by benchmarks/catalogue.py --product-page against its own database only (bench_stock_oscar by default).
"""

import argparse
import random
import sys
from decimal import Decimal
from io import BytesIO

import django

PRODUCT_CLASS = "Standard"
SKU_PREFIX = "STOCK-"
GROUPS = {
    "Food": ["Honey", "Fish sauce", "Rice", "Dried fruit", "Cashews", "Pepper"],
    "Drinks": ["Green tea", "Coffee", "Rice wine", "Lotus tea"],
    "Herbs": ["Cinnamon oil", "Turmeric", "Ginseng"],
    "Handicrafts": ["Ceramic vase", "Conical hat", "Rattan basket", "Silk scarf"],
    "Ornamentals": ["Orchid", "Bonsai"],
    "Tourism": ["Homestay", "Village tour"],
}
QUALIFIERS = ["", "organic", "premium", "traditional", "family recipe"]
PACKS = ["250 g", "500 g", "1 kg", "small", "large"]
IMAGES = 12
BATCH = 1000


def images_ensure(storage) -> list[str]:
    """A few product photos (1200×1200 JPEG, as a seller would upload) in the media storage."""
    from PIL import Image, ImageDraw

    names = []
    for index in range(IMAGES):
        name = f"images/products/stock-{index:02d}.jpg"
        if not storage.exists(name):
            rng = random.Random(index)
            picture = Image.new("RGB", (1200, 1200), tuple(rng.randint(40, 220) for _ in range(3)))
            draw = ImageDraw.Draw(picture)
            for _ in range(40):
                x, y = rng.randint(0, 1100), rng.randint(0, 1100)
                draw.ellipse((x, y, x + rng.randint(40, 300), y + rng.randint(40, 300)),
                             fill=tuple(rng.randint(0, 255) for _ in range(3)))  # fmt: skip
            buffer = BytesIO()
            picture.save(buffer, "JPEG", quality=85)
            from django.core.files.base import ContentFile

            storage.save(name, ContentFile(buffer.getvalue()))
        names.append(name)
    return names


def products_top_up(*, target: int, seed: int = 421) -> int:
    from django.conf import settings
    from django.contrib.sites.models import Site
    from django.core.files.storage import default_storage
    from django.db import transaction
    from django.utils.text import slugify
    from oscar.apps.catalogue.categories import create_from_breadcrumbs
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    ProductClass = get_model("catalogue", "ProductClass")
    ProductCategory = get_model("catalogue", "ProductCategory")
    ProductImage = get_model("catalogue", "ProductImage")
    Partner = get_model("partner", "Partner")
    StockRecord = get_model("partner", "StockRecord")

    Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": "127.0.0.1", "name": "Stock Oscar"})
    have = Product.objects.count()
    if have >= target:
        print(f"  {have} products already (≥ {target})")
        return 0
    rng = random.Random(seed + have)
    product_class, _ = ProductClass.objects.get_or_create(name=PRODUCT_CLASS, defaults={"track_stock": True})
    partners = [Partner.objects.get_or_create(code=f"partner-{n:02d}", defaults={"name": f"Partner {n}"})[0] for n in range(30)]
    categories = {(group, kind): create_from_breadcrumbs(f"{group} > {kind}") for group, kinds in GROUPS.items() for kind in kinds}
    pictures = images_ensure(default_storage)
    created = 0
    while have + created < target:
        size = min(BATCH, target - have - created)
        with transaction.atomic():
            rows = []
            for _ in range(size):
                group, kind = rng.choice(list(categories))
                title = " ".join(part for part in (kind, rng.choice(QUALIFIERS), rng.choice(PACKS)) if part)
                rows.append(((group, kind), title.capitalize()))
            products = Product.objects.bulk_create(
                [
                    Product(
                        structure=Product.STANDALONE,
                        is_public=True,
                        title=title,
                        slug=slugify(title),
                        description=f"{title}: made by a small producer, packed by hand.",
                        product_class=product_class,
                    )  # fmt: skip
                    for _, title in rows
                ]
            )
            serial = StockRecord.objects.count()
            StockRecord.objects.bulk_create(
                StockRecord(
                    product=product,
                    partner=rng.choice(partners),
                    partner_sku=f"{SKU_PREFIX}{serial + n:07d}",
                    price_currency=settings.OSCAR_DEFAULT_CURRENCY,
                    price=Decimal(rng.randint(200, 9000)) / 100,
                    num_in_stock=rng.randint(1, 500),
                )  # fmt: skip
                for n, product in enumerate(products)
            )
            ProductCategory.objects.bulk_create(
                ProductCategory(product=product, category=categories[key]) for product, (key, _) in zip(products, rows, strict=True)
            )
            ProductImage.objects.bulk_create(
                ProductImage(product=product, original=rng.choice(pictures), caption=product.title, display_order=0) for product in products
            )
        created += size
        print(f"\r  products {have + created}/{target}", end="", flush=True)
    print()
    return created


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=10_000)
    args = parser.parse_args(argv)
    django.setup()
    products_top_up(target=args.products)
    return 0


if __name__ == "__main__":
    sys.exit(main())
