import itertools

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from evaluation import services
from evaluation.models import Criterion
from evaluation.sheets import criteria_sheet_load_file, shipped_sheet_files
from ocop_catalog.models import Commune, Province
from sellers.services import SellerData, application_approve, application_submit
from tests.factories import make_product

User = get_user_model()
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
_numbers = itertools.count(1)


def pdf_upload(name="giay-to.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_user(label="user"):
    return User.objects.create_user(email=f"{label}{next(_numbers)}@example.vn", password="mat-khau-1")


def make_seller(*, commune_code="00004"):
    number = next(_numbers)
    data = SellerData(
        kind="cooperative", name=f"Hợp tác xã thử {number}", tax_code=f"46{number:08d}", representative="Nguyễn Văn An",
        phone="0912 345 678", email=f"seller{number}@example.vn", commune=Commune.objects.get(code=commune_code),
        bank_name="Agribank", bank_account_number="1234567890123", bank_account_holder="HTX thử",
    )  # fmt: skip
    seller = application_approve(application=application_submit(data=data))
    user = seller.partner.users.get()
    return seller, user


@pytest.fixture
def sheets(db):
    """The three shipped sheets, by code."""
    loaded = [criteria_sheet_load_file(path=path).sheet for path in shipped_sheet_files()]
    return {sheet.code: sheet for sheet in loaded}


@pytest.fixture
def sheet(sheets):
    return sheets["thuc-pham-gia-vi-mat-ong"]


def answers_for_total(sheet, total: int) -> dict[int, int]:
    """{criterion id: option id} whose points add up to exactly `total` (one option per criterion)."""
    criteria = list(Criterion.objects.filter(sheet=sheet).prefetch_related("options").order_by("position"))
    # reachable[i]: {sum of criteria i.. : the option of criterion i that starts it}
    reachable = [{} for _ in criteria] + [{0: None}]
    for index in range(len(criteria) - 1, -1, -1):
        for option in sorted(criteria[index].options.all(), key=lambda option: -option.points):
            for rest in reachable[index + 1]:
                reachable[index].setdefault(rest + option.points, option)
    assert total in reachable[0], f"cannot make {total} on this sheet"
    chosen, remaining = {}, total
    for index, criterion in enumerate(criteria):
        option = reachable[index][remaining]
        chosen[criterion.pk] = option.pk
        remaining -= option.points
    return chosen


class World:
    """A seller with a product in commune 00004, its commune officer, the province council (chair and
    three members) and the central council (chair)."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.seller, self.seller_user = make_seller()
        self.product = make_product(producer=self.seller.partner)
        self.commune = self.seller.commune
        self.officer = make_user("xa")
        services.commune_officer_add(user=self.officer, commune=self.commune)
        self.council = services.council_create(
            name="Hội đồng OCOP tỉnh", issuing_body="UBND tỉnh thử", province=self.commune.province
        )
        self.chair = make_user("chutich")
        services.council_member_add(council=self.council, user=self.chair, is_chair=True)
        self.members = [make_user("thanhvien") for _ in range(3)]
        for member in self.members:
            services.council_member_add(council=self.council, user=member)
        self.central = services.council_create(name="Hội đồng OCOP trung ương", issuing_body="Bộ Nông nghiệp và Môi trường")
        self.central_chair = make_user("trunguong")
        services.council_member_add(council=self.central, user=self.central_chair, is_chair=True)

    def draft(self, *, total: int = 75):
        dossier = services.dossier_create(seller=self.seller, product=self.product, sheet=self.sheet, by=self.seller_user)
        services.dossier_story_set(dossier=dossier, by=self.seller_user, product_story="Câu chuyện của sản phẩm.")
        services.dossier_document_add(dossier=dossier, by=self.seller_user, upload=pdf_upload(), title="Giấy chứng nhận ATTP")
        services.self_assessment_save(dossier=dossier, by=self.seller_user, answers=answers_for_total(self.sheet, total))
        return dossier

    def submitted(self, **kwargs):
        return services.dossier_submit(dossier=self.draft(**kwargs), by=self.seller_user)

    def accepted(self, **kwargs):
        return services.dossier_accept(dossier=self.submitted(**kwargs), by=self.officer)

    def scored(self, totals, **kwargs):
        """A dossier whose council round closed with members' `totals` (chair first, then members)."""
        dossier = self.accepted(**kwargs)
        scoring_round = services.round_open(dossier=dossier, by=self.chair)
        for user, total in zip([self.chair, *self.members], totals, strict=False):
            services.scorecard_save(round=scoring_round, by=user, answers=answers_for_total(self.sheet, total), submit=True)
        return services.round_close(round=scoring_round, by=self.chair)


@pytest.fixture
def world(localities, sheet):
    return World(sheet)


@pytest.fixture
def other_province_commune(localities):
    commune = Commune.objects.exclude(province_id=Commune.objects.get(code="00004").province_id).first()
    assert isinstance(commune.province, Province)
    return commune
