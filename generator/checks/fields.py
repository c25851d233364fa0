"""Checks on single fields the schema cannot judge: check digits, legal forms, dates, text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from stdnum import ean
from stdnum.vn import mst

from ..findings import Finding, Message, Severity, register, shown
from ..load.document import Document, PathT
from ..promotion.criteria import ADVANCED_SCHEMES
from ..rules import PartialDate
from ..textfold import fold
from . import phone

register(
    Message("subject.missing", Severity.WARNING,
            "chưa có chủ thể sản xuất — người mua không biết liên hệ ai; thêm `subject` theo "
            "quyết định công nhận",
            "no producing subject — buyers cannot tell whom to contact; add `subject` from the "
            "recognition decision",
            fix="subject:\n  name: HTX Nông dược xanh Tiên Phước\n  legal_form: cooperative"),
    Message("subject.legal_form_missing", Severity.WARNING,
            "chưa ghi loại hình chủ thể; theo tên thì có lẽ là `{suggested}` — thêm "
            "`legal_form: {suggested}`",
            "legal form missing; the name suggests `{suggested}` — add `legal_form: {suggested}`"),
    Message("subject.legal_form_mismatch", Severity.WARNING,
            "loại hình `{value}` không khớp với tên \"{name}\" (tên cho thấy `{suggested}`) — "
            "kiểm tra lại giấy đăng ký",
            "legal form `{value}` does not match the name \"{name}\" (which suggests "
            "`{suggested}`) — check the registration"),
    Message("subject.tax_code_checksum", Severity.ERROR,
            "mã số thuế {value} sai chữ số kiểm tra — đối chiếu lại với giấy đăng ký kinh doanh",
            "tax code {value} has a wrong check digit — compare it with the registration "
            "certificate"),
    Message("subject.household_tax_code", Severity.WARNING,
            "hộ kinh doanh có mã số thuế: từ 01/07/2025 mã này được thay bằng số định danh cá nhân "
            "của chủ hộ, không được đăng công khai — cân nhắc xoá dòng `tax_code`",
            "a household business with a tax code: from 1 July 2025 it is replaced by the "
            "representative's personal ID, which must not be published — consider deleting it"),
    Message("packaging.gtin_checksum", Severity.ERROR,
            "mã vạch {value} sai chữ số kiểm tra (chữ số cuối) — chép lại đủ các số dưới mã vạch "
            "trên bao bì",
            "barcode {value} has a wrong check digit (the last digit) — copy every digit under "
            "the barcode on the pack again"),
    Message("date.invalid", Severity.ERROR,
            "ngày `{value}` không có trên lịch — kiểm tra lại ngày và tháng",
            "date `{value}` does not exist — check the day and month"),
    Message("date.future", Severity.WARNING,
            "ngày {value} ở tương lai — kiểm tra lại năm",
            "date {value} is in the future — check the year"),
    Message("standard.dates_reversed", Severity.ERROR,
            "chứng nhận hết hạn ({until}) trước ngày bắt đầu ({start}) — kiểm tra lại hai ngày",
            "the certificate ends ({until}) before it starts ({start}) — check both dates"),
    Message("standard.expired", Severity.WARNING,
            "chứng nhận {scheme} đã hết hạn ngày {until} — cập nhật giấy mới hoặc xoá mục này",
            "the {scheme} certificate expired on {until} — add the renewed one or delete it"),
    Message("standard.no_end_date", Severity.WARNING,
            "chứng nhận {scheme} chưa ghi ngày hết hạn `valid_until` — chưa được tính là tiêu "
            "chuẩn tiên tiến còn hiệu lực (trang ưu tiên xúc tiến, sẵn sàng xuất khẩu); chép "
            "ngày hết hạn trên giấy chứng nhận",
            "the {scheme} certificate has no end date `valid_until` — it does not count as a "
            "valid advanced standard (priority and export-ready pages); copy the end date from "
            "the certificate",
            bad="- scheme: haccp\n  certificate: HACCP-123",
            fix="- scheme: haccp\n  certificate: HACCP-123\n  valid_until: 2027-03-12"),
    Message("date.improvement_future", Severity.ERROR,
            "ngày cải tiến {value} ở tương lai — chỉ ghi cải tiến đã đưa vào sản xuất, kiểm tra "
            "lại năm",
            "improvement date {value} is in the future — record only improvements already in "
            "production; check the year",
            bad="date: 2030-01-15", fix="date: 2024-01-15"),
    Message("price.range", Severity.ERROR,
            "giá đến ({max}) nhỏ hơn giá từ ({min}) — đổi chỗ hai số",
            "the highest price ({max}) is below the lowest ({min}) — swap them"),
    Message("text.markup", Severity.ERROR,
            "có mã HTML/liên kết nguy hiểm `{snippet}` — nội dung sản phẩm chỉ là chữ thường: "
            "xoá thẻ `<…>`, `javascript:`, `on…=`",
            "contains HTML or a dangerous link `{snippet}` — product text is plain text only: "
            "remove `<…>` tags, `javascript:`, `on…=`",
            bad="vi: Ngon <b>tuyệt</b>", fix="vi: Ngon tuyệt"),
    Message("text.blank", Severity.ERROR,
            "giá trị chỉ có khoảng trắng — điền nội dung hoặc xoá dòng",
            "the value is only whitespace — fill it in or delete the line"),
)

_LEGAL_FORM_PREFIXES = (
    ("cong ty tnhh mtv", "llc-single-member"), ("cong ty tnhh mot thanh vien", "llc-single-member"),
    ("cong ty tnhh", "llc"), ("cty tnhh", "llc"), ("cong ty co phan", "joint-stock"),
    ("cong ty cp", "joint-stock"), ("hop tac xa", "cooperative"), ("htx", "cooperative"),
    ("to hop tac", "cooperative-group"), ("tht", "cooperative-group"),
    ("doanh nghiep tu nhan", "private-enterprise"), ("dntn", "private-enterprise"),
    ("ho kinh doanh", "household-business"), ("hkd", "household-business"),
    ("co so", "establishment"),
)
_COMPATIBLE = {("llc", "llc-single-member"), ("llc-single-member", "llc"),
               ("household-business", "establishment"), ("establishment", "household-business")}
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|javascript\s*:|vbscript\s*:|data\s*:\s*\w+/|"
                     r"\bon[a-z]{3,}\s*=", re.IGNORECASE)


def suggested_legal_form(name: str) -> str | None:
    key = fold(name)
    for prefix, form in _LEGAL_FORM_PREFIXES:
        if key == prefix or key.startswith(prefix + " "):
            return form
    return None


def _subject(doc: Document) -> list[Finding]:
    subject = doc.data.get("subject")
    if not subject:
        return [doc.finding("subject.missing", ())]
    out: list[Finding] = []
    suggested = suggested_legal_form(subject["name"])
    form = subject.get("legal_form")
    if form is None and suggested:
        out.append(doc.finding("subject.legal_form_missing", ("subject", "name"),
                               suggested=suggested))
    elif form and suggested and form != suggested and (form, suggested) not in _COMPATIBLE:
        out.append(doc.finding("subject.legal_form_mismatch", ("subject", "legal_form"),
                               value=form, name=shown(subject["name"]), suggested=suggested))
    tax_code = subject.get("tax_code")
    if tax_code and not mst.is_valid(tax_code):
        out.append(doc.finding("subject.tax_code_checksum", ("subject", "tax_code"), value=shown(tax_code)))
    if tax_code and form == "household-business":
        out.append(doc.finding("subject.household_tax_code", ("subject", "tax_code")))
    return out


def _standards(doc: Document, today: date) -> list[Finding]:
    out: list[Finding] = []
    for i, item in enumerate(doc.data.get("standards", [])):
        start = PartialDate.parse(item["valid_from"]) if "valid_from" in item else None
        until = PartialDate.parse(item["valid_until"]) if "valid_until" in item else None
        for key, parsed in (("valid_from", start), ("valid_until", until)):
            if key in item and parsed is None:
                out.append(doc.finding("date.invalid", ("standards", i, key), value=shown(item[key])))
        if start and until and until.latest() < start.earliest():
            out.append(doc.finding("standard.dates_reversed", ("standards", i, "valid_until"),
                                   start=start.display(), until=until.display()))
        elif until and until.latest() < today:
            out.append(doc.finding("standard.expired", ("standards", i, "valid_until"),
                                   scheme=item["scheme"], until=until.display()))
        elif "valid_until" not in item and item["scheme"] in ADVANCED_SCHEMES:
            out.append(doc.finding("standard.no_end_date", ("standards", i, "scheme"),
                                   scheme=item["scheme"]))
    return out


def _other_dates(doc: Document, today: date) -> list[Finding]:
    places: list[tuple[PathT, str]] = [
        (("photos", i, "date"), p["date"]) for i, p in enumerate(doc.data.get("photos", []))
        if "date" in p]
    if "as_of" in (doc.data.get("price") or {}):
        places.append((("price", "as_of"), doc.data["price"]["as_of"]))
    out: list[Finding] = []
    for path, value in places:
        parsed = PartialDate.parse(value)
        if parsed is None:
            out.append(doc.finding("date.invalid", path, value=shown(value)))
        elif parsed.earliest() > today:
            out.append(doc.finding("date.future", path, value=parsed.display()))
    return out


def _improvements(doc: Document, today: date) -> list[Finding]:
    """Declared improvements (promotion criteria): a real date, not in the future."""
    out: list[Finding] = []
    for i, item in enumerate(doc.data.get("improvements", [])):
        parsed = PartialDate.parse(item["date"])
        if parsed is None:
            out.append(doc.finding("date.invalid", ("improvements", i, "date"),
                                   value=shown(item["date"])))
        elif parsed.earliest() > today:
            out.append(doc.finding("date.improvement_future", ("improvements", i, "date"),
                                   value=parsed.display()))
    return out


def _phones(doc: Document) -> list[Finding]:
    phones = ((doc.data.get("subject") or {}).get("contact") or {}).get("phones") or []
    return [doc.finding("subject.phone_format", ("subject", "contact", "phones", i),
                        value=shown(text), **phone.problem(text))
            for i, text in enumerate(phones) if isinstance(text, str) and not phone.well_formed(text)]


def _packaging_and_price(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    gtin = (doc.data.get("packaging") or {}).get("gtin")
    if gtin and not ean.is_valid(gtin):
        out.append(doc.finding("packaging.gtin_checksum", ("packaging", "gtin"), value=shown(gtin)))
    price = doc.data.get("price")
    if price and "max" in price and price["max"] < price["min"]:
        out.append(doc.finding("price.range", ("price", "max"), min=price["min"], max=price["max"]))
    return out


def _strings(value: Any, path: PathT = ()) -> Iterator[tuple[PathT, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


def _text(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    for path, text in _strings(doc.data):
        if not text.strip():
            out.append(doc.finding("text.blank", path))
            continue
        match = _MARKUP.search(text)
        if match and not (path and path[-1] in ("url", "website", "source", "traceability_url")
                          and match.group(0).lower().startswith("data")):
            snippet = text[match.start(): match.start() + 24]
            out.append(doc.finding("text.markup", path, snippet=shown(snippet)))
    return out


def check_plain_text(doc: Document) -> list[Finding]:
    """Markup and blank values anywhere in a file: the event files' rule too."""
    return _text(doc)


def check_fields(doc: Document, today: date) -> list[Finding]:
    """Findings for one schema-valid product file."""
    return (_subject(doc) + _standards(doc, today) + _other_dates(doc, today)
            + _improvements(doc, today) + _phones(doc) + _packaging_and_price(doc) + _text(doc))
