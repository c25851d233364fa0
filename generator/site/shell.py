"""Fill a page shell: the theme rendered once, then each page's values put in its holes.

At national scale the theme's full template (header, navigation, footer, scripts) is the same
for every product page but for a handful of values: the title, the description, the canonical
URL, the social-preview image, the JSON-LD and the page body. The engine adapter renders the
theme once for a page whose values are placeholders (:func:`placeholders`), and once more with
:data:`PROBE` appended to each, which shows how the theme transforms each value
where it prints it (as is, HTML-escaped, or JSON-LD-escaped). :func:`make_shell` turns the two
renderings into a :class:`Shell`: literal text with typed holes; :meth:`Shell.fill` makes one
page in microseconds. A transform this module does not know makes no shell (``None``): the
caller renders those pages through the engine, so an unusual theme costs time, never bytes.

This module knows nothing about any engine: it handles strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from markupsafe import escape

#: Characters that show how a value is transformed where the theme prints it.
PROBE = "<&>\"'"
#: A page's slug must survive every transform unchanged (URLs, escaping): ids are slugs.
SAFE_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
#: The slot of the page's own name in its URL: never probed (it is part of a path).
SLUG = "slug"
#: The slot of the folder a page is in, under its kind's (``nhom/<listing>/trang-2``): the
#: pages of every listing's folder share one shell. Never probed, like :data:`SLUG`.
FOLDER = "folder"
#: the slots that are parts of the page's path
PATH_SLOTS = frozenset({SLUG, FOLDER})


def placeholders(slots: Iterable[str]) -> dict[str, str]:
    """A placeholder per slot: plain ASCII letters and digits, which no filter changes, none a
    part of another."""
    return {slot: f"ocopzz{number}zzq" for number, slot in enumerate(slots)}


def _jsonld(text: str) -> str:
    """What main.html does to the JSON-LD it prints in a <script> element."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _same(text: str) -> str:
    return text


def _escaped(text: str) -> str:
    return str(escape(text))


#: The transforms a theme may apply to a value, by what they make of :data:`PROBE`.
TRANSFORMS: dict[str, Callable[[str], str]] = {
    PROBE: _same, _escaped(PROBE): _escaped, _jsonld(PROBE): _jsonld}


@dataclass(frozen=True)
class Hole:
    slot: str
    transform: Callable[[str], str]


@dataclass(frozen=True)
class Shell:
    """Literal text ``parts`` with a :class:`Hole` between each two: ``len(parts) == len(holes)
    + 1``."""

    parts: tuple[str, ...]
    holes: tuple[Hole, ...]

    def fill(self, values: Mapping[str, str]) -> str:
        out = [self.parts[0]]
        for hole, part in zip(self.holes, self.parts[1:], strict=True):
            out.append(hole.transform(values[hole.slot]))
            out.append(part)
        return "".join(out)


def make_shell(plain: str, probed: str, holes: Mapping[str, str]) -> Shell | None:
    """The shell of ``plain``, rendered with the placeholders ``holes`` (slot → placeholder),
    given ``probed``, rendered with :data:`PROBE` after each placeholder but the path's; None
    when a value is transformed in a way :data:`TRANSFORMS` does not know."""
    slot_of = {placeholder: slot for slot, placeholder in holes.items()}
    found = list(re.finditer("|".join(re.escape(p) for p in slot_of), plain))
    parts, made_holes, offset = [plain[:found[0].start()] if found else plain], [], 0
    for here, after in zip(found, [*found[1:], None], strict=True):
        literal = plain[here.end():after.start() if after else len(plain)]
        at = here.end() + offset
        if probed[here.start() + offset:at] != here.group():
            return None
        slot = slot_of[here.group()]
        made = "" if slot in PATH_SLOTS else _probe_at(probed, at, literal)
        if made is None or not probed.startswith(literal, at + len(made)):
            return None
        made_holes.append(Hole(slot, _same if slot in PATH_SLOTS else TRANSFORMS[made]))
        parts.append(literal)
        offset += len(made)
    if len(probed) != len(plain) + offset:
        return None
    return Shell(tuple(parts), tuple(made_holes))


def _probe_at(probed: str, at: int, literal: str) -> str | None:
    """What :data:`PROBE` became at ``at`` (the transform that made it is known), or None."""
    for made in TRANSFORMS:
        if probed.startswith(made + literal, at):
            return made
    return None
