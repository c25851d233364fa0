"""``follow_up`` in review words: a check added ("Thêm lần kiểm tra sau công nhận 12/09/2024
(Phòng Kinh tế …): cần khắc phục — 1 yêu cầu, hạn 31/12/2024"), removed, or edited."""

from __future__ import annotations

from typing import Any

from ..markdown import md
from ..messages import Texts
from ..rules import PartialDate
from .differ import Doc, Items, shown

SAY = Texts("review.follow_up", {
    "added": ("Thêm lần kiểm tra sau công nhận {label}: {result}{actions}",
              "Added a follow-up check {label}: {result}{actions}"),
    "removed": ("Bỏ lần kiểm tra sau công nhận {label}", "Removed the follow-up check {label}"),
    "result": ("Sửa kết quả lần kiểm tra {label}: {old} → {new}",
               "Follow-up check {label}: result {old} → {new}"),
    "fields": ("Sửa {fields} của lần kiểm tra {label}", "Changed {fields} of the follow-up check {label}"),
    "actions": (" — {n} yêu cầu khắc phục, hạn {deadlines}", " — {n} required action(s), due {deadlines}"),
    "no_deadline": ("không ghi hạn", "no deadline"),
    "result.meets": ("đạt", "meets"),
    "result.needs-improvement": ("cần khắc phục", "needs improvement"),
    "result.violation": ("vi phạm", "violation"),
    "f.kind": ("hình thức", "kind"),
    "f.checked": ("nội dung kiểm tra", "what was checked"),
    "f.actions": ("yêu cầu khắc phục", "required actions"),
    "f.source": ("văn bản nguồn", "source document"),
    "f.note": ("ghi chú", "note"),
    "f.date": ("ngày", "date"),
    "f.authority": ("cơ quan kiểm tra", "authority"),
})


def _day(value: Any, lang: str) -> str:
    parsed = PartialDate.parse(str(value)) if value else None
    return parsed.display() if parsed else shown(value, lang)


def _label(item: Doc, lang: str) -> str:
    return f"{_day(item.get('date'), lang)} ({md(str(item.get('authority') or '?'))})"


def _result(item: Doc, lang: str) -> str:
    value = item.get("result")
    return SAY(f"result.{value}", lang) if value in ("meets", "needs-improvement", "violation") \
        else shown(value, lang)


def _actions(item: Doc, lang: str) -> str:
    actions = [a for a in item.get("actions") or [] if isinstance(a, dict)]
    if not actions:
        return ""
    deadlines = ", ".join(_day(a["deadline"], lang) if a.get("deadline")
                          else SAY("no_deadline", lang) for a in actions)
    return SAY("actions", lang, n=len(actions), deadlines=deadlines)


class FollowUpWords:
    """Words for ``follow_up`` items (paired on their date and authority)."""

    details = ("kind", "checked", "actions", "source", "note", "date", "authority")

    def added(self, item: Doc, lang: str) -> list[str]:
        return [SAY("added", lang, label=_label(item, lang), result=_result(item, lang),
                    actions=_actions(item, lang))]

    def removed(self, item: Doc, lang: str) -> list[str]:
        return [SAY("removed", lang, label=_label(item, lang))]

    def paired(self, old: Doc, new: Doc, lang: str) -> list[str]:
        label, out = _label(new, lang), []
        if old.get("result") != new.get("result"):
            out.append(SAY("result", lang, label=label, old=_result(old, lang),
                           new=_result(new, lang)))
        fields = ", ".join(SAY(f"f.{key}", lang) for key in self.details
                           if old.get(key) != new.get(key))
        return out + ([SAY("fields", lang, fields=fields, label=label)] if fields else [])


#: the entry of the review's table (generator/review/diff.py FIELDS)
FOLLOW_UP = Items("follow_up", (lambda c: (str(c.get("date")), str(c.get("authority"))),
                                lambda c: str(c.get("date"))), FollowUpWords())
