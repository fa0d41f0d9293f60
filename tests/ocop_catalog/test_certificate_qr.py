"""Each product page carries a QR code that decodes to its certificate's public verify page."""

import io

import pytest
import segno
import zxingcpp
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from ocop_catalog.models import Commune
from ocop_catalog.presenters import certificate_qr_svg, certificate_verify_url
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def producer(localities):
    return make_producer(commune=Commune.objects.get(code="00004"))


def decode(code: segno.QRCode) -> str:
    """Read the code back with a real QR reader (zxing-cpp), from the image segno draws."""
    png = io.BytesIO()
    code.save(png, kind="png", scale=6, border=4)
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.getvalue())))
    assert len(results) == 1
    return results[0].text


def test_the_product_page_qr_decodes_to_the_absolute_verify_url(client, producer, settings):
    settings.SITE_URL = "https://cho-ocop.example"
    product = make_product(producer=producer, stars=4)
    certificate = product.ocop_certificate

    html = client.get(product.get_absolute_url()).content.decode()

    svg = certificate_qr_svg(certificate_id=certificate.pk)
    assert svg in html
    assert certificate_verify_url(certificate_id=certificate.pk) == f"https://cho-ocop.example/ocop/chung-nhan/{certificate.pk}/"
    code = segno.make(certificate_verify_url(certificate_id=certificate.pk), error="m", micro=False)
    assert code.svg_inline(border=4, dark="#000", light="#fff", omitsize=True) == svg  # the page draws this code
    assert decode(code) == f"https://cho-ocop.example/ocop/chung-nhan/{certificate.pk}/"


def test_a_product_without_certificate_has_no_qr(client, producer):
    product = make_product(producer=producer)

    assert "<svg" not in client.get(product.get_absolute_url()).content.decode()


def test_the_qr_adds_no_query_to_the_product_page(client, producer):
    with_certificate, without = make_product(producer=producer, stars=4), make_product(producer=producer)
    counts = []
    for product in (with_certificate, without):
        client.get(product.get_absolute_url())  # warm the caches a server keeps warm
        with CaptureQueriesContext(connection) as queries:
            assert client.get(product.get_absolute_url()).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
