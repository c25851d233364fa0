"""One type for every table of interface text, and one lookup.

Each part of the tool that prints words keeps them in a :class:`Texts` table next to its code
(``SAY = Texts("review", {...})``), in Vietnamese and English. Tables register themselves by
name when their module is imported; :func:`tables` imports every module that owns one, so the
contributor guide and the message tests see them all, whatever happened to be imported first.
Finding messages (:mod:`generator.findings`) have a severity and examples as well, but are
filled by the same :func:`fill`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from .findings import REGISTRARS

#: Modules that own a table or register finding messages; imported by :func:`tables`.
OWNERS = (
    *REGISTRARS, "generator.site.i18n", "generator.site.event_view", "generator.site.cardcontact",
    "generator.site.contact", "generator.markdown",
    "generator.review.git", "generator.review.differ", "generator.review.recognitions",
    "generator.review.files", "generator.review.diff", "generator.review.questions",
    "generator.review.render", "generator.commands.expiry", "generator.importer",
    "generator.commands.new", "generator.commands.photos", "generator.site.opendata",
    "generator.review.events",
    "generator.promotion.words", "generator.site.promotion_pages",
    "generator.review.follow_up", "generator.portfolio.texts", "generator.commands.report",
    "generator.commands.new", "generator.commands.photos", "generator.booklet.texts",
    "generator.booklet.publish",
)

_REGISTRY: dict[str, Texts] = {}


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with its ``{name}`` slots filled from ``params``."""
    return template.format_map(dict(params))


class Texts(Mapping[str, tuple[str, str]]):
    """A named table of ``key → (vi, en)``; an empty English text falls back to Vietnamese."""

    def __init__(self, name: str, entries: Mapping[str, tuple[str, str]]) -> None:
        if name in _REGISTRY:
            raise ValueError(f"text table declared twice: {name}")
        self.name = name
        self._entries = dict(entries)
        _REGISTRY[name] = self

    def __getitem__(self, key: str) -> tuple[str, str]:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def template(self, key: str, lang: str = "vi") -> str:
        vi, en = self._entries[key]
        return (en or vi) if lang == "en" else vi

    def __call__(self, key: str, lang: str = "vi", **params: object) -> str:
        """The text ``key`` in ``lang`` (``vi`` or ``en``), with its slots filled."""
        return fill(self.template(key, lang), params)


def tables() -> dict[str, Texts]:
    """Every text table of the tool, by name."""
    for module in OWNERS:
        importlib.import_module(module)
    return dict(_REGISTRY)
