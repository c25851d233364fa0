"""The bytes of a product file to its text: at most :data:`MAX_BYTES`, UTF-8 only, a BOM
dropped with a warning. Problems become findings on the document, never exceptions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..findings import Finding, Message, Severity, register
from .document import Document

MAX_BYTES = 256 * 1024

register(
    Message("file.too_large", Severity.ERROR,
            "tệp quá lớn ({size} byte, tối đa {limit}) — tệp dữ liệu chỉ chứa chữ; ảnh của sản "
            "phẩm để riêng trong thư mục sản phẩm",
            "file is too large ({size} bytes, at most {limit}) — a data file holds text only; a "
            "product's photos go beside it as separate files"),
    Message("text.not_utf8", Severity.ERROR,
            "tệp không phải UTF-8 (byte {byte} không đọc được) — mở tệp và lưu lại với mã hoá UTF-8",
            "the file is not UTF-8 (byte {byte} cannot be read) — re-save it with UTF-8 encoding",
            fix="Trong trình soạn thảo: Save with Encoding → UTF-8"),
    Message("file.not_regular", Severity.ERROR,
            "`{value}` không phải một tệp thường mà là {kind} — tệp không được đọc; xoá nó và tạo "
            "lại product.yaml là một tệp chữ bình thường",
            "`{value}` is not a regular file but {kind_en} — it is not read; delete it and create "
            "product.yaml again as an ordinary text file"),
    Message("text.bom", Severity.WARNING,
            "tệp bắt đầu bằng dấu BOM vô hình — đã bỏ qua; hãy lưu lại dạng UTF-8 không BOM",
            "the file starts with an invisible byte-order mark — ignored; re-save as UTF-8 without BOM"),
)


def read_text(source: Path | bytes, doc: Document) -> str | None:
    """The text of a file on disk or of its bytes; ``None`` (and a finding) when too large or
    not UTF-8. A file on disk over the limit is not read at all."""
    raw = _read_regular(source, doc) if isinstance(source, Path) else _limited(source, doc)
    return None if raw is None else decode(raw, doc)


_KINDS = ((stat.S_ISDIR, "một thư mục", "a folder"), (stat.S_ISFIFO, "một ống dẫn (FIFO)", "a FIFO"),
          (stat.S_ISSOCK, "một socket", "a socket"),
          (stat.S_ISCHR, "một thiết bị", "a device"), (stat.S_ISBLK, "một thiết bị", "a device"))


def _read_regular(path: Path, doc: Document) -> bytes | None:
    """The bytes of a regular file; a FIFO, device or folder is refused without blocking on it,
    and a file over the limit is not read at all."""
    if not stat.S_ISREG(_mode(path)):
        _refuse(doc, _mode(path), None)
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        _refuse(doc, _mode(path), error)
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            _refuse(doc, info.st_mode, None)
            return None
        if info.st_size > MAX_BYTES:  # not read at all
            _too_large(doc, info.st_size)
            return None
        raw = handle.read(MAX_BYTES + 1)
    return _limited(raw, doc)


def _limited(raw: bytes, doc: Document) -> bytes | None:
    if len(raw) <= MAX_BYTES:
        return raw
    _too_large(doc, len(raw))
    return None


def _mode(path: Path) -> int:
    try:
        return os.stat(path).st_mode
    except OSError:
        return 0


def _too_large(doc: Document, size: int) -> None:
    doc.findings.append(Finding(doc.file, "file.too_large", "", 1, 1,
                                {"size": str(size), "limit": str(MAX_BYTES)}))


def _refuse(doc: Document, mode: int, error: OSError | None) -> None:
    kind, kind_en = next(((vi, en) for test, vi, en in _KINDS if test(mode)),
                         ("một tệp không mở được (có thể thiếu quyền đọc)" if error else "một tệp lạ",
                          f"a file that cannot be opened ({error.strerror})" if error else
                          "an unusual file"))
    doc.findings.append(Finding(doc.file, "file.not_regular", "", 1, 1,
                                {"value": doc.file, "kind": kind, "kind_en": kind_en}))


def decode(raw: bytes, doc: Document) -> str | None:
    """Bytes to text: UTF-8 only, BOM dropped with a warning."""
    if raw.startswith(b"\xef\xbb\xbf"):
        doc.findings.append(Finding(doc.file, "text.bom", "", 1, 1))
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        doc.findings.append(Finding(doc.file, "text.not_utf8", "", line, column,
                                    {"byte": f"0x{raw[error.start]:02X}"}))
        return None

