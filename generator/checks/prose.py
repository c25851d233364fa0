"""Prose goes stale: a star level stated in free text ("là sản phẩm OCOP 4 sao").

The page shows the current star from ``recognitions``, worded by :mod:`generator.validity`, and
turns it to "hết hạn" when it lapses; a sentence in the description does not. A warning is given
for a star level stated in the present ("là sản phẩm OCOP 4 sao", "is a 4-star OCOP product") or
without any date; a dated fact ("được công nhận OCOP 4 sao năm 2019", "đạt 3 sao năm 2018",
"awarded 4 stars in 2019") stays true and is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..findings import Finding, Message, Severity, register
from ..load.document import Document, PathT

register(
    Message("content.stars_in_text", Severity.WARNING,
            "«{phrase}» ghi hạng sao trong phần chữ nên sẽ sai khi hạng sao hết hạn — bỏ cụm "
            "này: trang sản phẩm đã tự ghi hạng sao hiện hành và hạn của nó từ `recognitions`; "
            "nếu muốn kể lại, ghi kèm năm, ví dụ «được công nhận OCOP 4 sao năm 2019»",
            "«{phrase}» states a star level in the text, which goes stale when the star lapses "
            "— remove it: the product page shows the current star and its validity from "
            "`recognitions`; to tell the history, give the year, e.g. «recognised as a 4-star "
            "OCOP product in 2019»",
            bad="content:\n  description:\n    vi: Nước mắm nhĩ Cửa Đại, là sản phẩm OCOP 4 sao.",
            fix="content:\n  description:\n    vi: Nước mắm nhĩ Cửa Đại, được công nhận OCOP 4 sao "
                "năm 2019."),
)

_STARS_VI = r"(?:OCOP\s+)?[1-5]\s*-?\s*sao\b"
_STARS_EN = r"(?:\ban?\s+)?(?:OCOP\s+)?[1-5][\s-]*stars?(?:\s+OCOP)?(?:\s+products?)?\b"
#: a star level, with what says it holds now ("là sản phẩm", "is a") when it is there
_PHRASE = re.compile(
    r"(?:\b(?P<now>(?:hiện\s+|đang\s+)?là\s+(?:một\s+)?(?:sản\s+phẩm\s+)?|is\s+(?:an?\s+)?|"
    r"are\s+)(?:(?:đạt|chuẩn|hạng)\s+)?)?(?:(?:đạt|chuẩn|hạng|rated|certified)\s+)?"
    rf"(?:{_STARS_VI}|{_STARS_EN})", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: words before the star that make it a past event ("được công nhận", "đã đạt", "awarded")
_PAST = re.compile(r"(?:được|đã|từng|công nhận|nâng lên|recogni[sz]ed|awarded|was|were|became)"
                   r"\s+(?:\S+\s+){0,4}$", re.IGNORECASE)
#: a year just before the star dates it even in the present ("đến năm 2023 đây là sản phẩm 4 sao")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d{2}\b,?(?:\s+\S+){0,2}\s+$")
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?](?=\s|$)|\n|$)")


def stale_phrases(text: str) -> Iterator[str]:
    """Each star level ``text`` states as current or undated, as written."""
    for sentence in _SENTENCE.findall(text):
        for match in _PHRASE.finditer(sentence):
            before = sentence[:match.start()]
            if _YEAR_BEFORE.search(before):
                continue
            if not match.group("now") and (_YEAR.search(sentence) or _PAST.search(before)):
                continue
            yield " ".join(match.group(0).split())


def _texts(value: Any, path: PathT) -> Iterator[tuple[PathT, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _texts(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, (*path, index))


def check_prose(doc: Document) -> list[Finding]:
    """A warning for each star level stated in the ``content`` texts (schema-valid data)."""
    return [doc.finding("content.stars_in_text", path, phrase=phrase)
            for path, text in _texts(doc.data.get("content"), ("content",))
            for phrase in stale_phrases(text)]
