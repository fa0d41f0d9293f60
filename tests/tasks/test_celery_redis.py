"""A real task through a real Redis broker to a real Celery worker (started by the test)."""

import io
import os
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from oscar.core.loading import get_model
from PIL import Image

from ocop_catalog.services import THUMBNAIL_SPECS

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set: no Redis broker to send through"),
]

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")


def _jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_renders_thumbnails_of_a_product_sent_through_redis(settings):
    from celery.contrib.testing.worker import start_worker
    from sorl.thumbnail import default as sorl_default
    from sorl.thumbnail.images import ImageFile

    from marketplace.celery import app
    from ocop_catalog.tasks import prepare_product_thumbnails

    product_class = ProductClass.objects.create(name="Test class", slug="test-class")
    product = Product.objects.create(title="Mật ong bạc hà", product_class=product_class)
    image = ProductImage(product=product, display_order=0)
    image.original.save("mat-ong.jpg", ContentFile(_jpeg_bytes()), save=False)
    # The post_save signal would run the task eagerly; this test sends it through Redis instead.
    ProductImage.objects.bulk_create([image])

    thumbnails_before = _thumbnail_files()
    app.conf.task_always_eager = False
    try:
        assert app.conf.broker_url.startswith("redis://")
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            prepare_product_thumbnails.delay(product.pk)
            _wait_for(lambda: len(_thumbnail_files() - thumbnails_before) == len(THUMBNAIL_SPECS), seconds=30)
    finally:
        app.conf.task_always_eager = True

    # The worker drew one thumbnail per storefront size, and sorl's store now knows them.
    new_thumbnails = _thumbnail_files() - thumbnails_before
    assert len(new_thumbnails) == len(THUMBNAIL_SPECS)
    source = ImageFile(ProductImage.objects.get(product=product).original)
    assert len(sorl_default.kvstore._get(source.key, identity="thumbnails")) == len(THUMBNAIL_SPECS)


def _thumbnail_files() -> set:
    from django.conf import settings

    root = Path(settings.MEDIA_ROOT) / "cache"
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def _wait_for(condition, *, seconds: float) -> None:
    """Until `condition()` holds (tasks' results are not kept: CELERY_TASK_IGNORE_RESULT), at most `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the worker did not do the task in time"
        time.sleep(0.1)
