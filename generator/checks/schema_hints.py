"""The words of schema findings: examples taken from the schema, and how to fix a wrong type.

Every example is YAML an officer can paste (``name: {vi: Tiêu Tiên Phước}``), never a
placeholder; every hint names the value as typed and says what to write instead.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from ..load.document import Document, PathT
from ..resources import resolve, subschema

_NEEDS_QUOTES = re.compile(r":\s|\s#|^[\[\]{}&*!|>'\"%@`,?#-]|^\s|\s$|^$")
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*")
_NOT_A_NUMBER = re.compile(r"[-+]?\.?(?:nan|inf|infinity)", re.IGNORECASE)


def yaml_value(value: Any) -> str:
    """``value`` written as one line of YAML (flow style for groups and lists)."""
    if isinstance(value, str):
        return value if not _NEEDS_QUOTES.search(value) else yaml_dump(value)
    return yaml_dump(value)


def yaml_dump(value: Any) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6,
                          sort_keys=False)
    return text.strip().removesuffix("...").strip()


def example_value(path: PathT) -> Any:
    """The schema's first example of the value at ``path``: from the example of the field that
    holds it when that has one (a province's name is a province's, not any unit's), else its
    own, else (a list item) from its list's example."""
    if path and isinstance(path[-1], str):
        parent = example_value(path[:-1]) if path[:-1] else None
        if isinstance(parent, dict) and path[-1] in parent:
            return parent[path[-1]]
    examples = subschema(path).get("examples") or []
    if examples:
        return examples[0]
    if path and isinstance(path[-1], int):
        parent = example_value(path[:-1])
        if isinstance(parent, list) and parent:
            return parent[0]
    kind = resolve(subschema(path)).get("type")
    return {"integer": 1, "number": 1, "boolean": True, "array": [], "object": {}}.get(
        kind if isinstance(kind, str) else "", "")


def example(path: PathT) -> str:
    """The example of ``path`` as YAML text, e.g. ``processed`` or ``{vi: Nước mắm}``."""
    return yaml_value(example_value(path))


def quote_mark(doc: Document, path: PathT) -> str:
    """The quote the officer typed around the value at ``path`` ("" for a plain value)."""
    where = doc.value_marks.get(tuple(path))
    lines = doc.text.splitlines()
    if where is None or not 0 < where[0] <= len(lines):
        return ""
    line = lines[where[0] - 1]
    char = line[where[1] - 1: where[1]]
    return char if char in ("'", '"') else ""


def _line(path: PathT, value: str) -> str:
    key = path[-1] if path else ""
    return f"`{key}: {value}`" if isinstance(key, str) and key else f"`{value}`"


def _the_number(text: str, expected: str) -> str | None:
    """The one number written in ``text`` ("4 sao" → "4", "64,5" → "64.5", "50.000" → "50000"
    for a whole number), or None when there is none, several, or not of the expected kind."""
    numbers = _NUMBER.findall(text)
    if len(numbers) != 1 or _NOT_A_NUMBER.fullmatch(text):
        return None
    number = numbers[0]
    if _THOUSANDS.fullmatch(number) and (expected == "integer" or "," not in number):
        number = re.sub(r"[.,]", "", number)
    decimal = number.replace(",", ".")
    if decimal.count(".") > 1 or (expected == "integer" and "." in decimal):
        return None
    return decimal


def number_hint(value: str, expected: str, path: PathT, quoted: str) -> tuple[str, str]:
    """What to write instead of the text ``value`` where a number is expected."""
    text = value.strip()
    number = _the_number(text, expected)
    if number is None:
        sample = _line(path, yaml_value(example_value(path)))
        kind = "một số nguyên" if expected == "integer" else "một số"
        if _NOT_A_NUMBER.fullmatch(text):
            return (f"đây không phải là một số; ghi {kind}, ví dụ: {sample}",
                    f"this is not a number; write a number, e.g. {sample}")
        return (f"ghi {kind}, ví dụ: {sample}", f"write a single number, e.g. {sample}")
    fixed = _line(path, number)
    comma = "," in text
    if quoted and _NUMBER.fullmatch(text):
        marks = "dấu ngoặc kép" if quoted == '"' else "dấu nháy đơn"
        point = (" và dùng dấu chấm thập phân", " and use a decimal point") if comma else ("", "")
        return (f"bỏ {marks}{point[0]} để thành số: {fixed}",
                f"remove the quotes{point[1]} to make it a number: {fixed}")
    if comma and "." in number:
        return f"dùng dấu chấm thập phân: {fixed}", f"use a decimal point: {fixed}"
    return f"chỉ ghi số: {fixed}", f"write the number only: {fixed}"


def type_hint(value: Any, expected: str, path: PathT, quoted: str) -> tuple[str, str]:
    """How to fix ``value`` that is not of the ``expected`` JSON type."""
    if expected in ("integer", "number") and isinstance(value, str):
        return number_hint(value, expected, path, quoted)
    if expected in ("integer", "number") and isinstance(value, float) and not math.isfinite(value):
        return number_hint(str(value), expected, path, quoted)
    sample = _line(path, example(path))
    if expected == "object" and isinstance(value, str):
        return (f"viết thành các trường con, ví dụ: {sample}",
                f"write it as a group of fields, e.g. {sample}")
    if expected == "array":
        return (f"viết dạng danh sách, mỗi mục một dòng bắt đầu bằng `- `, ví dụ: {sample}",
                f"write a list, one entry per line starting with `- `, e.g. {sample}")
    if expected == "string":
        return ("đặt giá trị trong ngoặc kép", "put the value in quotes")
    return f"sửa theo ví dụ: {sample}", f"follow the example: {sample}"


def pattern_rule(path: PathT, value: Any) -> tuple[str, str]:
    """The rule a value failing the ``pattern`` of ``path`` breaks, in words."""
    last = path[-1] if path else ""
    pattern = resolve(subschema(path)).get("pattern", "")
    if "[0-9]{4}" in pattern:
        return ("viết ngày theo dạng NĂM-THÁNG-NGÀY (hoặc chỉ NĂM-THÁNG, NĂM nếu nguồn chỉ ghi vậy)",
                "write dates as YEAR-MONTH-DAY (or YEAR-MONTH, YEAR when that is all the source says)")
    if last == "id":
        return ("chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang",
                "use lowercase ASCII letters, digits and hyphens only")
    if last == "tax_code":
        return "10 chữ số, hoặc 10 chữ số + \"-\" + 3 chữ số", "10 digits, or 10 digits + \"-\" + 3"
    if last in ("url", "website", "source", "traceability_url"):
        return "địa chỉ phải bắt đầu bằng https:// hoặc http://", "must start with https:// or http://"
    if isinstance(value, str) and "\n" in value:
        return "chỉ được một dòng", "must be a single line"
    return "không khớp mẫu quy định", "does not match the required form"
