"""The one wording of a recognition's validity, wherever it is shown.

The site, print sheets, JSON-LD, the validator, ``ocop review`` and ``ocop expiry`` all say it
the same way: "Hiệu lực đến <the last valid day>" while a star holds, and "Hết hiệu lực từ <the
first day it no longer holds>" after. A recognition signed on 29/12/2022 is valid until
28/12/2025 and not valid from 29/12/2025. What the state is on a day is decided once, by
:meth:`generator.model.product.Recognition.validity`.
"""

from __future__ import annotations

from .dates import day
from .messages import Texts
from .model.product import RecognitionState, Validity

SAY = Texts("validity", {
    "until": ("Hiệu lực đến {date}", "Valid until {date}"),
    "until_about": ("Hiệu lực đến khoảng {date}", "Valid until about {date}"),
    "expiring": ("Sắp hết hạn: hiệu lực đến {date}", "Expires soon: valid until {date}"),
    "lapsed": ("Hết hiệu lực từ {date}", "Not valid since {date}"),
    "revoked": ("Đã bị thu hồi", "Revoked"),
    "superseded": ("Đã được thay bằng lần công nhận sau", "Replaced by a later recognition"),
    "uncertain": ("Chưa rõ còn hiệu lực (hết hạn trong khoảng {earliest} – {latest})",
                  "Validity unclear (ends between {earliest} and {latest})"),
    "as_of": ("Tính đến {date}", "As of {date}"),
})


def inline(text: str) -> str:
    """A validity sentence inside another sentence ("hạng 4 sao hết hiệu lực từ 29/12/2025"):
    the same words, the first letter in lower case."""
    return text[:1].lower() + text[1:]


def describe(validity: Validity, exact: bool, lang: str = "vi") -> str:
    """The validity sentence for a recognition whose signing date is ``exact`` (known to the
    day) or not."""
    state = validity.state
    if state is RecognitionState.REVOKED:
        return SAY("revoked", lang)
    if state is RecognitionState.SUPERSEDED:
        return SAY("superseded", lang)
    if state is RecognitionState.EXPIRED:
        return SAY("lapsed", lang, date=day(validity.first_invalid_day))
    if state is RecognitionState.UNCERTAIN:
        return SAY("uncertain", lang, earliest=day(validity.last_day),
                   latest=day(validity.last_day_latest))
    if state is RecognitionState.EXPIRING:
        return SAY("expiring", lang, date=day(validity.last_day))
    return SAY("until" if exact else "until_about", lang, date=day(validity.last_day))
