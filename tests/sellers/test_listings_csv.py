"""Bulk listings: CSV import (all or nothing, every fault reported), export that imports back unchanged,
the dashboard upload with preview and confirm, and the import/export commands."""

import csv
import datetime
import io
import json
import os
import re
import time
import unicodedata

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.utils import translation
from oscar.core.loading import get_model

from ocop_catalog.models import Commune, OcopCertificate
from ocop_catalog.services import CertificateData, ListingData
from sellers import listings_csv
from sellers.listings_csv import HEADER, listings_export, listings_import, listings_parse
from sellers.services import certificate_review, seller_certificate_submit, seller_listing_save, seller_suspend
from sellers.views.listings import SESSION_KEY

PENDING_DIR = "listing-imports"

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

SELLER_COMMUNE = "00004"  # the commune make_seller gives every seller
GROUPS = ["thuc-pham", "do-uong", "thao-duoc", "thu-cong-my-nghe", "sinh-vat-canh", "dich-vu-du-lich"]


def row(**values) -> dict:
    cells = dict.fromkeys(HEADER, "")
    cells.update(sku="CHE-200G", title="Chè Tân Cương 200g", description="Chè búp khô.", group="do-uong",
                 price_vnd="120000", stock="40")  # fmt: skip
    cells.update(values)
    return cells


def certificate(**values) -> dict:
    cells = {"ocop_stars": "4", "ocop_score": "78", "ocop_certificate_no": "88/QĐ-UBND",
             "ocop_issued_on": "2025-01-15", "ocop_issuer": "UBND tỉnh Thái Nguyên"}  # fmt: skip
    cells.update(values)
    return cells


def csv_bytes(rows, *, bom=False, header=HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for cells in rows:
        writer.writerow([cells[name] for name in HEADER] if isinstance(cells, dict) else cells)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def valid_rows(count: int) -> list[dict]:
    """`count` good rows: every group, some with a certificate, some naming the seller's commune."""
    rows = []
    for index in range(count):
        cells = row(sku=f"SP-{index:04d}", title=f"Sản phẩm số {index}", description=f"Mô tả, dòng {index}",
                    group=GROUPS[index % len(GROUPS)], price_vnd=str(10_000 + index), stock=str(index % 50))  # fmt: skip
        if index % 10 == 0:
            cells.update(certificate(ocop_certificate_no=f"{index}/QĐ-UBND"))
        if index % 7 == 0:
            cells["commune_code"] = SELLER_COMMUNE
        rows.append(cells)
    return rows


def import_bytes(seller, content: bytes, **options):
    return listings_import(seller=seller, stream=io.BytesIO(content), **options)


def product_count(seller) -> int:
    return Product.objects.filter(producer=seller.partner).count()


@pytest.fixture(autouse=True)
def _private_storage(settings, tmp_path, monkeypatch):
    """Waiting imports go to a throw-away folder, never to var/private."""
    from django.core.files.storage import FileSystemStorage

    from sellers.models import private_storage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    monkeypatch.setattr(private_storage, "_wrapped", FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT))


@pytest.fixture
def seller(make_seller):
    return make_seller(name="HTX Chè Tân Cương")


@pytest.fixture
def other_commune(localities):
    return Commune.objects.exclude(code=SELLER_COMMUNE).order_by("code").first().code


# --- Import: all or nothing, every fault ------------------------------------------------------


def test_thousand_rows_with_fifty_faults_write_nothing_and_report_each_fault(seller, other_commune):
    rows = valid_rows(1000)
    faults = [
        ("group", lambda cells: cells.update(group="rau-cu")),
        ("group", lambda cells: cells.update(group="")),
        ("commune_code", lambda cells: cells.update(commune_code="99999")),
        ("commune_code", lambda cells: cells.update(commune_code=other_commune)),
        ("price_vnd", lambda cells: cells.update(price_vnd="120000.5")),
        ("price_vnd", lambda cells: cells.update(price_vnd="120.000")),
        ("price_vnd", lambda cells: cells.update(price_vnd="0")),
        ("stock", lambda cells: cells.update(stock="-3")),
        ("stock", lambda cells: cells.update(stock="nhiều")),
        ("ocop_stars", lambda cells: cells.update(certificate(ocop_stars="5", ocop_score="78"))),
        ("ocop_stars", lambda cells: cells.update(certificate(ocop_stars="2", ocop_score="40"))),
        ("ocop_score", lambda cells: cells.update(certificate(ocop_score="101"))),
        ("title", lambda cells: cells.update(title="")),
        ("title", lambda cells: cells.update(title="x" * 256)),
        ("ocop_issued_on", lambda cells: cells.update(certificate(ocop_issued_on="2025-13-01"))),
        ("ocop_issued_on", lambda cells: cells.update(certificate(ocop_issued_on="15/01/2025"))),
        ("ocop_issuer", lambda cells: cells.update(certificate(ocop_issuer=""))),
        ("sku", lambda cells: cells.update(sku="mã có dấu")),
        ("sku", lambda cells: cells.update(sku=rows[0]["sku"])),  # a duplicate of row 2
        ("", None),  # a row with a column missing
    ]
    expected = set()
    for number in range(50):
        index = 7 + number * 20  # data row `index` is file row index + 2 (the header is row 1)
        column, spoil = faults[number % len(faults)]
        if spoil is None:
            rows[index] = [rows[index][name] for name in HEADER[:-1]]
        else:
            spoil(rows[index])
        expected.add((index + 2, column))

    with translation.override("en"):
        plan = import_bytes(seller, csv_bytes(rows))
        messages = [str(error) for error in plan.errors]

    assert len(plan.errors) == 50
    assert {(error.row, error.column) for error in plan.errors} == expected
    assert product_count(seller) == 0 and not plan.applied and plan.rows == []
    assert "row 89, price_vnd: must be a whole number of đồng" in "\n".join(messages)
    assert "row 369, sku: duplicate SKU: already on row 2." in messages


def test_a_valid_import_then_the_same_file_again_leaves_the_same_products(seller):
    content = csv_bytes(valid_rows(40))

    first = import_bytes(seller, content)
    again = import_bytes(seller, content)

    assert (first.created, first.updated, first.unchanged) == (40, 0, 0)
    assert (again.created, again.updated, again.unchanged, again.certificates) == (0, 0, 40, 0)
    assert product_count(seller) == 40
    assert OcopCertificate.objects.filter(product__producer=seller.partner).count() == 4


def test_reimporting_a_sku_updates_its_product_never_duplicates_it(seller):
    rows = valid_rows(10)
    import_bytes(seller, csv_bytes(rows))
    rows[3].update(price_vnd="99000", stock="7", title="Tên mới")

    plan = import_bytes(seller, csv_bytes(rows))

    assert (plan.created, plan.updated, plan.unchanged) == (0, 1, 9)
    assert product_count(seller) == 10
    record = StockRecord.objects.get(partner=seller.partner, partner_sku="SP-0003")
    assert (record.price, record.num_in_stock, record.product.title) == (99000, 7, "Tên mới")


def test_certificate_columns_submit_a_pending_certificate_once_at_the_level_its_stars_call_for(seller):
    rows = [row(sku="A", **certificate(ocop_stars="5", ocop_score="92", ocop_issuer="Bộ Nông nghiệp và Môi trường")),
            row(sku="B", **certificate())]  # fmt: skip

    import_bytes(seller, csv_bytes(rows))
    import_bytes(seller, csv_bytes(rows))

    five, four = (OcopCertificate.objects.get(product__stockrecords__partner_sku=sku) for sku in ("A", "B"))
    assert (five.stars, five.level, five.status) == (5, "central", OcopCertificate.Status.PENDING)
    assert (four.stars, four.level) == (4, "province")
    assert five.expires_on == datetime.date(2028, 1, 15)


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
def test_utf8_with_or_without_bom_is_accepted(seller, bom):
    plan = import_bytes(seller, csv_bytes([row()], bom=bom))

    assert not plan.errors
    assert Product.objects.get(producer=seller.partner).title == "Chè Tân Cương 200g"


def test_nfd_text_is_stored_as_nfc(seller):
    title = unicodedata.normalize("NFD", "Nước mắm Đà Nẵng")
    assert len(title) == 24

    import_bytes(seller, csv_bytes([row(title=title, description=unicodedata.normalize("NFD", "Cá cơm tươi"))]))

    product = Product.objects.get(producer=seller.partner)
    assert product.title == "Nước mắm Đà Nẵng" and len(product.title) == 16
    assert product.description == "Cá cơm tươi"


def test_a_file_that_is_not_utf8_is_refused_with_a_clear_message(seller):
    content = csv_bytes([row(sku="A", title="Plain")]) + "B,Chè Thái,,do-uong,1000,1,,,,,,\r\n".encode("cp1258")

    with translation.override("en"):
        plan = import_bytes(seller, content)
        (message,) = [str(error) for error in plan.errors]

    assert message.startswith("row 3: the file is not UTF-8 text")
    assert product_count(seller) == 0


def test_the_header_must_be_exact_so_no_id_column_gets_in(seller):
    header = ("id", *HEADER)
    content = csv_bytes([["1", *row().values()]], header=header)

    with translation.override("en"):
        plan = import_bytes(seller, content)

    (error,) = plan.errors
    assert error.row == 1 and "not allowed: id" in error.reason
    assert product_count(seller) == 0
    with translation.override("en"):
        (error,) = import_bytes(seller, ";".join(HEADER).encode() + b"\r\n").errors
    assert "commas, not semicolons" in error.reason


def test_file_size_and_row_limits_are_reported(seller, monkeypatch):
    monkeypatch.setattr(listings_csv, "MAX_ROWS", 5)
    plan = import_bytes(seller, csv_bytes(valid_rows(6)))
    assert [error.row for error in plan.errors] == [None] and "5" in plan.errors[0].reason

    monkeypatch.setattr(listings_csv, "MAX_FILE_BYTES", 300)
    plan = import_bytes(seller, csv_bytes(valid_rows(5)))
    assert [error.row for error in plan.errors] == [None]
    assert product_count(seller) == 0


def test_a_row_can_only_reach_the_sellers_own_product_with_that_sku(seller, make_seller):
    other = make_seller(name="HTX Khác")
    theirs = seller_listing_save(
        seller=other,
        listing=ListingData(sku="CHUNG-1", title="Của họ", description="", group_slug="thuc-pham", price_vnd=50000, stock=3),
    )  # fmt: skip

    plan = import_bytes(seller, csv_bytes([row(sku="CHUNG-1", title="Của tôi", price_vnd="1000")]))

    assert plan.created == 1
    theirs.refresh_from_db()
    assert theirs.title == "Của họ" and StockRecord.objects.get(product=theirs).price == 50000
    assert Product.objects.get(producer=seller.partner).title == "Của tôi"


def test_commune_code_may_be_empty_or_the_sellers_own_but_not_another(seller, other_commune):
    content = csv_bytes([row(sku="A", commune_code=""), row(sku="B", commune_code=SELLER_COMMUNE),
                         row(sku="C", commune_code=other_commune), row(sku="D", commune_code="0004")])  # fmt: skip

    plan = listings_parse(seller=seller, stream=io.BytesIO(content))

    assert [(error.row, error.column) for error in plan.errors] == [(4, "commune_code"), (5, "commune_code")]
    assert SELLER_COMMUNE in plan.errors[0].reason


def test_a_suspended_seller_cannot_import_but_may_check(seller):
    seller_suspend(seller=seller, reason="Hồ sơ thiếu.")

    assert not import_bytes(seller, csv_bytes([row()]), dry_run=True).errors
    with pytest.raises(PermissionDenied):
        import_bytes(seller, csv_bytes([row()]))
    assert product_count(seller) == 0


def test_progress_is_reported_while_checking_and_saving(seller):
    calls = []

    import_bytes(seller, csv_bytes(valid_rows(250)), progress=lambda *args: calls.append(args))

    assert ("checking", 100, None) in calls and ("checking", 250, None) in calls
    assert [done for phase, done, total in calls if phase == "saving"] == [100, 200, 250]


# --- Export: the file imports back unchanged ---------------------------------------------------


def _state(seller):
    return {
        "products": list(Product.objects.filter(producer=seller.partner).order_by("pk").values()),
        "stock": list(StockRecord.objects.filter(partner=seller.partner).order_by("pk").values()),
        "certificates": list(OcopCertificate.objects.filter(product__producer=seller.partner).order_by("pk").values()),
    }


def test_export_then_import_changes_nothing_and_exports_the_same_bytes(seller):
    rows = valid_rows(12)
    rows[1]["description"] = 'Hai dòng,\r\ncó dấu phẩy và "ngoặc kép".'
    import_bytes(seller, csv_bytes(rows))
    hidden = Product.objects.get(stockrecords__partner_sku="SP-0002")
    Product.objects.filter(pk=hidden.pk).update(is_public=False)
    certificate_review(certificate=OcopCertificate.objects.get(product__stockrecords__partner_sku="SP-0000"), approve=True)
    before = _state(seller)

    exported = "".join(listings_export(seller=seller)).encode("utf-8")
    plan = import_bytes(seller, exported)

    assert not plan.errors and (plan.created, plan.updated, plan.unchanged) == (0, 0, 12)
    assert _state(seller) == before  # the verified certificate is still verified, the hidden product hidden
    assert "".join(listings_export(seller=seller)).encode("utf-8") == exported
    lines = exported.decode().split("\r\n")
    assert lines[0] == ",".join(HEADER)
    assert lines[1].startswith("SP-0000,Sản phẩm số 0,") and lines[1].endswith(",4,78,0/QĐ-UBND,2025-01-15,UBND tỉnh Thái Nguyên,00004,")  # by itself


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "'=", "''@"])
def test_export_escapes_cells_a_spreadsheet_would_run_as_formulas_and_import_restores_them(seller, lead):
    title = f"{lead}HYPERLINK(\"http://evil.example/\",\"Bấm\")"
    # Typed in the dashboard form: stored exactly as typed.
    seller_listing_save(seller=seller, listing=ListingData(
        sku="F-1", title=title, description=f"{lead}1+2\n- dòng hai", group_slug="do-uong", price_vnd=120000, stock=4,
    ))  # fmt: skip
    import_bytes(seller, csv_bytes([row(sku="F-2", title="'Chè' ngon", **certificate(ocop_issuer="@UBND tỉnh"))]))
    before = _state(seller)

    exported = "".join(listings_export(seller=seller))
    cells = {values[0]: dict(zip(HEADER, values, strict=True)) for values in list(csv.reader(io.StringIO(exported)))[1:]}

    assert cells["F-1"]["title"] == "'" + title and cells["F-1"]["description"].startswith("'" + lead + "1+2")
    assert cells["F-2"]["title"] == "'Chè' ngon"  # a quote not followed by a formula character stays as it is
    assert cells["F-2"]["ocop_issuer"] == "'@UBND tỉnh"
    assert not any(value[:1] in ("=", "+", "-", "@", "\t", "\r") for line in cells.values() for value in line.values())
    plan = import_bytes(seller, exported.encode())
    assert not plan.errors and plan.unchanged == 2
    assert _state(seller) == before
    assert "".join(listings_export(seller=seller)) == exported


def test_import_strips_only_the_one_quote_an_export_adds(seller):
    rows = [row(sku="Q-1", title="'=SUM(A1)"), row(sku="Q-2", title="''-5"), row(sku="Q-3", title="'quoted'")]

    import_bytes(seller, csv_bytes(rows))

    titles = dict(StockRecord.objects.filter(partner=seller.partner).values_list("partner_sku", "product__title"))
    assert titles == {"Q-1": "=SUM(A1)", "Q-2": "'-5", "Q-3": "'quoted'"}


def test_export_writes_the_newest_verified_or_pending_certificate(seller):
    product = seller_listing_save(
        seller=seller,
        listing=ListingData(sku="MAT-ONG", title="Mật ong", description="", group_slug="thuc-pham", price_vnd=150000, stock=5),
    )  # fmt: skip

    def submit(number, issued_on, stars=3, score=60):
        data = CertificateData(stars=stars, score=score, number=number, issuer="UBND tỉnh", level="province", issued_on=issued_on)
        return seller_certificate_submit(seller=seller, product=product, data=data)

    certificate_review(certificate=submit("OLD", datetime.date(2022, 5, 1)), approve=True)
    submit("RENEWAL", datetime.date(2025, 5, 1), stars=4, score=80)  # pending
    certificate_review(certificate=submit("REFUSED", datetime.date(2025, 9, 1)), approve=False)

    (line,) = list(listings_export(seller=seller))[1:]

    assert ",4,80,RENEWAL,2025-05-01," in line
    plan = import_bytes(seller, "".join(listings_export(seller=seller)).encode())
    assert plan.unchanged == 1 and OcopCertificate.objects.filter(product=product).count() == 3


def test_export_is_sorted_by_sku_and_lists_only_the_sellers_products(seller, make_seller):
    other = make_seller(name="HTX Khác")
    import_bytes(other, csv_bytes([row(sku="AAA", title="Của họ")]))
    import_bytes(seller, csv_bytes([row(sku="b-2"), row(sku="B-1"), row(sku="a-9")]))

    skus = [line.split(",")[0] for line in list(listings_export(seller=seller))[1:]]

    assert skus == ["B-1", "a-9", "b-2"]


# --- Dashboard: upload, preview, confirm; download ---------------------------------------------


@pytest.fixture
def seller_client(client, seller):
    client.force_login(seller.partner.users.get())
    return client


def upload(client, content: bytes, name="san-pham.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post("/shop/seller/products/import/", {"file": SimpleUploadedFile(name, content, "text/csv")})


def test_dashboard_upload_shows_a_preview_and_confirm_applies_it(seller_client, seller):
    import_bytes(seller, csv_bytes([row(sku="CU", title="Đã có", price_vnd="5000")]))
    rows = [row(sku="CU", title="Đã có", price_vnd="6000"), *valid_rows(25)]

    response = upload(seller_client, csv_bytes(rows, bom=True))

    assert response.status_code == 302 and response["Location"] == "/shop/seller/products/import/"
    assert product_count(seller) == 1  # nothing written before the confirm
    preview = seller_client.get("/shop/seller/products/import/")
    assert (preview.context["plan"].created, preview.context["plan"].updated) == (25, 1)
    assert len(preview.context["preview"]) == 20 and preview.context["rows_not_shown"] == 6
    html = preview.content.decode()
    assert "Sản phẩm số 0" in html and 'action="/shop/seller/products/import/confirm/"' in html

    confirmed = seller_client.post("/shop/seller/products/import/confirm/", {"digest": preview.context["digest"]})

    assert confirmed.status_code == 302 and confirmed["Location"] == "/shop/seller/products/"
    assert product_count(seller) == 26
    assert StockRecord.objects.get(partner=seller.partner, partner_sku="CU").price == 6000
    assert SESSION_KEY not in seller_client.session
    again = seller_client.post("/shop/seller/products/import/confirm/", {"digest": preview.context["digest"]})
    assert again["Location"] == "/shop/seller/products/import/" and product_count(seller) == 26


def test_dashboard_upload_with_errors_lists_them_and_keeps_nothing(seller_client, seller):
    rows = [row(sku="A"), row(sku="B", price_vnd="12,5"), row(sku="C", group="rau")]

    response = upload(seller_client, csv_bytes(rows))

    assert response.status_code == 200
    assert [(error.row, error.column) for error in response.context["errors"]] == [(3, "price_vnd"), (4, "group")]
    html = response.content.decode()
    cells = re.sub(r"<td[^>]*>", "<td>", html)  # each cell names its column for phones (data-label)
    assert "<td>3</td><td>price_vnd</td>" in cells and "<td>4</td><td>group</td>" in cells
    assert "phải là số đồng nguyên" in html  # Vietnamese by default
    assert 'name="digest"' not in html
    assert SESSION_KEY not in seller_client.session and product_count(seller) == 0


@pytest.mark.parametrize("column", ["title", "description", "sku", "ocop_issuer", "ocop_certificate_no"])
def test_a_nul_or_control_character_in_a_cell_is_refused_in_the_preview_by_row_and_column(seller_client, seller, column):
    cells = row(sku="NUL-1", **certificate())
    cells[column] = cells[column][:3] + "\x00" + cells[column][3:]
    rows = [row(sku="OK-1"), cells, row(sku="OK-2", title="Chè\x1b[31m")]

    response = upload(seller_client, csv_bytes(rows))

    assert response.status_code == 200
    assert [(error.row, error.column) for error in response.context["errors"]] == [(3, column), (4, "title")]
    assert SESSION_KEY not in seller_client.session and product_count(seller) == 0
    confirmed = seller_client.post("/shop/seller/products/import/confirm/", {"digest": "x"})
    assert confirmed.status_code == 302 and product_count(seller) == 0


def test_a_description_keeps_its_line_breaks_and_tabs(seller):
    plan = import_bytes(seller, csv_bytes([row(description="Dòng một\r\n\tDòng hai")]))

    assert not plan.errors
    assert Product.objects.get(stockrecords__partner_sku="CHE-200G").description == "Dòng một\r\n\tDòng hai"


def test_dashboard_refuses_a_file_larger_than_the_limit(seller_client, seller, monkeypatch):
    monkeypatch.setattr(listings_csv, "MAX_FILE_BYTES", 100)

    response = upload(seller_client, csv_bytes(valid_rows(5)))

    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert SESSION_KEY not in seller_client.session


def test_a_seller_cannot_confirm_another_sellers_pending_import(client, seller_client, seller, make_seller):
    other = make_seller(name="HTX Khác")
    upload(seller_client, csv_bytes([row(sku="CUA-NAN-NHAN")]))
    pending = dict(seller_client.session[SESSION_KEY])
    client.logout()
    client.force_login(other.partner.users.get())

    # With only the digest, and then with the victim's whole pending file planted in its own session.
    first = client.post("/shop/seller/products/import/confirm/", {"digest": pending["digest"]})
    session = client.session
    session[SESSION_KEY] = pending
    session.save()
    second = client.post("/shop/seller/products/import/confirm/", {"digest": pending["digest"]})

    assert first["Location"] == second["Location"] == "/shop/seller/products/import/"
    assert product_count(seller) == 0 and product_count(other) == 0
    assert SESSION_KEY not in client.session


def _pending_files() -> list[str]:
    from sellers.models import private_storage

    if not private_storage.exists(PENDING_DIR):
        return []
    return [f"{folder}/{name}" for folder in private_storage.listdir(PENDING_DIR)[0]
            for name in private_storage.listdir(f"{PENDING_DIR}/{folder}")[1] if name.endswith(".csv")]  # fmt: skip


@pytest.mark.slow
def test_a_large_upload_waits_in_private_storage_and_the_session_stays_small(seller_client, seller):
    # Random descriptions: a file that does not compress, near the 5 MB limit.
    rows = [row(sku=f"BIG-{index:04d}", description=os.urandom(2400).hex()) for index in range(1000)]
    content = csv_bytes(rows)
    assert len(content) > 4 * 1024 * 1024

    upload(seller_client, content)

    session = seller_client.session
    assert len(json.dumps(dict(session))) < 1000
    assert len(session.encode(dict(session))) < 2000  # the row the session store writes
    files = _pending_files()
    assert len(files) == 1 and files[0].startswith(f"{seller.pk}/")
    preview = seller_client.get("/shop/seller/products/import/")
    assert preview.context["plan"].created == 1000

    confirmed = seller_client.post("/shop/seller/products/import/confirm/", {"digest": preview.context["digest"]})

    assert confirmed["Location"] == "/shop/seller/products/" and product_count(seller) == 1000
    assert _pending_files() == [] and SESSION_KEY not in seller_client.session


def test_a_new_upload_or_cancel_deletes_the_waiting_file(seller_client, seller):
    upload(seller_client, csv_bytes([row(sku="A-1")]))
    first = _pending_files()
    upload(seller_client, csv_bytes([row(sku="A-2")]))
    second = _pending_files()
    assert len(first) == len(second) == 1 and first != second

    response = seller_client.post("/shop/seller/products/import/cancel/")

    assert response.status_code == 302 and response["Location"] == "/shop/seller/products/import/"
    assert _pending_files() == [] and SESSION_KEY not in seller_client.session and product_count(seller) == 0


def test_a_seller_cannot_confirm_another_sellers_waiting_file_even_with_its_token(client, seller_client, seller, make_seller):
    other = make_seller(name="HTX Khác")
    upload(seller_client, csv_bytes([row(sku="CUA-NAN-NHAN")]))
    pending = dict(seller_client.session[SESSION_KEY])
    client.force_login(other.partner.users.get())
    session = client.session
    session[SESSION_KEY] = {**pending, "seller": other.pk}  # the victim's token, claimed as its own
    session.save()

    response = client.post("/shop/seller/products/import/confirm/", {"digest": pending["digest"]})

    assert response["Location"] == "/shop/seller/products/import/"
    assert product_count(seller) == 0 and product_count(other) == 0
    assert len(_pending_files()) == 1  # the victim's file is still there for the victim


def test_waiting_files_older_than_an_hour_are_removed_by_the_beat_task(seller_client, seller, settings):
    from sellers.models import private_storage
    from sellers.tasks import purge_pending_listing_imports

    upload(seller_client, csv_bytes([row(sku="OLD")]))
    (stale,) = _pending_files()
    two_hours_ago = time.time() - 2 * 60 * 60
    os.utime(private_storage.path(f"{PENDING_DIR}/{stale}"), (two_hours_ago, two_hours_ago))
    client_b = seller_client.__class__()
    client_b.force_login(seller.partner.users.get())
    upload(client_b, csv_bytes([row(sku="NEW")]))

    assert purge_pending_listing_imports() == 1

    assert len(_pending_files()) == 1 and _pending_files() != [stale]
    assert seller_client.get("/shop/seller/products/import/").context.get("digest") is None  # gone: upload again
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert any(entry["task"] == "sellers.tasks.purge_pending_listing_imports" for entry in schedule.values())


def test_a_suspended_seller_cannot_upload(seller_client, seller):
    seller_suspend(seller=seller, reason="Hồ sơ thiếu.")

    response = upload(seller_client, csv_bytes([row()]))

    assert response.status_code == 302 and response["Location"] == "/shop/seller/"
    assert product_count(seller) == 0


def test_dashboard_export_is_a_csv_with_bom_that_uploads_back_as_unchanged(seller_client, seller):
    import_bytes(seller, csv_bytes(valid_rows(8)))

    response = seller_client.get("/shop/seller/products/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="{seller.slug}-san-pham-')
    assert response.content.startswith(b"\xef\xbb\xbf" + ",".join(HEADER).encode())
    assert response.content[3:] == "".join(listings_export(seller=seller)).encode()
    upload(seller_client, response.content)
    plan = seller_client.get("/shop/seller/products/import/").context["plan"]
    assert (plan.created, plan.updated, plan.unchanged) == (0, 0, 8)


def test_dashboard_lists_the_import_and_export_links(seller_client):
    html = seller_client.get("/shop/seller/products/").content.decode()

    assert "/shop/seller/products/import/" in html and "/shop/seller/products/export.csv" in html


# --- Commands ---------------------------------------------------------------------------------


@pytest.fixture
def csv_file(tmp_path):
    def write(content: bytes, name="listings.csv"):
        path = tmp_path / name
        path.write_bytes(content)
        return str(path)

    return write


def test_import_command_prints_every_error_and_exits_non_zero(seller, csv_file, capsys, monkeypatch):
    path = csv_file(csv_bytes([row(sku="A"), row(sku="B", price_vnd="120000.5"), row(sku="A")]))
    # manage.py closes every connection on the way out, which would end the test's transaction.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)

    with translation.override("en"), pytest.raises(SystemExit) as exit:
        ManagementUtility(["manage.py", "import_listings", "--seller", seller.slug, path]).execute()

    assert exit.value.code == 1
    err = capsys.readouterr().err
    assert "row 3, price_vnd: must be a whole number of đồng" in err
    assert "row 4, sku: duplicate SKU: already on row 2." in err
    assert "2 error(s)" in err and "nothing was imported" in err
    assert product_count(seller) == 0


def test_import_command_shows_progress_and_imports(seller, csv_file):
    out = io.StringIO()

    call_command("import_listings", "--seller", seller.slug, csv_file(csv_bytes(valid_rows(250))), stdout=out)

    output = out.getvalue()
    assert "\r  rows 100 checked" in output and "\r  rows 250 checked" in output
    assert "\r  rows 100/250 saved" in output and "\r  rows 250/250 saved" in output
    assert "250 created, 0 updated, 0 unchanged; 25 certificate(s)" in output
    assert product_count(seller) == 250


def test_import_command_dry_run_checks_and_writes_nothing(seller, csv_file):
    out = io.StringIO()

    call_command("import_listings", "--seller", seller.slug, csv_file(csv_bytes(valid_rows(5))), "--dry-run", stdout=out)

    assert "Would give 5 created" in out.getvalue() and "nothing written" in out.getvalue()
    assert product_count(seller) == 0


def test_import_command_refuses_an_unknown_seller_and_a_missing_file(seller, csv_file):
    with pytest.raises(CommandError, match="No seller"):
        call_command("import_listings", "--seller", "khong-co", csv_file(csv_bytes([row()])))
    with pytest.raises(CommandError, match="No file"):
        call_command("import_listings", "--seller", seller.slug, "/nonexistent/listings.csv")


def test_export_command_writes_what_import_takes_back(seller, csv_file, tmp_path):
    import_bytes(seller, csv_bytes(valid_rows(6)))
    target = tmp_path / "out.csv"
    out = io.StringIO()

    call_command("export_listings", "--seller", seller.slug, str(target), "--bom", stdout=out)
    call_command("import_listings", "--seller", seller.slug, str(target), stdout=out)

    assert target.read_bytes() == b"\xef\xbb\xbf" + "".join(listings_export(seller=seller)).encode()
    assert "Exported 6 product(s)" in out.getvalue() and "0 created, 0 updated, 6 unchanged" in out.getvalue()
    stdout = io.StringIO()
    call_command("export_listings", "--seller", seller.slug, stdout=stdout)
    assert stdout.getvalue() == "".join(listings_export(seller=seller))
