"""Page bodies as HTML, from Jinja2 templates in site_templates/content/ with autoescape on.

Product text is data, never markup: every value goes through autoescape; the only value marked
safe is the QR code SVG that segno generates.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from ..resources import resource_path
from ..validity import SAY as validity
from .i18n import t
from .search import ALL_WORD


@cache
def environment(lang: str = "vi") -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("site_templates/content")),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=False)
    env.globals["t"] = lambda key, **params: t(key, lang, **params)
    env.globals["t_in"] = lambda other, key, **params: t(key, other, **params)  # another language
    env.globals["validity"] = lambda key, **params: validity(key, lang, **params)
    env.globals["srcset"] = srcset
    env.globals["ALL_WORD"] = ALL_WORD  # the search word on every product page (search/build.py)
    return env


def srcset(photo: Any, kind: str, root: str) -> str:
    """``srcset`` of a photo set, each URL relative to the page (``root`` leads to the site root)."""
    return ", ".join(f"{root}{v.path(kind)} {v.width}w" for v in photo.variants)


def render(template: str, lang: str = "vi", **context: Any) -> str:
    """Render a content template; blank lines are removed so Markdown keeps it as one HTML block."""
    html = environment(lang).get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"


class Cards:
    """Each product's card (the ``card`` macro of content/_macros.html) as HTML, rendered once
    per product and page depth (``root``) for one build, then repeated.

    A product is a card on the pages of the products beside it (a product page shows up to 18
    related ones) and on each listing it is in, and a Jinja macro call is dear: at 5,000
    products the pages made 85,000 card calls. ``content/_card.html`` calls the very macro
    the pages called, with the page's ``root`` in the context as theirs have, so a card is the
    same text wherever it is shown; calls that change a card (``{% call card %}``, another
    photo) still call the macro. A forked page writer fills its own copy."""

    def __init__(self, lang: str, today: str) -> None:
        self.lang, self.today = lang, today
        self._made: dict[tuple[str, str], Markup] = {}

    def __call__(self, view: Any, root: str) -> Markup:
        key = (view.id, root)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Markup(environment(self.lang).get_template(
                "_card.html").render(v=view, root=root, today=self.today))
        return made
