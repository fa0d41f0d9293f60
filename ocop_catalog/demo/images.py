"""Generated product pictures for the demo catalogue: Pillow only, nothing downloaded, deterministic.

A soft gradient in the product's hue, a simple vector motif for its OCOP group, and the title wrapped in
a card at the bottom. The same inputs give the same JPEG bytes (on the same Pillow and font).

Vietnamese titles need a font with the Vietnamese glyphs; Pillow's built-in font (Aileron) has none.
The first TrueType font found in FONT_CANDIDATES is used; without one, the title is drawn without
diacritics in the built-in font so it stays readable instead of showing empty boxes.
"""

import colorsys
import functools
import io
import math
import os
import random
import unicodedata
import zlib

from PIL import Image, ImageDraw, ImageFont, ImageOps

# Bold sans fonts with Vietnamese glyphs, in order of preference (Debian/Ubuntu, Fedora, Alpine, macOS).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)

_GROUP_LABELS = {
    "thuc-pham": "THỰC PHẨM",
    "do-uong": "ĐỒ UỐNG",
    "thao-duoc": "THẢO DƯỢC",
    "thu-cong-my-nghe": "THỦ CÔNG MỸ NGHỆ",
    "sinh-vat-canh": "SINH VẬT CẢNH",
    "dich-vu-du-lich": "DU LỊCH CỘNG ĐỒNG",
}

_SUPERSAMPLE = 2  # the motif is drawn at twice the size, then reduced, for smooth edges
_MAX_TITLE_LINES = 3


def product_image_jpeg(*, title: str, group_slug: str, hue: int, size: int = 600) -> bytes:
    """A square JPEG picture of a product: gradient in `hue` (0–359), the group's motif and the title."""
    hue = int(hue) % 360
    title = unicodedata.normalize("NFC", " ".join(title.split()))
    palette = _Palette(hue)

    rng = random.Random(zlib.crc32(f"{title}|{group_slug}|{hue}".encode()))  # same inputs, same picture

    image = _background(size, palette)
    _draw_halo(image, size, palette, rng)
    _paste_motif(image, size, group_slug, palette, mirror=rng.random() < 0.5)
    _draw_caption(image, size, title, _GROUP_LABELS.get(group_slug, ""), palette)

    out = io.BytesIO()
    image.convert("RGB").save(out, format="JPEG", quality=82, optimize=True)
    return out.getvalue()


# --- Colours -------------------------------------------------------------------------------


def _hls(hue: float, lightness: float, saturation: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hls_to_rgb((hue % 360) / 360, lightness, saturation)
    return round(r * 255), round(g * 255), round(b * 255)


class _Palette:
    def __init__(self, hue: int):
        self.top = _hls(hue, 0.95, 0.60)
        self.bottom = _hls(hue + 12, 0.80, 0.50)
        self.halo = _hls(hue, 0.98, 0.70)
        self.dark = _hls(hue, 0.28, 0.55)
        self.main = _hls(hue, 0.45, 0.58)
        self.light = _hls(hue, 0.68, 0.60)
        self.accent = _hls(hue + 35, 0.55, 0.70)
        self.leaf = _hls(hue + 40 if 40 <= hue <= 200 else 110, 0.38, 0.45)
        self.leaf_light = _hls(hue + 40 if 40 <= hue <= 200 else 110, 0.55, 0.45)
        self.text = _hls(hue, 0.18, 0.45)
        self.label = _hls(hue, 0.40, 0.55)


# --- Layers --------------------------------------------------------------------------------


def _background(size: int, palette: _Palette) -> Image.Image:
    gradient = Image.linear_gradient("L").resize((size, size), Image.Resampling.BILINEAR)
    return ImageOps.colorize(gradient, black=palette.top, white=palette.bottom).convert("RGBA")


def _draw_halo(image: Image.Image, size: int, palette: _Palette, rng: random.Random) -> None:
    """A pale disc behind the motif, soft circles at the edges and a few dots; placed by `rng`."""
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    cx, cy, r = size * 0.5, size * 0.37, size * 0.31
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=palette.halo + (200,))
    r2 = size * 0.36
    draw.ellipse((cx - r2, cy - r2, cx + r2, cy + r2), outline=palette.halo + (120,), width=max(2, size // 150))
    for _ in range(2):
        bx, by = rng.choice(((0.0, 0.0), (1.0, 0.0), (0.0, 0.62), (1.0, 0.62)))
        br = size * rng.uniform(0.16, 0.24)
        bx, by = bx * size + rng.uniform(-0.04, 0.04) * size, by * size + rng.uniform(0, 0.08) * size
        draw.ellipse((bx - br, by - br, bx + br, by + br), fill=palette.light + (rng.randint(45, 70),))
    for _ in range(rng.randint(5, 9)):
        angle = rng.uniform(0, 2 * math.pi)
        dist = size * rng.uniform(0.37, 0.45)
        dx, dy = cx + dist * math.cos(angle), cy + dist * math.sin(angle) * 0.9
        dr = size * rng.uniform(0.006, 0.016)
        draw.ellipse((dx - dr, dy - dr, dx + dr, dy + dr), fill=palette.main + (rng.randint(60, 120),))
    image.alpha_composite(layer)


def _paste_motif(image: Image.Image, size: int, group_slug: str, palette: _Palette, *, mirror: bool) -> None:
    box = int(size * 0.56)
    scale = box * _SUPERSAMPLE
    layer = Image.new("RGBA", (scale, scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    drawer = _MOTIFS.get(group_slug, _motif_food)
    drawer(draw, _Pen(scale), palette)
    layer = layer.resize((box, box), Image.Resampling.LANCZOS)
    if mirror:
        layer = ImageOps.mirror(layer)
    image.alpha_composite(layer, (int(size * 0.5 - box / 2), int(size * 0.37 - box / 2)))


def _draw_caption(image: Image.Image, size: int, title: str, label: str, palette: _Palette) -> None:
    font_path = _font_path()
    if font_path is None:
        title, label = _ascii(title), _ascii(label)
    margin = int(size * 0.06)
    pad = int(size * 0.035)
    width = size - 2 * margin - 2 * pad
    title_font = _font(font_path, max(12, int(size * 0.052)))
    label_font = _font(font_path, max(9, int(size * 0.026)))

    lines = _wrap(title, title_font, width)
    line_height = int(size * 0.052 * 1.28)
    label_height = int(size * 0.026 * 1.9)
    card_height = pad * 2 + label_height + line_height * len(lines)
    top = size - margin - card_height

    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    shadow = max(2, size // 200)
    draw.rounded_rectangle(
        (margin, top + shadow, size - margin, size - margin + shadow), radius=pad, fill=palette.dark + (40,)
    )
    draw.rounded_rectangle((margin, top, size - margin, size - margin), radius=pad, fill=(255, 255, 255, 232))
    image.alpha_composite(layer)

    draw = ImageDraw.Draw(image)
    x = margin + pad
    y = top + pad
    bar = max(3, size // 120)
    draw.rectangle((x, y + 2, x + bar, y + int(size * 0.026)), fill=palette.main)
    draw.text((x + bar * 3, y), label, font=label_font, fill=palette.label)
    y += label_height
    for line in lines:
        draw.text((x, y), line, font=title_font, fill=palette.text)
        y += line_height


# --- Text ----------------------------------------------------------------------------------


@functools.cache
def _font_path() -> str | None:
    for path in FONT_CANDIDATES:
        if os.path.isfile(path):
            return path
    return None


@functools.lru_cache(maxsize=16)
def _font(path: str | None, px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if path is not None:
        try:
            return ImageFont.truetype(path, px)
        except OSError:
            pass
    return ImageFont.load_default(size=px)


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _wrap(text: str, font, width: int) -> list[str]:
    """Greedy word wrap to `width` pixels; at most _MAX_TITLE_LINES lines, the last one ellipsised."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if not current or font.getlength(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > _MAX_TITLE_LINES:
        last = " ".join(lines[_MAX_TITLE_LINES - 1 :])
        while last and font.getlength(last + "…") > width:
            last = last[:-1].rstrip()
        lines = lines[: _MAX_TITLE_LINES - 1] + [last + "…"]
    # A single word wider than the card: cut it.
    fitted = []
    for line in lines:
        while font.getlength(line) > width and len(line) > 1:
            line = line[:-2] + "…"
        fitted.append(line)
    return fitted or [""]


# --- Motifs --------------------------------------------------------------------------------


class _Pen:
    """Coordinates in a 0–100 box, scaled to the layer's pixels."""

    def __init__(self, pixels: int):
        self.k = pixels / 100

    def p(self, x: float, y: float) -> tuple[float, float]:
        return x * self.k, y * self.k

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return x0 * self.k, y0 * self.k, x1 * self.k, y1 * self.k

    def w(self, width: float) -> int:
        return max(1, round(width * self.k))

    def pts(self, points) -> list[tuple[float, float]]:
        return [self.p(x, y) for x, y in points]


def _leaf_points(x: float, y: float, angle_deg: float, length: float, width: float, steps: int = 14):
    """A leaf (pointed at both ends) from base (x, y) pointing at `angle_deg` (0 = right, 90 = up)."""
    a = math.radians(angle_deg)
    ux, uy = math.cos(a), -math.sin(a)  # along the leaf
    nx, ny = -uy, ux  # across the leaf
    side1, side2 = [], []
    for i in range(steps + 1):
        t = i / steps
        half = width / 2 * math.sin(math.pi * t) ** 0.8
        px, py = x + ux * length * t, y + uy * length * t
        side1.append((px + nx * half, py + ny * half))
        side2.append((px - nx * half, py - ny * half))
    return side1 + side2[::-1]


def _leaf(draw, pen, x, y, angle, length, width, fill, vein):
    draw.polygon(pen.pts(_leaf_points(x, y, angle, length, width)), fill=fill)
    a = math.radians(angle)
    end = (x + math.cos(a) * length * 0.85, y - math.sin(a) * length * 0.85)
    draw.line([pen.p(x, y), pen.p(*end)], fill=vein, width=pen.w(0.8))


def _motif_food(draw, pen, c: _Palette):
    # A bowl of rice with chopsticks and a leaf.
    _leaf(draw, pen, 62, 40, 50, 26, 11, c.leaf, c.leaf_light)
    draw.line([pen.p(30, 20), pen.p(68, 52)], fill=c.dark, width=pen.w(2.2))
    draw.line([pen.p(36, 16), pen.p(72, 50)], fill=c.dark, width=pen.w(2.2))
    draw.ellipse(pen.box(22, 38, 78, 60), fill=(255, 255, 255, 255))
    for gx, gy in ((34, 45), (42, 42), (50, 44), (58, 41), (66, 46), (46, 49), (56, 49), (38, 50), (62, 51)):
        draw.ellipse(pen.box(gx - 2.2, gy - 1.1, gx + 2.2, gy + 1.1), fill=c.halo)
    draw.chord(pen.box(14, 32, 86, 88), start=0, end=180, fill=c.main)
    draw.line([pen.p(14, 60), pen.p(86, 60)], fill=c.dark, width=pen.w(2))
    draw.arc(pen.box(22, 40, 78, 80), start=20, end=160, fill=c.light, width=pen.w(1.6))
    draw.rounded_rectangle(pen.box(40, 84, 60, 90), radius=pen.w(1.5), fill=c.dark)


def _motif_drink(draw, pen, c: _Palette):
    # A tea cup on a saucer with steam and a tea leaf.
    for sx in (40, 50, 60):
        draw.arc(pen.box(sx - 6, 14, sx + 2, 26), start=90, end=270, fill=c.light, width=pen.w(2))
        draw.arc(pen.box(sx - 2, 24, sx + 6, 36), start=270, end=90, fill=c.light, width=pen.w(2))
    draw.ellipse(pen.box(16, 74, 84, 88), fill=c.dark)
    draw.ellipse(pen.box(20, 73, 80, 84), fill=c.light)
    draw.ellipse(pen.box(66, 48, 86, 68), outline=c.main, width=pen.w(4))
    draw.chord(pen.box(22, 22, 78, 82), start=0, end=180, fill=c.main)
    draw.ellipse(pen.box(22, 46, 78, 58), fill=c.dark)
    draw.ellipse(pen.box(25, 47.5, 75, 56.5), fill=c.accent)
    _leaf(draw, pen, 24, 64, 200, 16, 7, c.leaf, c.leaf_light)


def _motif_herb(draw, pen, c: _Palette):
    # A herb sprig with paired leaves beside a drop of essential oil.
    draw.line(pen.pts([(42, 90), (44, 70), (47, 50), (52, 30), (58, 12)]), fill=c.leaf, width=pen.w(2.2))
    for (x, y), spread in (((44, 72), 26), ((46, 56), 24), ((50, 40), 21), ((54, 26), 17)):
        _leaf(draw, pen, x, y, 180 - 35, spread, spread * 0.42, c.leaf, c.leaf_light)
        _leaf(draw, pen, x, y, 35, spread, spread * 0.42, c.leaf_light, c.leaf)
    _leaf(draw, pen, 58, 12, 70, 12, 6, c.leaf, c.leaf_light)
    # The drop: a circle with a pointed top.
    draw.ellipse(pen.box(68, 66, 88, 86), fill=c.main)
    draw.polygon(pen.pts([(69.5, 72), (78, 50), (86.5, 72)]), fill=c.main)
    draw.ellipse(pen.box(72, 70, 77, 77), fill=c.halo)


def _motif_craft(draw, pen, c: _Palette):
    # A vase (profile of a Bát Tràng bình) with glaze bands.
    right = [(58, 10), (57, 20), (62, 30), (74, 42), (78, 56), (74, 72), (64, 84), (62, 90)]
    left = [(100 - x, y) for x, y in reversed(right)]
    draw.polygon(pen.pts(right + left), fill=c.main)
    draw.rounded_rectangle(pen.box(38, 8, 62, 12), radius=pen.w(1.5), fill=c.dark)
    draw.line(pen.pts([(30, 40), (70, 40)]), fill=c.halo, width=pen.w(2))
    draw.line(pen.pts([(24, 66), (76, 66)]), fill=c.halo, width=pen.w(2))
    for k in range(5):  # a row of petals between the bands
        x = 32 + k * 9
        draw.ellipse(pen.box(x, 47, x + 6, 59), fill=c.accent)
    draw.arc(pen.box(30, 30, 56, 86), start=200, end=250, fill=c.light, width=pen.w(2.5))
    draw.rectangle(pen.box(38, 88, 62, 92), fill=c.dark)


def _motif_flower(draw, pen, c: _Palette):
    # A flower with eight petals on a stem, in a pot.
    draw.line(pen.pts([(50, 42), (50, 70)]), fill=c.leaf, width=pen.w(2.4))
    _leaf(draw, pen, 50, 62, 150, 20, 8, c.leaf, c.leaf_light)
    _leaf(draw, pen, 50, 58, 30, 18, 7, c.leaf_light, c.leaf)
    cx, cy = 50, 32
    for k in range(8):
        draw.polygon(pen.pts(_leaf_points(cx, cy, k * 45, 23, 14)), fill=c.light)
    for k in range(8):
        draw.polygon(pen.pts(_leaf_points(cx, cy, k * 45 + 22.5, 17, 10)), fill=c.main)
    draw.ellipse(pen.box(cx - 7, cy - 7, cx + 7, cy + 7), fill=c.accent)
    draw.ellipse(pen.box(cx - 3, cy - 3, cx + 3, cy + 3), fill=c.dark)
    draw.polygon(pen.pts([(32, 70), (68, 70), (63, 92), (37, 92)]), fill=c.dark)
    draw.rectangle(pen.box(30, 68, 70, 74), fill=c.main)


def _motif_travel(draw, pen, c: _Palette):
    # Sun, mountains, terraced fields and a stilt house.
    draw.ellipse(pen.box(64, 8, 84, 28), fill=c.accent)
    draw.polygon(pen.pts([(2, 72), (32, 26), (58, 72)]), fill=c.main)
    draw.polygon(pen.pts([(36, 72), (66, 34), (98, 72)]), fill=c.dark)
    draw.polygon(pen.pts([(32, 26), (26, 35), (31, 33), (35, 37), (38, 35)]), fill=c.halo)
    draw.rounded_rectangle(pen.box(2, 72, 98, 92), radius=pen.w(3), fill=c.leaf)
    for y in (77, 82, 87):  # terraces
        draw.line(pen.pts([(5, y + 1), (28, y - 1), (50, y), (72, y - 1.5), (95, y + 0.5)]),
                  fill=c.leaf_light, width=pen.w(1.2))
    # Stilt house: roof, wall, posts.
    draw.polygon(pen.pts([(36, 56), (50, 44), (64, 56)]), fill=c.text)
    draw.rectangle(pen.box(40, 56, 60, 66), fill=c.light)
    draw.rectangle(pen.box(47, 59, 53, 66), fill=c.dark)
    for px in (41, 49, 57):
        draw.rectangle(pen.box(px, 66, px + 2, 74), fill=c.text)


_MOTIFS = {
    "thuc-pham": _motif_food,
    "do-uong": _motif_drink,
    "thao-duoc": _motif_herb,
    "thu-cong-my-nghe": _motif_craft,
    "sinh-vat-canh": _motif_flower,
    "dich-vu-du-lich": _motif_travel,
}
