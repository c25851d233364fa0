"""Follow-up after recognition (``follow_up``): dates that cannot be right, required actions left
past their deadline, and recognised products nobody has checked for a year.

The dates are checked on the document (before the model is built); the rest reads the model's
facts (:mod:`generator.model.follow_up`), the same ones the portfolio review counts.
``follow_up.due`` is advisory and a province may turn it off (``extra.ocop.checks_off``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..dates import day
from ..findings import Finding, Message, Severity, register
from ..load.document import Document, PathT
from ..model.follow_up import FOLLOW_UP_MONTHS, follow_up_due, overdue_actions
from ..model.product import Product
from ..rules import PartialDate
from .settings import switchable

DUE = switchable("follow_up.due")

register(
    Message("follow_up.bad_date", Severity.ERROR,
            "ngày `{value}` không có trên lịch — kiểm tra lại ngày và tháng",
            "date `{value}` does not exist — check the day and month",
            bad="follow_up:\n  - date: 2024-02-30", fix="follow_up:\n  - date: 2024-02-28"),
    Message("follow_up.before_recognition", Severity.ERROR,
            "lần kiểm tra ngày {value} trước lần công nhận đầu tiên ({first_signed}) — kiểm tra sau công "
            "nhận phải sau ngày ký; kiểm tra lại năm, hoặc thêm quyết định công nhận cũ hơn",
            "the check of {value} is before the first recognition ({first_signed}) — a follow-up comes "
            "after signing; check the year, or add the earlier recognition",
            bad="recognitions:\n  - signed: 2023-05-10\nfollow_up:\n  - date: 2022-09-12",
            fix="recognitions:\n  - signed: 2023-05-10\nfollow_up:\n  - date: 2024-09-12"),
    Message("follow_up.future_date", Severity.ERROR,
            "lần kiểm tra ngày {value} ở tương lai (hôm nay {today}) — chỉ ghi lần kiểm tra đã "
            "diễn ra; kiểm tra lại năm",
            "the check of {value} is in the future (today is {today}) — record only checks "
            "that took place; check the year"),
    Message("follow_up.action_overdue", Severity.WARNING,
            "yêu cầu \"{action}\" (sau lần kiểm tra {checked}, {result}) quá hạn {deadline} mà chưa "
            "có lần kiểm tra nào sau đó — kiểm tra lại chủ thể, ghi kết quả vào `follow_up`",
            "the required action \"{action}\" (after the check of {checked}, {result_en}) is past "
            "its deadline {deadline} with no later check — check the subject again and record it "
            "in `follow_up`"),
    Message(DUE, Severity.WARNING,
            "hạng {stars} sao còn hiệu lực chưa được kiểm tra sau công nhận từ {since} (quá "
            "{months} tháng) — nên kiểm tra việc giữ cam kết chất lượng rồi ghi vào `follow_up`; "
            "tỉnh có quy định khác thì tắt bằng `checks_off` trong mkdocs.yml",
            "the current {stars}-star recognition has had no follow-up check since {since} (over "
            "{months} months) — check the quality commitments and record it in `follow_up`; a "
            "province whose rules differ can turn this off with `checks_off` in mkdocs.yml",
            bad="recognitions:\n  - signed: 2024-03-01\n    stars: 4",
            fix="recognitions:\n  - signed: 2024-03-01\n    stars: 4\nfollow_up:\n"
                "  - date: 2025-04-10\n    authority: Phòng Kinh tế huyện Tiên Phước\n"
                "    kind: routine\n    result: meets\n    source: https://example.vn/tin"),
)

_RESULT = {"needs-improvement": ("cần khắc phục", "needs improvement"),
           "violation": ("vi phạm", "violation")}


def _items(doc: Document) -> list[tuple[int, dict[str, Any]]]:
    items = (doc.data or {}).get("follow_up") or []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def check_follow_up_dates(doc: Document) -> list[Finding]:
    """Dates of checks and deadlines that are not on the calendar (2024-02-30)."""
    out: list[Finding] = []
    for i, item in _items(doc):
        places: list[tuple[PathT, Any]] = [(("follow_up", i, "date"), item.get("date"))]
        places += [(("follow_up", i, "actions", j, "deadline"), action.get("deadline"))
                   for j, action in enumerate(item.get("actions") or [])
                   if isinstance(action, dict) and action.get("deadline")]
        out += [doc.finding("follow_up.bad_date", path, value=value)
                for path, value in places if value and PartialDate.parse(str(value)) is None]
    return out


def _first_signed(product: Product) -> PartialDate:
    return min((r.signed for r in product.recognitions), key=lambda s: s.earliest())


def _dates(doc: Document, product: Product, today: date) -> list[Finding]:
    first = _first_signed(product)
    out: list[Finding] = []
    for check in product.follow_up:
        path = ("follow_up", check.index, "date")
        if check.date.latest() < first.earliest():
            out.append(doc.finding("follow_up.before_recognition", path,
                                   value=check.date.display(), first_signed=first.display()))
        if check.date.earliest() > today:
            out.append(doc.finding("follow_up.future_date", path, value=check.date.display(),
                                   today=day(today)))
    return out


def _overdue(doc: Document, product: Product, today: date) -> list[Finding]:
    out: list[Finding] = []
    for item in overdue_actions(product.follow_up, today):
        index = item.check.actions.index(item.action)
        vi, en = _RESULT[item.check.result.value]
        out.append(doc.finding("follow_up.action_overdue",
                               ("follow_up", item.check.index, "actions", index, "deadline"),
                               action=item.action.what, checked=item.check.date.display(),
                               result=vi, result_en=en, deadline=day(item.deadline)))
    return out


def _due(doc: Document, product: Product, today: date) -> list[Finding]:
    due = follow_up_due(product, today)
    if due is None:
        return []
    return [doc.finding(DUE, ("recognitions", due.recognition.index, "signed"),
                        stars=due.recognition.stars, since=due.since.display(),
                        months=FOLLOW_UP_MONTHS)]


def check_follow_up(doc: Document, product: Product, today: date) -> list[Finding]:
    """Findings about ``follow_up`` that need the typed product (dates checked already)."""
    return _dates(doc, product, today) + _overdue(doc, product, today) + _due(doc, product, today)
