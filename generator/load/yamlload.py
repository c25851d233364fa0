"""Load one product file into plain data plus the line and column of every value.

Officers type values unquoted, so the loader decides what a plain scalar means instead of
PyYAML's YAML 1.1 resolver: ``yes``/``no``/``on``/``off`` stay text, ``2024-01-02`` stays
text (the schema checks the date format), ``0905123456`` keeps its leading zero, and an
unquoted number where the schema wants text is put back as the officer typed it (see
:mod:`generator.load.coerce`). Anchors, aliases, custom tags, duplicate
keys and several documents in one file are refused: product files never need them.
Most files are read the quick way (:mod:`.yamlnodes`, libyaml's node tree); the rest, and any
file the quick way declines, the event way (:mod:`.yamlevents`), which says where each
refusal stands. Both give the same data, marks and findings (tests/unit/test_yamlnodes.py).

The one way to load a product file is :func:`generator.load.product.load_product`; this module
is its YAML step.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from ..findings import Finding, Message, Severity, register
from .characters import clean_controls, invisible_findings
from .depth import MAX_DEPTH, too_deep
from .document import Document, PathT
from .yamlerrors import syntax_finding
from .yamlevents import Builder, Refused, mark, resolve_plain
from .yamlnodes import Quick

__all__ = ["load_text", "resolve_plain"]

register(
    Message("file.empty", Severity.ERROR,
            "tệp trống — hãy chép nội dung một tệp sản phẩm mẫu (xem docs/field-reference.md) rồi "
            "điền thông tin",
            "the file is empty — copy an example product file (see docs/field-reference.md) and "
            "fill it in"),
    Message("file.not_mapping", Severity.ERROR,
            "tệp sản phẩm phải là các dòng `tên: giá trị`, không phải {kind} — bắt đầu mỗi trường "
            "ở đầu dòng, như tệp mẫu products/tien-phuoc/tieu-tien-phuoc/product.yaml",
            "a product file must be `key: value` lines, not {kind_en} — start each field at the "
            "beginning of a line, as in products/tien-phuoc/tieu-tien-phuoc/product.yaml"),
    Message("text.nfd", Severity.WARNING,
            "chữ tiếng Việt ở dạng tổ hợp (NFD, {count} chỗ) — đã chuẩn hoá sang NFC khi đọc; "
            "hãy gõ lại hoặc chạy `ocop validate --fix-nfc` để sửa tệp",
            "Vietnamese text in decomposed form (NFD, {count} places) — normalised to NFC on load; "
            "retype it or run `ocop validate --fix-nfc` to fix the file"),
    Message("yaml.tab", Severity.ERROR,
            "dòng thụt lề bằng phím Tab — YAML chỉ cho phép dấu cách; thay Tab bằng 2 dấu cách",
            "line indented with a Tab — YAML allows only spaces; replace the Tab with 2 spaces",
            bad="name:\n\tvi: Nước mắm", fix="name:\n  vi: Nước mắm"),
    Message("yaml.too_deep", Severity.ERROR,
            "dữ liệu lồng nhau quá sâu (quá {limit} tầng) từ chỗ này — tệp sản phẩm chỉ cần vài "
            "tầng; xoá các dấu ngoặc `[` (hay ngoặc nhọn) thừa, hoặc bớt thụt lề cho giống tệp mẫu",
            "the data nests too deeply (more than {limit} levels) from here — a product file needs "
            "only a few; remove the extra `[` (or curly) brackets, or indent as in the example file",
            bad="phones: [[[[0905123456]]]]", fix="phones: [0905123456]"),
    Message("yaml.comment_cut", Severity.ERROR,
            "phần sau dấu # bị bỏ mất: «{lost}» — trong YAML, ` #` bắt đầu một ghi chú; đặt cả giá "
            "trị trong dấu ngoặc kép: `{quoted}` (nếu đó là ghi chú thật, chuyển nó lên một dòng "
            "riêng phía trên)",
            "the text after # is lost: «{lost}» — in YAML ` #` starts a comment; put the whole "
            "value in double quotes: `{quoted}` (if it is a real comment, move it to its own line "
            "above)",
            bad="  vi: Loại đặc biệt #1 của tỉnh", fix='  vi: "Loại đặc biệt #1 của tỉnh"'),
    Message("yaml.duplicate_key", Severity.ERROR,
            "trường `{key}` xuất hiện hai lần (lần trước ở dòng {first_line}) — giữ một, xoá dòng còn lại",
            "key `{key}` appears twice (first on line {first_line}) — keep one and delete the other"),
    Message("yaml.alias", Severity.ERROR,
            "không dùng neo/bí danh YAML (`&`, `*`, `<<`) trong tệp sản phẩm — hãy viết thẳng giá "
            "trị; nếu `*` hay `&` là một phần của chữ, đặt cả giá trị trong dấu ngoặc kép",
            "YAML anchors and aliases (`&`, `*`, `<<`) are not allowed in product files — write the "
            "value out; if `*` or `&` is part of the text, put the whole value in double quotes",
            bad="  vi: *moi* Nước mắm", fix='  vi: "*moi* Nước mắm"'),
    Message("yaml.tag", Severity.ERROR,
            "không dùng thẻ YAML `{tag}` — bỏ thẻ; nếu muốn giữ nguyên là chữ, đặt giá trị trong "
            "ngoặc kép",
            "YAML tag `{tag}` is not allowed — remove it; to keep a value as text, put it in quotes"),
    Message("yaml.multiple_documents", Severity.ERROR,
            "tệp có nhiều tài liệu YAML (dấu `---`) — mỗi tệp chỉ mô tả một sản phẩm",
            "the file holds several YAML documents (`---`) — one file describes one product"),
    Message("yaml.complex_key", Severity.ERROR,
            "tên trường phải là chữ đơn giản — viết dạng `ten_truong: giá trị`",
            "keys must be plain words — write `key: value`"),
)


def _first_tab_indent(text: str) -> tuple[int, int] | None:
    if "\t" not in text:  # nearly every file: no line to look at
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return number, len(line) - len(stripped) + 1
        # a tab between a list dash and its value indents the value too
        match = re.match(r"( *- *)\t", line)
        if match:
            return number, len(match.group(1)) + 1
    return None


def _normalise(value: Any, doc: Document, path: PathT, changed: list[PathT]) -> Any:
    if isinstance(value, str):
        nfc = unicodedata.normalize("NFC", value)
        if nfc != value:
            changed.append(path)
        return nfc
    if isinstance(value, list):
        return [_normalise(v, doc, (*path, i), changed) for i, v in enumerate(value)]
    if isinstance(value, dict):
        out = {}
        for key, v in value.items():
            nkey = unicodedata.normalize("NFC", key)
            if nkey != key:
                changed.append((*path, key))
                for marks in (doc.value_marks, doc.key_marks):
                    for p in [p for p in marks if p[: len(path) + 1] == (*path, key)]:
                        marks[(*path, nkey, *p[len(path) + 1:])] = marks.pop(p)
            out[nkey] = _normalise(v, doc, (*path, nkey), changed)
        return out
    return value


def load_text(text: str, doc: Document) -> Document:
    """Parse decoded text into ``doc``; problems become findings, never exceptions."""
    doc.text = text
    data, problem, nfc = _parse(clean_controls(text, doc), doc)
    if problem is None and not isinstance(data, dict):
        problem = _not_mapping(doc.file, data)
    if problem is not None:
        doc.findings.append(problem)
        return doc
    changed: list[PathT] = []
    doc.data = data if nfc else _normalise(data, doc, (), changed)
    if changed:
        line, column = doc.locate(changed[0])
        doc.findings.append(Finding(doc.file, "text.nfd", "", line, column,
                                    {"count": str(len(changed))}))
    doc.findings += invisible_findings(doc)
    return doc


def _parse(text: str, doc: Document) -> tuple[Any, Finding | None, bool]:
    """The data of the text (marks recorded in ``doc``), or the finding that stopped it, and
    whether every text in the data is known to be NFC already."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, Finding(doc.file, "file.empty", "", 1, 1), False
    tab = _first_tab_indent(text)
    if tab:
        return None, Finding(doc.file, "yaml.tab", "", *tab), False
    deep = too_deep(text)
    if deep:
        return None, Finding(doc.file, "yaml.too_deep", "", *deep, {"limit": str(MAX_DEPTH)}), False
    lines = text.split("\n")
    quick = Quick(doc, lines)
    done, data = quick.run(text)
    if done:
        doc.findings += quick.cut
        return data, None, quick.nfc
    return (*_parse_events(text, lines, doc), False)


def _parse_events(text: str, lines: list[str], doc: Document) -> tuple[Any, Finding | None]:
    """The event path's reading (:mod:`.yamlevents`), which says where a refusal stands."""
    try:
        builder = Builder(doc, lines)
        data = builder.run(text)
    except Refused as refused:
        return None, Finding(doc.file, refused.code, "", *mark(refused.mark), refused.params)
    except yaml.MarkedYAMLError as error:
        return None, syntax_finding(doc.file, text, error)
    except yaml.YAMLError as error:  # what the readers refuse that clean_controls let through
        return None, Finding(doc.file, "yaml.syntax", "", 1, 1,
                             {"problem": "ký tự không đọc được", "text": "",
                              "problem_en": str(error).splitlines()[0]})
    doc.findings += builder.cut
    return data, None


def _not_mapping(file: str, data: Any) -> Finding:
    listed = isinstance(data, list)
    kind = "một danh sách" if listed else "một giá trị đơn"
    kind_en = "a list" if listed else "a single value"
    return Finding(file, "file.not_mapping", "", 1, 1, {"kind": kind, "kind_en": kind_en})
