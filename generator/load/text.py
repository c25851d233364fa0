"""The bytes of a product file to its text: at most :data:`MAX_BYTES`, UTF-8 only, a BOM
dropped with a warning. Problems become findings on the document, never exceptions."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding, Message, Severity, register
from .document import Document

MAX_BYTES = 256 * 1024

register(
    Message("file.too_large", Severity.ERROR,
            "tệp quá lớn ({size} byte, tối đa {limit}) — tệp sản phẩm chỉ chứa chữ; ảnh để riêng "
            "trong thư mục sản phẩm",
            "file is too large ({size} bytes, at most {limit}) — a product file holds text only; "
            "put photos beside it as separate files"),
    Message("text.not_utf8", Severity.ERROR,
            "tệp không phải UTF-8 (byte {byte} không đọc được) — mở tệp và lưu lại với mã hoá UTF-8",
            "the file is not UTF-8 (byte {byte} cannot be read) — re-save it with UTF-8 encoding",
            fix="Trong trình soạn thảo: Save with Encoding → UTF-8"),
    Message("text.bom", Severity.WARNING,
            "tệp bắt đầu bằng dấu BOM vô hình — đã bỏ qua; hãy lưu lại dạng UTF-8 không BOM",
            "the file starts with an invisible byte-order mark — ignored; re-save as UTF-8 without BOM"),
)


def read_text(source: Path | bytes, doc: Document) -> str | None:
    """The text of a file on disk or of its bytes; ``None`` (and a finding) when too large or
    not UTF-8. A file on disk over the limit is not read at all."""
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    if size > MAX_BYTES:
        doc.findings.append(Finding(doc.file, "file.too_large", "", 1, 1,
                                    {"size": str(size), "limit": str(MAX_BYTES)}))
        return None
    return decode(source if isinstance(source, bytes) else source.read_bytes(), doc)


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

