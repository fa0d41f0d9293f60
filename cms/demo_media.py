"""Pictures and PDF handouts for the demo articles: drawn with Pillow, nothing downloaded, deterministic.

A picture is a 1200×630 banner (the Open Graph size): a gradient in the article's hue, a simple motif for
its theme and the title. A handout is an A4 PDF page with a heading and bullet points. Vietnamese text
needs a TrueType font with its glyphs (the first of ocop_catalog's FONT_CANDIDATES found).
"""

import colorsys
import functools
import io
import os

from PIL import Image, ImageDraw, ImageFont

from ocop_catalog.demo.images import FONT_CANDIDATES

BANNER_SIZE = (1200, 630)
A4_150_DPI = (1240, 1754)
MOTIFS = ("phone", "camera", "shield", "map", "certificate", "chart")


def _rgb(hue: float, lightness: float, saturation: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hls_to_rgb((hue % 360) / 360, lightness, saturation)
    return round(r * 255), round(g * 255), round(b * 255)


@functools.lru_cache(maxsize=8)
def _font(px: int):
    for path in FONT_CANDIDATES:
        if os.path.isfile(path):
            return ImageFont.truetype(path, px)
    return ImageFont.load_default(size=px)


def _wrap(text: str, font, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines


def banner_jpeg(*, title: str, motif: str, hue: int) -> bytes:
    """A 1200×630 JPEG banner: gradient in `hue` (0–359), the `motif` (one of MOTIFS) and the title."""
    width, height = BANNER_SIZE
    image = Image.new("RGB", BANNER_SIZE)
    draw = ImageDraw.Draw(image)
    top, bottom = _rgb(hue, 0.93, 0.55), _rgb(hue + 20, 0.78, 0.45)
    for y in range(height):
        t = y / (height - 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    dark, main, light = _rgb(hue, 0.25, 0.55), _rgb(hue, 0.42, 0.6), _rgb(hue, 0.97, 0.3)
    _MOTIF_DRAWERS.get(motif, _draw_chart)(draw, (760, 90, 1120, 450), dark, main, light)
    font = _font(54)
    lines = _wrap(title, font, 660)[:4]
    y = height - 70 - len(lines) * 66
    draw.rounded_rectangle((40, y - 30, 720, height - 40), radius=24, fill=(255, 255, 255))
    for line in lines:
        draw.text((70, y), line, font=font, fill=dark)
        y += 66
    draw.text((70, 48), "CHỢ OCOP", font=_font(30), fill=dark)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()


def handout_pdf(*, title: str, subtitle: str, points: list[str]) -> bytes:
    """A one-page A4 PDF: a green band with `title`, then `subtitle` and `points` as bullets."""
    width, height = A4_150_DPI
    page = Image.new("RGB", A4_150_DPI, (255, 255, 255))
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, width, 260), fill=(31, 111, 67))
    y = 70
    for line in _wrap(title, _font(58), width - 200)[:2]:
        draw.text((100, y), line, font=_font(58), fill=(255, 255, 255))
        y += 72
    y = 320
    for line in _wrap(subtitle, _font(34), width - 200):
        draw.text((100, y), line, font=_font(34), fill=(91, 102, 97))
        y += 46
    y += 30
    body = _font(38)
    for point in points:
        draw.ellipse((100, y + 14, 116, y + 30), fill=(201, 138, 0))
        for line in _wrap(point, body, width - 260):
            draw.text((140, y), line, font=body, fill=(29, 36, 33))
            y += 52
        y += 22
    draw.text((100, height - 110), "Chợ OCOP — tài liệu tập huấn", font=_font(30), fill=(91, 102, 97))
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=150.0, title=title, author="Chợ OCOP")
    return out.getvalue()


# --- Motifs: flat shapes inside a box (x0, y0, x1, y1) -----------------------------------------


def _draw_phone(draw, box, dark, main, light):
    x0, y0, x1, y1 = box
    draw.rounded_rectangle((x0 + 90, y0, x1 - 90, y1), radius=36, fill=dark)
    draw.rounded_rectangle((x0 + 108, y0 + 40, x1 - 108, y1 - 50), radius=12, fill=light)
    cx = (x0 + x1) // 2
    draw.rectangle((cx - 60, y0 + 130, cx + 60, y0 + 200), fill=main)  # a cart on the screen
    draw.ellipse((cx - 50, y0 + 210, cx - 26, y0 + 234), fill=main)
    draw.ellipse((cx + 26, y0 + 210, cx + 50, y0 + 234), fill=main)


def _draw_camera(draw, box, dark, main, light):
    x0, y0, x1, y1 = box
    draw.rounded_rectangle((x0, y0 + 80, x1, y1 - 20), radius=40, fill=dark)
    draw.rectangle((x0 + 110, y0 + 40, x0 + 220, y0 + 90), fill=dark)
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2 + 30
    draw.ellipse((cx - 110, cy - 110, cx + 110, cy + 110), fill=light)
    draw.ellipse((cx - 70, cy - 70, cx + 70, cy + 70), fill=main)


def _draw_shield(draw, box, dark, main, light):
    x0, y0, x1, y1 = box
    cx = (x0 + x1) // 2
    outline = [(cx, y0), (x1 - 30, y0 + 70), (x1 - 60, y1 - 110), (cx, y1), (x0 + 60, y1 - 110), (x0 + 30, y0 + 70)]
    draw.polygon(outline, fill=dark)
    draw.rounded_rectangle((cx - 70, y0 + 170, cx + 70, y0 + 280), radius=14, fill=light)  # a padlock
    draw.arc((cx - 50, y0 + 100, cx + 50, y0 + 220), 180, 360, fill=light, width=18)


def _draw_map(draw, box, dark, main, light):
    x0, y0, x1, y1 = box
    folds = [(x0, y0 + 60), (x0 + 120, y0), (x0 + 240, y0 + 60), (x1, y0)]
    draw.polygon(folds + [(x1, y1 - 60), (x0 + 240, y1), (x0 + 120, y1 - 60), (x0, y1)], fill=light)
    cx = (x0 + x1) // 2
    draw.ellipse((cx - 70, y0 + 60, cx + 70, y0 + 200), fill=dark)
    draw.polygon([(cx - 62, y0 + 160), (cx + 62, y0 + 160), (cx, y0 + 300)], fill=dark)
    draw.ellipse((cx - 28, y0 + 102, cx + 28, y0 + 158), fill=light)


def _draw_certificate(draw, box, dark, main, light):
    x0, y0, x1, y1 = box
    draw.rounded_rectangle((x0 + 20, y0 + 20, x1 - 20, y1 - 60), radius=18, fill=light, outline=dark, width=10)
    for i in range(3):
        draw.rectangle((x0 + 70, y0 + 80 + i * 50, x1 - 70, y0 + 100 + i * 50), fill=main)
    cx, cy = x1 - 110, y1 - 90
    draw.ellipse((cx - 60, cy - 60, cx + 60, cy + 60), fill=dark)
    draw.polygon([(cx - 40, cy + 40), (cx - 10, cy + 40), (cx - 30, cy + 110)], fill=dark)
    draw.polygon([(cx + 40, cy + 40), (cx + 10, cy + 40), (cx + 30, cy + 110)], fill=dark)


def _draw_chart(draw, box, dark, main, light):
    x0, y0, x1, y1 = box
    draw.rectangle((x0, y1 - 12, x1, y1), fill=dark)
    for i, h in enumerate((110, 170, 150, 240, 320)):
        left = x0 + 20 + i * 68
        draw.rectangle((left, y1 - 12 - h, left + 48, y1 - 12), fill=main if i < 4 else dark)
    trend = [(x0 + 44, y1 - 160), (x0 + 112, y1 - 220), (x0 + 180, y1 - 200), (x0 + 248, y1 - 290), (x0 + 316, y1 - 370)]
    draw.line(trend, fill=light, width=10)


_MOTIF_DRAWERS = {
    "phone": _draw_phone,
    "camera": _draw_camera,
    "shield": _draw_shield,
    "map": _draw_map,
    "certificate": _draw_certificate,
    "chart": _draw_chart,
}
