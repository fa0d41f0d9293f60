"""Top up the benchmark database to N OCOP products, fast (bulk_create), with realistic data.

Imported by benchmarks/catalogue.py after django.setup() against the *benchmark* database only.
Producers are spread over all 34 provinces, products over the six OCOP groups, with prices in whole
đồng, stock, certificates (3–5★ valid, some expired, some none) and one image each that points at
an already generated demo picture of the same group (no new image files).
"""

import datetime
import itertools
import random
import sys
import time
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog import services
from ocop_catalog.models import Commune, OcopCertificate, Province
from ocop_catalog.rules import STAR_BANDS, add_months
from ocop_catalog.text import nfc, slugify_vi

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

PRODUCER_TARGET = 300
PRODUCER_PREFIX = "bench-"
SKU_PREFIX = "BENCH-"
BATCH = 1000
MINISTRY = "Bộ Nông nghiệp và Môi trường"

# (group slug, share of producers): most OCOP products are food and drinks.
GROUP_WEIGHTS = [
    ("thuc-pham", 45), ("do-uong", 20), ("thao-duoc", 12),
    ("thu-cong-my-nghe", 12), ("sinh-vat-canh", 5), ("dich-vu-du-lich", 6),
]  # fmt: skip

# (product kind, packs, price range in thousand đồng) per group.
KINDS = {
    "thuc-pham": [
        ("Mật ong hoa cà phê", ["250 ml", "500 ml", "1 lít"], (120, 450)),
        ("Mật ong rừng nguyên chất", ["350 ml", "500 ml"], (180, 650)),
        ("Mật ong hoa nhãn", ["500 ml", "1 lít"], (150, 400)),
        ("Nước mắm cá cơm", ["500 ml", "chai 1 lít", "can 2 lít"], (60, 320)),
        ("Gạo ST25", ["túi 2 kg", "túi 5 kg"], (70, 220)),
        ("Gạo nếp cái hoa vàng", ["túi 2 kg", "túi 5 kg"], (60, 190)),
        ("Miến dong", ["gói 500 g", "gói 1 kg"], (45, 140)),
        ("Chả cá thu", ["hộp 500 g", "hộp 1 kg"], (120, 380)),
        ("Lạp xưởng tươi", ["gói 500 g", "gói 1 kg"], (110, 320)),
        ("Tương ớt", ["chai 250 g", "chai 500 g"], (25, 80)),
        ("Hạt điều rang muối", ["hũ 500 g", "túi 1 kg"], (150, 420)),
        ("Tiêu đen", ["hũ 100 g", "túi 500 g"], (40, 220)),
        ("Kẹo dừa", ["hộp 250 g", "hộp 500 g"], (30, 90)),
        ("Nem chua", ["chục", "hộp 20 cái"], (50, 150)),
        ("Mứt gừng", ["hộp 300 g", "hộp 500 g"], (45, 130)),
        ("Vải thiều sấy khô", ["túi 500 g", "túi 1 kg"], (90, 260)),
        ("Măng khô", ["túi 500 g", "túi 1 kg"], (120, 380)),
        ("Nấm hương rừng", ["túi 200 g", "túi 500 g"], (90, 350)),
        ("Trứng vịt muối", ["hộp 10 quả", "hộp 20 quả"], (45, 120)),
        ("Bánh đa nem", ["gói 300 g", "gói 500 g"], (25, 70)),
        ("Khô bò", ["gói 250 g", "gói 500 g"], (150, 450)),
    ],
    "do-uong": [
        ("Trà shan tuyết cổ thụ", ["hộp 100 g", "hộp 200 g"], (150, 900)),
        ("Chè búp", ["túi 200 g", "hộp 500 g"], (90, 600)),
        ("Cà phê Robusta rang xay", ["túi 500 g", "túi 1 kg"], (110, 380)),
        ("Cà phê Arabica", ["túi 250 g", "túi 500 g"], (140, 450)),
        ("Rượu ngô men lá", ["chai 500 ml", "bình 2 lít"], (90, 480)),
        ("Rượu sim", ["chai 500 ml", "chai 750 ml"], (120, 380)),
        ("Trà atiso", ["hộp 20 túi lọc", "hộp 50 túi lọc"], (60, 180)),
        ("Trà sen", ["hộp 100 g", "hộp 200 g"], (180, 1200)),
        ("Nước cốt chanh leo", ["chai 500 ml", "chai 1 lít"], (50, 160)),
        ("Trà hoa vàng", ["hộp 50 g", "hộp 100 g"], (250, 1200)),
    ],
    "thao-duoc": [
        ("Tinh dầu quế", ["lọ 10 ml", "lọ 50 ml"], (60, 350)),
        ("Tinh bột nghệ", ["hũ 250 g", "hũ 500 g"], (120, 420)),
        ("Trà giảo cổ lam", ["hộp 200 g", "hộp 500 g"], (90, 280)),
        ("Cao atiso", ["hũ 100 g", "hũ 200 g"], (120, 380)),
        ("Sâm Ngọc Linh ngâm mật ong", ["hũ 300 g", "hũ 500 g"], (900, 3000)),
        ("Đông trùng hạ thảo sấy", ["hộp 10 g", "hộp 30 g"], (400, 2500)),
        ("Tinh dầu sả chanh", ["lọ 10 ml", "lọ 100 ml"], (50, 260)),
        ("Dầu tràm", ["chai 50 ml", "chai 100 ml"], (60, 180)),
    ],
    "thu-cong-my-nghe": [
        ("Bình gốm men lam", ["cao 30 cm", "cao 45 cm"], (250, 2500)),
        ("Nón lá bài thơ", ["cái", "bộ 2 cái"], (60, 250)),
        ("Giỏ mây tre đan", ["cỡ nhỏ", "cỡ lớn"], (80, 450)),
        ("Khăn thổ cẩm", ["60 × 180 cm", "khổ lớn"], (150, 900)),
        ("Chiếu cói", ["1,6 m", "1,8 m"], (180, 650)),
        ("Tranh Đông Hồ", ["khổ A3", "khổ A2"], (80, 350)),
        ("Khăn lụa tơ tằm", ["90 × 90 cm", "khổ dài"], (250, 1500)),
        ("Khay sơn mài", ["bộ 3 chiếc", "cỡ lớn"], (220, 1800)),
    ],
    "sinh-vat-canh": [
        ("Lan hồ điệp", ["chậu 3 cành", "chậu 5 cành"], (450, 2500)),
        ("Mai vàng", ["chậu nhỏ", "gốc lớn"], (600, 5000)),
        ("Quất cảnh", ["chậu nhỏ", "chậu đại"], (300, 3500)),
        ("Bonsai sanh", ["cỡ để bàn", "cỡ sân vườn"], (500, 5000)),
        ("Cúc mâm xôi", ["chậu", "cặp chậu"], (150, 600)),
    ],
    "dich-vu-du-lich": [
        ("Tour du lịch cộng đồng", ["1 ngày", "2 ngày 1 đêm"], (300, 2500)),
        ("Homestay nhà sàn", ["1 đêm", "2 đêm"], (250, 1800)),
        ("Trải nghiệm làng nghề", ["nửa ngày", "1 ngày"], (150, 900)),
        ("Tour sinh thái rừng tràm", ["nửa ngày", "1 ngày"], (200, 1200)),
    ],
}
QUALIFIERS = ["", "", "", "đặc sản", "loại 1", "hữu cơ", "truyền thống", "thượng hạng", "gia truyền"]
PRODUCER_FORMS = ["Hợp tác xã", "Hợp tác xã nông nghiệp", "Cơ sở sản xuất", "Công ty TNHH", "Tổ hợp tác", "Hộ kinh doanh"]
PRODUCER_TRADES = {
    "thuc-pham": ["Nông sản", "Thực phẩm sạch", "Chế biến nông sản", "Đặc sản"],
    "do-uong": ["Chè", "Cà phê", "Rượu truyền thống", "Đồ uống"],
    "thao-duoc": ["Dược liệu", "Tinh dầu", "Thảo dược"],
    "thu-cong-my-nghe": ["Làng nghề", "Mây tre đan", "Gốm", "Dệt thổ cẩm"],
    "sinh-vat-canh": ["Hoa cây cảnh", "Sinh vật cảnh"],
    "dich-vu-du-lich": ["Du lịch cộng đồng", "Du lịch sinh thái"],
}


def _pick_group(rng: random.Random) -> str:
    slugs, weights = zip(*GROUP_WEIGHTS, strict=True)
    return rng.choices(slugs, weights=weights)[0]


def _issuer_for(province: Province) -> str:
    # "Tỉnh Nghệ An" → "UBND tỉnh Nghệ An"
    name = province.name
    return f"UBND {name[0].lower()}{name[1:]}"


def producers_ensure(*, rng: random.Random, progress=None) -> list:
    """Bench producers up to PRODUCER_TARGET partners in all, spread over every province (idempotent)."""
    existing = Partner.objects.count()
    bench = list(Partner.objects.filter(code__startswith=PRODUCER_PREFIX).select_related("commune__province"))
    missing = PRODUCER_TARGET - existing
    if missing > 0:
        provinces = list(Province.objects.order_by("code"))
        communes_by_province = defaultdict(list)
        for commune in Commune.objects.only("code", "short_name", "province_id"):
            communes_by_province[commune.province_id].append(commune)
        start = len(bench)
        new = []
        for index in range(start, start + missing):
            province = provinces[index % len(provinces)]
            commune = rng.choice(communes_by_province[province.code])
            group = _pick_group(rng)
            name = f"{rng.choice(PRODUCER_FORMS)} {rng.choice(PRODUCER_TRADES[group])} {commune.short_name}"
            new.append(Partner(code=f"{PRODUCER_PREFIX}{index + 1:04d}", name=nfc(name), commune=commune))
        Partner.objects.bulk_create(new, batch_size=BATCH)
        bench = list(Partner.objects.filter(code__startswith=PRODUCER_PREFIX).select_related("commune__province"))
    return bench


def _certificate(rng: random.Random, product_id: int, province: Province, today: datetime.date, serial: int):
    """A verified certificate (valid ~82%, expired ~10%) or None (~8%: not rated yet)."""
    roll = rng.random()
    if roll < 0.08:
        return None
    months = settings.OCOP_CERTIFICATE_VALIDITY_MONTHS
    if roll < 0.18:  # expired: issued more than `months` ago
        issued = add_months(today, -months) - datetime.timedelta(days=rng.randint(1, 900))
    else:
        issued = today - datetime.timedelta(days=rng.randint(5, months * 30 - 10))
    stars = rng.choices([3, 4, 5], weights=[45, 40, 15])[0]
    low, high = STAR_BANDS[stars]
    central = stars == 5
    return OcopCertificate(
        product_id=product_id,
        stars=stars,
        score=rng.randint(low, high),
        number=f"{serial}/QĐ-BNNMT" if central else f"{serial}/QĐ-UBND",
        issuer=MINISTRY if central else _issuer_for(province),
        level=OcopCertificate.Level.CENTRAL if central else OcopCertificate.Level.PROVINCE,
        issued_on=issued,
        expires_on=add_months(issued, months),
        status=OcopCertificate.Status.VERIFIED,
    )


def products_top_up(*, target: int, seed: int = 20251, out=sys.stdout) -> int:
    """Create products until the database holds `target`; returns how many were created."""
    have = Product.objects.count()
    if have >= target:
        out.write(f"  {have} products already (≥ {target}): generation skipped\n")
        return 0
    rng = random.Random(seed + have)
    roots = services.product_groups_ensure()
    product_class = services.ocop_product_class()
    producers = producers_ensure(rng=rng)
    producer_group = {p.pk: _pick_group(random.Random(seed + p.pk)) for p in producers}
    # Existing demo pictures, by group: every new product points at one of its group's files.
    images_by_group = defaultdict(list)
    for path, name in ProductImage.objects.filter(product__categories__depth=1).values_list(
        "product__categories__slug", "original"
    ).distinct():
        images_by_group[path].append(name)
    if not images_by_group:
        raise RuntimeError("No demo images found: run load_demo_data first.")
    fallback_images = [name for names in images_by_group.values() for name in names]
    # Some producers list much more than others.
    cum_weights = list(itertools.accumulate(rng.paretovariate(1.6) for _ in producers))
    serial_start = StockRecord.objects.filter(partner_sku__startswith=SKU_PREFIX).count()
    today = timezone.localdate()
    now = timezone.now()
    todo = target - have
    started = time.monotonic()
    created = 0
    while created < todo:
        size = min(BATCH, todo - created)
        with transaction.atomic():
            rows = []
            for _ in range(size):
                producer = rng.choices(producers, cum_weights=cum_weights)[0]
                group = producer_group[producer.pk] if rng.random() < 0.85 else _pick_group(rng)
                kind, packs, (low, high) = rng.choice(KINDS[group])
                place = producer.commune.short_name if rng.random() < 0.6 else producer.commune.province.short_name
                title = nfc(" ".join(part for part in (kind, rng.choice(QUALIFIERS), place, rng.choice(packs)) if part))
                rows.append((producer, group, title, low, high))
            products = Product.objects.bulk_create(
                [
                    Product(
                        structure=Product.STANDALONE,
                        is_public=True,
                        title=title,
                        slug=slugify_vi(title)[:128] or "san-pham",
                        description=nfc(
                            f"{title} do {producer.name} sản xuất tại {producer.commune.short_name}, "
                            f"{producer.commune.province.short_name}. Sản phẩm OCOP của địa phương."
                        ),
                        product_class=product_class,
                        producer=producer,
                    )
                    for producer, group, title, low, high in rows
                ]
            )
            ids = [product.pk for product in products]
            # auto_now_add stamped them all "now": spread creation over ~3 years like a real catalogue.
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE catalogue_product AS p SET date_created = t.d, date_updated = t.d "
                    "FROM (SELECT id, %s::timestamptz - random() * interval '1000 days' AS d "
                    "      FROM catalogue_product WHERE id = ANY(%s)) AS t WHERE p.id = t.id",
                    [now, ids],
                )
            stock, links, images, certificates = [], [], [], []
            for offset, (product, (producer, group, title, low, high)) in enumerate(zip(products, rows, strict=True)):
                serial = serial_start + created + offset + 1
                stock.append(
                    StockRecord(
                        product=product,
                        partner=producer,
                        partner_sku=f"{SKU_PREFIX}{serial:07d}",
                        price_currency=settings.OSCAR_DEFAULT_CURRENCY,
                        price=Decimal(rng.randint(low, high) * 1000),
                        num_in_stock=0 if rng.random() < 0.05 else rng.randint(1, 500),
                    )
                )
                links.append(ProductCategory(product=product, category=roots[group]))
                images.append(
                    ProductImage(
                        product=product,
                        original=rng.choice(images_by_group.get(group) or fallback_images),
                        caption=title,
                        display_order=0,
                    )
                )
                certificate = _certificate(rng, product.pk, producer.commune.province, today, serial)
                if certificate is not None:
                    certificates.append(certificate)
            StockRecord.objects.bulk_create(stock)
            ProductCategory.objects.bulk_create(links)
            ProductImage.objects.bulk_create(images)  # bulk_create sends no post_save: no thumbnail task per row
            OcopCertificate.objects.bulk_create(certificates)
        created += size
        rate = created / max(time.monotonic() - started, 1e-6)
        out.write(f"\r  products {have + created}/{target} ({rate:,.0f}/s)")
        out.flush()
    out.write("\n")
    return created
