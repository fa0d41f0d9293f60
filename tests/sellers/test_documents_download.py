"""Certificate scans sent with an application: the download is named from our record, never from the
uploader's file name, and its type is the one the bytes prove (issue 11.12)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sellers.services import application_submit
from tests.sellers.conftest import PDF_BYTES, seller_data

pytestmark = pytest.mark.django_db


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def _download(admin_client, document):
    return admin_client.get(f"/shop/dashboard/sellers/documents/{document.pk}/")


@pytest.mark.parametrize(
    "name, content, header_type, expected_type, extension",
    [
        ("evil.html", PDF_BYTES, "text/html", "application/pdf", "pdf"),
        ('chứng nhận "OCOP".svg', _png_bytes(), "image/svg+xml", "image/png", "png"),
        ("../../etc/passwd.jpg", PDF_BYTES, "image/jpeg", "application/pdf", "pdf"),
    ],
    ids=["html-name", "svg-name", "path-name"],
)
def test_a_scan_downloads_under_a_name_made_from_the_record_with_its_sniffed_type(
    admin_client, localities, name, content, header_type, expected_type, extension
):
    upload = SimpleUploadedFile(name, content, content_type=header_type)
    document = application_submit(data=seller_data(), documents=[upload]).documents.get()

    response = _download(admin_client, document)

    assert document.content_type == expected_type  # sniffed from the bytes, not the browser's header
    assert response.status_code == 200
    assert response["Content-Type"] == expected_type
    assert response["Content-Disposition"] == f'attachment; filename="chung-nhan-ocop-{document.pk}.{extension}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content


def test_a_record_whose_type_is_not_a_scan_type_downloads_as_octet_stream(admin_client, localities):
    document = application_submit(
        data=seller_data(), documents=[SimpleUploadedFile("a.pdf", PDF_BYTES, content_type="application/pdf")]
    ).documents.get()
    # A row written before types were sniffed, or by hand: never served as what it claims.
    type(document).objects.filter(pk=document.pk).update(content_type="text/html")

    response = _download(admin_client, document)

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == f'attachment; filename="chung-nhan-ocop-{document.pk}.bin"'
