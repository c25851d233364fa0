"""Vietnamese text keys: fold tone marks, tone placement, đ, case and separators.

``fold("Hòa")``, ``fold("Hoà")`` and ``fold("hoa")`` are equal; so are ``"Đông Giang"`` and
``"dong giang"``, and ``"A Tiêng"`` and ``"Atiêng"`` under :func:`fold_compact`. Used for search
keys, duplicate detection and matching place names typed in different styles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MARKS = re.compile(r"[\u0300-\u036f]")
_SEPARATORS = re.compile(r"[\s'’‘`\-–—_.,;:/()]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase ASCII-ish key: no tone or vowel marks, đ → d, single spaces.

    Remembered (a pure function of its text): a build folds the same place, group and type
    names for every product, every listing and every sort key."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = _MARKS.sub("", decomposed)
    return " ".join(_SEPARATORS.sub(" ", stripped.lower()).split())


def d_words(text: str) -> str:
    """The words of ``text`` that hold đ/Đ, folded (``"Đông Giang, Xã Điện Bàn"`` →
    ``"dong dien"``), each once, in order.

    A search index that strips tone and vowel marks itself (Pagefind: "Nước" is indexed as
    "nuoc") still keeps đ, a letter of its own; these words, added to a page's indexed text,
    let "dong giang" find "Đông Giang". Words without đ are left out: the index has them.
    """
    seen: dict[str, None] = {}
    for word in _SEPARATORS.split(text):
        if "đ" in word.lower():
            seen.setdefault(fold(word), None)
    return " ".join(seen)


def fold_compact(text: str) -> str:
    """Like :func:`fold` but without any separators: "A Tiêng" == "Atiêng" == "a-tieng"."""
    return fold(text).replace(" ", "")


_UNIT_PREFIXES = (
    "thanh pho", "tinh", "huyen", "thi xa", "quan", "xa", "phuong", "thi tran", "dac khu",
    "tp", "tx", "tt", "p", "x", "h",
)


def fold_place(name: str) -> str:
    """Key for an administrative unit's name without its level word.

    ``"Xã Tiên Sơn"``, ``"X. Tiên Sơn"`` and ``"tien son"`` give the same key.
    """
    key = fold(name)
    for prefix in _UNIT_PREFIXES:
        if key.startswith(prefix + " "):
            key = key[len(prefix) + 1:]
            break
    return key.replace(" ", "")


def slugify(text: str) -> str:
    """ASCII slug for URLs: ``"Thành phố Hội An"`` → ``"thanh-pho-hoi-an"``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "khac"
