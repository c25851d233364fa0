"""What the event schema cannot say: real dates in order, products that exist and hold a
star on the event's days, one product per booth. Each check returns findings.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..dates import day
from ..findings import Finding, Message, Severity, register
from ..load.document import Document, PathT
from ..model.product import Product
from .load import event_id

register(
    Message("event.id_not_file", Severity.ERROR,
            "`id: {value}` khác tên tệp `{expected}.yaml` — sửa `id` thành `{expected}` (hoặc đổi "
            "tên tệp cho trùng `id`)",
            "`id: {value}` differs from the file name `{expected}.yaml` — set `id: {expected}` "
            "(or rename the file to match the id)",
            bad="# events/cho-phien-hoi-an-2022.yaml\nid: cho-phien-2022",
            fix="# events/cho-phien-hoi-an-2022.yaml\nid: cho-phien-hoi-an-2022"),
    Message("event.bad_date", Severity.ERROR,
            "`{value}` không phải một ngày có thật trên lịch — kiểm tra ngày và tháng",
            "`{value}` is not a real calendar day — check the day and the month",
            bad="start: 2023-02-30", fix="start: 2023-02-28"),
    Message("event.end_before_start", Severity.ERROR,
            "ngày kết thúc {end} trước ngày bắt đầu {start} — sửa một trong hai ngày (sự kiện một "
            "ngày thì `end` bằng `start`)",
            "the end date {end} is before the start date {start} — correct one of them (a one-day "
            "event has `end` equal to `start`)",
            bad="start: 2023-05-14\nend: 2023-05-11", fix="start: 2023-05-11\nend: 2023-05-14"),
    Message("event.deadline_after_start", Severity.ERROR,
            "hạn đăng ký {deadline} sau ngày bắt đầu {start} — hạn đăng ký phải trước hoặc đúng "
            "ngày khai mạc",
            "the registration deadline {deadline} is after the start date {start} — the deadline "
            "must be on or before the opening day",
            bad="start: 2023-05-11\nregistration:\n  deadline: 2023-05-20",
            fix="start: 2023-05-11\nregistration:\n  deadline: 2023-04-28"),
    Message("event.programme_outside", Severity.WARNING,
            "hoạt động ngày {value} nằm ngoài thời gian sự kiện ({start}–{end}) — kiểm tra lại ngày",
            "an activity on {value} falls outside the event ({start}–{end}) — check the date",
            bad="start: 2023-05-11\nend: 2023-05-14\nprogramme:\n  - date: 2023-06-11",
            fix="programme:\n  - date: 2023-05-11"),
    Message("event.unknown_product", Severity.ERROR,
            "không có sản phẩm mã `{value}` trong products/{suggestion} — ghi đúng mã sản phẩm (tên "
            "thư mục của nó), hoặc thêm sản phẩm trước",
            "there is no product with id `{value}` in products/{suggestion_en} — write the "
            "product's id (its folder name), or add the product first",
            bad="participants:\n  - product: tieu-tien-phuoc-x",
            fix="participants:\n  - product: tieu-tien-phuoc"),
    Message("event.product_twice", Severity.ERROR,
            "sản phẩm `{value}` đã có ở dòng {first_line} — mỗi sản phẩm chỉ ghi một lần trong một sự "
            "kiện: xoá mục lặp lại",
            "product `{value}` is already listed on line {first_line} — list each product once per "
            "event: delete the repeated entry",
            bad="  - product: tieu-tien-phuoc\n  - product: tieu-tien-phuoc",
            fix="  - product: tieu-tien-phuoc"),
    Message("event.booth_twice", Severity.ERROR,
            "gian hàng `{value}` đã ghi cho `{other_product}` ở dòng {first_line} — mỗi gian hàng "
            "chỉ ghi cho một sản phẩm: sửa số gian hàng",
            "booth `{value}` is already given to `{other_product}` on line {first_line} — one "
            "product per booth: correct the booth number",
            bad="  - {product: tieu-tien-phuoc, booth: A12}\n  - {product: tinh-dau-que, booth: A12}",
            fix="  - {product: tieu-tien-phuoc, booth: A12}\n  - {product: tinh-dau-que, booth: A13}"),
    Message("event.product_not_current", Severity.WARNING,
            "sản phẩm `{value}` không còn sao OCOP hiệu lực vào ngày {lapsed_on} của sự kiện — một sự kiện "
            "không được quảng bá sao đã hết hạn: kiểm tra lần công nhận mới, hoặc bỏ sản phẩm khỏi "
            "danh sách",
            "product `{value}` holds no current OCOP star on {lapsed_on}, during the event — an event "
            "must not promote a lapsed star: check for a newer recognition, or drop the product",
            bad="participants:\n  - product: nuoc-mam-het-han",
            fix="participants:\n  - product: tieu-tien-phuoc"),
)

_DATES = (("start",), ("end",), ("registration", "deadline"))


@dataclass(frozen=True)
class Catalogue:
    """What event checks need of the products: every id that has a file (even a broken one),
    and the typed products that passed their own checks."""

    ids: frozenset[str]
    products: Mapping[str, Product]


def _date(doc: Document, path: PathT, value: Any) -> date | Finding | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return doc.finding("event.bad_date", path, value=value)


def read_dates(doc: Document) -> tuple[dict[str, date], list[Finding]]:
    """The event's start, end and deadline as days, with a finding for each unreal one."""
    out: dict[str, date] = {}
    bad: list[Finding] = []
    items: list[tuple[PathT, Any]] = [(p, doc.data.get(p[0])) for p in _DATES[:2]]
    items.append((_DATES[2], (doc.data.get("registration") or {}).get("deadline")))
    items += [(("programme", i, "date"), item.get("date"))
              for i, item in enumerate(doc.data.get("programme") or ())]
    for path, value in items:
        got = _date(doc, path, value)
        if isinstance(got, Finding):
            bad.append(got)
        elif got is not None:
            out[".".join(map(str, path))] = got
    return out, bad


def check_dates(doc: Document) -> list[Finding]:
    days, out = read_dates(doc)
    start, end, deadline = days.get("start"), days.get("end"), days.get("registration.deadline")
    if start and end and end < start:
        out.append(doc.finding("event.end_before_start", ("end",), start=day(start), end=day(end)))
    if start and deadline and deadline > start:
        out.append(doc.finding("event.deadline_after_start", ("registration", "deadline"),
                               deadline=day(deadline), start=day(start)))
    for key, when in days.items():
        if key.startswith("programme.") and start and end and not start <= when <= end:
            out.append(doc.finding("event.programme_outside", tuple(
                int(p) if p.isdigit() else p for p in key.split(".")), value=day(when),
                start=day(start), end=day(end)))
    return out


def check_id(doc: Document) -> list[Finding]:
    expected = event_id(doc.file)
    given = doc.data.get("id")
    return [] if given == expected else [
        doc.finding("event.id_not_file", ("id",), value=given, expected=expected)]


def _unknown(doc: Document, index: int, product: str, ids: frozenset[str]) -> Finding:
    close = difflib.get_close_matches(product, sorted(ids), n=1, cutoff=0.7)
    return doc.finding("event.unknown_product", ("participants", index, "product"), value=product,
                       suggestion=f" (có phải `{close[0]}`?)" if close else "",
                       suggestion_en=f" (did you mean `{close[0]}`?)" if close else "")


def _participants(doc: Document) -> Iterator[tuple[int, dict[str, Any]]]:
    yield from enumerate(doc.data.get("participants") or ())


def check_participants(doc: Document, catalogue: Catalogue) -> list[Finding]:
    """Unknown products, a product listed twice, a booth given twice."""
    out: list[Finding] = []
    products: dict[str, int] = {}
    booths: dict[str, tuple[int, str]] = {}
    for index, item in _participants(doc):
        product, booth = item["product"], item.get("booth")
        line = doc.locate(("participants", index, "product"))[0]
        if product not in catalogue.ids:
            out.append(_unknown(doc, index, product, catalogue.ids))
        elif product in products:
            out.append(doc.finding("event.product_twice", ("participants", index, "product"),
                                   value=product, first_line=products[product]))
        products.setdefault(product, line)
        if booth is not None and booth in booths:
            first, other = booths[booth]
            out.append(doc.finding("event.booth_twice", ("participants", index, "booth"),
                                   value=booth, other_product=other, first_line=first))
        elif booth is not None:
            booths[booth] = (doc.locate(("participants", index, "booth"))[0], product)
    return out


def check_currency(doc: Document, catalogue: Catalogue) -> list[Finding]:
    """A participating product whose star does not hold on the event's first or last day."""
    days, _ = read_dates(doc)
    start, end = days.get("start"), days.get("end")
    if start is None or end is None:
        return []
    out = []
    for index, item in _participants(doc):
        product = catalogue.products.get(item["product"])
        if product is None:
            continue
        lapsed = [d for d in (start, end) if product.current_recognition(d) is None]
        if lapsed:
            out.append(doc.finding("event.product_not_current", ("participants", index, "product"),
                                   value=item["product"], lapsed_on=day(lapsed[0])))
    return out
