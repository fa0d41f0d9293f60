"""Demo OCOP evaluation: the shipped criteria sheets, the people who act on dossiers, and dossiers in every
state — all made through the services, as the people would make them, so their audit trails are real.

Hà Nội is the demo province: the demo sellers of Bát Tràng (pottery) and Vạn Phúc (silk) file dossiers on the
handicraft sheet; their two communes' officers check them; the city's council (a chair and three members)
scores them; the central council's chair decides on 5★. The tea cooperative of Tân Cương (Thái Nguyên) has a
draft on the tea sheet. Certificates come from results (evaluation.services), one revoked afterwards and one
issued long enough ago to have expired (ocop_catalog.lifecycle). See DEMO_DOSSIERS for who is where.

Idempotent: a product that already has a dossier is left alone, and accounts, councils and sheets are found
before being made. Accounts use the demo domain (a production site refuses their sign-ins) and
settings.DEMO_PASSWORD.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.lifecycle import certificate_revoke
from ocop_catalog.models import Commune, Province
from ocop_catalog.rules import add_months
from sellers.demo import DEMO_EMAIL_DOMAIN, demo_seller_email
from sellers.models import Seller

from . import lifecycle, services
from .models import Council, CouncilRound, CriteriaSheet, Criterion, Dossier
from .sheets import criteria_sheet_load_file, shipped_sheet_files

Product = get_model("catalogue", "Product")
User = get_user_model()

STAFF_GROUP = "Cán bộ chương trình OCOP"
STAFF_PERMISSIONS = ("view_dossier", "view_criteriasheet", "add_criteriasheet")

PROVINCE_COUNCIL = "Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố Hà Nội"
CENTRAL_COUNCIL = "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương"


def _email(name: str) -> str:
    return f"{name}@{DEMO_EMAIL_DOMAIN}"


# (e-mail, full name); what each may do is below.
PROGRAMME_STAFF = (_email("chuong-trinh-ocop"), "Cán bộ Chương trình OCOP")
COMMUNE_OFFICERS = {  # commune code → account
    "00577": (_email("can-bo-xa-bat-trang"), "Cán bộ xã Bát Tràng"),
    "09556": (_email("can-bo-phuong-ha-dong"), "Cán bộ phường Hà Đông"),
}
COUNCIL_CHAIR = (_email("hoi-dong-ha-noi-chu-tich"), "Chủ tịch Hội đồng OCOP Hà Nội")
COUNCIL_MEMBERS = tuple((_email(f"hoi-dong-ha-noi-{n}"), f"Thành viên Hội đồng OCOP Hà Nội {n}") for n in (1, 2, 3))
CENTRAL_CHAIR = (_email("hoi-dong-trung-uong"), "Chủ tịch Hội đồng OCOP trung ương")


@dataclass(frozen=True)
class DemoDossier:
    """A product's dossiers, oldest first: each a list of steps ending in the state it is left in."""

    producer_code: str
    sku: str
    sheet_code: str
    history: tuple[tuple, ...]  # (final state, options) per dossier


HANDICRAFT, TEA = "thu-cong-my-nghe", "do-uong-che"
DEMO_DOSSIERS = (
    # A certificate issued 37 months ago (expired last month); its renewal, checked by the commune.
    DemoDossier("htx-gom-bat-trang", "BT-BINH-MEN-LAM-30", HANDICRAFT, (
        (lifecycle.CERTIFIED, {"total": 82, "months_ago": 37, "number": "1187/QĐ-UBND"}),
        (lifecycle.COMMUNE_CHECKED, {"total": 84, "renewal": True}),
    )),
    # Certified, then revoked after a post-market check; filed again, waiting for the commune.
    DemoDossier("htx-gom-bat-trang", "BT-AM-CHEN-MEN-RAN", HANDICRAFT, (
        (lifecycle.CERTIFIED, {"total": 74, "months_ago": 10, "number": "3342/QĐ-UBND",
                               "revoke": "Hậu kiểm: men rạn không đạt chỉ tiêu chì, cadimi thôi nhiễm theo QCVN; "
                                         "chủ thể không khắc phục trong thời hạn."}),
        (lifecycle.SUBMITTED, {"total": 76}),
    )),
    # 4★ and valid; now scored 93 and sent up for 5★, awaiting the central council.
    DemoDossier("htx-gom-bat-trang", "BT-LO-HOA-BIEN", HANDICRAFT, (
        (lifecycle.CERTIFIED, {"total": 84, "months_ago": 20, "number": "2206/QĐ-UBND"}),
        (lifecycle.SENT_TO_CENTRAL, {"total": 93}),
    )),
    # Being scored: two members have submitted, one keeps a draft, the chair has not scored yet.
    DemoDossier("htx-lua-van-phuc", "VP-KHAN-LUA-180", HANDICRAFT, ((lifecycle.COUNCIL_SCORING, {"total": 71}),)),
    # Evaluated under 50 (no certificate); filed again and returned by the ward with a reason.
    DemoDossier("htx-lua-van-phuc", "VP-LUA-VAN-HOA-1M", HANDICRAFT, (
        (lifecycle.EVALUATED, {"total": 45}),
        (lifecycle.RETURNED, {"total": 58, "reason": "Thiếu phiếu kết quả kiểm nghiệm độ bền màu của vải; "
                                                    "bổ sung rồi nộp lại."}),
    )),
    # Scored 4★ (76): the province is to issue the certificate.
    DemoDossier("htx-lua-van-phuc", "VP-CA-VAT-LUA", HANDICRAFT, ((lifecycle.SCORED, {"total": 76}),)),
    # Another group and province: a draft on the tea sheet.
    DemoDossier("htx-che-tan-cuong", "TC-TRA-TUI-LOC-25", TEA, ((lifecycle.DRAFT, {"total": 68}),)),
)  # fmt: skip

DEMO_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
STORY = (
    "Sản phẩm do các hộ thành viên làm thủ công theo nghề truyền thống của làng, nguyên liệu trong vùng, "
    "có nhật ký sản xuất và tem truy xuất nguồn gốc. Hợp tác xã ký hợp đồng bao tiêu với các hộ và đào tạo "
    "thợ trẻ mỗi năm."
)


def _user(email: str, name: str, *, staff: bool = False):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=settings.DEMO_PASSWORD, first_name=name[:150])
    if staff and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return user


def _people() -> dict:
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="evaluation", codename__in=STAFF_PERMISSIONS))
    staff = _user(*PROGRAMME_STAFF, staff=True)
    staff.groups.add(group)
    officers = {}
    for code, account in COMMUNE_OFFICERS.items():
        officers[code] = _user(*account)
        services.commune_officer_add(user=officers[code], commune=Commune.objects.get(code=code))
    hanoi = Commune.objects.get(code="00577").province
    council = Council.objects.filter(name=PROVINCE_COUNCIL).first() or services.council_create(
        name=PROVINCE_COUNCIL, issuing_body="UBND thành phố Hà Nội", province=hanoi
    )
    chair = _user(*COUNCIL_CHAIR)
    services.council_member_add(council=council, user=chair, is_chair=True)
    members = [_user(*account) for account in COUNCIL_MEMBERS]
    for member in members:
        services.council_member_add(council=council, user=member)
    central = Council.objects.filter(name=CENTRAL_COUNCIL).first() or services.council_create(
        name=CENTRAL_COUNCIL, issuing_body="Bộ Nông nghiệp và Môi trường"
    )
    central_chair = _user(*CENTRAL_CHAIR)
    services.council_member_add(council=central, user=central_chair, is_chair=True)
    return {"staff": staff, "officers": officers, "chair": chair, "members": members, "central_chair": central_chair}


def _answers_for_total(criteria: list, total: int) -> dict[int, int]:
    """{criterion id: option id} whose points add up to exactly `total` (best options first)."""
    reachable = [{} for _ in criteria] + [{0: None}]
    for index in range(len(criteria) - 1, -1, -1):
        for option in sorted(criteria[index].options.all(), key=lambda option: -option.points):
            for rest in reachable[index + 1]:
                reachable[index].setdefault(rest + option.points, option)
    chosen, remaining = {}, total
    for index, criterion in enumerate(criteria):
        option = reachable[index][remaining]
        chosen[criterion.pk] = option.pk
        remaining -= option.points
    return chosen


class _Run:
    """Walks each demo dossier through the services to its state."""

    def __init__(self, people: dict, sheets: dict[str, CriteriaSheet]):
        self.people = people
        self.sheets = sheets
        self.criteria = {
            code: list(Criterion.objects.filter(sheet=sheet).prefetch_related("options").order_by("position"))
            for code, sheet in sheets.items()
        }
        self.today = timezone.localdate()

    def answers(self, code: str, total: int) -> dict[int, int]:
        return _answers_for_total(self.criteria[code], total)

    def dossier(self, spec: DemoDossier, *, seller, user, product, state: str, options: dict) -> Dossier:
        sheet_code, total = spec.sheet_code, options["total"]
        dossier = services.dossier_create(
            seller=seller, product=product, sheet=self.sheets[sheet_code], by=user, renewal=options.get("renewal", False)
        )
        if not dossier.product_story:
            services.dossier_story_set(dossier=dossier, by=user, product_story=STORY)
        services.dossier_document_add(
            dossier=dossier, by=user, title="Giấy chứng nhận cơ sở đủ điều kiện sản xuất",
            upload=SimpleUploadedFile("giay-chung-nhan.pdf", DEMO_PDF, content_type="application/pdf"),
        )  # fmt: skip
        services.self_assessment_save(dossier=dossier, by=user, answers=self.answers(sheet_code, total))
        if state == lifecycle.DRAFT:
            return dossier
        dossier = services.dossier_submit(dossier=dossier, by=user)
        if state == lifecycle.SUBMITTED:
            return dossier
        officer = self.people["officers"][dossier.commune_id]
        if state == lifecycle.RETURNED:
            return services.dossier_return(dossier=dossier, by=officer, reason=options["reason"])
        dossier = services.dossier_accept(dossier=dossier, by=officer)
        if state == lifecycle.COMMUNE_CHECKED:
            return dossier
        chair, members = self.people["chair"], self.people["members"]
        scoring_round = services.round_open(dossier=dossier, by=chair)
        scorers = [chair, *members]
        # Members score around the result: the mean of these is `total`.
        spread = [0, 1, -1, 0]
        if state == lifecycle.COUNCIL_SCORING:
            for member, offset in zip(members[:2], spread[1:3], strict=True):
                services.scorecard_save(round=scoring_round, by=member, answers=self.answers(sheet_code, total + offset), submit=True)
            partial = dict(list(self.answers(sheet_code, total).items())[:10])
            services.scorecard_save(round=scoring_round, by=members[2], answers=partial)
            return dossier
        for scorer, offset in zip(scorers, spread, strict=True):
            services.scorecard_save(round=scoring_round, by=scorer, answers=self.answers(sheet_code, total + offset), submit=True)
        dossier = services.round_close(round=CouncilRound.objects.get(pk=scoring_round.pk), by=chair)
        if state == lifecycle.SCORED:
            return dossier
        if state == lifecycle.EVALUATED:
            return services.dossier_conclude(dossier=dossier, by=chair)
        if state == lifecycle.SENT_TO_CENTRAL:
            return services.dossier_send_to_central(dossier=dossier, by=chair)
        if state != lifecycle.CERTIFIED:
            raise ValueError(f"No demo path to {state}")
        issued_on = add_months(self.today, -options["months_ago"])
        dossier = services.dossier_certify(dossier=dossier, by=chair, number=options["number"], issued_on=issued_on)
        if options.get("revoke"):
            certificate_revoke(
                certificate=dossier.certificate, reason=options["revoke"], by=chair,
                revoked_on=self.today - datetime.timedelta(days=12),
            )  # fmt: skip
        return dossier


def demo_evaluation_load(stdout=None) -> str:
    """Loads the sheets, the demo people and the demo dossiers once; a second run changes nothing."""
    sheets = {}
    for path in shipped_sheet_files():
        sheet = criteria_sheet_load_file(path=path).sheet
        sheets[sheet.code] = sheet
    if not Province.objects.exists():
        return "Demo OCOP evaluation: no localities, nothing loaded."
    created = 0
    # The moves' e-mails would go to the demo's made-up addresses: when tasks run in this process, nowhere.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
        people = _people()
        run = _Run(people, sheets)
        for spec in DEMO_DOSSIERS:
            seller = Seller.objects.select_related("partner").filter(partner__code=spec.producer_code).first()
            product = Product.objects.filter(
                stockrecords__partner__code=spec.producer_code, stockrecords__partner_sku=spec.sku
            ).first()
            if seller is None or product is None or Dossier.objects.filter(product=product).exists():
                continue
            user = User.objects.get(email=demo_seller_email(spec.producer_code))
            for state, options in spec.history:
                dossier = run.dossier(spec, seller=seller, user=user, product=product, state=state, options=options)
                created += 1
                if stdout is not None:
                    stdout.write(f"  dossier {dossier.pk}: {product.title} — {dossier.get_status_display()}")
    return (
        f"Demo OCOP evaluation: {len(sheets)} criteria sheets, {Dossier.objects.count()} dossiers ({created} new); "
        f"sign in with the demo password as {COMMUNE_OFFICERS['00577'][0]} (commune, /ocop/tham-dinh/), "
        f"{COUNCIL_CHAIR[0]} (council chair), {CENTRAL_CHAIR[0]} (central), {PROGRAMME_STAFF[0]} (/shop/dashboard/ocop/)."
    )
