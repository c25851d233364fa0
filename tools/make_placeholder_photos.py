"""(Re)generate the placeholder photos of the sample catalogue in ``products/``.

Real photos of the sample products are not available, so every photo a product file lists
with an alt text starting "Ảnh minh hoạ (chưa có ảnh thật)" is drawn here: a quiet, plain
background tinted by the product's OCOP group, the product's name and "Ảnh minh hoạ" small
(the alt text says it is not a real photo; no repository path). Entries with any other alt
text are real photos and are never touched.

The output is deterministic (no randomness, no timestamps, fixed encoder settings), so the
committed files are exactly what this script writes; ``--check`` verifies that without
writing. A few files imitate what phones deliver, so the photo pipeline meets real
conditions: full-size JPEGs and pixels stored rotated with EXIF Orientation 6 or 8. Those are
listed in ``SPECIAL``. None carries GPS tags: the validator refuses them (``photo.gps``).

Usage (from the repository root)::

    .venv/bin/python tools/make_placeholder_photos.py          # write the photos
    .venv/bin/python tools/make_placeholder_photos.py --check  # exit 1 if any differs

Needs Pillow and the DejaVu Sans fonts (Debian/Ubuntu: ``apt-get install fonts-dejavu-core``;
or set ``OCOP_FONT_DIR`` to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf).
Byte-identical output assumes the same Pillow and DejaVu versions as when the files were made.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageFont

PLACEHOLDER_ALT = "Ảnh minh hoạ (chưa có ảnh thật)"

#: Background per OCOP group (Decision 148/2023): soft, muted tints, quiet next to real photos.
GROUP_COLOURS: dict[str, tuple[int, int, int]] = {
    "Thực phẩm": (238, 226, 208),
    "Đồ uống": (214, 226, 234),
    "Dược liệu và sản phẩm từ dược liệu": (216, 230, 212),
    "Hàng thủ công mỹ nghệ": (234, 221, 210),
    "Sinh vật cảnh": (222, 232, 214),
    "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch": (224, 218, 234),
}
FALLBACK_COLOUR = (226, 226, 226)

ROLE_TEXT: dict[str, tuple[str, str]] = {
    "front": ("mặt trước bao bì", "front of pack"),
    "back": ("mặt sau bao bì", "back of pack"),
    "label": ("nhãn sản phẩm", "product label"),
    "product": ("ảnh chụp sản phẩm", "the product itself"),
    "in-use": ("khi sử dụng", "in use"),
    "place": ("nơi sản xuất", "place of production"),
}

TAG_IMAGE_DESCRIPTION = 0x010E
TAG_ORIENTATION = 0x0112
TAG_GPS_IFD = 0x8825


@dataclass(frozen=True)
class Spec:
    """How one photo is made: the size it is shown at, EXIF orientation, optional GPS."""

    size: tuple[int, int]
    orientation: int | None = None
    gps: tuple[float, float] | None = None


#: Photos that imitate phone conditions, keyed by path under products/. Size is as shown.
SPECIAL: dict[str, Spec] = {
    # full phone size, pixels stored rotated (Orientation 6 = turn 90° clockwise to show)
    "hoi-an/den-long-hoi-an/san-pham.jpg": Spec((3024, 4032), orientation=6),
    "duy-xuyen/to-lua-ma-chau/san-pham.jpg": Spec((3024, 4032), orientation=6),
    # Orientation 8 = turn 90° counter-clockwise to show
    "nam-tra-my/saphraton/mat-truoc.jpg": Spec((3000, 4000), orientation=8),
    # full size, upright
    "tien-phuoc/tieu-tien-phuoc/mat-truoc.jpg": Spec((4032, 3024), orientation=1),
    # full size, upright (no GPS: a photo with GPS tags is an error, photo.gps; the site's
    # stripping of GPS is tested on photos made by tests/unit/test_images.py)
    "hoi-an/nuoc-mam-tu-tai/noi-san-xuat.jpg": Spec((4032, 3024), orientation=1),
    # the PNG and the WebP
    "hoi-an/dia-chua-cau-hoi-an/san-pham.png": Spec((1500, 1500)),
    "quang-nam/banh-dua-nuong-quy-thu/mat-truoc.webp": Spec((1400, 1050)),
}

#: Ordinary photos: one of these sizes (1000–1600 px), chosen from a hash of the path.
DEFAULT_SIZES = ((1600, 1200), (1200, 1600), (1400, 1050), (1200, 1200), (1050, 1400))

JPEG_QUALITY = 85
WEBP_QUALITY = 85

FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
    "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",  # Arch
    "/usr/local/share/fonts",
    "/Library/Fonts",
)


def find_font(name: str) -> Path:
    """Path of a DejaVu font file; exits with a hint when none is installed."""
    dirs = [os.environ["OCOP_FONT_DIR"]] if os.environ.get("OCOP_FONT_DIR") else []
    for folder in [*dirs, *FONT_DIRS]:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    sys.exit(f"font {name} not found — install it (apt-get install fonts-dejavu-core) "
             "or set OCOP_FONT_DIR to a folder that holds it")


class Fonts:
    """DejaVu Sans at any size, loaded once per size (basic layout: same output everywhere)."""

    def __init__(self) -> None:
        self._paths = {False: find_font("DejaVuSans.ttf"), True: find_font("DejaVuSans-Bold.ttf")}
        self._cache: dict[tuple[bool, int], ImageFont.FreeTypeFont] = {}

    def get(self, size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
        key = (bold, size)
        if key not in self._cache:
            self._cache[key] = ImageFont.truetype(str(self._paths[bold]), size,
                                                  layout_engine=ImageFont.Layout.BASIC)
        return self._cache[key]


def spec_for(rel: str) -> Spec:
    """The special spec of a photo, or a default size picked from its path."""
    if rel in SPECIAL:
        return SPECIAL[rel]
    digest = hashlib.sha256(rel.encode("utf-8")).digest()
    return Spec(DEFAULT_SIZES[digest[0] % len(DEFAULT_SIZES)])


def wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
         width: int) -> list[str]:
    """Greedy word wrap to ``width`` pixels."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and draw.textlength(trial, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def darker(colour: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    r, g, b = colour
    return (int(r * factor), int(g * factor), int(b * factor))


def render(size: tuple[int, int], product: dict[str, Any], role: str, rel: str,
           fonts: Fonts) -> Image.Image:
    """Draw the upright placeholder image: a quiet card with the product's name, centred (the
    site crops photos to 4:3 around the centre), and "Ảnh minh hoạ" small beneath it."""
    del role, rel  # the same quiet card for every role; no repository path on a buyer's page
    width, height = size
    unit = min(width, height)
    group = str(product.get("group", ""))
    background = GROUP_COLOURS.get(group, FALLBACK_COLOUR)
    ink = darker(background, 0.3)
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)

    name = product.get("name") or {}
    name_vi = unicodedata.normalize("NFC", str(name.get("vi", product.get("id", ""))))
    text_w = int(unit * 0.8)
    name_font = fonts.get(unit // 13, bold=True)
    small = fonts.get(unit // 32)
    blocks: list[tuple[list[str], ImageFont.FreeTypeFont, tuple[int, int, int]]] = [
        (wrap(draw, name_vi, name_font, text_w), name_font, ink),
        (["Ảnh minh hoạ"], small, darker(background, 0.5)),
    ]
    gap = unit // 25
    total = sum(font.size * 1.25 * len(lines) for lines, font, _ in blocks) + gap
    y = (height - total) / 2
    for lines, font, colour in blocks:
        for text in lines:
            x = (width - draw.textlength(text, font=font)) / 2
            draw.text((x, y), text, font=font, fill=colour)
            y += font.size * 1.25
        y += gap
    return image


def _rational_dms(value: float) -> tuple[float, float, float]:
    """Degrees, minutes, seconds of a coordinate (seconds to 1/100, no 60-second carry)."""
    hundredths = round(value * 360_000)
    degrees, rest = divmod(hundredths, 360_000)
    minutes, seconds = divmod(rest, 6_000)
    return (float(degrees), float(minutes), seconds / 100)


def encode(image: Image.Image, suffix: str, spec: Spec) -> bytes:
    """Encode the upright image as the file stores it (rotated pixels, EXIF, format)."""
    out = io.BytesIO()
    if suffix == ".png":
        image.save(out, "PNG", optimize=True)
        return out.getvalue()
    if suffix == ".webp":
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
        return out.getvalue()
    exif = Image.Exif()
    stored = image
    if spec.orientation is not None:
        exif[TAG_IMAGE_DESCRIPTION] = "Placeholder image - not a real product photo"
        exif[TAG_ORIENTATION] = spec.orientation
        if spec.orientation == 6:  # shown after a 90° clockwise turn: store it turned back
            stored = image.transpose(Image.Transpose.ROTATE_90)
        elif spec.orientation == 8:  # shown after a 90° counter-clockwise turn
            stored = image.transpose(Image.Transpose.ROTATE_270)
    if spec.gps is not None:
        lat, lon = spec.gps
        exif[TAG_GPS_IFD] = {
            0: b"\x02\x02\x00\x00",
            1: "N" if lat >= 0 else "S",
            2: _rational_dms(abs(lat)),
            3: "E" if lon >= 0 else "W",
            4: _rational_dms(abs(lon)),
        }
    options: dict[str, Any] = {"quality": JPEG_QUALITY, "optimize": True}
    if len(exif):
        options["exif"] = exif.tobytes()
    stored.save(out, "JPEG", **options)
    return out.getvalue()


def placeholder_entries(root: Path) -> list[tuple[Path, dict[str, Any], dict[str, Any]]]:
    """(product folder, product data, photo entry) for every placeholder photo listed."""
    found = []
    for path in sorted(root.glob("*/*/product.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("photos") or []:
            alt = str((entry.get("alt") or {}).get("vi", ""))
            if alt.startswith(PLACEHOLDER_ALT):
                found.append((path.parent, data, entry))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 when a file differs from what would be written")
    parser.add_argument("--products", type=Path, default=Path("products"),
                        help="the products folder (default: products)")
    args = parser.parse_args(argv)

    fonts = Fonts()
    differ = 0
    written = 0
    for folder, data, entry in placeholder_entries(args.products):
        file = str(entry["file"])
        rel = f"{folder.relative_to(args.products).as_posix()}/{file}"
        suffix = Path(file).suffix.lower()
        spec = spec_for(rel)
        payload = encode(render(spec.size, data, str(entry.get("role", "")), rel, fonts),
                         suffix, spec)
        target = folder / file
        current = target.read_bytes() if target.is_file() else None
        if current == payload:
            continue
        if args.check:
            print(f"differs: {target}")
            differ += 1
        else:
            target.write_bytes(payload)
            written += 1
    if args.check:
        print("placeholder photos up to date" if not differ else f"{differ} photo(s) differ")
        return 1 if differ else 0
    print(f"{written} photo(s) written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
