"""Load one product file into plain data plus the line and column of every value.

Officers type values unquoted, so the loader decides what a plain scalar means instead of
PyYAML's YAML 1.1 resolver: ``yes``/``no``/``on``/``off`` stay text, ``2024-01-02`` stays
text (the schema checks the date format), ``0905123456`` keeps its leading zero, and an
unquoted number where the schema wants text is put back as the officer typed it (see
:mod:`generator.load.coerce`). Anchors, aliases, custom tags, duplicate
keys and several documents in one file are refused: product files never need them.

The one way to load a product file is :func:`generator.load.product.load_product`; this module
is its YAML step.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import OcopError
from ..findings import Finding, Message, Severity, register
from .document import Document, PathT

#: libyaml (C) when PyYAML was built with it: about ten times faster, same events and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
    Message("yaml.syntax", Severity.ERROR,
            "lỗi cú pháp YAML: {problem} — kiểm tra thụt lề, dấu `:` sau tên trường và dấu ngoặc kép "
            "đóng mở đủ",
            "YAML syntax error: {problem} — check indentation, the `:` after each key and that quotes "
            "are closed",
            bad='name:\n  vi: "Nước mắm', fix='name:\n  vi: "Nước mắm"'),
    Message("yaml.unclosed_quote", Severity.ERROR,
            "dấu ngoặc kép `\"` mở ở dòng này chưa được đóng — thêm `\"` ở cuối giá trị",
            "the double quote `\"` opened on this line is never closed — add `\"` at the end",
            bad='vi: "Nước mắm', fix='vi: "Nước mắm"'),
    Message("yaml.duplicate_key", Severity.ERROR,
            "trường `{key}` xuất hiện hai lần (lần trước ở dòng {first_line}) — giữ một, xoá dòng còn lại",
            "key `{key}` appears twice (first on line {first_line}) — keep one and delete the other"),
    Message("yaml.alias", Severity.ERROR,
            "không dùng neo/bí danh YAML (`&`, `*`, `<<`) trong tệp sản phẩm — hãy viết thẳng giá trị",
            "YAML anchors and aliases (`&`, `*`, `<<`) are not allowed in product files — write the "
            "value out"),
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


_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core-schema meaning of a plain scalar, keeping leading-zero codes as text."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        digits = text.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            return text  # a code or phone number: keep every digit
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


class _Refused(OcopError):
    def __init__(self, code: str, mark: Any, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.mark = mark
        self.params = params


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _scan_events(text: str) -> None:
    """Refuse anchors, aliases, explicit tags and extra documents before composing."""
    documents = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused("yaml.multiple_documents", event.start_mark)
        elif isinstance(event, yaml.AliasEvent):
            raise _Refused("yaml.alias", event.start_mark)
        elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise _Refused("yaml.alias", event.start_mark)
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.ScalarEvent) and tag == "!":
            continue  # the non-specific tag PyYAML reports for quoted scalars
        if tag is not None and isinstance(event, yaml.NodeEvent):
            raise _Refused("yaml.tag", event.start_mark, tag=str(tag))


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def build(self, node: Node, path: PathT) -> Any:
        self.doc.value_marks[path] = _mark(node.start_mark)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if node.style:  # quoted or block scalar: always text (plain is None or "")
            return node.value
        value = resolve_plain(node.value)
        if not isinstance(value, str):
            self.doc.plain_text[path] = node.value
        return value

    def _mapping(self, node: MappingNode, path: PathT) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused("yaml.complex_key", key_node.start_mark)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused("yaml.alias", key_node.start_mark)
            key = key_node.value
            child = (*path, key)
            if key in out:
                first_line = self.doc.key_marks[child][0]
                raise _Refused("yaml.duplicate_key", key_node.start_mark, key=key,
                               first_line=str(first_line))
            self.doc.key_marks[child] = _mark(key_node.start_mark)
            out[key] = self.build(value_node, child)
        return out


def _first_tab_indent(text: str) -> tuple[int, int] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return number, len(line) - len(stripped) + 1
        # a tab between a list dash and its value indents the value too
        match = re.match(r"( *- *)\t", line)
        if match:
            return number, len(match.group(1)) + 1
    return None


def _unclosed_quote(text: str, mark: Any) -> tuple[int, int] | None:
    """The first line before the error with an odd number of unescaped double quotes."""
    last = mark.line + 1 if mark is not None else len(text.splitlines())
    for number, line in enumerate(text.splitlines()[:last], start=1):
        body = line.split(" #", 1)[0].replace('\\"', "")
        if body.lstrip().startswith("#") or "'" in body:
            continue
        if body.count('"') % 2 == 1:
            return number, body.index('"') + 1
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
    data, problem = _parse(text, doc)
    if problem is None and not isinstance(data, dict):
        problem = _not_mapping(doc.file, data)
    if problem is not None:
        doc.findings.append(problem)
        return doc
    changed: list[PathT] = []
    doc.data = _normalise(data, doc, (), changed)
    if changed:
        line, column = doc.locate(changed[0])
        doc.findings.append(Finding(doc.file, "text.nfd", "", line, column,
                                    {"count": str(len(changed))}))
    return doc


def _parse(text: str, doc: Document) -> tuple[Any, Finding | None]:
    """The data of the text (marks recorded in ``doc``), or the finding that stopped it."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, Finding(doc.file, "file.empty", "", 1, 1)
    tab = _first_tab_indent(text)
    if tab:
        return None, Finding(doc.file, "yaml.tab", "", *tab)
    try:
        _scan_events(text)
        node = yaml.compose(text, Loader=_LOADER)
        return (_Builder(doc).build(node, ()) if node is not None else None), None
    except _Refused as refused:
        return None, Finding(doc.file, refused.code, "", *_mark(refused.mark), refused.params)
    except yaml.MarkedYAMLError as error:
        return None, _syntax(doc.file, text, error)
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        return None, Finding(doc.file, "yaml.syntax", "", 1, 1,
                             {"problem": str(error).splitlines()[0]})


def _syntax(file: str, text: str, error: yaml.MarkedYAMLError) -> Finding:
    quote = _unclosed_quote(text, error.problem_mark)
    if quote:
        return Finding(file, "yaml.unclosed_quote", "", *quote)
    mark = error.problem_mark or error.context_mark
    if error.context_mark is not None and "end of stream" in (error.problem or ""):
        mark = error.context_mark  # an unclosed quote: point at where it was opened
    problem = " ".join(filter(None, [error.context, error.problem]))
    return Finding(file, "yaml.syntax", "", *_mark(mark), {"problem": problem or "?"})


def _not_mapping(file: str, data: Any) -> Finding:
    listed = isinstance(data, list)
    kind = "một danh sách" if listed else "một giá trị đơn"
    kind_en = "a list" if listed else "a single value"
    return Finding(file, "file.not_mapping", "", 1, 1, {"kind": kind, "kind_en": kind_en})
