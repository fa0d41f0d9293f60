import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from sellers.models import Seller, SellerApplication, SellerDocument
from sellers.services import application_approve, application_reject
from tests.sellers.conftest import PDF_BYTES, pdf_upload

pytestmark = pytest.mark.django_db

APPLY_URL = "/shop/seller/apply/"


def form_data(**overrides):
    values = {
        "kind": "cooperative", "name": "Hợp tác xã Mật ong Bạc Hà", "tax_code": "5100234567-001",
        "representative": "Lò Thị Mai", "phone": "+84 987.654.321", "email": "matong@example.vn",
        "province": "01", "commune": "00004", "bank_name": "Vietcombank", "bank_account_number": "0011 0022 0033",
        "bank_account_holder": "HTX Mật ong Bạc Hà",
    }  # fmt: skip
    values.update(overrides)
    return values


def test_visitor_applies_with_a_scan_and_both_applicant_and_staff_are_emailed(
    client, localities, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY_URL, {**form_data(), "documents": [pdf_upload()]})

    assert response.status_code == 302
    application = SellerApplication.objects.get()
    assert application.status == SellerApplication.Status.PENDING
    assert application.phone == "0987654321"
    assert application.bank_account_number == "001100220033"
    document = SellerDocument.objects.get(application=application)
    assert document.content_type == "application/pdf"
    assert "chung-nhan" not in document.file.name  # stored under a random name
    assert not document.file.path.startswith(str(settings.MEDIA_ROOT))
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(["matong@example.vn", settings.SELLER_STAFF_EMAIL])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tax_code", "12345"),
        ("tax_code", "0101234567-01"),
        ("tax_code", "01012345678"),
        ("phone", "0212345678"),
        ("phone", "091234567"),
        ("email", "not-an-email"),
        ("commune", "99999"),
        ("name", ""),
        ("representative", ""),
        ("bank_account_number", "12ab"),
    ],
)
def test_each_invalid_field_is_reported_and_nothing_is_saved(client, localities, field, value):
    response = client.post(APPLY_URL, form_data(**{field: value}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not SellerApplication.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("fake.pdf", b"MZ\x90\x00 an executable renamed"),
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
        ("huge.pdf", PDF_BYTES + b"0" * (5 * 1024 * 1024)),
    ],
)
def test_documents_that_are_not_small_pdf_jpeg_or_png_are_refused(client, localities, name, content):
    response = client.post(APPLY_URL, {**form_data(), "documents": [pdf_upload(name, content)]})

    assert "documents" in response.context["form"].errors
    assert not SellerApplication.objects.exists()
    assert not SellerDocument.objects.exists()


def test_choosing_a_province_without_javascript_lists_its_communes_and_keeps_the_typed_fields(client, localities):
    response = client.post(APPLY_URL, {"province": "01", "name": "HTX Thử", "choose_province": "1"})

    form = response.context["form"]
    assert ("00004", "Phường Ba Đình") in form.fields["commune"].choices
    assert form["name"].value() == "HTX Thử"
    assert not SellerApplication.objects.exists()


def test_staff_approval_creates_partner_seller_and_user_and_emails_a_password_link(
    localities, django_capture_on_commit_callbacks
):
    from sellers.services import application_submit
    from tests.sellers.conftest import seller_data

    application = application_submit(data=seller_data())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        seller = application_approve(application=application)

    assert seller.partner.name == "Hợp tác xã Chè Tân Cương"
    assert seller.partner.commune_id == "00004"
    user = seller.partner.users.get()
    assert user.email == "htx.tancuong@example.vn"
    assert not user.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["htx.tancuong@example.vn"]
    assert "/shop/password-reset/confirm/" in message.body
    assert reverse("sellers:dashboard") in message.body


def test_rejection_needs_a_reason_and_sends_it_to_the_applicant(localities, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    from sellers.services import application_submit
    from tests.sellers.conftest import seller_data

    application = application_submit(data=seller_data())
    mail.outbox.clear()
    with pytest.raises(ValidationError):
        application_reject(application=application, reason="  ")

    with django_capture_on_commit_callbacks(execute=True):
        application_reject(application=application, reason="Mã số thuế không khớp với giấy phép.")

    application.refresh_from_db()
    assert application.status == SellerApplication.Status.REJECTED
    (message,) = mail.outbox
    assert "Mã số thuế không khớp với giấy phép." in message.body
    assert not Seller.objects.exists()


def test_staff_decide_in_the_dashboard(admin_client, localities):
    from sellers.services import application_submit
    from tests.sellers.conftest import seller_data

    application = application_submit(data=seller_data())
    detail = admin_client.get(f"/shop/dashboard/sellers/applications/{application.pk}/")
    assert detail.status_code == 200

    admin_client.post(f"/shop/dashboard/sellers/applications/{application.pk}/decide/", {"decision": "approve"})

    application.refresh_from_db()
    assert application.status == SellerApplication.Status.APPROVED
    assert application.seller.slug == "hop-tac-xa-che-tan-cuong"


def test_shoppers_cannot_reach_staff_pages_or_documents(client, localities):
    from sellers.services import application_submit
    from tests.sellers.conftest import seller_data

    application = application_submit(data=seller_data(), documents=[pdf_upload()])
    document = application.documents.get()

    for url in (
        f"/shop/dashboard/sellers/applications/{application.pk}/",
        f"/shop/dashboard/sellers/documents/{document.pk}/",
        "/shop/dashboard/sellers/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_staff_download_a_scan_as_an_attachment(admin_client, localities):
    from sellers.services import application_submit
    from tests.sellers.conftest import seller_data

    application = application_submit(data=seller_data(), documents=[pdf_upload()])
    document = application.documents.get()

    response = admin_client.get(f"/shop/dashboard/sellers/documents/{document.pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_create_seller_command_onboards_through_the_same_service(localities):
    call_command(
        "create_seller", "--name", "HTX Gốm Bát Tràng", "--slug", "gom-bat-trang", "--commune", "00004",
        "--email", "battrang@example.vn", "--tax-code", "0100123456", "--approved",
    )  # fmt: skip

    seller = Seller.objects.get(slug="gom-bat-trang")
    assert seller.partner.code == "gom-bat-trang"
    assert seller.application.status == SellerApplication.Status.APPROVED
    with pytest.raises(CommandError, match="tax"):
        call_command(
            "create_seller", "--name", "Trùng", "--slug", "trung", "--commune", "00004",
            "--email", "x@example.vn", "--tax-code", "0100123456", "--approved",
        )  # fmt: skip
    with pytest.raises(CommandError, match="commune"):
        call_command(
            "create_seller", "--name", "Sai xã", "--slug", "sai-xa", "--commune", "12345",
            "--email", "y@example.vn", "--tax-code", "0100999999",
        )  # fmt: skip


# --- Single-line fields and e-mails that cannot undo a decision (issue 11.7) -------------------


@pytest.mark.parametrize("field", ["name", "representative", "bank_name", "bank_account_holder"])
@pytest.mark.parametrize("text", ["HTX Mật ong\nBạc Hà", "HTX\rMật ong", "HTX\x00Mật ong", "HTX\tMật ong", "HTX\x1b[31m"])
def test_control_characters_in_a_single_line_field_are_refused_and_nothing_is_saved(client, localities, field, text):
    response = client.post(APPLY_URL, form_data(**{field: text}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not SellerApplication.objects.exists()


def test_the_service_refuses_a_name_on_two_lines_from_any_caller(localities):
    from django.core.exceptions import ValidationError

    from sellers.services import application_submit
    from tests.sellers.conftest import seller_data

    with pytest.raises(ValidationError) as error:
        application_submit(data=seller_data(name="HTX Chè\nTân Cương"))

    assert "name" in error.value.message_dict
    assert not SellerApplication.objects.exists()


class FlakyMailBackend:
    """The SMTP server hangs up on the first `failures` messages (to `only_to`, if set), then takes
    them (in mail.outbox)."""

    failures = 0
    only_to = None

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self.delivered = EmailBackend(*args, **kwargs)

    def send_messages(self, messages):
        import smtplib

        aimed = FlakyMailBackend.only_to is None or any(FlakyMailBackend.only_to in m.to for m in messages)
        if FlakyMailBackend.failures > 0 and aimed:
            FlakyMailBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return self.delivered.send_messages(messages)


@pytest.fixture
def flaky_mail(settings):
    settings.EMAIL_BACKEND = "tests.sellers.test_onboarding.FlakyMailBackend"
    yield FlakyMailBackend
    FlakyMailBackend.failures, FlakyMailBackend.only_to = 0, None


@pytest.fixture
def retrying_like_a_worker():
    """Eager tasks retry in place, as a worker would (they re-raise at the first failure otherwise)."""
    from marketplace.celery import app

    propagates = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = propagates


def test_the_approval_email_is_retried_until_the_mail_server_takes_it(
    admin_client, localities, flaky_mail, retrying_like_a_worker, django_capture_on_commit_callbacks
):
    from sellers.services import application_submit
    from tests.sellers.conftest import seller_data

    application = application_submit(data=seller_data())
    flaky_mail.failures = 2

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/shop/dashboard/sellers/applications/{application.pk}/decide/", {"decision": "approve"}
        )

    assert response.status_code == 302
    (message,) = [message for message in mail.outbox if message.to == ["htx.tancuong@example.vn"]]
    assert "/shop/password-reset/confirm/" in message.body


def test_an_email_that_cannot_be_sent_never_undoes_the_approval(
    admin_client, localities, flaky_mail, django_capture_on_commit_callbacks
):
    from sellers.services import application_submit
    from tests.sellers.conftest import seller_data

    application = application_submit(data=seller_data())
    flaky_mail.failures = 1000  # the mail server stays down

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/shop/dashboard/sellers/applications/{application.pk}/decide/", {"decision": "approve"}
        )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == SellerApplication.Status.APPROVED
    assert Seller.objects.filter(application=application).exists()


def test_the_applicant_is_emailed_once_even_when_the_staff_email_needs_retries(
    localities, flaky_mail, retrying_like_a_worker, settings, django_capture_on_commit_callbacks
):
    from sellers.services import application_submit
    from tests.sellers.conftest import seller_data

    flaky_mail.failures, flaky_mail.only_to = 1, settings.SELLER_STAFF_EMAIL

    with django_capture_on_commit_callbacks(execute=True):
        application_submit(data=seller_data())

    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        ["htx.tancuong@example.vn", settings.SELLER_STAFF_EMAIL]
    )
