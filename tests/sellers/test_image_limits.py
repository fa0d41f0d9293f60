"""Product photos: one claiming too many pixels is refused from its header, before anything decodes it; and
no page draws a thumbnail while it is served — a task does, and pages show a placeholder until then (issue 11.2).
"""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image, ImageFile

from ocop_catalog import tasks as catalogue_tasks
from ocop_catalog.services import ListingData, product_image_add
from sellers.services import seller_listing_save

pytestmark = pytest.mark.django_db

ProductImage = get_model("catalogue", "ProductImage")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width=10_000, height=10_000) -> bytes:
    """A valid black-and-white PNG of width × height pixels that weighs a few kilobytes."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b"")


def jpeg(width=640, height=480) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def never_decode(monkeypatch):
    """Any decoding of pixels fails the test: only headers may be read."""

    def load(self, *args, **kwargs):
        raise AssertionError("an image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    monkeypatch.setattr(Image.Image, "load", load)


@pytest.fixture
def seller(make_seller):
    return make_seller(name="HTX Chè Tân Cương")


@pytest.fixture
def product(seller):
    listing = ListingData(sku="CHE", title="Chè Tân Cương", description="", group_slug="do-uong", price_vnd=120_000, stock=5)
    return seller_listing_save(seller=seller, listing=listing)


@pytest.fixture
def seller_client(client, seller):
    client.force_login(seller.partner.users.get())
    return client


def _upload(seller_client, product, content, name="anh.png", content_type="image/png"):
    return seller_client.post(
        f"/shop/seller/products/{product.pk}/images/", {"image": SimpleUploadedFile(name, content, content_type)},
        follow=True,
    )


def test_a_hundred_megapixel_png_of_a_few_kilobytes_is_refused_before_decoding(seller_client, product, never_decode):
    content = png_bomb()
    assert len(content) < 150_000

    response = _upload(seller_client, product, content)

    assert ProductImage.objects.filter(product=product).count() == 0
    messages = [str(message) for message in response.context["messages"]]
    assert any("25" in message and ("megapixel" in message or "megapixel" in message.lower()) for message in messages), messages


def test_the_pixel_limit_is_a_setting(seller_client, product, settings):
    settings.MAX_IMAGE_PIXELS = 1_000_000

    _upload(seller_client, product, jpeg(1200, 1000), name="lon.jpg", content_type="image/jpeg")
    assert ProductImage.objects.filter(product=product).count() == 0

    _upload(seller_client, product, jpeg(1000, 1000), name="vua.jpg", content_type="image/jpeg")
    assert ProductImage.objects.filter(product=product).count() == 1


def test_pages_show_a_placeholder_and_queue_the_task_until_it_has_drawn_the_thumbnail(
    client, product, monkeypatch
):
    queued = []
    monkeypatch.setattr(catalogue_tasks.prepare_product_thumbnails, "delay", lambda product_id: queued.append(product_id))
    image = product_image_add(product=product, filename="che.jpg", content=jpeg())
    pending_url = f"/shop/thumbnails/{image.pk}/640x640/"

    with monkeypatch.context() as patch:
        patch.setattr(ImageFile.ImageFile, "load", lambda *a, **k: pytest.fail("a page decoded an image"))
        html = client.get(product.get_absolute_url()).content.decode()
        redirect = client.get(pending_url)

    assert f'src="{pending_url}"' in html and "/media/cache/" not in html
    assert queued and set(queued) == {product.pk}
    assert redirect.status_code == 302 and redirect["Location"].endswith("/img/thumbnail-pending.svg")

    assert catalogue_tasks.prepare_product_thumbnails(product.pk) == 1  # what the worker runs

    html = client.get(product.get_absolute_url()).content.decode()
    assert 'src="/media/cache/' in html and pending_url not in html
    drawn = client.get(pending_url)  # a card cached with the placeholder now leads to the photo
    assert drawn.status_code == 302 and drawn["Location"].startswith("/media/cache/")


def test_the_task_never_decodes_an_image_over_the_limit(product, never_decode):
    product_image_add(product=product, filename="bom.png", content=png_bomb())

    assert catalogue_tasks.prepare_product_thumbnails(product.pk) == 0
