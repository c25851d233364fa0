"""The word index's entries cut down to the pages' text (generator/site/search/words.py), and
the CBOR walker under it (generator/site/search/encoding.py), against plain references.

The one-pass walker replaced a call per CBOR item (8× faster over a 5,000-product index); the
references here are that earlier, obviously correct code: an item's end found by recursion,
an entry taken apart into spans and each page into its items. Entries are made at random in
Pagefind's layout ``[word, pages, variants]`` with empty and long location lists, meta
locations, numbers of every head size, and variants that lose every page.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import SearchIndexError
from generator.site.search.encoding import array, encode_array, encode_head, encode_text, end, head
from generator.site.search.words import NO_META, kept, text_only

# --- the references -------------------------------------------------------------------------


def reference_end(data: bytes, pos: int) -> int:
    major, value, pos = head(data, pos)
    if major in (2, 3):
        return pos + value
    if major in (4, 5):
        for _ in range(value * (2 if major == 5 else 1)):
            pos = reference_end(data, pos)
        return pos
    if major == 6:
        return reference_end(data, pos)
    return pos


def reference_pages(data: bytes, pos: int) -> list[tuple[int, bytes]]:
    out, number = [], 0
    for page_at, _ in array(data, pos)[0]:
        (delta_at, _), (locations_at, locations_end), *_ = array(data, page_at)[0]
        number += head(data, delta_at)[1]
        if head(data, locations_at)[1]:
            out.append((number, data[locations_at:locations_end]))
    return out


def reference_encode(pages: list[tuple[int, bytes]]) -> bytes:
    out, previous = [], 0
    for number, locations in pages:
        out.append(encode_array([encode_head(0, number - previous), locations, NO_META]))
        previous = number
    return encode_array(out)


def reference_text_only(entry: bytes) -> bytes | None:
    (word_at, word_end), (pages_at, _), (variants_at, _) = array(entry, 0)[0]
    pages = reference_pages(entry, pages_at)
    variants = []
    for variant_at, _ in array(entry, variants_at)[0]:
        (form_at, form_end), (kept_at, _) = array(entry, variant_at)[0]
        if kept_pages := reference_pages(entry, kept_at):
            variants.append(encode_array([entry[form_at:form_end], reference_encode(kept_pages)]))
    if not pages and not variants:
        return None
    return encode_array([entry[word_at:word_end], reference_encode(pages), encode_array(variants)])


# --- random entries in Pagefind's layout ----------------------------------------------------

numbers = st.sampled_from([0, 1, 23, 24, 255, 256, 65_535, 65_536, 2**32]) | st.integers(0, 5000)
locations = st.lists(numbers, max_size=40).map(
    lambda values: encode_array([encode_head(0, v) for v in values]))
page = st.tuples(numbers, locations, locations).map(
    lambda p: encode_array([encode_head(0, p[0]), p[1], p[2]]))
pages = st.lists(page, max_size=12).map(encode_array)
words = st.text(alphabet="abcdđơư", min_size=1, max_size=12)
variant = st.tuples(words, pages).map(lambda v: encode_array([encode_text(v[0]), v[1]]))
entries = st.tuples(words, pages, st.lists(variant, max_size=4)).map(
    lambda e: encode_array([encode_text(e[0]), e[1], encode_array(e[2])]))


@settings(max_examples=400, deadline=None)
@given(entries)
def test_an_entry_keeps_the_same_bytes_as_the_reference(entry: bytes) -> None:
    assert text_only(entry) == reference_text_only(entry)
    word, _, stop = kept(entry + b"\x00", 0)
    assert stop == len(entry)
    assert encode_text(word) == entry[1:stop][:len(encode_text(word))]


@settings(max_examples=300, deadline=None)
@given(st.lists(entries, min_size=1, max_size=5))
def test_the_walker_finds_each_item_end_as_the_recursion_does(items: list[bytes]) -> None:
    data = encode_array(items) + b"\x01"
    assert end(data, 0) == reference_end(data, 0) == len(data) - 1
    tagged = encode_head(6, 1) + encode_head(5, 1) + encode_text("k") + data
    assert end(tagged, 0) == reference_end(tagged, 0) == len(tagged) - 1


def test_meta_locations_go_and_a_word_only_in_meta_goes_with_them() -> None:
    only_meta = encode_array([encode_head(0, 3), encode_array([]),
                              encode_array([encode_head(0, 9)])])
    in_text = encode_array([encode_head(0, 5), encode_array([encode_head(0, 1)]),
                            encode_array([encode_head(0, 2)])])
    entry = encode_array([encode_text("mam"), encode_array([only_meta, in_text]), encode_array([])])
    assert text_only(entry) == encode_array([
        encode_text("mam"),
        encode_array([encode_array([encode_head(0, 8), encode_array([encode_head(0, 1)]),
                                    NO_META])]),
        encode_array([])])
    meta_only = encode_array([encode_text("jpg"), encode_array([only_meta]), encode_array([])])
    assert text_only(meta_only) is None


@pytest.mark.parametrize("broken", [
    encode_array([encode_text("a"), encode_array([])]),  # two items, not three
    encode_array([encode_head(0, 1), encode_array([]), encode_array([])]),  # no word
    encode_array([encode_text("a"), encode_array([encode_array([encode_text("x"),
                                                                encode_array([])])]),
                  encode_array([])]),  # a page number that is text
    encode_array([encode_text("a"), encode_array([]), encode_text("v")]),  # variants not a list
    encode_head(4, 3) + encode_text("a") + b"\x9f",  # indefinite length
])
def test_a_damaged_entry_is_a_search_index_error(broken: bytes) -> None:
    with pytest.raises(SearchIndexError):
        text_only(broken + b"\x00" * 8)
