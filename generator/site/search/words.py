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
from .encoding import encode_array, encode_head, end, head

NO_META = encode_array([])


def text_only(entry: bytes) -> bytes | None:
    """``entry`` with only the pages whose text holds the word; None when no text does."""
    return kept(entry, 0)[1]


def kept(data: bytes, pos: int) -> tuple[str, bytes | None, int]:
    """The word of the entry at ``pos``, the entry as :func:`text_only` keeps it (or None),
    and the position after it: one pass over the entry's bytes."""
    count, pos = _array_head(data, pos, "a word entry")
    if count != 3:
        raise SearchIndexError(f"a word entry of {count} items at byte {pos}")
    major, size, start = head(data, pos)
    if major != 3:
        raise SearchIndexError(f"expected the word, a text string, at byte {pos}")
    word_item = data[pos:start + size]
    word = data[start:start + size].decode("utf-8")
    pages, pos = _pages(data, start + size)
    variants = []
    count, pos = _array_head(data, pos, "the variants")
    for _ in range(count):
        items, pos = _array_head(data, pos, "a variant")
        if items != 2:
            raise SearchIndexError(f"a variant of {items} items at byte {pos}")
        form_at, pos = pos, end(data, pos)
        form = data[form_at:pos]
        variant_pages, pos = _pages(data, pos)
        if variant_pages:
            variants.append(encode_array([form, _encode(variant_pages)]))
    if not pages and not variants:
        return word, None, pos
    return word, encode_array([word_item, _encode(pages), encode_array(variants)]), pos


def _array_head(data: bytes, pos: int, what: str) -> tuple[int, int]:
    major, count, after = head(data, pos)
    if major != 4:
        raise SearchIndexError(f"expected {what}, a CBOR array, at byte {pos}")
    return count, after


def _pages(data: bytes, pos: int) -> tuple[list[tuple[int, bytes]], int]:
    """(page number, encoded locations) of the pages of the array at ``pos`` with text
    locations, and the position after the array."""
    out = []
    number = 0
    count, pos = _array_head(data, pos, "a page list")
    for _ in range(count):
        items, pos = _array_head(data, pos, "a page")
        if items < 2:
            raise SearchIndexError(f"a page of {items} items at byte {pos}")
        major, delta, locations_at = head(data, pos)
        if major != 0:
            raise SearchIndexError(f"page number at byte {pos} is not an unsigned integer")
        number += delta
        pos = end(data, locations_at)
        if head(data, locations_at)[1]:  # a non-empty array of text locations
            out.append((number, data[locations_at:pos]))
        for _ in range(items - 2):  # the meta locations
            pos = end(data, pos)
    return out, pos


def _encode(pages: list[tuple[int, bytes]]) -> bytes:
    out = []
    previous = 0
    for number, locations in pages:
        out.append(encode_array([encode_head(0, number - previous), locations, NO_META]))
        previous = number
    return encode_array(out)
