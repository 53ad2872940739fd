"""Demo pictures drawn locally with Pillow, so the demo downloads nothing."""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def _lighten(color: str) -> tuple[int, int, int]:
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return (min(255, red + 40), min(255, green + 40), min(255, blue + 40))


def draw_picture(label: str, color: str, size: tuple[int, int] = (1200, 800)) -> bytes:
    """A JPEG with a coloured background, a lighter band and the label in white."""
    width, height = size
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    band_top = height * 2 // 3
    draw.rectangle([(0, band_top), (width, height)], fill=_lighten(color))
    draw.ellipse(
        [(width // 3, height // 6), (2 * width // 3, height // 2 + height // 6)],
        outline="white",
        width=8,
    )
    draw.text((width // 20, band_top + height // 12), label, fill="white", font=_font(height // 14))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()
