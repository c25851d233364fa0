"""An event file against ``schema/event.schema.json``, each failure worded for officers.

The findings are the product schema's (:mod:`generator.checks.schema`: the same codes, the
same wording); only the titles and examples come from the event schema.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..checks.schema_hints import yaml_value
from ..findings import Finding, shown
from ..load.document import Document, PathT
from .load import event_schema, subschema

_TYPES = {"string": ("chữ", "text"), "integer": ("số nguyên", "a whole number"),
          "number": ("số", "a number"), "object": ("một nhóm trường", "a group of fields"),
          "array": ("một danh sách", "a list"), "boolean": ("true hoặc false", "true or false")}
_RULES = {"date": ("viết ngày theo dạng NĂM-THÁNG-NGÀY", "write dates as YEAR-MONTH-DAY"),
          "id": ("chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang",
                 "use lowercase ASCII letters, digits and hyphens only"),
          "url": ("địa chỉ phải bắt đầu bằng https:// hoặc http://",
                  "must start with https:// or http://"),
          "time": ("viết giờ theo dạng GIỜ:PHÚT, ví dụ 19:30", "write the time as HH:MM, e.g. 19:30"),
          "line": ("chỉ được một dòng", "must be a single line"),
          "other": ("không khớp mẫu quy định", "does not match the required form")}


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(event_schema())


def _titles(path: PathT) -> dict[str, str]:
    if path and isinstance(path[-1], int):
        parent = _titles(path[:-1])
        return {"title": f"{parent['title']} (mục {path[-1] + 1})",
                "title_en": f"{parent['title_en']} (entry {path[-1] + 1})"}
    title = subschema(path).get("title") or (str(path[-1]) if path else "tệp")
    vi, _, en = title.partition(" / ")
    return {"title": vi, "title_en": en or vi}


def _example(path: PathT) -> str:
    examples = subschema(path).get("examples") or [""]
    return yaml_value(examples[0])


def _rule(path: PathT, value: Any) -> tuple[str, str]:
    pattern = subschema(path).get("pattern", "")
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    if "[0-9]{4}" in pattern:
        return _RULES["date"]
    if last in ("id", "product"):
        return _RULES["id"]
    if pattern.startswith("^https?"):
        return _RULES["url"]
    if last == "time":
        return _RULES["time"]
    return _RULES["line"] if isinstance(value, str) and "\n" in value else _RULES["other"]


def _closest(word: str, options: list[str]) -> str:
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return match[0] if match else ""


def _suggest(close: str) -> dict[str, str]:
    return {"suggestion": f" (có phải `{close}`?)" if close else "",
            "suggestion_en": f" (did you mean `{close}`?)" if close else ""}


def _findings(doc: Document, error: ValidationError) -> Iterator[Finding]:
    path: PathT = tuple(error.absolute_path)
    kind, value = error.validator, error.instance
    if kind == "required":
        for name in [m for m in error.validator_value if m not in (value or {})]:
            yield doc.finding("schema.required", (*path, name), field=name,
                              example=_example((*path, name)), **_titles((*path, name)))
    elif kind == "additionalProperties":
        allowed = list(subschema(path).get("properties", {}))
        for key in [k for k in value if k not in allowed]:
            yield doc.key_finding("schema.unknown_field", (*path, key), field=key,
                                  **_suggest(_closest(key, allowed)))
    else:
        found = _single(doc, error, path)
        if found is not None:
            yield found


def _single(doc: Document, error: ValidationError, path: PathT) -> Finding | None:
    kind, value, names = error.validator, error.instance, _titles(path)
    if kind == "type":
        expected = error.validator_value
        vi, en = _TYPES.get(expected if isinstance(expected, str) else "", (expected, expected))
        return doc.finding("schema.type", path, value=shown(value), expected=vi, expected_en=en,
                           hint=f"ví dụ: `{_example(path)}`", hint_en=f"e.g. `{_example(path)}`",
                           **names)
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        return doc.finding("schema.enum", path, value=shown(value),
                           allowed=", ".join(f"`{o}`" for o in options),
                           **_suggest(_closest(str(value), options)), **names)
    if kind == "pattern":
        rule, rule_en = _rule(path, value)
        return doc.finding("schema.pattern", path, value=shown(value), rule=rule, rule_en=rule_en,
                           example=_example(path), **names)
    return _sized(doc, error, path, names)


def _sized(doc: Document, error: ValidationError, path: PathT,
           names: dict[str, str]) -> Finding | None:
    kind, limit = error.validator, error.validator_value
    if kind in ("minimum", "maximum"):
        word = ("ít nhất", "at least") if kind == "minimum" else ("nhiều nhất", "at most")
        return doc.finding("schema.range", path, value=shown(error.instance),
                           limits=f"{word[0]} {limit}", limits_en=f"{word[1]} {limit}", **names)
    if kind in ("minLength", "maxLength"):
        short = kind == "minLength"
        return doc.finding("schema.length", path,
                           limits=f"{'ít nhất' if short else 'nhiều nhất'} {limit} ký tự",
                           limits_en=f"{'at least' if short else 'at most'} {limit} characters",
                           hint="bổ sung cho đủ" if short else "rút gọn lại",
                           hint_en="write more" if short else "shorten it", **names)
    if kind == "minItems":
        return doc.finding("schema.min_items", path, count=limit, **names)
    if kind == "uniqueItems":
        return doc.finding("schema.duplicate_items", path, **names)
    return None


def check_event_schema(doc: Document) -> list[Finding]:
    """Schema findings for a loaded event file, one per problem, in file order."""
    errors = sorted(_validator().iter_errors(doc.data), key=lambda e: list(map(str, e.path)))
    seen: set[tuple[str, str, str]] = set()
    out: list[Finding] = []
    for error in errors:
        for finding in _findings(doc, error):
            key = (finding.code, finding.path, finding.params.get("field", ""))
            if key not in seen:
                seen.add(key)
                out.append(finding)
    return out
