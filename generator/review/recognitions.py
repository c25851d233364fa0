"""The star recognitions of a product as a field of the review: stars raised or lowered,
decisions added, removed or edited, and whether the latest one is still in force.

Validity is the model's (:meth:`Recognition.validity`), worded by
:func:`generator.validity.describe` as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..markdown import md
from ..messages import Texts
from ..model.build import parse_recognition
from ..model.product import Recognition, RecognitionState
from ..rules import PartialDate
from ..validity import describe, inline
from .differ import SAY as WORDS
from .differ import Context, Doc, arrow, field_names, items_at, match, shown, value_at

SAY = Texts("review.recognitions", {
    "stars": ("Hạng sao", "Stars"),
    "decision": ("QĐ {decision} ", "decision {decision} "),
    "day": ("{decision}ngày {date}, {stars} sao", "{decision}signed {date}, {stars} stars"),
    "month": ("{decision}tháng {date}, {stars} sao", "{decision}signed {date}, {stars} stars"),
    "year": ("{decision}năm {date}, {stars} sao", "{decision}signed in {date}, {stars} stars"),
    "again": ("Công nhận lại: {label}", "Recognised again: {label}"),
    "added": ("Thêm lần công nhận: {label}", "Added a recognition: {label}"),
    "removed": ("Xoá lần công nhận: {label}", "Removed the recognition: {label}"),
    "decision_changed": ("Sửa số quyết định: {old} → {new}", "Decision number: {old} → {new}"),
    "signed_changed": ("Sửa ngày ký ({label}): {old} → {new}",
                       "Signing date ({label}): {old} → {new}"),
    "stars_changed": ("Sửa hạng sao ({label}): {old} → {new}", "Stars ({label}): {old} → {new}"),
    "score_changed": ("Sửa điểm ({label}): {old} → {new}", "Score ({label}): {old} → {new}"),
    "status.revoked": ("Thu hồi công nhận: {label}{when}", "Recognition revoked: {label}{when}"),
    "revoked_on": (" — ngày thu hồi {date}", " — revoked on {date}"),
    "status.superseded": ("Ghi là đã được thay thế: {label}", "Marked as superseded: {label}"),
    "status.active": ("Ghi là đang áp dụng: {label}", "Marked as in force: {label}"),
    "details": ("Sửa {fields} ({label})", "Changed {fields} ({label})"),
    "expired": ("Lần công nhận {label}: {validity}", "The recognition ({label}): {validity}"),
    "uncertain": ("Lần công nhận {label}: {validity}", "The recognition ({label}): {validity}"),
})

#: details named, not shown, when they change ("Sửa cơ quan công nhận, ghi chú (…)")
_DETAILS = ("authority", "level", "rules", "note", "source", "revoked")

Read = tuple[Recognition, Doc]  # a recognition and the mapping it was read from


def recognition_label(rec: Recognition, lang: str = "vi", *, plain: bool = False) -> str:
    """"QĐ 3610/QĐ-UBND ngày 29/12/2022, 4 sao" (Markdown-safe unless ``plain``)."""
    number = (" ".join(rec.decision.split()) if plain else md(rec.decision)) if rec.decision else ""
    decision = SAY("decision", lang, decision=number) if number else ""
    kind = "day" if rec.signed.exact else "month" if rec.signed.month else "year"
    return SAY(kind, lang, decision=decision, date=rec.signed.display(), stars=rec.stars)


def _read(data: Doc) -> list[Read]:
    """The recognitions whose signing date can be read (the validator reports the others)."""
    return [(parse_recognition(index, item), item)
            for index, item in enumerate(items_at(data, "recognitions"))
            if PartialDate.parse(str(item.get("signed"))) is not None]


def _latest(recs: list[Read]) -> Recognition | None:
    return max((r for r, _ in recs), key=lambda r: (r.signed.latest(), r.index), default=None)


def _number(value: float | None, lang: str) -> str:
    if value is None:
        return WORDS("empty", lang)
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def _revoked_on(item: Doc, lang: str) -> str:
    revoked = PartialDate.parse(str(value_at(item, "revoked.date") or ""))
    return SAY("revoked_on", lang, date=revoked.display()) if revoked else ""


def _edit(old: Recognition, new: Recognition, is_latest: bool, lang: str) -> list[str]:
    """Decision number, signing date, stars (of an older one: the latest's are above), score."""
    label = recognition_label(new, lang)
    out = []
    if old.decision != new.decision:
        out.append(SAY("decision_changed", lang, old=shown(old.decision, lang),
                       new=shown(new.decision, lang)))
    if old.signed != new.signed:
        out.append(SAY("signed_changed", lang, label=label, old=old.signed.display(),
                       new=new.signed.display()))
    if old.stars != new.stars and not is_latest:
        out.append(SAY("stars_changed", lang, label=label, old=old.stars, new=new.stars))
    if old.score != new.score:
        out.append(SAY("score_changed", lang, label=label, old=_number(old.score, lang),
                       new=_number(new.score, lang)))
    return out


def _status_and_details(a: Read, b: Read, lang: str) -> list[str]:
    (old, old_item), (new, new_item) = a, b
    label = recognition_label(new, lang)
    keys, out = list(_DETAILS), []
    if old.recorded_status != new.recorded_status:
        out.append(SAY(f"status.{new.recorded_status}", lang, label=label,
                       when=_revoked_on(new_item, lang)))
        keys.remove("revoked")
    fields = field_names(old_item, new_item, keys, lang)
    return out + ([SAY("details", lang, fields=fields, label=label)] if fields else [])


def _validity(rec: Recognition, today: date, lang: str) -> list[str]:
    """A line when the latest recognition is no longer (or not surely) in force."""
    validity = rec.validity(today)
    key = {RecognitionState.EXPIRED: "expired",
           RecognitionState.UNCERTAIN: "uncertain"}.get(validity.state)
    if key is None:
        return []
    return [SAY(key, lang, label=recognition_label(rec, lang),
                validity=inline(describe(validity, rec.signed.exact, lang)))]


def _added(rec: Recognition, before: list[Read], lang: str) -> str:
    """"Công nhận lại" when signed after every earlier recognition, else "Thêm"."""
    newest = max((r.signed.latest() for r, _ in before), default=None)
    again = newest is not None and rec.signed.earliest() > newest
    return SAY("again" if again else "added", lang, label=recognition_label(rec, lang))


@dataclass(frozen=True)
class Recognitions:
    """The field ``recognitions``, paired by decision number, then by signing date."""

    path: str = "recognitions"

    def lines(self, old: Doc, new: Doc, ctx: Context) -> list[str]:
        lang, before, after = ctx.lang, _read(old), _read(new)
        old_latest, new_latest = _latest(before), _latest(after)
        out: list[str] = []
        if old_latest and new_latest:
            out += arrow(SAY("stars", lang), old_latest.stars, new_latest.stars, lang)
        pairs, added, removed = match(before, after, [lambda r: r[0].decision,
                                                      lambda r: r[0].signed])
        out += [_added(rec, before, lang) for rec, _ in added]
        out += [SAY("removed", lang, label=recognition_label(rec, lang)) for rec, _ in removed]
        for a, b in pairs:
            out += _edit(a[0], b[0], b[0] is new_latest, lang) + _status_and_details(a, b, lang)
        if not out or new_latest is None:  # nothing about the recognitions changed
            return out
        return out + _validity(new_latest, ctx.today, lang)
