"""Check the photos a product file lists against the files in its folder.

Every entry of ``photos`` must name a real JPEG, PNG or WebP file lying in the product's own
folder, big enough to show and small enough to decode safely. Each file is opened with Pillow
restricted to the format its first bytes announce: ``verify()`` first, then one full decode on
a fresh open (the only decode), so a truncated upload is caught. Image files in the folder that
no entry lists are reported too, so a photo is never silently dropped.

Nothing here raises: every problem, including Pillow's own errors, comes back as a finding on
the entry's ``file`` field. Warnings Pillow emits are recorded locally with
:func:`warnings.catch_warnings`; global warning filters and Pillow's settings
(``MAX_IMAGE_PIXELS``, ``LOAD_TRUNCATED_IMAGES``) are left untouched.
"""

from __future__ import annotations

import os
import re
import shlex
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from PIL import Image

from ..findings import Finding, display_path
from ..imaging import (
    ACCEPTED,
    MAX_PIXELS,
    error_reason,
    has_gps,
    header_size,
    open_as,
    oriented_size,
    recorded_warnings,
    sniff,
    too_many_pixels,
)
from ..load.document import Document, PathT
from . import photo_messages  # noqa: F401  (registers the photo.* messages)
from .photo_facts import FactsCache

#: Long side below this is an error, below RECOMMENDED_SIDE a warning.
MIN_SIDE = 400
RECOMMENDED_SIDE = 800
#: Files above this size get a warning (slow to review; the site makes small copies anyway).
MAX_FILE_BYTES = 15 * 1024 * 1024

#: Endings that look like a picture: such files in the folder must be listed.
IMAGE_LIKE = frozenset({
    ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".gif", ".heic", ".heif", ".hif",
    ".avif", ".tif", ".tiff", ".bmp", ".svg", ".svgz", ".psd", ".jxl", ".jp2", ".dng",
})
#: Format announced by the ending, used when the content is not recognised.
_FORMAT_BY_SUFFIX = {
    ".heic": "HEIF", ".heif": "HEIF", ".hif": "HEIF", ".avif": "AVIF", ".svg": "SVG",
    ".svgz": "SVG", ".pdf": "PDF", ".gif": "GIF", ".tif": "TIFF", ".tiff": "TIFF",
    ".bmp": "BMP", ".psd": "Photoshop PSD", ".jxl": "JPEG XL", ".jp2": "JPEG 2000",
    ".dng": "RAW/DNG",
}
_SPECIFIC_CODE = {"HEIF": "photo.format_heic", "SVG": "photo.format_svg",
                  "PDF": "photo.format_pdf"}
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")


@dataclass
class _Context:
    """What one call of :func:`check_photos` shares between entries."""

    doc: Document
    folder: Path
    repo_root: Path
    listing: list[str]
    accounted: set[str] = field(default_factory=set)
    targets: dict[Path, int] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)


def check_photos(doc: Document, product_dir: Path, repo_root: Path) -> list[Finding]:
    """Check every entry of ``doc.data["photos"]`` against the files in ``product_dir``.

    ``doc.data`` has already passed the JSON Schema. Image-like files in ``product_dir`` that
    no entry lists are reported as warnings. Never raises.
    """
    data = doc.data if isinstance(doc.data, dict) else {}
    photos = data.get("photos") or []
    folder = _resolve(product_dir) or product_dir.absolute()
    ctx = _Context(doc, folder, repo_root, _list_dir(folder))
    findings: list[Finding] = []
    for index, entry in enumerate(photos if isinstance(photos, list) else []):
        name = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            continue
        at: PathT = ("photos", index, "file")
        try:
            findings += _check_entry(ctx, at, index, name)
        except Exception as error:  # the promise: nothing escapes
            findings.append(doc.finding("photo.unreadable", at, file=name, reason=error_reason(error)))
    findings += _unlisted(ctx, "photos" in data)
    return findings


def _check_entry(ctx: _Context, at: PathT, index: int, name: str) -> list[Finding]:
    doc = ctx.doc
    if name in ctx.names:
        first_line = doc.locate(("photos", ctx.names[name], "file"))[0]
        return [doc.finding("photo.duplicate", at, file=name, first_line=first_line)]
    ctx.names[name] = index
    unsafe = "/" in name or "\\" in name or name in {".", ".."} or Path(name).is_absolute()
    if unsafe:
        return [doc.finding("photo.outside", at, file=name, target=name)]
    if name not in ctx.listing:
        return [_missing(ctx, at, name)]
    ctx.accounted.add(name)
    target = _resolve_in(ctx.folder, name)
    if target is None:
        return [doc.finding("photo.broken_link", at, file=name)]
    if not target.is_relative_to(ctx.folder) or target == ctx.folder:
        shown = display_path(target, ctx.repo_root)
        return [doc.finding("photo.outside", at, file=name, target=shown)]
    if target in ctx.targets:
        first_line = doc.locate(("photos", ctx.targets[target], "file"))[0]
        return [doc.finding("photo.duplicate", at, file=name, first_line=first_line)]
    ctx.targets[target] = index
    return _check_file(doc, at, name, target, FactsCache.at(ctx.repo_root))


def _missing(ctx: _Context, at: PathT, name: str) -> Finding:
    """Missing file; say so when the folder holds the same name in another case or form."""
    wanted_nfc = unicodedata.normalize("NFC", name)
    for actual in ctx.listing:
        actual_nfc = unicodedata.normalize("NFC", actual)
        if actual_nfc.casefold() != wanted_nfc.casefold():
            continue
        ctx.accounted.add(actual)
        code = "photo.name_nfd" if actual_nfc != actual else "photo.name_case"
        return ctx.doc.finding(code, at, file=name, actual=_printable(actual))
    return ctx.doc.finding("photo.missing", at, file=name)


def _check_file(doc: Document, at: PathT, name: str, target: Path,
                cache: FactsCache | None = None) -> list[Finding]:
    info = target.stat()
    refused = _file_kind(doc, at, name, info)
    if refused is not None:
        return [refused]
    findings: list[Finding] = []
    if info.st_size > MAX_FILE_BYTES:
        findings.append(doc.finding(
            "photo.large_file", at, file=name, size_mb=f"{info.st_size / 2**20:.1f}",
            limit_mb=MAX_FILE_BYTES // 2**20))
    with target.open("rb") as handle:
        head = handle.read(512)
    real = sniff(head) or _FORMAT_BY_SUFFIX.get(Path(name).suffix.lower())
    problem = _format_problem(doc, at, name, real)
    if problem is not None:
        return [*findings, problem]
    assert real is not None
    return findings + _facts(doc, at, name, target, real, head, cache)


def _file_kind(doc: Document, at: PathT, name: str, info: os.stat_result) -> Finding | None:
    """A folder, a device or an empty file instead of a photo."""
    if stat.S_ISDIR(info.st_mode):
        return doc.finding("photo.is_directory", at, file=name)
    if not stat.S_ISREG(info.st_mode):
        return doc.finding("photo.not_regular", at, file=name)
    if info.st_size == 0:
        return doc.finding("photo.empty", at, file=name)
    return None


def _facts(doc: Document, at: PathT, name: str, target: Path, fmt: str, head: bytes,
           cache: FactsCache | None) -> list[Finding]:
    """Findings on what a decode finds, remembered by content when the photo is good."""
    key = cache.key(target, fmt) if cache else None
    known = cache.get(key) if cache and key else None
    if known is not None:
        return _inspect(doc, at, name, *known)
    decoded = _decode(doc, at, name, target, fmt, head)
    if isinstance(decoded, tuple):  # a good photo: remember what its decode found
        if cache and key:
            cache.put(key, *decoded)
        return _inspect(doc, at, name, *decoded)
    return decoded


def _format_problem(doc: Document, at: PathT, name: str, real: str | None) -> Finding | None:
    """Refuse formats the site does not take, and an ending that lies about the content."""
    if real is None:
        return doc.finding("photo.not_image", at, file=name)
    if real in _SPECIFIC_CODE:
        return doc.finding(_SPECIFIC_CODE[real], at, file=name)
    if real not in ACCEPTED:
        return doc.finding("photo.format_other", at, file=name, format=real)
    suffix = Path(name).suffix
    if suffix.lower() in ACCEPTED[real]:
        return None
    stem = name[: -len(suffix)] if suffix else name
    return doc.finding("photo.format_mismatch", at, file=name, actual=real,
                       ext=suffix or "—", suggested=stem + ACCEPTED[real][0])


def _decode(doc: Document, at: PathT, name: str, path: Path, fmt: str,
            head: bytes) -> list[Finding] | tuple[int, int, bool]:
    """Header size check, ``verify()``, then one full decode: the photo's shown size and whether
    it carries GPS, or the findings that stopped it (Pillow errors become findings)."""
    size = header_size(head, fmt)
    if size is not None and too_many_pixels(size):
        return [_bomb(doc, at, name, size[0] * size[1])]
    with recorded_warnings() as caught:
        try:
            with open_as(path, fmt) as image:
                if too_many_pixels(image.size, caught):
                    return [_bomb(doc, at, name, image.width * image.height)]
                image.verify()
            with open_as(path, fmt) as image:
                image.load()
                return (*oriented_size(image), has_gps(image))
        except Image.DecompressionBombError as error:
            match = _BOMB_PIXELS.search(str(error))
            return [_bomb(doc, at, name, int(match.group(1)) if match else 0)]
        except Exception as error:  # truncated, corrupt, or anything else Pillow raises
            return [doc.finding("photo.corrupt", at, file=name, reason=error_reason(error))]


def _bomb(doc: Document, at: PathT, name: str, pixels: int) -> Finding:
    megapixels = f"{pixels / 1e6:.0f}" if pixels else "?"
    return doc.finding("photo.too_many_pixels", at, file=name, megapixels=megapixels,
                       limit=MAX_PIXELS // 1_000_000)


def _inspect(doc: Document, at: PathT, name: str, width: int, height: int,
             gps: bool) -> list[Finding]:
    """Checks on what a decode found: shown size (EXIF orientation applied) and GPS."""
    findings: list[Finding] = []
    sizes = {"width": width, "height": height, "min": MIN_SIDE, "recommended": RECOMMENDED_SIDE}
    if max(width, height) < MIN_SIDE:
        findings.append(doc.finding("photo.too_small", at, file=name, **sizes))
    elif max(width, height) < RECOMMENDED_SIDE:
        findings.append(doc.finding("photo.low_resolution", at, file=name, **sizes))
    if gps:
        findings.append(doc.finding("photo.gps", at, file=name, command=strip_command(doc, name)))
    return findings


def strip_command(doc: Document, name: str) -> str:
    """The command that removes the photo's location, with its path from the repository root."""
    path = PurePosixPath(doc.file).parent / name
    return f"ocop photos --strip-metadata {shlex.quote(path.as_posix())}"


def _unlisted(ctx: _Context, has_photos_key: bool) -> list[Finding]:
    """Image-like files in the folder that no entry accounts for."""
    where: PathT = ("photos",) if has_photos_key else ()
    findings = []
    for name in ctx.listing:
        if Path(name).suffix.lower() not in IMAGE_LIKE or name in ctx.accounted:
            continue
        target = _resolve_in(ctx.folder, name)
        if target is not None and (target in ctx.targets or target.is_dir()):
            continue
        make = ctx.doc.key_finding if has_photos_key else ctx.doc.finding
        findings.append(make("photo.unlisted", where, file=_printable(name)))
    return findings


def _list_dir(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def _resolve(path: Path) -> Path | None:
    """Follow every symlink; ``None`` when the path or a link target does not exist."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return None


def _resolve_in(folder: Path, name: str) -> Path | None:
    """:func:`_resolve` of ``folder / name`` for a resolved folder and a name it lists (no
    slash): a file that is not a link is where it is, with no walk up the path."""
    path = folder / name
    try:
        if not stat.S_ISLNK(os.lstat(path).st_mode):
            return path
    except OSError:
        return None
    return _resolve(path)


def _printable(name: str) -> str:
    """A file name safe to print, even when the disk holds bytes that are not UTF-8."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
