"""The small page Pagefind indexes for a product: what buyers search for, not the whole page.

Built from a :class:`generator.site.search.build.SearchRecord` alone (the planner's data), never
from the built product page. It keeps what the product page gave Pagefind: the name as the
heading (Pagefind weighs an ``h1`` above text), the card's fields (``data-pagefind-meta``), the
facets (``data-pagefind-filter``) and, at half weight, the word on every product page
(:data:`ALL_WORD`) and the đ-words folded. The other lines (English name, other names, product
type, group, producer, origin, the description's opening) are plain paragraphs.

Everything is taken from :meth:`SearchRecord.as_data`, the very data the search cache's key
hashes: the same key always means the same pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

#: The word every product page carries (product.html); catalogue.js searches it for views without
#: words: Pagefind answers a search *without* words by fetching its whole word index.
ALL_WORD = "zzocop"


def compact_page(data: Mapping[str, Any]) -> str:
    """The HTML Pagefind indexes for the record ``data`` (:meth:`SearchRecord.as_data`)."""
    lines = "".join(f"<p>{escape(line)}</p>" for line in data["words"] if line)
    hidden = "".join(f'<span data-pagefind-filter="{escape(key)}">{escape(value)}</span>'
                     for key, values in data["filters"].items() for value in values)
    hidden += "".join(f'<span data-pagefind-meta="{escape(key)}">{escape(value)}</span>'
                      for key, value in data["meta"].items() if key != "title")
    return (f'<!doctype html><html lang="vi"><body><article data-pagefind-body>'
            f'<h1 data-pagefind-meta="title">{escape(data["title"])}</h1>{lines}'
            f"<div hidden data-pagefind-ignore>{hidden}</div>"
            f'<div hidden data-pagefind-weight="0.5">{ALL_WORD} {escape(data["folded"])}</div>'
            "</article></body></html>")
