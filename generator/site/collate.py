"""Vietnamese collation for listings and printed indexes.

CLDR "vi" standard order: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư, compared letter by
letter; tone marks are a secondary difference (none < huyền < hỏi < ngã < sắc < nặng) that only
decides between names equal without them. Python's default sort puts "Đại Lộc" and "Ân Hảo"
after "Hội An"; :func:`sort_key` does not.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# combining marks that make base letters (kept in the primary key) …
_LETTER_MARKS = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}
# … and the five tones (secondary key), in CLDR order
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


#: names met in one build (products, producers, places) are keyed once, not once a sort
_MEMO = 1 << 17


@lru_cache(maxsize=_MEMO)
def _letters(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    primary: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFC", text.lower()):
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tone = next((_TONES[m] for m in marks if m in _TONES), 0)
        letter = base
        for mark in marks:
            if mark in _LETTER_MARKS:
                letter = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô",
                          "o\u031b": "ơ", "u\u031b": "ư"}.get(base + mark, base)
        if letter in _RANK:
            primary.append(_RANK[letter] + 1)
            tones.append(tone)
        elif letter.isdigit():
            primary.append(100 + int(letter))
            tones.append(0)
        elif letter.isspace():
            primary.append(0)
            tones.append(0)
        # punctuation is ignored, as in dictionary order
    return tuple(primary), tuple(tones)


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Key for ``sorted(names, key=sort_key)`` in Vietnamese order."""
    primary, tones = _letters(text)
    return primary, tones, text


@lru_cache(maxsize=_MEMO)
def ascii_sort_key(text: str) -> str:
    """The same order as a plain string (for search engines that sort strings bytewise)."""
    primary, tones = _letters(text)
    return "".join(f"{p:03d}" for p in primary) + "-" + "".join(str(t) for t in tones)
