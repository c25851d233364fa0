"""Findings: every problem the validator reports, as a value with a location.

A finding is never raised: stages return lists of them and a reporter prints them.
Each finding has a stable ``code`` whose wording lives in a :class:`Message`, so the same
catalogue drives the validator's output, its English translation and the contributor guide.
"""

from __future__ import annotations

import enum
import importlib
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.StrEnum):
    """How much a finding matters: an error blocks publishing, a warning advises."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Message:
    """The wording of one finding code, in Vietnamese and English.

    Templates use ``{name}`` placeholders filled from the finding's params.
    ``bad``/``fix`` are short YAML examples shown in the contributor guide.
    """

    code: str
    severity: Severity
    vi: str
    en: str
    bad: str = ""
    fix: str = ""

    def placeholders(self) -> set[str]:
        names = set()
        for text in (self.vi, self.en):
            names |= {f for _, f, _, _ in string.Formatter().parse(text) if f}
        return names


CATALOGUE: dict[str, Message] = {}
#: The packages whose modules register finding messages when imported (each package imports
#: all of them): the loader's and the checks'.
REGISTRARS = ("generator.load", "generator.checks", "generator.events")


def register(*messages: Message) -> None:
    """Add messages to the catalogue; a code may be declared only once."""
    for message in messages:
        if message.code in CATALOGUE and CATALOGUE[message.code] != message:
            raise ValueError(f"finding code declared twice: {message.code}")
        CATALOGUE[message.code] = message


def catalogue() -> dict[str, Message]:
    """Every finding message, by code, whatever modules happen to be imported already."""
    for package in REGISTRARS:
        importlib.import_module(package)
    return CATALOGUE


def lookup(code: str) -> Message:
    """The message of one finding code (:class:`KeyError` for a code nobody declares)."""
    message = CATALOGUE.get(code)
    return message if message is not None else catalogue()[code]


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Finding:
    """One problem in one file, at a 1-based line and column (0 when unknown).

    ``path`` is the field path in the product file, e.g. ``recognitions[0].stars``.
    """

    file: str
    code: str
    path: str = ""
    line: int = 0
    column: int = 0
    params: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def severity(self) -> Severity:
        return lookup(self.code).severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang``; English fills a slot ``x`` with param ``x_en`` if given."""
        template = lookup(self.code)
        text = template.en if lang == "en" else template.vi
        params = dict(self.params)
        if lang == "en":
            params.update({k[:-3]: v for k, v in self.params.items() if k.endswith("_en")})
        return text.format_map(_Params(params))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.path)


def shown(value: object, *, quoted: str = "", limit: int = 60) -> str:
    """``value`` as the officer typed it, printable inside a message: never empty (an empty or
    space-padded text keeps its quotes), invisible characters written as ``\\uXXXX``, long
    text cut with "…". ``quoted`` is the quote mark the officer typed around it, if any."""
    text = value if isinstance(value, str) else str(value)
    if not quoted and (not text.strip() or text != text.strip()):
        quoted = '"'
    visible = "".join(ch if ch == " " or unicodedata.category(ch)[0] not in "CZ"
                      else f"\\u{ord(ch):04X}" for ch in text)
    if len(visible) > limit:
        visible = visible[: limit - 3] + "…"
    return f"{quoted}{visible}{quoted}"


def display_path(path: Path, root: Path) -> str:
    """The path an officer recognises: relative to the repository root, with ``/``."""
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()
