"""Check a loaded product file against the JSON Schema and word each failure for officers.

jsonschema's own messages ("'6' is greater than the maximum of 5") are for programmers.
Each schema failure becomes a :class:`Finding` with a stable code, the line of the value,
the field's Vietnamese title from the schema and an example taken from the schema itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..findings import Finding, Message, Severity, register, shown
from ..load.coerce import coerce_to_schema
from ..load.document import Document, PathT
from ..resources import product_schema, subschema
from ..textfold import fold
from . import phone
from .schema_fast import surely_valid
from .schema_hints import example, pattern_rule, quote_mark, type_hint

register(
    Message("schema.required", Severity.ERROR,
            "thiếu trường bắt buộc `{field}` ({title}) — thêm dòng, ví dụ: `{field}: {example}`",
            "required field `{field}` ({title}) is missing — add a line, e.g. `{field}: {example}`",
            bad="name:\n  en: Fish sauce", fix="name:\n  vi: Nước mắm\n  en: Fish sauce"),
    Message("schema.unknown_field", Severity.ERROR,
            "trường `{field}` không có trong mẫu tệp sản phẩm{suggestion} — kiểm tra chính tả hoặc "
            "xoá dòng này",
            "field `{field}` is not part of the product file format{suggestion_en} — check the "
            "spelling or delete the line",
            bad="stars: 4\nnmae:\n  vi: Nước mắm", fix="name:\n  vi: Nước mắm"),
    Message("schema.type", Severity.ERROR,
            "`{value}` không đúng kiểu: {title} phải là {expected} — {hint}",
            "`{value}` has the wrong type: {title_en} must be {expected_en} — {hint_en}",
            bad="stars: 4 sao", fix="stars: 4"),
    Message("schema.enum", Severity.ERROR,
            "`{value}` không hợp lệ cho {title}{suggestion} — chọn một trong: {allowed}",
            "`{value}` is not a valid {title_en}{suggestion_en} — choose one of: {allowed}",
            bad="processing: chế biến", fix="processing: processed"),
    Message("schema.pattern", Severity.ERROR,
            "`{value}` không đúng dạng {title} — {rule}; ví dụ: `{example}`",
            "`{value}` is not a valid {title_en} — {rule_en}; e.g. `{example}`",
            bad="signed: 29/12/2022", fix="signed: 2022-12-29"),
    Message("schema.range", Severity.ERROR,
            "`{value}` nằm ngoài khoảng cho phép của {title} ({limits}) — sửa thành một số trong "
            "khoảng đó",
            "`{value}` is outside the allowed range of {title_en} ({limits_en}) — use a number in "
            "that range",
            bad="score: 170.9", fix="score: 70.9"),
    Message("recognition.stars_range", Severity.ERROR,
            "{value} không hợp lệ — hạng sao OCOP chỉ từ 3 đến 5",
            "{value} is not valid — OCOP star ratings are 3 to 5 only",
            bad="stars: 6", fix="stars: 5"),
    Message("schema.length", Severity.ERROR,
            "{title}: độ dài không hợp lệ ({limits}) — {hint}",
            "{title_en}: invalid length ({limits_en}) — {hint_en}"),
    Message("schema.min_items", Severity.ERROR,
            "{title} cần ít nhất {count} mục — thêm một mục bắt đầu bằng `- `",
            "{title_en} needs at least {count} entries — add an entry starting with `- `",
            bad="sources: []", fix="sources:\n  - url: https://baoquangnam.vn/cong-nhan-san-pham-ocop-nam-2022.html\n"
                "    title: Công nhận sản phẩm OCOP năm 2022"),
    Message("schema.duplicate_items", Severity.ERROR,
            "{title} có mục trùng nhau — xoá mục lặp lại",
            "{title_en} has duplicate entries — delete the repeated one"),
    Message("schema.not_allowed", Severity.ERROR,
            "{title}: {why} — {fix}",
            "{title_en}: {why_en} — {fix_en}"),
    Message("subject.personal_id", Severity.ERROR,
            "`tax_code` có 12 chữ số: đây là số định danh cá nhân của chủ hộ, là dữ liệu cá nhân "
            "và không được đăng công khai — xoá dòng `tax_code` (hộ kinh doanh không cần mã số "
            "thuế ở đây)",
            "`tax_code` has 12 digits: this is the household representative's personal ID number, "
            "personal data that must never be published — delete the `tax_code` line",
            bad='tax_code: "049123456789"', fix="# (không ghi tax_code cho hộ kinh doanh)"),
)

_TYPE_VI = {"string": "chữ", "integer": "số nguyên", "number": "số", "object": "một nhóm trường",
            "array": "một danh sách", "boolean": "true hoặc false", "null": "để trống"}
_TYPE_EN = {"string": "text", "integer": "a whole number", "number": "a number",
            "object": "a group of fields", "array": "a list", "boolean": "true or false",
            "null": "empty"}


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(product_schema())


def _titles(path: PathT) -> tuple[str, str]:
    if path and isinstance(path[-1], int):
        vi, en = _titles(path[:-1])
        return f"{vi} (mục {path[-1] + 1})", f"{en} (entry {path[-1] + 1})"
    title = subschema(path).get("title") or (str(path[-1]) if path else "tệp")
    vi, _, en = title.partition(" / ")
    return vi, en or vi


def _show(doc: Document, path: PathT, value: Any) -> str:
    return shown(value, quoted=quote_mark(doc, path) if isinstance(value, str) else "")


def _limits(node: dict[str, Any], low: str, high: str, unit: str = "",
            unit_en: str = "") -> dict[str, str]:
    """``limits``/``limits_en``: "từ 3 đến 5", "ít nhất 5 ký tự", "nhiều nhất 300 ký tự"."""
    lo, hi = node.get(low), node.get(high)
    if lo is not None and hi is not None:
        return {"limits": f"từ {lo} đến {hi}{unit}", "limits_en": f"{lo} to {hi}{unit_en}"}
    if lo is not None:
        return {"limits": f"ít nhất {lo}{unit}", "limits_en": f"at least {lo}{unit_en}"}
    return {"limits": f"nhiều nhất {hi}{unit}", "limits_en": f"at most {hi}{unit_en}"}


def _closest(word: str, options: list[str]) -> str:
    folded = {fold(o): o for o in options}
    match = difflib.get_close_matches(fold(word), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else ""


class _Translator:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def finding(self, error: ValidationError) -> Finding | list[Finding] | None:
        path: PathT = tuple(error.absolute_path)
        handler = getattr(self, f"_{error.validator}", None)
        return handler(error, path) if handler else None

    def _params(self, path: PathT, **extra: Any) -> dict[str, Any]:
        vi, en = _titles(path)
        return {"title": vi, "title_en": en, **extra}

    def _required(self, error: ValidationError, path: PathT) -> list[Finding]:
        """One finding per missing field (jsonschema reports them together)."""
        missing = [m for m in error.validator_value if m not in (error.instance or {})]
        return [self.doc.finding("schema.required", (*path, field), field=field,
                                 example=example((*path, field)), **self._params((*path, field)))
                for field in missing]

    def _additionalProperties(self, error: ValidationError, path: PathT) -> list[Finding]:
        allowed = list(subschema(path).get("properties", {}))
        out = []
        for key in error.instance:
            if key in allowed:
                continue
            close = _closest(key, allowed)
            out.append(self.doc.key_finding(
                "schema.unknown_field", (*path, key), field=key,
                suggestion=f" (có phải `{close}`?)" if close else "",
                suggestion_en=f" (did you mean `{close}`?)" if close else ""))
        return out

    def _type(self, error: ValidationError, path: PathT) -> Finding:
        expected = error.validator_value
        expected = expected[0] if isinstance(expected, list) else expected
        hint, hint_en = type_hint(error.instance, expected, path, quote_mark(self.doc, path))
        return self.doc.finding("schema.type", path, value=_show(self.doc, path, error.instance),
                                expected=_TYPE_VI.get(expected, expected),
                                expected_en=_TYPE_EN.get(expected, expected),
                                hint=hint, hint_en=hint_en, **self._params(path))

    def _enum(self, error: ValidationError, path: PathT) -> Finding:
        options = [str(o) for o in error.validator_value]
        close = _closest(str(error.instance), options)
        return self.doc.finding("schema.enum", path, value=_show(self.doc, path, error.instance),
                                allowed=", ".join(f"`{o}`" for o in options),
                                suggestion=f" (có phải `{close}`?)" if close else "",
                                suggestion_en=f" (did you mean `{close}`?)" if close else "",
                                **self._params(path))

    def _pattern(self, error: ValidationError, path: PathT) -> Finding:
        if path and path[-1] == "tax_code" and str(error.instance).isdigit() \
                and len(str(error.instance)) == 12:
            return self.doc.finding("subject.personal_id", path)
        if path[-2:-1] == ("phones",) and isinstance(error.instance, str):
            return self.doc.finding("subject.phone_format", path, value=shown(error.instance),
                                    **phone.problem(error.instance))
        rule, rule_en = pattern_rule(path, error.instance)
        return self.doc.finding("schema.pattern", path, value=_show(self.doc, path, error.instance),
                                rule=rule, rule_en=rule_en, example=example(path),
                                **self._params(path))

    def _range(self, error: ValidationError, path: PathT) -> Finding:
        if path and path[-1] == "stars":
            return self.doc.finding("recognition.stars_range", path,
                                    value=_show(self.doc, path, error.instance))
        return self.doc.finding("schema.range", path, value=_show(self.doc, path, error.instance),
                                **_limits(subschema(path), "minimum", "maximum"),
                                **self._params(path))

    _minimum = _maximum = _range

    def _length(self, error: ValidationError, path: PathT) -> Finding:
        too_short = error.validator == "minLength"
        hint = ("bổ sung cho đủ", "write more") if too_short else ("rút gọn lại", "shorten it")
        if error.instance == "":
            hint = ("đang để trống: điền nội dung, hoặc xoá dòng nếu trường không bắt buộc",
                    "it is empty: fill it in, or delete the line if the field is optional")
        return self.doc.finding("schema.length", path,
                                **_limits(subschema(path), "minLength", "maxLength", " ký tự",
                                          " characters"),
                                hint=hint[0], hint_en=hint[1],
                                **self._params(path))

    _minLength = _maxLength = _length

    def _minItems(self, error: ValidationError, path: PathT) -> Finding:
        return self.doc.finding("schema.min_items", path, count=error.validator_value,
                                **self._params(path))

    def _uniqueItems(self, error: ValidationError, path: PathT) -> Finding:
        return self.doc.finding("schema.duplicate_items", path, **self._params(path))

    def _not(self, error: ValidationError, path: PathT) -> Finding:
        if "recognitions" in path:
            texts = {"why": "có mục `revoked` nhưng `status` không phải `revoked`",
                     "fix": "đặt `status: revoked`, hoặc xoá mục `revoked`",
                     "why_en": "has `revoked` but `status` is not `revoked`",
                     "fix_en": "set `status: revoked`, or delete `revoked`"}
        else:
            texts = {"why": "từ 1/7/2025 không còn cấp huyện nên `scheme: 2025-07` không có "
                            "`district`",
                     "fix": "xoá dòng `district` và ghi xã hiện nay, hoặc đặt "
                            "`scheme: pre-2025-07` nếu địa danh được ghi như trước sáp nhập",
                     "why_en": "districts were abolished on 1 July 2025, so `scheme: 2025-07` "
                               "has no `district`",
                     "fix_en": "delete the `district` line and give the current commune, or set "
                               "`scheme: pre-2025-07` if the place is written as before the "
                               "merger"}
        return self.doc.finding("schema.not_allowed", path, **texts, **self._params(path))


def _flatten(items: Iterator[Finding | list[Finding] | None]) -> Iterator[Finding]:
    for item in items:
        if isinstance(item, list):
            yield from item
        elif item is not None:
            yield item


def check_schema(doc: Document) -> list[Finding]:
    """Schema findings for a loaded document, one per problem, in file order.

    Coerces first: a no-op on a document from :func:`generator.load.product.load_product`,
    and it reads one parsed with bare ``load_text`` the same way.
    """
    coerce_to_schema(doc)
    if surely_valid(doc.data):  # jsonschema-rs: the slow, worded walk only for the others
        return []
    translator = _Translator(doc)
    errors = sorted(_validator().iter_errors(doc.data), key=lambda e: list(map(str, e.path)))
    seen: set[tuple[str, str, str]] = set()
    out: list[Finding] = []
    for finding in _flatten(translator.finding(e) for e in errors):
        key = (finding.code, finding.path, finding.params.get("field", ""))
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out
