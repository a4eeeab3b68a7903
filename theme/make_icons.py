"""Draws the theme's icons and share image (theme/static/icons/) from the site mark: run it again
after changing the colours. A network with its own logo replaces these files with its own."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent / "static" / "icons"
# The quarters of the site mark (.site-mark in css/site.css), clockwise from twelve o'clock.
QUARTERS = ("#0b5394", "#3d85c6", "#083b6a", "#6fa8dc")
TINT = "#f3f6f9"
BRAND_DARK = "#083b6a"
OVERSAMPLE = 4  # drawn larger, then scaled down: smooth edges


def mark(size: int, background: str | None = None, margin: float = 0.0) -> Image.Image:
    big = size * OVERSAMPLE
    image = Image.new("RGBA", (big, big), background or (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    inset = round(big * margin)
    box = (inset, inset, big - 1 - inset, big - 1 - inset)
    for quarter, colour in enumerate(QUARTERS):
        start = -90 + 90 * quarter
        draw.pieslice(box, start, start + 90, fill=colour)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def share_image() -> Image.Image:
    """1200 × 630, the size link previews show: the mark on the site's tint, a band in its colour."""
    image = Image.new("RGB", (1200, 630), TINT)
    image.paste(mark(360), (420, 110), mark(360))
    ImageDraw.Draw(image).rectangle((0, 590, 1199, 629), fill=BRAND_DARK)
    return image


def svg() -> str:
    paths = []
    corners = ((16, 0), (32, 16), (16, 32), (0, 16), (16, 0))
    for quarter, colour in enumerate(QUARTERS):
        (x1, y1), (x2, y2) = corners[quarter], corners[quarter + 1]
        paths.append(f'<path d="M16 16L{x1} {y1}A16 16 0 0 1 {x2} {y2}Z" fill="{colour}"/>')
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' + "".join(paths) + "</svg>\n"


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "icon.svg").write_text(svg(), encoding="utf-8")
    mark(192, margin=0.04).save(ICONS / "icon-192.png", optimize=True)
    mark(512, margin=0.04).save(ICONS / "icon-512.png", optimize=True)
    # Home screens put the icon on black when it is transparent: a white square behind it.
    mark(180, background="#ffffff", margin=0.1).convert("RGB").save(ICONS / "apple-touch-icon.png", optimize=True)
    mark(48).save(ICONS / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    share_image().save(ICONS / "share.png", optimize=True)


if __name__ == "__main__":
    main()
