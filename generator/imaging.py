"""What the tool knows about image files, shared by the photo checks and the site's pipeline.

:mod:`generator.checks.photos` (validation) and :mod:`generator.site.images` (the build's photo
variants) must agree on every fact about a photo: which formats are taken and how a file's
first bytes announce one, how many pixels are too many (checked before decoding, WebP from its
header since it allocates its canvas on open), which way up a photo is shown, and whether it
carries a location. Each fact is decided here, once.

Pillow's global settings (``MAX_IMAGE_PIXELS``, ``LOAD_TRUNCATED_IMAGES``) and the process'
warning filters are left untouched: warnings are recorded locally (:func:`recorded_warnings`).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image

#: Images above this many pixels are refused before decoding (about 200 MB of RGB memory).
MAX_PIXELS = 50_000_000

#: Accepted formats (Pillow's names) and the file-name endings each may use.
ACCEPTED: dict[str, tuple[str, ...]] = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
}
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF-", "PDF"),
    (b"8BPS", "Photoshop PSD"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
    (b"\x00\x00\x00\x0cJXL ", "JPEG XL"),
    (b"\xff\x0a", "JPEG XL"),
    (b"BM", "BMP"),
)
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1",
                          b"msf1", b"heif"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
#: EXIF tags, and the orientations that show a photo on its side (width and height swapped).
TAG_ORIENTATION = 0x0112
_TAG_GPS_IFD = 0x8825
SIDEWAYS = (5, 6, 7, 8)


def sniff(head: bytes) -> str | None:
    """The format announced by a file's first bytes (Pillow's name where it has one)."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return "HEIF"
        return "AVIF" if brand in _AVIF_BRANDS else "MP4/MOV (video)"
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith((b"<?xml", b"<!")) and b"<svg" in text):
        return "SVG"
    return None


def webp_header_size(head: bytes) -> tuple[int, int] | None:
    """Canvas size from a WebP header (first 30 bytes), without decoding anything."""
    chunk = head[12:16]
    if chunk == b"VP8 " and len(head) >= 30 and head[23:26] == b"\x9d\x01\x2a":
        width = int.from_bytes(head[26:28], "little") & 0x3FFF
        return width, int.from_bytes(head[28:30], "little") & 0x3FFF
    if chunk == b"VP8X" and len(head) >= 30:
        width = int.from_bytes(head[24:27], "little") + 1
        return width, int.from_bytes(head[27:30], "little") + 1
    if chunk == b"VP8L" and len(head) >= 25 and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def header_size(head: bytes, fmt: str) -> tuple[int, int] | None:
    """The size to check before Pillow opens the file: WebP allocates its canvas on open."""
    return webp_header_size(head) if fmt == "WEBP" else None


def too_many_pixels(size: tuple[int, int],
                    caught: Iterable[warnings.WarningMessage] = ()) -> bool:
    """Over :data:`MAX_PIXELS`, or Pillow warned of a decompression bomb while opening."""
    bomb = any(issubclass(w.category, Image.DecompressionBombWarning) for w in caught)
    return size[0] * size[1] > MAX_PIXELS or bomb


@contextmanager
def recorded_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """Every warning raised inside, recorded here rather than shown (filters restored after)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def open_as(source: Path | bytes, fmt: str) -> Image.Image:
    """Open a file (or its bytes) with Pillow, restricted to the format its first bytes announce."""
    return Image.open(io.BytesIO(source) if isinstance(source, bytes) else source, formats=[fmt])


def oriented_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as the photo is shown, after its EXIF orientation."""
    try:
        orientation = image.getexif().get(TAG_ORIENTATION)
    except Exception:  # unreadable EXIF: show as stored
        orientation = None
    if orientation in SIDEWAYS:
        return image.height, image.width
    return image.width, image.height


def has_gps(image: Image.Image) -> bool:
    """Whether the image carries a location: a non-empty EXIF GPS IFD, or GPS in XMP."""
    try:
        if image.getexif().get_ifd(_TAG_GPS_IFD):
            return True
    except Exception:  # unreadable EXIF: fall through to XMP
        pass
    for key in ("xmp", "XML:com.adobe.xmp"):
        xmp = image.info.get(key)
        if isinstance(xmp, str):
            xmp = xmp.encode("utf-8", "replace")
        if isinstance(xmp, bytes) and b"GPSLatitude" in xmp:
            return True
    return False


def error_reason(error: BaseException) -> str:
    """An error in one line for a person: ``OSError: image file is truncated``."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
