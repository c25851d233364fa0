"""What the search index holds of a product, from its :class:`ProductView` (the planner's hook).

The product page declares the same facets, card fields and sort keys for its readers
(``site_templates/content/product.html``: ``data-pagefind-filter``, ``data-pagefind-meta``,
``data-ocop-sort-*``); a test compares the two. The searchable words are what buyers search
for: the name (Vietnamese, English, other names), product type, group, producer, place (the
origin lines: village, current commune and province, former district), the opening of the
description; and the đ-words folded, as the page adds them (:func:`generator.textfold.d_words`).
Not the whole page: the rest of the description, packaging, standards and labels would make
every word-index chunk a query downloads bigger.
"""

from __future__ import annotations

from ..textfold import d_words
from .present import ProductView
from .search import SearchRecord


def search_record(view: ProductView) -> SearchRecord:
    """The record of ``view``'s product page."""
    product = view.product
    lines = [product.name.en or "", *product.aliases, product.product_type, product.group,
             product.subject.name if product.subject else "", *view.origin_lines]
    if not any(view.place in line for line in view.origin_lines):
        lines.append(view.place)
    lines.append(view.summary)
    return SearchRecord(
        page=view.url, sort=dict(view.sort), title=product.name.vi,
        words=tuple(line for line in lines if line), folded=d_words(view.search_text),
        filters={key: tuple(values) for key, values in view.facets.items()},
        meta=card_fields(view))


def card_fields(view: ProductView) -> dict[str, str]:
    """The result card's fields (Pagefind meta), as product.html declares them."""
    badge = view.badge
    meta = {"title": view.product.name.vi, "place": view.place, "group": view.group_icon}
    if view.card_contact.is_call:
        meta |= {"call": view.card_contact.href, "call_text": view.card_contact.text}
    if view.summary:
        meta["summary"] = view.summary
    meta |= {"state": str(badge.state), "stars": str(badge.stars),
             "current": "1" if badge.current else "0", "label": badge.label,
             "detail": badge.detail}
    if badge.valid_until:
        meta["valid_until"] = badge.valid_until
    if view.photo:
        small = view.photo.variants[0]
        meta |= {"image": small.webp, "image_size": f"{small.width}x{small.height}"}
    return meta
