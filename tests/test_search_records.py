"""The search index made from the planner's records alone (generator/site/search_records.py,
generator/site/search/): the records say what the product pages declare, the index holds a
product's searchable words and not the rest of its page, and a finished bundle is reused from
the cache only when nothing that goes into it changed.

The catalogue is planned (``prepare``: validate and plan, no MkDocs) once; indexes are written
into empty folders, with no built site beside them.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.site.build import Prepared, prepare
from generator.site.search import BUNDLE_DIR, SearchRecord, index_site, stored
from generator.site.search.encoding import head, load
from generator.textfold import fold
from tests.conftest import TODAY
from tests.test_search_index import make_catalogue, tree

FISH = "/san-pham/nuoc-mam-tu-tai/"


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    return prepare(make_catalogue(tmp_path_factory.mktemp("records") / "repo"), TODAY)


@pytest.fixture(scope="module")
def bundle(planned: Prepared, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("index") / "site"
    index_site(site, planned.search)
    return site / BUNDLE_DIR


def decode(data: bytes, pos: int = 0) -> tuple[Any, int]:
    """The CBOR item at ``pos`` (the kinds Pagefind writes) and the position after it."""
    major, value, pos = head(data, pos)
    if major in (0, 1, 7):
        return (value if major != 1 else -1 - value), pos
    if major == 3:
        return data[pos:pos + value].decode("utf-8"), pos + value
    assert major == 4, major
    items = []
    for _ in range(value):
        item, pos = decode(data, pos)
        items.append(item)
    return items, pos


def word_pages(bundle: Path) -> dict[str, set[int]]:
    """{indexed word: numbers of the pages whose text holds it, in any spelling} (Pagefind's
    word index: a word typed without marks, with its spellings with marks as variants)."""
    out: dict[str, set[int]] = {}
    for path in sorted((bundle / "index").glob("*.pf_index")):
        (words,), _ = decode(load(path))
        for word, pages, variants in words:
            found = out.setdefault(word, set())
            for listed in (pages, *(variant_pages for _, variant_pages in variants)):
                number = 0
                for delta, locations, *_ in listed:  # page numbers stored as differences
                    number += delta
                    if locations:
                        found.add(number)
    return out


def page_number(planned: Prepared, url: str) -> int:
    ordered = sorted(planned.search, key=lambda r: (r.sort["thu_tu"], r.url))
    return [record.url for record in ordered].index(url)


def declared(planned: Prepared, record: SearchRecord) -> dict[str, Any]:
    """What the product page's source declares for Pagefind and the catalogue's script."""
    source = next(f.text for f in planned.files if f.path == f"san-pham/{record.page[9:-1]}.md")
    soup = BeautifulSoup(source or "", "html.parser")
    filters: dict[str, list[str]] = {}
    for span in soup.select("[data-pagefind-filter]"):
        filters.setdefault(span["data-pagefind-filter"], []).append(span.get_text())
    holder = soup.select_one("[data-ocop-sort-ten]")
    return {"filters": {k: tuple(v) for k, v in filters.items()},
            "meta": {e["data-pagefind-meta"]: e.get_text()
                     for e in soup.select("[data-pagefind-meta]")},
            "sort": {k[len("data-ocop-sort-"):]: v for k, v in holder.attrs.items()
                     if k.startswith("data-ocop-sort-")}}


def test_records_carry_what_the_product_pages_declare(planned: Prepared) -> None:
    assert len(planned.search) == 8
    for record in planned.search:
        page = declared(planned, record)
        assert dict(record.filters) == page["filters"], record.url
        assert dict(record.meta) == page["meta"], record.url
        assert dict(record.sort) == page["sort"], record.url
        assert record.title == record.meta["title"]


def test_a_products_words_are_found_and_the_rest_of_its_page_is_not(
        planned: Prepared, bundle: Path) -> None:
    words = word_pages(bundle)
    fish = page_number(planned, FISH)
    record = next(r for r in planned.search if r.url == FISH)
    # its name, type, producer, place and opening sentence, typed without marks (Pagefind
    # strips them but keeps đ: the names' đ-words are added folded, checked below)
    for line in (record.title, record.meta["place"], *record.words):
        for word in re.findall(r"[^\W\d_]+", line):
            if "đ" not in word.lower():
                assert fish in words.get(fold(word), set()), (word, line)
    assert fish in words["dong"] and fish in words["da"]  # đ-words: "Đông", "Đà Nẵng"
    # the description past its opening sentence is not indexed
    source = next(f.text for f in planned.files if f.path == "san-pham/nuoc-mam-tu-tai.md")
    text = BeautifulSoup(source or "", "html.parser").select_one(".ocop-product").get_text(" ")
    unindexed = {w for w in re.findall(r"[a-z]+", fold(text)) if fish not in words.get(w, set())}
    assert unindexed, "the page holds more words than the index"
    # … nor the card fields that are not words a buyer types (state, photo path, dates)
    assert fish not in words.get("expired", set()) | words.get("active", set())
    assert not [w for w in words if w.startswith("media")]


def test_the_index_is_built_from_the_records_alone_and_the_same_every_time(
        planned: Prepared, bundle: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    index_site(again, reversed(planned.search))  # whatever order they are handed in
    assert tree(again / BUNDLE_DIR) == tree(bundle)


def test_a_cached_bundle_equals_a_fresh_index_and_runs_no_pagefind(
        planned: Prepared, bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    index_site(tmp_path / "first", planned.search, cache_dir=cache)
    assert tree(tmp_path / "first" / BUNDLE_DIR) == tree(bundle)
    assert len(list(cache.glob("*.tar"))) == 1

    def no_pagefind(*_: object) -> None:
        raise AssertionError("Pagefind ran although the records did not change")

    monkeypatch.setattr("generator.site.search.build.PagefindService", no_pagefind)
    index_site(tmp_path / "second", planned.search, cache_dir=cache)
    assert tree(tmp_path / "second" / BUNDLE_DIR) == tree(bundle)


def test_one_changed_product_is_indexed_afresh(
        planned: Prepared, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    index_site(tmp_path / "before", planned.search, cache_dir=cache)
    first = planned.search[0]
    changed = (replace(first, words=(*first.words, "Saphraton mới")), *planned.search[1:])
    index_site(tmp_path / "after", changed, cache_dir=cache)
    assert len(list(cache.glob("*.tar"))) == 2
    fresh = tmp_path / "fresh"
    index_site(fresh, changed)
    assert tree(tmp_path / "after" / BUNDLE_DIR) == tree(fresh / BUNDLE_DIR)
    assert tree(tmp_path / "after" / BUNDLE_DIR) != tree(tmp_path / "before" / BUNDLE_DIR)
    assert "moi" in word_pages(fresh / BUNDLE_DIR)


def test_the_cache_keeps_only_the_newest_bundles(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    for number in range(stored.KEEP + 2):
        stored.store(tmp_path / "cache", f"{number:032x}", bundle)
    kept = sorted(p.stem for p in (tmp_path / "cache").glob("*.tar"))
    assert len(kept) == stored.KEEP and f"{stored.KEEP + 1:032x}" in kept
    indexes = sorted(p.stem for p in (tmp_path / "cache").glob(f"*{stored.INDEX}"))
    assert indexes == kept  # an index goes with its tar


def _cached(cache: Path) -> tuple[Path, Path]:
    (tar,) = cache.glob("*.tar")
    return tar, tar.with_suffix(stored.INDEX)


def test_a_bundle_is_restored_by_its_index_and_the_index_must_match_its_tar(
        planned: Prepared, bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    index_site(tmp_path / "first", planned.search, cache_dir=cache)
    tar, index = _cached(cache)
    listed = stored._members(index, tar.read_bytes())
    assert listed is not None and len(listed) == sum(1 for p in bundle.rglob("*") if p.is_file())
    # the offsets noted while the tar was written are those its headers give
    assert index.read_bytes() == stored._index(tar.read_bytes())

    def no_tarfile(*_: object, **__: object) -> None:
        raise AssertionError("tarfile unpacked a bundle that has a matching index")

    with monkeypatch.context() as patch:
        patch.setattr("tarfile.TarFile.extractall", no_tarfile)
        index_site(tmp_path / "second", planned.search, cache_dir=cache)
    assert tree(tmp_path / "second" / BUNDLE_DIR) == tree(bundle)
    # an index of another tar (or of this tar, damaged) is not trusted …
    assert stored._members(index, tar.read_bytes() + b"\0") is None
    index.write_bytes(index.read_bytes().replace(b'"sha256": "', b'"sha256": "0'))
    assert stored._members(index, tar.read_bytes()) is None
    # … a tar kept without an index (an older version) is indexed when it is first used
    index.unlink()
    index_site(tmp_path / "third", planned.search, cache_dir=cache)
    assert tree(tmp_path / "third" / BUNDLE_DIR) == tree(bundle)
    assert stored._members(index, tar.read_bytes()) == listed


def test_an_index_that_names_a_file_outside_the_bundle_is_not_followed(
        planned: Prepared, bundle: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    index_site(tmp_path / "first", planned.search, cache_dir=cache)
    tar, index = _cached(cache)
    data = json.loads(index.read_bytes())
    for bad in ("../escaped.pf_fragment", "/tmp/escaped", "fragment/../../escaped", ""):
        data["files"][0][0] = bad
        index.write_text(json.dumps(data), encoding="utf-8")
        assert stored._members(index, tar.read_bytes()) is None, bad
    data["files"][0][0] = "fragment/../../escaped"
    index.write_text(json.dumps(data), encoding="utf-8")
    index_site(tmp_path / "site", planned.search, cache_dir=cache)
    assert tree(tmp_path / "site" / BUNDLE_DIR) == tree(bundle)
    assert not (tmp_path / "escaped").exists()
