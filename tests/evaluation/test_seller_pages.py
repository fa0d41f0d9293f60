"""The seller's dossier pages (/shop/seller/ho-so/): a seller files, edits, self-assesses with the score
counted on the server, and submits — only its own dossiers; a foreign id is a 404 and changes nothing."""

import pytest
from django.urls import reverse

from evaluation import lifecycle, services
from evaluation.models import Dossier, DossierDocument
from tests.evaluation.conftest import PDF_BYTES, answers_for_total, make_seller, pdf_upload
from tests.factories import make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller_client(client, world):
    client.force_login(world.seller_user)
    return client


def test_a_seller_files_a_dossier_self_assesses_and_submits_it(seller_client, world):
    response = seller_client.post(
        reverse("evaluation:seller-dossier-create"), {"product": world.product.pk, "sheet": world.sheet.pk}
    )
    dossier = Dossier.objects.get(product=world.product)
    assert response.status_code == 302 and response.url == reverse("evaluation:seller-dossier", args=[dossier.pk])

    seller_client.post(reverse("evaluation:seller-dossier-story", args=[dossier.pk]), {"product_story": "Nước mắm cốt nhĩ."})
    seller_client.post(
        reverse("evaluation:seller-dossier-document", args=[dossier.pk]),
        {"title": "Phiếu kiểm nghiệm", "file": pdf_upload()},
    )
    answers = {f"criterion-{criterion}": option for criterion, option in answers_for_total(world.sheet, 72).items()}
    response = seller_client.post(reverse("evaluation:seller-self-assessment", args=[dossier.pk]), answers, follow=True)
    page = response.content.decode()
    assert "72" in page and "4★" in page
    assert "checked" in page

    response = seller_client.post(reverse("evaluation:seller-dossier-submit", args=[dossier.pk]), follow=True)
    dossier.refresh_from_db()
    assert dossier.status == lifecycle.SUBMITTED
    assert dossier.product_story == "Nước mắm cốt nhĩ."
    assert dossier.documents.get().title == "Phiếu kiểm nghiệm"
    assert "Nước mắm cốt nhĩ." in response.content.decode()


def test_the_self_assessment_page_shows_the_score_of_the_saved_answers(seller_client, world):
    dossier = world.draft(total=55)
    page = seller_client.get(reverse("evaluation:seller-self-assessment", args=[dossier.pk])).content.decode()
    assert "55" in page and "3★" in page


def test_an_incomplete_dossier_is_not_submitted_and_the_seller_reads_why(seller_client, world):
    dossier = services.dossier_create(seller=world.seller, product=world.product, sheet=world.sheet, by=world.seller_user)
    response = seller_client.post(reverse("evaluation:seller-dossier-submit", args=[dossier.pk]), follow=True)
    assert Dossier.objects.get(pk=dossier.pk).status == lifecycle.DRAFT
    assert len(list(response.context["messages"])) == 3


def test_a_document_that_is_not_a_pdf_jpeg_or_png_is_refused(seller_client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    dossier = services.dossier_create(seller=world.seller, product=world.product, sheet=world.sheet, by=world.seller_user)
    fake = SimpleUploadedFile("chung-nhan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    seller_client.post(reverse("evaluation:seller-dossier-document", args=[dossier.pk]), {"title": "Giấy", "file": fake})
    assert not DossierDocument.objects.exists()


def test_the_seller_downloads_its_document_under_a_name_of_ours(seller_client, world):
    dossier = world.draft()
    document = dossier.documents.get()
    response = seller_client.get(reverse("evaluation:seller-dossier-document-download", args=[dossier.pk, document.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    assert f"ho-so-ocop-{dossier.pk}-{document.pk}.pdf" in response["Content-Disposition"]


def test_the_list_shows_only_the_sellers_own_dossiers(client, world, django_assert_max_num_queries):
    other_seller, other_user = make_seller()
    other = services.dossier_create(
        seller=other_seller, product=make_product(producer=other_seller.partner, title="Mật ong người khác"),
        sheet=world.sheet, by=other_user,
    )  # fmt: skip
    for _ in range(12):
        product = make_product(producer=world.seller.partner)
        services.dossier_create(seller=world.seller, product=product, sheet=world.sheet, by=world.seller_user)
    client.force_login(world.seller_user)
    # The layout's own queries (session, basket, categories) plus one for the dossiers, whatever their number.
    with django_assert_max_num_queries(17):
        response = client.get(reverse("evaluation:seller-dossier-list"))
    assert len(response.context["dossiers"]) == 12
    assert other.product.title not in response.content.decode()


ISOLATION_CASES = [
    ("evaluation:seller-dossier", "get", None),
    ("evaluation:seller-self-assessment", "get", None),
    ("evaluation:seller-dossier-story", "post", {"product_story": "Sửa trộm"}),
    ("evaluation:seller-self-assessment", "post", {}),
    ("evaluation:seller-dossier-submit", "post", {}),
    ("evaluation:seller-dossier-document", "post", {"title": "x"}),
]


@pytest.mark.parametrize(("name", "method", "data"), ISOLATION_CASES)
def test_another_sellers_dossier_is_a_404_and_nothing_changes(client, world, name, method, data):
    dossier = world.draft()
    _intruder_seller, intruder = make_seller()
    client.force_login(intruder)
    response = getattr(client, method)(reverse(name, args=[dossier.pk]), data or {})
    assert response.status_code == 404
    after = Dossier.objects.get(pk=dossier.pk)
    assert (after.status, after.product_story, after.documents.count()) == (lifecycle.DRAFT, "Câu chuyện của sản phẩm.", 1)


def test_another_sellers_document_is_a_404(client, world):
    dossier = world.draft()
    _intruder_seller, intruder = make_seller()
    client.force_login(intruder)
    url = reverse("evaluation:seller-dossier-document-download", args=[dossier.pk, dossier.documents.get().pk])
    assert client.get(url).status_code == 404


def test_someone_who_is_not_a_seller_is_refused(client, world):
    client.force_login(world.officer)
    assert client.get(reverse("evaluation:seller-dossier-list")).status_code == 403


def test_a_submitted_dossier_cannot_be_changed_from_its_pages(seller_client, world):
    dossier = world.submitted()
    seller_client.post(reverse("evaluation:seller-dossier-story", args=[dossier.pk]), {"product_story": "Sửa sau khi nộp"})
    assert Dossier.objects.get(pk=dossier.pk).product_story == "Câu chuyện của sản phẩm."


def test_every_dossier_url_with_an_id_is_in_the_isolation_test_above():
    from django.urls import URLPattern

    from evaluation import urls

    with_ids = {pattern.name for pattern in urls.urlpatterns if isinstance(pattern, URLPattern) and "<int:pk>" in str(pattern.pattern)}
    tested = {"evaluation:" + name for name in with_ids}
    covered = {name for name, _method, _data in ISOLATION_CASES} | {"evaluation:seller-dossier-document-download"}
    assert tested <= covered, tested - covered
