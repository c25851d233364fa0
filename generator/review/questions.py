"""The 2020 Quảng Nam directive's portfolio questions about one product of a change.

A question is asked only about what the change touched: a finding about the product type is
not repeated when only the price changed, a GPS location only for a photo that is new here.
"""

from __future__ import annotations

from datetime import date

from ..dates import day
from ..findings import Finding
from ..markdown import md, md_code
from ..messages import Texts
from ..model.product import RecognitionState
from ..portfolio.rules import same_type_anchor
from ..validate import Result
from ..validity import SAY as VALIDITY
from ..validity import inline
from .differ import value_at
from .files import compare_files
from .recognitions import recognition_label
from .snapshot import Change

SAY = Texts("review.questions", {
    "same_type": ("Ở {area} đã có chủ thể khác đăng ký \"{product_type}\": {others}. Có nên để "
                  "thêm một chủ thể cùng loại sản phẩm ở địa phương này không?",
                  "{area} already has another producer of \"{product_type}\": {others}. Should "
                  "another producer of the same product type be added there?"),
    "raw": ("Sản phẩm ở dạng {level}, chưa qua chế biến. Chỉ thị của tỉnh đề nghị hạn chế sản "
            "phẩm thô, tươi sống — có hướng chế biến sâu hơn không?",
            "The product is {level}, not processed. The directive asks to limit raw and fresh "
            "products — is deeper processing planned?"),
    "expiring": ("Lần công nhận {label}: {validity} (còn {days} ngày). Chủ thể đã nộp hồ sơ "
                 "đánh giá lại chưa?",
                 "The recognition ({label}): {validity} ({days} days left). Has the producer "
                 "applied for re-evaluation?"),
    "gps": ("Ảnh {file} còn lưu vị trí GPS nơi chụp (có thể là nhà riêng). Đã xoá vị trí trước "
            "khi hợp nhất chưa?",
            "Photo {file} still stores the GPS location where it was taken (maybe a home). "
            "Was the location removed before merging?"),
    "similar": ("Tên gần trùng với \"{other_name}\" ({other}). Có phải cùng một sản phẩm khai "
                "hai lần không?",
                "The name nearly matches \"{other_name}\" ({other}). Is it the same product "
                "entered twice?"),
    "level.fresh": ("tươi sống", "fresh"), "level.raw": ("thô", "raw"),
    "same_type_link": (" Xem các sản phẩm cùng loại cạnh nhau: [Rà soát danh mục]({url}).",
                       " See them side by side: [Portfolio review]({url})."),
})

#: findings asked about when the change touched one of these top-level keys
_ASKED_WHEN = {"portfolio.same_type_same_area": {"product_type", "origin", "subject"},
               "portfolio.similar_name": {"name", "aliases", "product_type"},
               "processing": {"processing"}}


def _changed_keys(change: Change) -> set[str] | None:
    """Top-level keys this change touched; None when the whole product is new here."""
    if change.kind in ("added", "moved") or change.old is None or change.new is None:
        return None
    a, b = change.old.data or {}, change.new.data or {}
    return {key for key in a.keys() | b.keys() if a.get(key) != b.get(key)}


def _new_files(change: Change) -> set[str] | None:
    if change.old is None or change.new is None:
        return None
    return compare_files(change.old.files, change.new.files).new_content


def _finding_question(finding: Finding, lang: str, portfolio: str | None = None) -> str:
    p = finding.params
    if finding.code == "portfolio.same_type_same_area":
        asked = SAY("same_type", lang, area=md(p.get("area", "")),
                    product_type=md(p.get("product_type", "")), others=md(p.get("others", ""), 400))
        if portfolio is None:
            return asked
        anchor = same_type_anchor(str(p.get("product_type", "")), str(p.get("area", "")))
        return asked + SAY("same_type_link", lang, url=f"{portfolio}#{anchor}")
    if finding.code == "portfolio.similar_name":
        return SAY("similar", lang, other_name=md(p.get("other_name", "")),
                   other=md_code(p.get("other", "")))
    return SAY("gps", lang, file=md_code(p.get("file", "")))


def _from_findings(change: Change, keys: set[str] | None, result: Result, lang: str,
                   portfolio: str | None = None) -> list[str]:
    """Questions on the validator's portfolio findings about what this change touched."""
    fresh, file = _new_files(change), change.current.file
    asked: list[str] = []
    for finding in (f for f in result.findings if f.file == file):
        wanted = _ASKED_WHEN.get(finding.code)
        if wanted is not None and (keys is None or keys & wanted):
            asked.append(_finding_question(finding, lang, portfolio))
        elif finding.code == "photo.gps" and (fresh is None or finding.params.get("file") in fresh):
            asked.append(_finding_question(finding, lang))
    return asked


def questions(change: Change, result: Result, today: date, lang: str,
              portfolio: str | None = None) -> list[str]:
    """The directive's portfolio questions about this change of one product; a duplicate type
    links to its group on the portfolio page at ``portfolio`` when the site has one."""
    new = change.new
    if new is None:
        return []
    keys = _changed_keys(change)
    asked = _from_findings(change, keys, result, lang, portfolio)
    processing = value_at(new.data, "processing")
    if processing in ("raw", "fresh") and (keys is None or "processing" in keys):
        asked.insert(0, SAY("raw", lang, level=SAY(f"level.{processing}", lang)))
    current = new.product.current_recognition(today) if new.product else None
    if current is not None and current.state(today) is RecognitionState.EXPIRING:
        validity = current.validity(today)
        asked.append(SAY("expiring", lang, label=recognition_label(current, lang),
                         validity=inline(VALIDITY("until", lang, date=day(validity.last_day))),
                         days=validity.days_left))
    return asked
