"""Matching a place name as it was typed against the official names.

Names are compared with :func:`generator.textfold.fold_place`, so "X. Tiên Sơn", "xã Tiên Sơn",
"Hoà"/"Hòa", "Đông"/"dong" and "A Tiêng"/"Atiêng" all match; a unit is accepted under each of
its spellings (the official list and the conversion table spell some names differently).
When the loose match finds several units and the name was typed with diacritics, the
diacritics decide ("Tam Thanh" is not "Tam Thành").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from ..textfold import fold_place
from .tables import Unit

_LIST_LIMIT = 25
_NEW_TONE_STYLE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_LEVEL_WORD = re.compile(
    r"^(thành phố|tỉnh|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu|tp|tx|tt|p|x|h)[\s.]+")
_SEPARATORS = re.compile(r"[\s'’‘`\-–—_.,;:/()]+")


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Loose key: no level word, tone marks, case or separators ("X. Tiên Sơn" = "tien son")."""
    return fold_place(name)


@lru_cache(maxsize=8192)
def _exact_key(name: str) -> str:
    """Tie-breaker keeping diacritics ("Tam Thanh" ≠ "Tam Thành"), tone placement folded."""
    text = unicodedata.normalize("NFC", name).lower()
    for new, old in _NEW_TONE_STYLE.items():
        text = text.replace(new, old)
    return _SEPARATORS.sub("", _LEVEL_WORD.sub("", text))


def spelled(name: str, spellings: Iterable[str]) -> bool:
    """True when ``name`` is one of ``spellings``, loosely."""
    return name_key(name) in {name_key(n) for n in spellings}


def match_names(name: str, pool: Iterable[tuple[Unit, Iterable[str]]]) -> list[Unit]:
    """Units of ``pool`` (unit, accepted spellings) whose name matches ``name``."""
    pool = list(pool)
    loose = [unit for unit, names in pool if spelled(name, names)]
    if len(loose) > 1 and _exact_key(name) != name_key(name):  # typed with diacritics
        exact = [unit for unit, names in pool
                 if unit in loose and _exact_key(name) in {_exact_key(n) for n in names}]
        if len(exact) == 1:
            return exact
    return loose


def named(name: str | None, units: Iterable[Unit]) -> list[Unit]:
    """The ``units`` (one spelling each: the official name) that ``name`` matches."""
    return match_names(name, [(unit, (unit.name,)) for unit in units]) if name else []


def unit_list(units: Iterable[Unit]) -> str:
    """"Xã A (20001); Xã B (20002)" — shortened after a couple of dozen, "—" when empty."""
    units = list(units)
    if not units:
        return "—"
    text = "; ".join(str(unit) for unit in units[:_LIST_LIMIT])
    return text + ("; …" if len(units) > _LIST_LIMIT else "")
