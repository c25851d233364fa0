"""The booklet's embedded fonts, and the check that every printed character has a glyph.

Noto Sans (Debian's fonts-noto-core) has every Vietnamese letter, precomposed tone marks
included; Noto Sans Symbols 2 adds the star ★. The booklet names only these fonts, so the PDF
embeds only them; before rendering, :func:`check` makes sure no printed character would fall
back to another system font or to a missing-glyph box, and names the character and where it
is when one would.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from ..errors import OcopError
from .texts import SAY

FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/noto"))
#: (family, weight, style, file): the faces the booklet CSS declares, in fallback order
FACES = (
    ("OCOP Sans", "normal", "normal", "NotoSans-Regular.ttf"),
    ("OCOP Sans", "bold", "normal", "NotoSans-Bold.ttf"),
    ("OCOP Sans", "normal", "italic", "NotoSans-Italic.ttf"),
    ("OCOP Sans", "bold", "italic", "NotoSans-BoldItalic.ttf"),
    ("OCOP Symbols", "normal", "normal", "NotoSansSymbols2-Regular.ttf"),
)
#: characters that are layout, not glyphs (line breaks, spaces WeasyPrint never draws)
_NOT_DRAWN = frozenset("\n\r\t\u00ad\u200b")


class GlyphError(OcopError):
    """A character to print has no glyph in the booklet's fonts."""


@dataclass(frozen=True)
class Missing:
    char: str
    where: str

    def message(self, font: str, lang: str) -> str:
        code = f"U+{ord(self.char):04X}"
        name = unicodedata.name(self.char, "?")
        return SAY("glyph_missing", lang, font=font, char=self.char, code=code, name=name,
                   where=self.where)


def font_file(name: str, dirs: Iterable[Path] = FONT_DIRS) -> Path:
    for folder in dirs:
        if (folder / name).is_file():
            return folder / name
    raise GlyphError(f"{SAY('font_missing', 'vi', file=name)}\n{SAY('font_missing', 'en', file=name)}")


def font_css() -> str:
    """The @font-face rules of FACES, pointing at the installed files."""
    rules = []
    for family, weight, style, name in FACES:
        rules.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
                     f'font-style: {style}; src: url("{font_file(name).as_uri()}"); }}')
    return "\n".join(rules) + "\n"


@cache
def _cmap(path: Path) -> frozenset[int]:
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def covered() -> frozenset[int]:
    """Code points with a glyph in the regular face or the symbols face (the other Noto Sans
    faces cover the same letters)."""
    return _cmap(font_file(FACES[0][3])) | _cmap(font_file(FACES[-1][3]))


def missing(texts: Iterable[tuple[str, str]], cover: frozenset[int] | None = None) -> list[Missing]:
    """Each character of ``(where, text)`` pairs with no glyph, once per place."""
    cover = covered() if cover is None else cover
    out: list[Missing] = []
    seen: set[tuple[str, str]] = set()
    for where, text in texts:
        for char in text:
            if char in _NOT_DRAWN or char.isspace() or ord(char) in cover or (where, char) in seen:
                continue
            seen.add((where, char))
            out.append(Missing(char, where))
    return out


def check(texts: Iterable[tuple[str, str]], lang: str = "vi") -> None:
    """Raise :class:`GlyphError` naming every character without a glyph, and where it is."""
    found = missing(texts)
    if found:
        font = "Noto Sans"
        lines = [f"{m.message(font, 'vi')}\n  {m.message(font, 'en')}" for m in found]
        raise GlyphError("\n".join(lines))
