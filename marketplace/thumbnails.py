"""Oscar's sorl thumbnailer that never draws a thumbnail while a page is being served.

Drawing means decoding the source image, which for a large photo takes seconds and hundreds of megabytes:
a page asks only whether the thumbnail exists (sorl's key-value store). When it does not yet, the page gets
a placeholder whose URL (`ThumbnailPendingView`) redirects to the thumbnail once the Celery task
`prepare_product_thumbnails` has drawn it — so a card cached with the placeholder still shows the photo
later — and the task is queued (once per product every few minutes).

Thumbnails found are remembered within the process: a stored file never changes under the same name
(uploads get new names), so a thumbnail found once for a source name and options stays right.
"""

import threading
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.views import View
from oscar.core.loading import get_model
from oscar.core.thumbnails import SorlThumbnail
from sorl.thumbnail import default as sorl_default
from sorl.thumbnail.base import ThumbnailBackend
from sorl.thumbnail.conf import defaults as sorl_defaults
from sorl.thumbnail.conf import settings as sorl_settings
from sorl.thumbnail.images import ImageFile

from ocop_catalog.services import THUMBNAIL_SPECS

ProductImage = get_model("catalogue", "ProductImage")

# Entries are small (a name and a size); the catalogue's images × sizes fit many times over.
MEMO_MAX_ENTRIES = 50_000
PLACEHOLDER = "img/thumbnail-pending.svg"
# A product's thumbnails are asked for at most this often while they are missing.
SCHEDULE_EVERY_SECONDS = 5 * 60

_memo: dict = {}
_lock = threading.Lock()


def _source_name(source) -> str:
    return str(getattr(source, "name", source) or "")


class _ReadyLookup(ThumbnailBackend):
    """sorl's own naming of a thumbnail, asked of its key-value store only: the source is never opened."""

    def ready(self, file_, geometry_string: str, **options) -> ImageFile | None:
        source = ImageFile(file_)
        # The option defaults sorl's get_thumbnail applies, so that the name is the one it would draw.
        if sorl_settings.THUMBNAIL_PRESERVE_FORMAT:
            options.setdefault("format", self._get_format(source))
        for key, value in self.default_options.items():
            options.setdefault(key, value)
        for key, attr in self.extra_options:
            value = getattr(sorl_settings, attr)
            if value != getattr(sorl_defaults, attr):
                options.setdefault(key, value)
        name = self._get_thumbnail_filename(source, geometry_string, options)
        return sorl_default.kvstore.get(ImageFile(name, sorl_default.storage)) or None


_lookup = _ReadyLookup()


@dataclass(frozen=True)
class PendingThumbnail:
    """What a template gets while the thumbnail is being drawn."""

    url: str

    def exists(self) -> bool:
        return False


def _geometry(size: str) -> str:
    # As Oscar's SorlThumbnail: sorl takes "W x H", "W" or "x H" (so "50x" becomes "50").
    width, _sep, height = size.partition("x")
    return size if height else width


def _spec_of(size: str, opts: dict) -> bool:
    return any(geometry == size and options == opts for geometry, options in THUMBNAIL_SPECS)


def thumbnails_schedule(*, product_id: int) -> None:
    """Queue the drawing of a product's thumbnails, unless it was queued a moment ago."""
    from ocop_catalog.tasks import prepare_product_thumbnails

    if cache.add(f"ocop:thumbnails-queued:{product_id}", 1, SCHEDULE_EVERY_SECONDS):
        prepare_product_thumbnails.delay(product_id)


class MemoizedSorlThumbnail(SorlThumbnail):
    def generate_thumbnail(self, source, **opts):
        size = opts.pop("size")
        name = _source_name(source)
        try:
            key = (name, size, tuple(sorted(opts.items())))
            hash(key)
        except TypeError:  # an option we cannot key on: look it up every time
            key = None
        thumbnail = _memo.get(key) if key else None
        if thumbnail is None and name:
            thumbnail = _lookup.ready(source, _geometry(size), **opts)
            image = getattr(source, "instance", None)
            if thumbnail is None and isinstance(image, ProductImage) and image.product_id:
                thumbnails_schedule(product_id=image.product_id)
                # With eager tasks (no worker: the embedded default) it is drawn by now.
                thumbnail = _lookup.ready(source, _geometry(size), **opts)
            if thumbnail is not None and key:
                with _lock:
                    if len(_memo) >= MEMO_MAX_ENTRIES:
                        _memo.clear()
                    _memo[key] = thumbnail
        return thumbnail or PendingThumbnail(_pending_url(source, size, opts))

    def delete_thumbnails(self, source):
        name = _source_name(source)
        with _lock:
            for key in [key for key in _memo if key[0] == name]:
                del _memo[key]
        super().delete_thumbnails(source)


def _pending_url(source, size: str, opts: dict) -> str:
    image = getattr(source, "instance", None)
    if isinstance(image, ProductImage) and image.pk and _spec_of(size, opts):
        try:
            return reverse("thumbnail-pending", kwargs={"image_pk": image.pk, "size": size})
        except NoReverseMatch:
            pass
    return static(PLACEHOLDER)


class ThumbnailPendingView(View):
    """A product photo's thumbnail once drawn, the placeholder until then (and the drawing queued)."""

    http_method_names = ["get", "head"]

    def get(self, request, image_pk: int, size: str):
        specs = dict(THUMBNAIL_SPECS)
        if size not in specs:
            raise Http404
        image = get_object_or_404(ProductImage.objects.only("pk", "original", "product_id"), pk=image_pk)
        thumbnail = _lookup.ready(image.original, _geometry(size), **specs[size])
        if thumbnail is None:
            thumbnails_schedule(product_id=image.product_id)
            response = HttpResponseRedirect(static(PLACEHOLDER))
            response["Cache-Control"] = "no-cache"
            return response
        response = HttpResponseRedirect(thumbnail.url)
        response["Cache-Control"] = "public, max-age=86400"  # a drawn thumbnail's name never changes
        return response
