"""Issue 12 on a 390 px phone, one dossier from the seller to a certificate anyone can check: the seller
files and submits it, the commune officer accepts it, three council members (one the chair) score it
blind, the chair closes the round and issues the certificate, and the public verify page shows it valid.

Screenshots: test-results/e2e/<test name>/.
"""

import re
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from evaluation import services
from evaluation.sheets import criteria_sheet_load_file, shipped_sheet_files
from ocop_catalog.models import Province
from tests.checkout.conftest import approved_seller, hanoi_localities
from tests.evaluation.conftest import PDF_BYTES, answers_for_total
from tests.factories import make_product

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "ocop-e2e-tham-dinh-2026"
PHONE = {"width": 390, "height": 844}
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) { window.__cspViolations.push(e.violatedDirective); });
"""
SHEET = "thuc-pham-gia-vi-mat-ong"
# The members' totals: mean 75, a 4★ result the province certifies.
TOTALS = {"chair": 76, "member-1": 74, "member-2": 75}


def _user(email, name):
    first, last = name.split(" ", 1)
    return get_user_model().objects.create_user(email=email, password=PASSWORD, first_name=first, last_name=last)


@pytest.fixture
def people():
    hanoi_localities()
    sheets = {loaded.sheet.code: loaded.sheet for loaded in (criteria_sheet_load_file(path=path) for path in shipped_sheet_files())}
    seller = approved_seller(name="HTX Mật ong Ba Vì", tax_code="4600123777", email="matong.bavi@example.vn")
    seller_user = seller.partner.users.get()
    seller_user.set_password(PASSWORD)
    seller_user.save()
    product = make_product(producer=seller.partner, title="Mật ong hoa nhãn Ba Vì 500 ml")
    officer = _user("can-bo-xa@example.vn", "Trần Thị Xã")
    services.commune_officer_add(user=officer, commune=seller.commune)
    council = services.council_create(
        name="Hội đồng OCOP Hà Nội", issuing_body="UBND Thành phố Hà Nội", province=Province.objects.get(code="01")
    )
    members = {"chair": _user("chu-tich@example.vn", "Lê Văn Chủ"), "member-1": _user("uy-vien-1@example.vn", "Phạm Thị Một"),
               "member-2": _user("uy-vien-2@example.vn", "Đỗ Văn Hai")}  # fmt: skip
    for role, user in members.items():
        services.council_member_add(council=council, user=user, is_chair=role == "chair")
    return {"seller": seller_user, "product": product, "officer": officer, "members": members, "sheet": sheets[SHEET]}


def sign_in(browser, live_server, user):
    page = browser.new_context(viewport=PHONE, locale="vi-VN").new_page()
    page.set_default_timeout(20_000)
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{live_server.url}/shop/accounts/login/")
    page.fill("#id_login-username", user.email)
    page.fill("#id_login-password", PASSWORD)
    page.click("button[name=login_submit]")
    page.wait_for_load_state()
    return page


def check_answers(page, answers):
    for criterion_id, option_id in answers.items():
        page.check(f"input[name='criterion-{criterion_id}'][value='{option_id}']")


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("window.__cspViolations") == []


def test_a_dossier_walks_from_the_seller_to_a_certificate_anyone_can_check(live_server, browser, screenshots, people):
    sheet = people["sheet"]

    # The seller files the dossier, tells the story, attaches a document, self-assesses and submits.
    seller = sign_in(browser, live_server, people["seller"])
    seller.goto(f"{live_server.url}/shop/seller/ho-so/moi/")
    seller.select_option("#id_product", str(people["product"].pk))
    seller.select_option("#id_sheet", str(sheet.pk))
    seller.locator("form.form-stack button[type=submit]").click()
    seller.wait_for_url(re.compile(r"/shop/seller/ho-so/\d+/$"))
    dossier_id = int(re.search(r"/ho-so/(\d+)/$", seller.url).group(1))
    seller.fill("#id_product_story", "Mật ong hoa nhãn do các hộ nuôi ong ở chân núi Ba Vì khai thác.")
    seller.get_by_role("button", name=re.compile("câu chuyện|story", re.I)).click()
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "phieu-kiem-nghiem.pdf"
        document.write_bytes(PDF_BYTES)
        seller.fill("#id_title", "Phiếu kiểm nghiệm")
        seller.set_input_files("#id_file", str(document))
        seller.locator(f"form[action$='/ho-so/{dossier_id}/tai-lieu/'] button[type=submit]").click()
        seller.wait_for_load_state()
    seller.goto(f"{live_server.url}/shop/seller/ho-so/{dossier_id}/tu-danh-gia/")
    check_answers(seller, answers_for_total(sheet, 72))
    seller.locator("form.form-stack button[type=submit]").click()
    seller.wait_for_load_state()
    assert "72" in seller.get_by_test_id("self-assessment-score").inner_text()
    seller.goto(f"{live_server.url}/shop/seller/ho-so/{dossier_id}/")
    seller.locator(f"form[action$='/ho-so/{dossier_id}/nop/'] button").click()
    seller.wait_for_load_state()
    screenshots(seller, "seller-submitted")

    # The commune officer finds it in the inbox, reads it and accepts it.
    officer = sign_in(browser, live_server, people["officer"])
    officer.goto(f"{live_server.url}/ocop/tham-dinh/")
    officer.wait_for_url(re.compile(r"/ocop/tham-dinh/xa/$"))
    screenshots(officer, "commune-inbox")
    fits_the_phone(officer)
    officer.get_by_test_id("awaiting").get_by_role("link", name=people["product"].title).click()
    officer.wait_for_url(re.compile(rf"/xa/ho-so/{dossier_id}/$"))
    assert "72/100" in officer.get_by_test_id("self-assessment-total").inner_text()
    assert officer.get_by_role("link", name="Phiếu kiểm nghiệm").is_visible()
    screenshots(officer, "commune-dossier")
    fits_the_phone(officer)
    officer.locator(f"form[action$='/xa/ho-so/{dossier_id}/tiep-nhan/'] button").click()
    officer.wait_for_load_state()
    screenshots(officer, "commune-accepted")

    # The chair opens the round; each of the three members scores on their own and submits.
    pages = {role: sign_in(browser, live_server, user) for role, user in people["members"].items()}
    chair = pages["chair"]
    chair.goto(f"{live_server.url}/ocop/tham-dinh/hoi-dong/ho-so/{dossier_id}/")
    chair.locator(f"form[action$='/ho-so/{dossier_id}/mo-vong-cham/'] button").click()
    chair.wait_for_load_state()
    screenshots(chair, "chair-round-opened")
    for role, page in pages.items():
        page.goto(f"{live_server.url}/ocop/tham-dinh/hoi-dong/")
        page.get_by_test_id("council-active").get_by_role("link", name=re.compile("Chấm|Score", re.I)).click()
        page.wait_for_url(re.compile(r"/vong-cham/\d+/$"))
        assert page.get_by_test_id("blind-notice").is_visible()  # nobody's scores before one's own
        check_answers(page, answers_for_total(sheet, TOTALS[role]))
        if role == "member-1":
            screenshots(page, "member-scoring")
        page.locator("button[name=action][value=submit]").click()
        page.wait_for_load_state()
        assert str(TOTALS[role]) in page.get_by_test_id("my-total").inner_text()
        fits_the_phone(page)
    screenshots(pages["member-2"], "member-sees-the-others")
    assert "74/100" in pages["member-2"].get_by_test_id("other-scorecards").inner_text()

    # The chair closes the round (mean 75 → 4★) and issues the certificate.
    chair.reload()
    chair.locator("form[action$='/dong/'] button").click()
    chair.wait_for_url(re.compile(rf"/hoi-dong/ho-so/{dossier_id}/$"))
    assert "75/100 · 4★" in chair.get_by_test_id("result-outcome").inner_text()
    screenshots(chair, "chair-round-closed")
    chair.fill("#id_number", "215/QĐ-UBND")
    chair.fill("#id_issued_on", timezone.localdate().isoformat())
    chair.locator(f"form[action$='/ho-so/{dossier_id}/cap-chung-nhan/'] button").click()
    chair.wait_for_load_state()
    screenshots(chair, "chair-certified")
    fits_the_phone(chair)

    # Anyone checks the certificate on its public page.
    chair.get_by_role("link", name="215/QĐ-UBND").click()
    chair.wait_for_url(re.compile(r"/ocop/chung-nhan/\d+/$"))
    public = browser.new_context(viewport=PHONE, locale="vi-VN").new_page()
    public.goto(chair.url)
    record = public.locator(".certificate-check")
    assert "certificate-check--valid" in record.get_attribute("class")
    assert "215/QĐ-UBND" in record.inner_text() and people["product"].title in record.inner_text()
    assert "4★" in record.inner_text()
    screenshots(public, "public-verify-valid")
