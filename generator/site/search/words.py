"""Word-index entries without the words of the result cards' fields.

Pagefind 1.5 also indexes the words of every ``data-pagefind-meta`` field (each page entry
``[page, locations, meta locations]``): the photo's file name, the validity dates, the state
("expired"), the group's drawing ("food") and the card's summary a second time. A buyer never
searches for those; at 20,000 products they are tens of thousands of entries that only make
the chunks a query downloads bigger. :func:`text_only` keeps a word's pages where the page's
*text* holds it (the name, type, producer, place and description lines of the compact page),
drops the meta locations, and drops a word no text holds.

An entry is ``[word, pages, variants]``, a variant ``[form with marks, pages]``, a page
``[page number minus the previous one's, locations, meta locations]``. Locations are kept
byte for byte; page numbers are re-encoded as differences when a page is dropped.
"""

from __future__ import annotations

from ...errors import SearchIndexError
from .encoding import array, encode_array, encode_head, head

NO_META = encode_array([])


def text_only(entry: bytes) -> bytes | None:
    """``entry`` with only the pages whose text holds the word; None when no text does."""
    (word_at, word_end), (pages_at, _), (variants_at, _) = array(entry, 0)[0]
    pages = _pages(entry, pages_at)
    variants = []
    for variant_at, _ in array(entry, variants_at)[0]:
        (form_at, form_end), (kept_at, _) = array(entry, variant_at)[0]
        kept = _pages(entry, kept_at)
        if kept:
            variants.append(encode_array([entry[form_at:form_end], _encode(kept)]))
    if not pages and not variants:
        return None
    return encode_array([entry[word_at:word_end], _encode(pages), encode_array(variants)])


def _pages(data: bytes, pos: int) -> list[tuple[int, bytes]]:
    """(page number, encoded locations) of the pages of the array at ``pos`` with text
    locations."""
    out = []
    number = 0
    for page_at, _ in array(data, pos)[0]:
        (delta_at, _), (locations_at, locations_end), *_ = array(data, page_at)[0]
        major, delta, _ = head(data, delta_at)
        if major != 0:
            raise SearchIndexError(f"page number at byte {delta_at} is not an unsigned integer")
        number += delta
        if head(data, locations_at)[1]:  # a non-empty array of text locations
            out.append((number, data[locations_at:locations_end]))
    return out


def _encode(pages: list[tuple[int, bytes]]) -> bytes:
    out = []
    previous = 0
    for number, locations in pages:
        out.append(encode_array([encode_head(0, number - previous), locations, NO_META]))
        previous = number
    return encode_array(out)

