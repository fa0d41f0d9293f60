"""Image sizes read from the header only: a 120 KB PNG can claim 100 megapixels, and decoding it would take
seconds and gigabytes. Uploads and thumbnails ask here before any pixel is decoded."""

import warnings

from django.conf import settings
from PIL import Image


def image_pixels(stream) -> int | None:
    """Width × height as the image's header states them, without decoding; None if it is not an image.

    An image that Pillow already refuses as a decompression bomb counts as larger than any limit.
    Leaves `stream` at its start.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(stream) as image:  # lazy: reads the header only
                width, height = image.size
                return width * height
    except Image.DecompressionBombError:
        return 2**63
    except (OSError, ValueError, SyntaxError):
        return None
    finally:
        stream.seek(0)


def image_over_pixel_limit(stream) -> bool:
    """Whether the image has more pixels than MAX_IMAGE_PIXELS (read from its header)."""
    pixels = image_pixels(stream)
    return pixels is not None and pixels > settings.MAX_IMAGE_PIXELS
