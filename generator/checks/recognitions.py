"""Checks on the history of star recognitions: dates, order, rules, level, expiry."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..findings import Finding, Message, Severity, register
from ..load.document import Document
from ..model.build import parse_recognition
from ..model.product import Recognition, RecognitionState
from ..rules import (
    DISTRICTS_ABOLISHED,
    Level,
    PartialDate,
    expected_levels,
    level_can_recognise,
    possible_rules,
    score_band,
)
from ..validity import describe, inline
from .authority import WORDS, check_authority, level_words, rule_params

register(
    Message("recognition.bad_date", Severity.ERROR,
            "ngày ký `{value}` không có trên lịch — kiểm tra lại ngày và tháng",
            "signing date `{value}` does not exist — check the day and month",
            bad="signed: 2022-02-30", fix="signed: 2022-02-28"),
    Message("recognition.future_date", Severity.ERROR,
            "ngày ký {value} ở tương lai — kiểm tra lại năm",
            "signing date {value} is in the future — check the year"),
    Message("recognition.order", Severity.WARNING,
            "các lần công nhận chưa xếp theo thời gian — đặt lần cũ trước, lần mới sau",
            "recognitions are not in date order — put the oldest first"),
    Message("recognition.not_superseded", Severity.WARNING,
            "đã có lần công nhận sau ({later}) nhưng lần này vẫn ghi là đang áp dụng — thêm "
            "`status: superseded`",
            "a later recognition exists ({later}) but this one is still active — add "
            "`status: superseded`",
            bad="- signed: \"2019\"\n  stars: 3\n- signed: \"2022\"\n  stars: 4",
            fix="- signed: \"2019\"\n  stars: 3\n  status: superseded\n- signed: \"2022\"\n  stars: 4"),
    Message("recognition.superseded_without_successor", Severity.ERROR,
            "lần công nhận mới nhất lại ghi `superseded` (đã được thay thế) — thêm quyết định mới "
            "thay thế nó, hoặc xoá dòng status",
            "the latest recognition is marked `superseded` — add the decision that replaced it, "
            "or delete the status line"),
    Message("recognition.rules_mismatch", Severity.ERROR,
            "bộ tiêu chí `{value}` không áp dụng vào ngày ký {signed} (lúc đó là {expected}) — sửa "
            "hoặc xoá dòng rules để hệ thống tự suy ra",
            "rule version `{value}` was not in force on {signed} ({expected} was) — fix it or "
            "delete the rules line so it is derived"),
    Message("recognition.level_wrong", Severity.ERROR,
            "ghi `level: {value}` ({given}) nhưng {stars} sao ký {when} (bộ tiêu chí "
            "{rules}) do {expected} công nhận ({who}) — sửa thành {fix}",
            "`level: {value}` ({given_en}) is wrong: {stars} stars signed {when_en} (rules "
            "{rules}) are recognised at {expected_en} ({who_en}) — write {fix_en}",
            bad="stars: 5\nlevel: province", fix="stars: 5\nlevel: central"),
    Message("recognition.level_mismatch", Severity.WARNING,
            "ghi `level: {value}` ({given}) nhưng theo quy định lúc đó, {stars} sao ký "
            "{when} (bộ tiêu chí {rules}) do {expected} công nhận ({who}) — kiểm tra lại "
            "quyết định; nếu đúng thì giữ nguyên",
            "`level: {value}` ({given_en}) differs from the rules of the time: {stars} stars "
            "signed {when_en} (rules {rules}) are recognised at {expected_en} ({who_en}) — "
            "check the decision; keep it if it is right"),
    Message("recognition.district_abolished", Severity.ERROR,
            "ghi `level: district` (cấp huyện) nhưng cấp huyện không còn từ 01/07/2025 nên không "
            "thể công nhận {stars} sao ký {when} — sửa thành {fix}",
            "`level: district` is wrong: districts were abolished on 1 July 2025, so none could "
            "recognise {stars} stars {when_en} — write {fix_en}",
            bad="signed: 2025-09-01\nlevel: district",
            fix="signed: 2025-09-01\nlevel: province"),
    Message("recognition.score_mismatch", Severity.WARNING,
            "{score} điểm không khớp với {stars} sao (thang điểm: {low}–{high}) — kiểm tra điểm "
            "hoặc hạng sao",
            "{score} points do not match {stars} stars (band {low}–{high}) — check the score or "
            "the stars"),
    Message("recognition.revoked_date", Severity.ERROR,
            "ngày thu hồi {value} {why} — kiểm tra lại",
            "revocation date {value} {why_en} — check it"),
    Message("recognition.expired", Severity.WARNING,
            "hạng {stars} sao {validity} (hạn 36 tháng từ ngày ký) — trang web cũng ghi như vậy; "
            "nếu sản phẩm đã được đánh giá lại, thêm quyết định mới",
            "the {stars}-star recognition: {validity} (36 months from signing) — the site says "
            "so too; if the product was re-evaluated, add the new decision"),
    Message("recognition.expiring", Severity.WARNING,
            "hạng {stars} sao {validity} (còn {days} ngày) — nhắc chủ thể đăng ký đánh giá lại",
            "the {stars}-star recognition {validity} ({days} days left) — remind the producer "
            "to apply for re-evaluation"),
    Message("recognition.uncertain_validity", Severity.WARNING,
            "chỉ biết ngày ký là {signed}, nên {validity} — ghi ngày ký đầy đủ theo quyết định",
            "only {signed} is known for the signing date: {validity} — give the full signing "
            "date"),
)


def _dates(doc: Document, items: list[dict[str, Any]], today: date) -> list[Finding]:
    out: list[Finding] = []
    previous: PartialDate | None = None
    for i, item in enumerate(items):
        path = ("recognitions", i, "signed")
        signed = PartialDate.parse(str(item["signed"]))
        if signed is None:
            out.append(doc.finding("recognition.bad_date", path, value=item["signed"]))
            continue
        if signed.earliest() > today:
            out.append(doc.finding("recognition.future_date", path, value=signed.display()))
        if previous is not None and signed.latest() < previous.earliest():
            out.append(doc.finding("recognition.order", path))
        previous = signed
    return out


def _level_fix(levels: set[Level], lang: str) -> str:
    """"`level: province`", or each possible line joined by "hoặc"/"or"."""
    return WORDS("or", lang).join(f"`level: {level.value}`" for level in Level if level in levels)


def _level(doc: Document, rec: Recognition) -> list[Finding]:
    """The ``level`` line against the rules of the signing date (errors where certain)."""
    if rec.level is None:
        return []
    expected = expected_levels(rec.signed, rec.stars, rec.rules)
    params = {"value": rec.level.value, "given": level_words({rec.level}, "vi"),
              "given_en": level_words({rec.level}, "en"), "fix": _level_fix(expected, "vi"),
              "fix_en": _level_fix(expected, "en"), **rule_params(rec, expected)}
    path = ("recognitions", rec.index, "level")
    if rec.level is Level.DISTRICT and rec.signed.earliest() >= DISTRICTS_ABOLISHED:
        return [doc.finding("recognition.district_abolished", path, **params)]
    if not level_can_recognise(rec.level, rec.stars):
        return [doc.finding("recognition.level_wrong", path, **params)]
    if rec.level not in expected:
        return [doc.finding("recognition.level_mismatch", path, **params)]
    return []


def _rules_and_level(doc: Document, rec: Recognition) -> list[Finding]:
    out: list[Finding] = []
    possible = possible_rules(rec.signed)
    if rec.rules and rec.rules not in possible:
        out.append(doc.finding("recognition.rules_mismatch", ("recognitions", rec.index, "rules"),
                               value=rec.rules, signed=rec.signed.display(),
                               expected=", ".join(sorted(possible))))
    return out + _level(doc, rec) + check_authority(doc, rec)


def _status(doc: Document, recs: list[Recognition], items: list[dict[str, Any]],
            today: date) -> list[Finding]:
    out: list[Finding] = []
    for rec in recs[:-1]:
        if rec.recorded_status == "active":
            later = recs[-1].signed.display()
            out.append(doc.finding("recognition.not_superseded", ("recognitions", rec.index),
                                   later=later))
    last = recs[-1]
    if last.recorded_status == "superseded":
        out.append(doc.finding("recognition.superseded_without_successor",
                               ("recognitions", last.index, "status")))
    for rec, item in zip(recs, items, strict=True):
        revoked = item.get("revoked")
        if not revoked:
            continue
        day = PartialDate.parse(str(revoked["date"]))
        path = ("recognitions", rec.index, "revoked", "date")
        if day is None or day.earliest() > today:
            out.append(doc.finding("recognition.revoked_date", path, value=revoked["date"],
                                   why="không có thật hoặc ở tương lai",
                                   why_en="does not exist or is in the future"))
        elif day.earliest() < rec.signed.earliest():
            out.append(doc.finding("recognition.revoked_date", path, value=day.display(),
                                   why="trước ngày ký quyết định công nhận",
                                   why_en="is before the recognition was signed"))
    return out


_VALIDITY_CODES = {RecognitionState.EXPIRED: "recognition.expired",
                   RecognitionState.EXPIRING: "recognition.expiring",
                   RecognitionState.UNCERTAIN: "recognition.uncertain_validity"}


def _validity(doc: Document, rec: Recognition, today: date) -> list[Finding]:
    """Expired, expiring or unclear, worded by :func:`generator.validity.describe`."""
    validity = rec.validity(today)
    code = _VALIDITY_CODES.get(validity.state)
    if code is None:
        return []
    worded = {lang: inline(describe(validity, rec.signed.exact, lang)) for lang in ("vi", "en")}
    return [doc.finding(code, ("recognitions", rec.index, "signed"), stars=rec.stars,
                        days=validity.days_left, signed=rec.signed.display(),
                        validity=worded["vi"], validity_en=worded["en"])]


def _score(doc: Document, rec: Recognition) -> list[Finding]:
    if rec.score is None:
        return []
    low, high = score_band(rec.stars)
    if low <= rec.score <= high:
        return []
    return [doc.finding("recognition.score_mismatch", ("recognitions", rec.index, "score"),
                        score=rec.score, stars=rec.stars, low=int(low), high=round(high))]


def check_recognitions(doc: Document, today: date) -> list[Finding]:
    """Findings for ``doc.data["recognitions"]`` (schema-valid data)."""
    items: list[dict[str, Any]] = doc.data["recognitions"]
    out = _dates(doc, items, today)
    if any(f.code == "recognition.bad_date" for f in out):
        return out
    recs = [parse_recognition(i, item) for i, item in enumerate(items)]
    for rec in recs:
        out += _rules_and_level(doc, rec) + _score(doc, rec)
    out += _status(doc, recs, items, today)
    latest = max(recs, key=lambda r: (r.signed.latest(), r.index))
    out += _validity(doc, latest, today)
    return out
