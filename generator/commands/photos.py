"""``ocop photos --strip-metadata PATH…``: remove location and personal metadata from photos.

PATH is a photo or a folder (a product folder, or ``products/`` for all). Each JPEG, PNG or
WebP file is rewritten in place by :func:`generator.imagemeta.strip` — the metadata dropped, the
picture's bytes copied as they were — after checking that the new file decodes to exactly the
same pixels and carries no GPS. The new file replaces the old one atomically (temporary file,
then rename); a file that cannot be followed is left untouched and reported. Symbolic links
are not followed. Exit 0 when every photo is clean now, 1 when one could not be processed.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EXIT_FINDINGS, EXIT_OK, UsageError
from ..imagemeta import Stripped, strip
from ..imaging import ACCEPTED, error_reason, has_gps, open_as, sniff
from ..messages import Texts

SAY = Texts("commands.photos", {
    "stripped": ("{path}: đã xoá {parts} — điểm ảnh giữ nguyên{orientation}",
                 "{path}: removed {parts} — pixels unchanged{orientation}"),
    "orientation": ("; giữ hướng xoay ảnh (giá trị {n})", "; orientation kept (value {n})"),
    "clean": ("{path}: không có vị trí hay thông tin cá nhân — để nguyên tệp",
              "{path}: no location or personal metadata — left as it is"),
    "failed": ("{path}: không xử lý được ({reason}) — tệp để nguyên; hãy xuất lại ảnh không kèm "
               "vị trí", "{path}: could not be processed ({reason}) — left as it is; export the "
               "photo again without location"),
    "link": ("{path}: là lối tắt (symlink) — bỏ qua; hãy chạy lệnh trên tệp thật",
             "{path}: is a shortcut (symlink) — skipped; run the command on the real file"),
    "not_photo": ("{path}: không phải ảnh JPEG, PNG hay WebP — bỏ qua",
                  "{path}: not a JPEG, PNG or WebP photo — skipped"),
    "summary": ("Đã xoá siêu dữ liệu khỏi {stripped} ảnh; {clean} ảnh không có gì để xoá; {failed} "
                "ảnh không xử lý được.", "Metadata removed from {stripped} photo(s); {clean} had "
                "none; {failed} could not be processed."),
    "missing": ("không tìm thấy {path}", "not found: {path}"),
    "no_action": ("chưa chọn việc cần làm — thêm --strip-metadata, ví dụ: ocop photos "
                  "--strip-metadata products/hoi-an/ten-san-pham/",
                  "no action chosen — add --strip-metadata, e.g. ocop photos --strip-metadata "
                  "products/hoi-an/product-name/"),
    "part.gps": ("vị trí GPS", "the GPS location"),
    "part.exif": ("EXIF (máy chụp, giờ chụp, ảnh thu nhỏ)", "EXIF (camera, time, thumbnail)"),
    "part.xmp": ("XMP", "XMP"),
    "part.iptc": ("IPTC/Photoshop", "IPTC/Photoshop"),
    "part.comment": ("lời ghi chú trong tệp", "the embedded comment"),
    "part.text": ("chữ ghi kèm trong PNG", "PNG text"),
    "part.time": ("thời điểm lưu PNG", "the PNG time stamp"),
    "part.extra": ("ảnh phụ và dữ liệu sau cuối ảnh", "extra images and data after the picture"),
})

_SKIPPED_FOLDERS = frozenset({".git", ".cache", "site", "node_modules"})


@dataclass(frozen=True)
class Outcome:
    kind: str  # stripped, clean, failed, link, not_photo
    path: Path
    stripped: Stripped | None = None
    gps: bool = False
    reason: str = ""


def photos_in(path: Path) -> list[Path]:
    """``path`` itself, or the JPEG/PNG/WebP files under a folder (no links, no .git)."""
    if not path.is_dir() or path.is_symlink():
        return [path]
    found = []
    for folder, subfolders, files in os.walk(path):
        subfolders[:] = sorted(d for d in subfolders if d not in _SKIPPED_FOLDERS)
        for name in sorted(files):
            candidate = Path(folder) / name
            if not candidate.is_symlink() and _format(candidate) in ACCEPTED:
                found.append(candidate)
    return found


def _format(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return sniff(handle.read(32))
    except OSError:
        return None


def _same_pixels(old: bytes, new: bytes, fmt: str) -> str | None:
    """None when both decode to the same pixels and the new one has no GPS; else why not."""
    with open_as(old, fmt) as before, open_as(new, fmt) as after:
        before.load()
        after.load()
        if (before.mode, before.size, before.tobytes()) != (after.mode, after.size,
                                                            after.tobytes()):
            return "pixels would change"
        return "GPS still present" if has_gps(after) else None


def _write_atomic(path: Path, data: bytes) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def strip_file(path: Path) -> Outcome:
    """Strip one photo in place; never raises for a bad file."""
    if path.is_symlink():
        return Outcome("link", path)
    fmt = _format(path)
    if fmt not in ACCEPTED or not path.is_file():
        return Outcome("not_photo", path)
    try:
        data = path.read_bytes()
        with open_as(data, fmt) as image:
            gps = has_gps(image)
        result = strip(data)
        if not result.parts:
            return Outcome("clean", path)
        problem = _same_pixels(data, result.data, fmt)
        if problem:
            return Outcome("failed", path, reason=problem)
        _write_atomic(path, result.data)
    except Exception as error:  # MetadataError, OSError, Pillow: the file is left as it was
        return Outcome("failed", path, reason=error_reason(error))
    return Outcome("stripped", path, result, gps)


def describe(outcome: Outcome, lang: str) -> str:
    """One line for a person: what happened to this photo."""
    if outcome.kind != "stripped" or outcome.stripped is None:
        return SAY(outcome.kind, lang, path=outcome.path, reason=outcome.reason)
    parts = (["gps"] if outcome.gps else []) + outcome.stripped.parts
    words = ", ".join(SAY(f"part.{part}", lang) for part in parts)
    turn = outcome.stripped.orientation
    orientation = SAY("orientation", lang, n=turn) if turn else ""
    return SAY("stripped", lang, path=outcome.path, parts=words, orientation=orientation)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    if not args.strip_metadata:
        raise UsageError(SAY("no_action", lang))
    missing = [p for p in args.paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise UsageError(SAY("missing", lang, path=", ".join(map(str, missing))))
    outcomes = [strip_file(photo) for path in args.paths for photo in photos_in(path)]
    for outcome in outcomes:
        print(describe(outcome, lang))
    count = {kind: sum(o.kind == kind for o in outcomes) for kind in ("stripped", "clean")}
    failed = sum(o.kind == "failed" for o in outcomes)
    print(SAY("summary", lang, failed=failed, **count), file=sys.stderr)
    return EXIT_FINDINGS if failed else EXIT_OK


def add_parser(commands: Any) -> None:
    """Register ``ocop photos``."""
    parser = commands.add_parser(
        "photos", help="xoá vị trí GPS và thông tin cá nhân khỏi ảnh / strip GPS and personal "
        "metadata from photos",
        description="Xoá vị trí GPS và thông tin cá nhân (EXIF, XMP, IPTC, ghi chú) khỏi ảnh "
        "JPEG, PNG, WebP ngay trong tệp, không nén lại ảnh. / Remove the GPS location and "
        "personal metadata (EXIF, XMP, IPTC, comments) from JPEG, PNG and WebP photos in "
        "place, without re-encoding the picture.")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="ảnh hoặc thư mục sản phẩm / a photo or a product folder")
    parser.add_argument("--strip-metadata", action="store_true",
                        help="xoá vị trí và thông tin cá nhân / remove location and personal "
                        "metadata")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi",
                        help="ngôn ngữ / language")
    parser.set_defaults(func=run)
