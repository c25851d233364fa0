"""English text typed under ``vi``: every ``{vi, en}`` text of the product file.

A ``vi`` text is taken for English only when the evidence is strong: no Vietnamese letter or
tone mark anywhere, at least :data:`MIN_WORDS` words, at least :data:`MIN_STOP_WORDS` English
function words ("the", "and", "of", "with", "made" …) and a word no Vietnamese syllable can be
("with", "from", "traditional": f, j, w, z, or a final b, d, k, l, r, s, v, x). Function words
that are also Vietnamese syllables written without marks ("an", "to", "do", "in", "no", "me",
"it", "be", "a") are not counted, so unaccented names such as "Tra Que Hoi An" or "Ruou Ta Vac" stay
quiet; a short name ("Tra", "Sapharaton") never has enough words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..findings import Finding, Message, Severity, register
from ..load.document import Document, PathT

MIN_WORDS = 4
MIN_STOP_WORDS = 2
SNIPPET = 60

STOP_WORDS = frozenset({
    "the", "and", "of", "with", "from", "made", "is", "are", "was", "were", "for", "by", "our",
    "your", "its", "this", "these", "those", "which", "has", "have", "into", "or", "without",
    "their", "been", "we", "you", "they",
})

_VIETNAMESE = re.compile(r"[đĐ\u0300-\u036f]")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NOT_A_SYLLABLE = re.compile(r"[fjwz]|[bdklrsvx]$")

register(
    Message("text.english_in_vi", Severity.WARNING,
            "dòng `vi:` có vẻ là tiếng Anh («{snippet}»): không có chữ hay dấu tiếng Việt nào — "
            "chuyển câu này xuống dòng `en:` và viết bản tiếng Việt có dấu ở dòng `vi:`",
            "the `vi:` line looks like English («{snippet}»): it has no Vietnamese letter or "
            "tone mark — move it to the `en:` line and write the Vietnamese (with its marks) "
            "under `vi:`",
            bad="name:\n  vi: Traditional fish sauce made from anchovies and salt",
            fix="name:\n  vi: Nước mắm truyền thống làm từ cá cơm và muối\n"
                "  en: Traditional fish sauce made from anchovies and salt"),
)


def looks_english(text: str) -> bool:
    """Whether a ``vi`` text is, beyond reasonable doubt, English rather than Vietnamese."""
    if _VIETNAMESE.search(unicodedata.normalize("NFD", text)):
        return False
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return False
    stops = sum(word in STOP_WORDS for word in words)
    return stops >= MIN_STOP_WORDS and any(_NOT_A_SYLLABLE.search(word) for word in words)


def _bilingual(value: Any, path: PathT = ()) -> Iterator[tuple[PathT, str]]:
    """Every ``vi`` text of a ``{vi, en}`` mapping, with its path."""
    if isinstance(value, dict):
        if isinstance(value.get("vi"), str) and set(value) <= {"vi", "en"}:
            yield (*path, "vi"), value["vi"]
            return
        for key, child in value.items():
            yield from _bilingual(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _bilingual(child, (*path, index))


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[:SNIPPET - 1].rstrip() + "…"


def check_language(doc: Document) -> list[Finding]:
    """A warning on each ``vi`` text that reads as English (schema-valid data)."""
    return [doc.finding("text.english_in_vi", path, snippet=_snippet(text))
            for path, text in _bilingual(doc.data) if looks_english(text)]
