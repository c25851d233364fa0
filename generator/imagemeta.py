"""Removing location and other personal metadata from a photo's bytes, pixels untouched.

Works on the container, never on the picture: JPEG segments, PNG chunks and WebP (RIFF)
chunks that hold metadata are dropped and every other byte is copied as it was, so nothing is
decoded or re-encoded. What goes: EXIF (GPS position, camera serial, time, a thumbnail of the
uncropped photo), XMP, IPTC/Photoshop blocks, comments, PNG text and time chunks, and data
after the image's end (the extra pictures of a multi-picture JPEG). The EXIF orientation is
the one thing kept, rewritten as a minimal EXIF block, so the photo is still shown upright.

:func:`strip` returns the new bytes and what was removed; it raises :class:`MetadataError`
for a file whose structure it cannot follow (nothing is written then).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

from PIL import Image

from .imaging import TAG_ORIENTATION, recorded_warnings, sniff


class MetadataError(ValueError):
    """The file's structure cannot be followed (truncated, or not the format it claims)."""


@dataclass
class Stripped:
    """The photo without its metadata: ``parts`` names what went (``exif``, ``xmp``, …)."""

    data: bytes
    parts: list[str] = field(default_factory=list)
    orientation: int | None = None  # kept (when not 1)

    def note(self, part: str) -> None:
        if part not in self.parts:
            self.parts.append(part)


def _orientation(exif: bytes) -> int | None:
    """The Orientation tag of an EXIF block (TIFF, with or without ``Exif\\0\\0``)."""
    try:
        with recorded_warnings():  # Pillow warns about damaged EXIF: it is dropped anyway
            value = Image.Exif()
            value.load(exif)
            orientation = value.get(TAG_ORIENTATION)
    except Exception:  # unreadable EXIF: nothing to keep
        return None
    return orientation if isinstance(orientation, int) and 2 <= orientation <= 8 else None


def minimal_exif(orientation: int) -> bytes:
    """A little-endian TIFF block holding only the Orientation tag."""
    entry = (TAG_ORIENTATION.to_bytes(2, "little") + (3).to_bytes(2, "little")
             + (1).to_bytes(4, "little") + orientation.to_bytes(2, "little") + b"\0\0")
    return b"II*\0" + (8).to_bytes(4, "little") + (1).to_bytes(2, "little") + entry + bytes(4)


# --- JPEG -------------------------------------------------------------------------------------

def _jpeg_part(marker: int, payload: bytes) -> str | None:
    """Which metadata a segment holds, or None to keep it (APP0 JFIF, ICC, Adobe, tables…)."""
    if marker == 0xE1:
        return "exif" if payload.startswith(b"Exif\0") else "xmp"
    if marker == 0xED:
        return "iptc"
    if marker == 0xFE:
        return "comment"
    if marker == 0xE2 and payload.startswith((b"MPF\0", b"FPXR\0")):
        return "extra"
    return None


def _scan_end(data: bytes, pos: int) -> int:
    """End of entropy-coded data: the next marker that is not a stuffed byte or a restart."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            return len(data)
        following = data[pos + 1]
        if following == 0 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


def _jpeg_segment(data: bytes, pos: int) -> tuple[int, bytes]:
    if pos + 4 > len(data) or data[pos] != 0xFF:
        raise MetadataError("JPEG segment expected")
    length = int.from_bytes(data[pos + 2:pos + 4], "big")
    if length < 2 or pos + 2 + length > len(data):
        raise MetadataError("JPEG segment runs past the end of the file")
    return data[pos + 1], data[pos:pos + 2 + length]


def _strip_jpeg(data: bytes, out: Stripped) -> list[bytes]:
    kept, pos, exif_at = [b"\xff\xd8"], 2, None
    while pos < len(data):
        if data[pos:pos + 2] == b"\xff\xff":  # fill byte
            pos += 1
            continue
        if data[pos:pos + 2] == b"\xff\xd9":
            kept.append(b"\xff\xd9")
            if data[pos + 2:].strip(b"\0"):
                out.note("extra")
            break
        marker, segment = _jpeg_segment(data, pos)
        pos += len(segment)
        part = _jpeg_part(marker, segment[4:])
        if part is None:
            kept.append(segment)
        else:
            out.note(part)
            if part == "exif":
                out.orientation = out.orientation or _orientation(segment[4:])
                exif_at = len(kept) if exif_at is None else exif_at
        if marker == 0xDA:
            end = _scan_end(data, pos)
            kept.append(data[pos:end])
            pos = end
    if out.orientation:
        block = b"Exif\0\0" + minimal_exif(out.orientation)
        kept.insert(exif_at or 1, b"\xff\xe1" + (len(block) + 2).to_bytes(2, "big") + block)
    return kept


# --- PNG --------------------------------------------------------------------------------------

_PNG_PARTS = {b"eXIf": "exif", b"tEXt": "text", b"zTXt": "text", b"iTXt": "text",
              b"tIME": "time"}


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload).to_bytes(4, "big")
    return len(payload).to_bytes(4, "big") + kind + payload + crc


def _strip_png(data: bytes, out: Stripped) -> list[bytes]:
    kept, pos, exif_at = [data[:8]], 8, None
    while pos < len(data):
        if pos + 12 > len(data):
            raise MetadataError("PNG chunk runs past the end of the file")
        length, kind = int.from_bytes(data[pos:pos + 4], "big"), data[pos + 4:pos + 8]
        chunk = data[pos:pos + 12 + length]
        if len(chunk) < 12 + length:
            raise MetadataError("PNG chunk runs past the end of the file")
        pos += len(chunk)
        part = _PNG_PARTS.get(kind)
        if part is None:
            kept.append(chunk)
        else:
            out.note(part)
            if part == "exif":
                out.orientation = out.orientation or _orientation(chunk[8:-4])
                exif_at = len(kept) if exif_at is None else exif_at
        if kind == b"IEND":
            if data[pos:].strip(b"\0"):
                out.note("extra")
            break
    if out.orientation:
        kept.insert(exif_at or 2, _png_chunk(b"eXIf", minimal_exif(out.orientation)))
    return kept


# --- WebP -------------------------------------------------------------------------------------

_WEBP_PARTS = {b"EXIF": "exif", b"XMP ": "xmp"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def _webp_chunk(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "little") + payload + b"\0" * (len(payload) & 1)


def _strip_webp(data: bytes, out: Stripped) -> list[bytes]:
    end = min(len(data), 8 + int.from_bytes(data[4:8], "little"))
    if end < len(data) and data[end:].strip(b"\0"):
        out.note("extra")
    kept, pos = [], 12
    while pos < end:
        if pos + 8 > end:
            raise MetadataError("WebP chunk runs past the end of the file")
        kind, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        chunk = data[pos:pos + 8 + size + (size & 1)]
        if pos + 8 + size > end:
            raise MetadataError("WebP chunk runs past the end of the file")
        pos += len(chunk)
        part = _WEBP_PARTS.get(kind)
        if part is None:
            kept.append(chunk)
            continue
        out.note(part)
        if part == "exif":
            out.orientation = out.orientation or _orientation(chunk[8:8 + size])
    return _webp_flags(kept, out)


def _webp_flags(kept: list[bytes], out: Stripped) -> list[bytes]:
    """Clear the VP8X EXIF/XMP flags (set EXIF again when the orientation is kept)."""
    if kept and kept[0][:4] == b"VP8X":
        flags = kept[0][8] & ~(_VP8X_EXIF | _VP8X_XMP)
        if out.orientation:
            flags |= _VP8X_EXIF
            kept.append(_webp_chunk(b"EXIF", minimal_exif(out.orientation)))
        kept[0] = kept[0][:8] + bytes([flags]) + kept[0][9:]
    else:
        out.orientation = None  # a simple WebP cannot carry EXIF
    body = b"".join(kept)
    return [b"RIFF", (len(body) + 4).to_bytes(4, "little"), b"WEBP", body]


_STRIPPERS = {"JPEG": _strip_jpeg, "PNG": _strip_png, "WEBP": _strip_webp}


def strip(data: bytes) -> Stripped:
    """``data`` without its metadata (``parts`` empty and the same bytes when there was none:
    stripping twice changes nothing)."""
    fmt = sniff(data[:32])
    if fmt not in _STRIPPERS:
        raise MetadataError(f"not a JPEG, PNG or WebP file ({fmt or 'unknown format'})")
    out = Stripped(data)
    try:
        new = b"".join(_STRIPPERS[fmt](data, out))
    except IndexError as error:
        raise MetadataError("the file ends too early") from error
    if new == data:  # only a minimal orientation block, already as it would be written
        out.parts = []
    elif out.parts:
        out.data = new
    return out
