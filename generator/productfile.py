"""Write a product file: commented, readable YAML in the order and style of the example product.

``ocop new`` and ``ocop import`` write files an officer then finishes on GitHub's website, so
the output looks like ``products/tien-phuoc/tieu-tien-phuoc/product.yaml``: the schema line and
a pointer to docs/field-reference.md on top, the short fields first, a blank line before every
section, administrative units on one line (``province: {name: Tỉnh Quảng Nam, code: "49"}``),
codes and partial dates quoted (``code: "49"``, ``signed: "2019"``), full dates not
(``signed: 2022-12-29``). Every file written here loads back through
:mod:`generator.load.yamlload` to exactly the data it was written from (text in NFC).

What is still unknown is never invented: :func:`with_placeholders` gives a required field a
value the validator rejects (``processing: CHƯA ĐIỀN``) or leaves it out, always under a
``# TODO`` comment that says what to write, and :func:`still_to_fill` lists what is left.
"""

from __future__ import annotations

import copy
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .load.yamlload import PathT, format_path, resolve_plain
from .resources import subschema
from .textfold import fold, slugify

HEADER = (
    "# yaml-language-server: $schema=../../../schema/product.schema.json",
    "# Tệp sản phẩm OCOP — xem hướng dẫn trường ở docs/field-reference.md",
)
#: the value of a required field nobody has filled in yet; the validator rejects it
TO_FILL = "CHƯA ĐIỀN"
TODO = "TODO"

#: top-level keys: the short ones first (no blank lines), then one section each
HEAD_KEYS = ("id", "name", "aliases", "product_type", "group", "subgroup", "group_recorded",
             "processing")
TOP_ORDER = (*HEAD_KEYS, "subject", "recognitions", "origin", "standards", "packaging", "photos",
             "content", "price", "sales_channels", "sources")
#: mappings written on one line, as in the example product
_FLOW = re.compile(r"origin\.recorded\.(province|district|commune)|origin\.coordinates")
ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Placeholder:
    """A field that is not in the data, written as ``# TODO`` lines and, when ``example`` is
    given, the field itself commented out (remove the ``# `` to use it)."""

    todo: tuple[str, ...]
    example: Any = None


# --- scalars --------------------------------------------------------------------------------

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<"}
_NUMBERISH = re.compile(
    r"[-+]?(0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_,.:]*([eE][-+]?[0-9]+)?"
    r"|\.[0-9_]+([eE][-+]?[0-9]+)?|\.(inf|Inf|INF|nan|NaN|NAN)|[0-9]{4}-[0-9]{2})")
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BREAKS = set("\t\n\r\x85\u2028\u2029\ufeff")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}


def _printable(char: str) -> bool:
    """YAML's printable set (what PyYAML's reader accepts)."""
    code = ord(char)
    return (char in "\t\n\r" or 0x20 <= code <= 0x7E or code == 0x85
            or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF)


def _plain_ok(text: str, *, flow: bool) -> bool:
    """True when ``text`` can be written unquoted and still loads back as the same text."""
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if any(ch in _BREAKS or not _printable(ch) for ch in text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or text.startswith(("---", "...")):
        return False
    if flow and any(ch in ",[]{}" for ch in text):
        return False
    if text.lower() in _YAML11_WORDS or resolve_plain(text) != text:
        return False
    return not (_NUMBERISH.fullmatch(text) and not _FULL_DATE.fullmatch(text))


def quoted(text: str) -> str:
    """Double-quoted YAML scalar, escaping what a reader would not take literally."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch in _BREAKS or not _printable(ch):
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code < 0x100 else
                       f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _literal(text: str) -> tuple[str, list[str]] | None:
    """(``|-`` or ``|``, lines) when ``text`` reads well as a literal block, else None."""
    if "\n" not in text or text.endswith("\n\n"):
        return None
    if any(ch in _BREAKS - {"\n"} or not _printable(ch) for ch in text):
        return None
    indicator, body = ("|", text[:-1]) if text.endswith("\n") else ("|-", text)
    lines = body.split("\n")
    if not any(lines) or not lines[0]:
        return None
    if any(line != line.strip() or line.startswith("#") for line in lines):
        return None
    return indicator, lines


def scalar(value: Any, *, flow: bool = False) -> str:
    """One scalar as it is written after ``key: `` (never a block)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"product files hold finite numbers only, not {value!r}")
        return repr(value)
    if isinstance(value, str):
        return value if _plain_ok(value, flow=flow) else quoted(value)
    raise TypeError(f"cannot write {type(value).__name__} in a product file")


def _key(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(f"product file keys are text, not {type(key).__name__}")
    return key if _plain_ok(key, flow=False) else quoted(key)


# --- paths ------------------------------------------------------------------------------------

_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def parse_path(text: str) -> PathT:
    """``"recognitions[0].signed"`` → ``("recognitions", 0, "signed")``."""
    return tuple(int(m.group(1)) if m.group(1) else m.group(2) for m in _PART.finditer(text))


def _order(path: PathT, keys: Iterable[str]) -> list[str]:
    """Keys in the example's order: top level by TOP_ORDER, nested by the schema."""
    known = list(TOP_ORDER) if not path else list(subschema(path).get("properties", {}))
    rank = {key: i for i, key in enumerate(known)}
    keys = list(keys)
    return sorted(keys, key=lambda k: (rank.get(k, len(rank)), keys.index(k)))


def nfc(value: Any) -> Any:
    """The same data with every text (keys too) in NFC, as the loader reads it."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


# --- the writer -------------------------------------------------------------------------------

def _commented(lines: list[str], indent: int) -> list[str]:
    """Comment lines out so that deleting ``# `` gives them back, indentation included."""
    return [" " * indent + "# " + line[indent:] for line in lines]


class _Writer:
    def __init__(self, comments: Mapping[str, Sequence[str]],
                 placeholders: Mapping[str, Placeholder]) -> None:
        self.comments = {parse_path(k): list(v) for k, v in comments.items()}
        self.placeholders = {parse_path(k): v for k, v in placeholders.items()}

    def notes(self, path: PathT, indent: int) -> list[str]:
        return [" " * indent + "# " + line for line in self.comments.get(path, [])]

    def _pending(self, path: PathT, data: Mapping[str, Any]) -> list[str]:
        return [p[-1] for p in self.placeholders
                if len(p) == len(path) + 1 and p[:-1] == path and isinstance(p[-1], str)
                and p[-1] not in data]

    def mapping(self, data: Mapping[str, Any], path: PathT, indent: int, *,
                item: bool = False) -> list[str]:
        keys = _order(path, [*data, *self._pending(path, data)])
        if item and keys and keys[0] not in data:  # a list item starts with a real key
            first = next((k for k in keys if k in data), None)
            if first is not None:
                keys.remove(first)
                keys.insert(0, first)
        out: list[str] = []
        for key in keys:
            child = (*path, key)
            if not path and key not in HEAD_KEYS and out:
                out.append("")
            out += self.notes(child, indent)
            if key in data:
                out += self.entry(key, data[key], child, indent)
            else:
                out += self.placeholder(key, child, indent)
        return out

    def placeholder(self, key: str, path: PathT, indent: int) -> list[str]:
        holder = self.placeholders[path]
        out = [" " * indent + "# " + line for line in holder.todo]
        if holder.example is not None:
            out += _commented(self.entry(key, holder.example, path, indent), indent)
        return out

    def _flow(self, value: Mapping[str, Any], path: PathT) -> str | None:
        if not _FLOW.fullmatch(format_path(path)) or not value:
            return None
        if any(p[: len(path)] == path and len(p) > len(path)
               for p in [*self.comments, *self.placeholders]):
            return None
        if any(isinstance(v, dict | list) for v in value.values()):
            return None
        parts = [f"{_key(k)}: {scalar(value[k], flow=True)}" for k in _order(path, value)]
        return "{" + ", ".join(parts) + "}"

    def entry(self, key: str, value: Any, path: PathT, indent: int) -> list[str]:
        head = " " * indent + _key(key) + ":"
        if isinstance(value, dict):
            flow = self._flow(value, path)
            if flow is not None or not value:
                return [f"{head} {flow or '{}'}"]
            return [head, *self.mapping(value, path, indent + 2)]
        if isinstance(value, list):
            return [f"{head} []"] if not value else [head, *self.sequence(value, path, indent + 2)]
        block = _literal(value) if isinstance(value, str) else None
        if block:
            return [f"{head} {block[0]}", *(" " * (indent + 2) + line if line else ""
                                            for line in block[1])]
        return [f"{head} {scalar(value)}"]

    def sequence(self, items: Sequence[Any], path: PathT, indent: int) -> list[str]:
        out: list[str] = []
        for i, item in enumerate(items):
            out += self.notes((*path, i), indent)
            out += self.item(item, (*path, i), indent)
        return out

    def item(self, value: Any, path: PathT, indent: int) -> list[str]:
        pad = " " * indent
        if isinstance(value, dict | list) and not value:
            return [pad + "- " + ("{}" if isinstance(value, dict) else "[]")]
        if isinstance(value, dict | list):
            inner = (self.mapping(value, path, indent + 2, item=True) if isinstance(value, dict)
                     else self.sequence(value, path, indent + 2))
            first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
            inner[first] = pad + "- " + inner[first][indent + 2:]
            return inner
        block = _literal(value) if isinstance(value, str) else None
        if block:
            return [f"{pad}- {block[0]}", *(pad + "  " + line if line else "" for line in block[1])]
        return [f"{pad}- {scalar(value)}"]


def dump(data: Mapping[str, Any], *, preamble: Sequence[str] = (),
         comments: Mapping[str, Sequence[str]] | None = None,
         placeholders: Mapping[str, Placeholder] | None = None) -> str:
    """The text of a product file for ``data``.

    ``preamble``: note lines written as comments under the two header lines (kept from an
    existing file). ``comments``: field path (``"recognitions[0].signed"``) → comment lines
    written above that field. ``placeholders``: path of a field missing from ``data`` → what
    to write in its place.
    """
    writer = _Writer(comments or {}, placeholders or {})
    lines = [*HEADER, *("# " + line for line in preamble)]
    lines += writer.mapping(nfc(dict(data)), (), 0)
    return "\n".join(lines) + "\n"


# --- placeholders for what is still unknown ---------------------------------------------------

_GROUPS = ", ".join(subschema(("group",)).get("enum", []))
_TODO_TEXT = {
    "product_type": ("TODO: loại sản phẩm, chữ thường, không kèm thương hiệu hay địa danh, ví dụ "
                     "«nước mắm», «tinh dầu quế» / product type, lowercase, no brand or place",),
    "group": (f"TODO: chọn một nhóm / choose one group: {_GROUPS}",),
    "processing": ("TODO: mức độ chế biến / processing level: fresh (tươi sống), raw (thô), "
                   "primary-processed (sơ chế), processed (chế biến), deep-processed (chế biến "
                   "sâu), not-applicable (thủ công mỹ nghệ, du lịch, sinh vật cảnh)",),
    "content": ("TODO: giới thiệu sản phẩm cho người mua, chỉ viết điều nguồn nói / describe the "
                "product for buyers, only what the sources say",),
    "recognitions": ("TODO: thêm lần công nhận theo quyết định — bỏ dấu # ở các dòng dưới rồi sửa "
                     "/ add the recognition from the decision — uncomment the lines below and edit",),
    "sources": ("TODO: ghi nguồn (quyết định, bài báo) của các thông tin trên — bỏ dấu # ở các "
                "dòng dưới, dán địa chỉ và tiêu đề / add the sources — uncomment the lines below, "
                "paste the address and title",),
    "photos": ("TODO (không bắt buộc): đặt ảnh JPEG, PNG hoặc WebP (cạnh dài từ 800 điểm ảnh) vào "
               "thư mục này, bỏ dấu # ở các dòng dưới, sửa tên tệp và mô tả / optional: put photos "
               "in this folder, uncomment the lines below, edit file name and description",),
    "origin": ("TODO: nơi sản xuất như ghi trong quyết định (đơn vị trước 1/7/2025) — bỏ dấu # ở "
               "các dòng dưới rồi sửa / place of production as in the decision — uncomment and edit",),
    "province": ("TODO: tỉnh như trong quyết định, ví dụ / the province as in the decision, e.g. "
                 '`province: {name: Tỉnh Quảng Nam, code: "49"}`',),
}
_SOURCE_EXAMPLE = [{"url": "https://<địa-chỉ-văn-bản-hoặc-bài-báo>",
                    "title": "<tiêu đề văn bản hoặc bài báo>"}]
_ORIGIN_EXAMPLE = {"recorded": {
    "scheme": "pre-2025-07", "province": {"name": "<Tỉnh …>", "code": "<mã 2 số>"},
    "district": {"name": "<Huyện …>", "code": "<mã 3 số>"},
    "commune": {"name": "<Xã …>", "code": "<mã 5 số>"}}}
_RECOGNITION_EXAMPLE = [{"decision": "<số quyết định>", "signed": "<năm-tháng-ngày ký>",
                         "stars": "<3, 4 hoặc 5>"}]


def _missing(data: Mapping[str, Any], key: str) -> bool:
    return key not in data or data[key] in (None, "", TO_FILL)


def with_placeholders(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]],
                                                       dict[str, Placeholder]]:
    """Fill what a product file still needs: (data, comments, placeholders) for :func:`dump`.

    Required fields get a value the validator rejects with a useful message, under a
    ``# TODO``; ``sources``, ``recognitions`` and ``photos`` are left out with a commented
    example (an example left as it is still fails validation: the address is not a URL).
    """
    out = copy.deepcopy(dict(data))
    comments: dict[str, list[str]] = {}
    holders: dict[str, Placeholder] = {}
    for key in ("product_type", "group", "processing"):
        if _missing(out, key):
            out[key] = TO_FILL
            comments[key] = list(_TODO_TEXT[key])
    if not out.get("recognitions"):
        out.pop("recognitions", None)
        holders["recognitions"] = Placeholder(_TODO_TEXT["recognitions"], _RECOGNITION_EXAMPLE)
    if not out.get("origin"):
        out.pop("origin", None)
        holders["origin"] = Placeholder(_TODO_TEXT["origin"], _ORIGIN_EXAMPLE)
    recorded = out.get("origin", {}).get("recorded")
    if isinstance(recorded, dict) and "province" not in recorded:
        holders["origin.recorded.province"] = Placeholder(_TODO_TEXT["province"])
    description = out.get("content", {}).get("description", {})
    if not isinstance(description, dict) or not description.get("vi"):
        out.setdefault("content", {})["description"] = {**(description or {}), "vi": ""}
        comments["content"] = list(_TODO_TEXT["content"])
    if not out.get("sources"):
        out.pop("sources", None)
        holders["sources"] = Placeholder(_TODO_TEXT["sources"], _SOURCE_EXAMPLE)
    if not out.get("photos"):
        out.pop("photos", None)
        name = out.get("name", {}).get("vi", "") if isinstance(out.get("name"), dict) else ""
        holders["photos"] = Placeholder(_TODO_TEXT["photos"], [
            {"file": "mat-truoc.jpg", "role": "front",
             "alt": {"vi": f"Mặt trước bao bì {name}".strip()}}])
    return out, comments, holders


def still_to_fill(data: Mapping[str, Any]) -> list[str]:
    """The required fields of ``data`` that are missing or still a placeholder."""
    need = [key for key in ("product_type", "group", "processing") if _missing(data, key)]
    recognitions = data.get("recognitions") or []
    if not recognitions:
        need.append("recognitions")
    for i, item in enumerate(recognitions):
        for key in ("signed", "stars"):
            if not isinstance(item, dict) or not _valid(("recognitions", i, key), item.get(key)):
                need.append(f"recognitions[{i}].{key}")
    recorded = (data.get("origin") or {}).get("recorded")
    if not isinstance(recorded, dict):
        need.append("origin")
    elif "province" not in recorded:
        need.append("origin.recorded.province")
    description = (data.get("content") or {}).get("description")
    if not isinstance(description, dict) or not description.get("vi"):
        need.append("content.description")
    if not data.get("sources"):
        need.append("sources")
    return need


def _valid(path: PathT, value: Any) -> bool:
    if path[-1] == "stars":
        return isinstance(value, int) and not isinstance(value, bool) and 3 <= value <= 5
    pattern = subschema(path).get("pattern")
    return isinstance(value, str) and bool(pattern and re.fullmatch(pattern.strip("^$"), value))


def _present(data: Any, path: PathT) -> bool:
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return False
    return True


def render(data: Mapping[str, Any], *, preamble: Sequence[str] = (),
           comments: Mapping[str, Sequence[str]] | None = None) -> str:
    """:func:`dump` after :func:`with_placeholders`, with extra comments from the caller (a
    comment about a field that is not there is written where the field would go)."""
    filled, todo, holders = with_placeholders(data)
    for path, lines in (comments or {}).items():
        if _present(filled, parse_path(path)):
            todo[path] = [*todo.get(path, []), *lines]
        elif path not in holders and _present(filled, parse_path(path)[:-1]):
            holders[path] = Placeholder(tuple(lines))
    return dump(filled, preamble=preamble, comments=todo, placeholders=holders)


# --- ids and areas ----------------------------------------------------------------------------

_LEVEL_WORDS = ("thanh pho", "tinh", "huyen", "thi xa", "quan", "xa", "phuong", "thi tran",
                "dac khu", "tp", "tx", "tt", "h", "x", "p")


def slug(text: str) -> str:
    """ASCII id part: :func:`generator.textfold.slugify` keeping only ``a-z``, ``0-9``, ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", slugify(text)).strip("-")


def product_id(name: str, max_length: int = 80) -> str:
    """The id suggested for a product name: ``"Tiêu Tiên Phước"`` → ``"tieu-tien-phuoc"``."""
    text = slug(name)
    while len(text) > max_length and "-" in text:
        text = text.rsplit("-", 1)[0]
    return text[:max_length]


def area_slug(unit_name: str) -> str:
    """Folder name of an area: ``"Huyện Tiên Phước"`` → ``"tien-phuoc"``, ``"TP. Hội An"``
    → ``"hoi-an"``."""
    key = fold(unit_name)
    for word in _LEVEL_WORDS:
        if key.startswith(word + " "):
            key = key[len(word) + 1:]
            break
    return slug(key)


def taken_ids(root: Path) -> dict[str, Path]:
    """Every product folder name under ``products/`` (ids are unique in the whole catalogue)."""
    products = root / "products"
    if not products.is_dir():
        return {}
    found = {p.parent.name: p.parent for p in sorted(products.rglob("product.yaml"))}
    for area in sorted(products.iterdir()):
        if area.is_dir():
            for folder in sorted(area.iterdir()):
                if folder.is_dir():
                    found.setdefault(folder.name, folder)
    return found


def file_notes(text: str) -> tuple[list[str], list[tuple[int, str]]]:
    """Comments of an existing file: (the notes under the header, to keep as ``preamble``;
    every other comment line as (line number, text))."""
    preamble: list[str] = []
    others: list[tuple[int, str]] = []
    at_top = True
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if at_top and (line in HEADER or line.startswith("# yaml-language-server:")):
            continue
        if at_top and stripped.startswith("#") and not stripped.startswith("# " + TODO):
            preamble.append(stripped[1:].removeprefix(" "))
            continue
        at_top = False
        if stripped.startswith("#"):
            others.append((number, stripped))
    return preamble, others
