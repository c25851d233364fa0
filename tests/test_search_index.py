"""The Pagefind index the build writes (generator/site/search/), read back without a browser.

A small catalogue — eight real product folders copied from products/ — is built once; the tests
decode Pagefind's files (gzip + "pagefind_dcd" + CBOR or JSON) and check what the catalogue page
relies on: only product pages, every facet with the right counts, the sort keys in Vietnamese
order, the đ-folded words of the names, small files, and the same bytes on every run.
"""

from __future__ import annotations

import gzip
import json
import shutil
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.adapters import engine
from generator.site.build import prepare
from generator.site.collate import sort_key
from generator.site.search import ALL_WORD, BUNDLE_DIR, SearchRecord, index_site
from generator.site.search.encoding import array as _array
from generator.site.search.encoding import load as _load
from generator.site.search.encoding import text as _text
from generator.site.search.index import canonicalize
from generator.site.search.service import UNUSED
from generator.textfold import fold
from tests.conftest import ROOT, TODAY

PRODUCTS = (
    "hoi-an/nuoc-mam-tu-tai",
    "duy-xuyen/nuoc-mam-duy-trinh",
    "dong-giang/che-day-za-reh",
    "dong-giang/ruou-ta-vac",
    "dong-giang/tra-hoa-hong",
    "bac-tra-my/den-my-nghe-que-thai-hoa",
    "bac-tra-my/tinh-dau-que-tra-my-minh-phuc",
    "dai-loc/siro-dua-khe-hoa",
)
FILTER_KEYS = {"sao", "hieu_luc", "nhom", "loai", "huyen_cu", "xa", "tinh", "tieu_chuan",
               "loai_hinh", "che_bien"}
# data-ocop-sort-<key> on product pages; "thu_tu" (current first, then by name) = page order
SORT_KEYS = {"thu_tu", "ten", "sao", "ngay"}


def make_catalogue(root: Path, products: tuple[str, ...] = PRODUCTS) -> Path:
    """A catalogue root holding ``products`` (folders of products/), mkdocs.yml and docs/."""
    for folder in products:
        shutil.copytree(ROOT / "products" / folder, root / "products" / folder)
    shutil.copytree(ROOT / "docs", root / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir: site_templates" in config
    (root / "mkdocs.yml").write_text(
        config.replace("custom_dir: site_templates", f"custom_dir: {ROOT / 'site_templates'}"),
        encoding="utf-8")
    return root


def build(root: Path) -> Path:
    assert engine.build(root, today=TODAY) == 0
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(make_catalogue(tmp_path_factory.mktemp("search") / "repo"))


@pytest.fixture(scope="module")
def records(site: Path) -> tuple[SearchRecord, ...]:
    """What the page planner hands the indexer for this catalogue (as in the build)."""
    return prepare(site.parent, TODAY).search


# --- reading Pagefind's files ---------------------------------------------------------------

def entry(site: Path) -> dict:
    return json.loads((site / BUNDLE_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))


def meta_parts(site: Path) -> tuple[bytes, list[tuple[int, int]]]:
    name = entry(site)["languages"]["vi"]["hash"]
    data = _load(site / BUNDLE_DIR / f"pagefind.{name}.pf_meta")
    return data, _array(data, 0)[0]


def pages(site: Path) -> list[dict]:
    """The fragment (url, content, meta) of every indexed page, in Pagefind's page order."""
    data, parts = meta_parts(site)
    out = []
    for start, _ in _array(data, parts[1][0])[0]:
        fragment_hash = _text(data, _array(data, start)[0][0][0])
        raw = gzip.decompress((site / BUNDLE_DIR / "fragment" / f"{fragment_hash}.pf_fragment")
                              .read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        out.append(json.loads(raw[len(b"pagefind_dcd"):]))
    return out


def filters(site: Path) -> dict[str, dict[str, int]]:
    """{filter: {value: number of pages}} decoded from the filter files the metadata names."""
    data, parts = meta_parts(site)
    out: dict[str, dict[str, int]] = {}
    for start, _ in _array(data, parts[3][0])[0]:
        (name_at, _), (hash_at, _) = _array(data, start)[0]
        body = _load(site / BUNDLE_DIR / "filter" / f"{_text(data, hash_at)}.pf_filter")
        _name, (values_at, _) = _array(body, 0)[0]
        counts = {}
        for value_at, _ in _array(body, values_at)[0]:
            (text_at, _), (pages_at, _) = _array(body, value_at)[0]
            counts[_text(body, text_at)] = len(_array(body, pages_at)[0])
        out[_text(data, name_at)] = counts
    return out


def pagefind_sorts(site: Path) -> list[str]:
    data, parts = meta_parts(site)
    return [_text(data, _array(data, start)[0][0][0]) for start, _ in _array(data, parts[4][0])[0]]


def sort_values(site: Path) -> dict[str, dict[str, str]]:
    """{URL: {sort key: value}} as the product pages declare them."""
    out = {}
    for path in sorted((site / "san-pham").glob("*/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        holder = soup.select_one("[data-ocop-sort-ten]")
        out[f"/san-pham/{path.parent.name}/"] = {
            name[len("data-ocop-sort-"):]: value for name, value in holder.attrs.items()
            if name.startswith("data-ocop-sort-")}
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def html_facets(site: Path) -> dict[str, Counter[str]]:
    """What the product pages declare with data-pagefind-filter (the expected counts)."""
    out: dict[str, Counter[str]] = {}
    for page in sorted((site / "san-pham").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for span in soup.select("[data-pagefind-filter]"):
            out.setdefault(span["data-pagefind-filter"], Counter())[span.get_text()] += 1
    return out


# --- tests ------------------------------------------------------------------------------------

def test_the_bundle_has_what_the_catalogue_page_loads_and_nothing_unused(site: Path) -> None:
    bundle = site / BUNDLE_DIR
    info = entry(site)
    assert info["version"] == "1.5.2"
    assert list(info["languages"]) == ["vi"]  # forced: one index, whatever a page declares
    assert info["languages"]["vi"]["page_count"] == len(PRODUCTS)
    for name in ("pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"):
        assert (bundle / name).is_file(), name
    assert len(list(bundle.glob("pagefind.vi_*.pf_meta"))) == 1
    assert len(list((bundle / "fragment").rglob("*.pf_fragment"))) == len(PRODUCTS)
    assert list((bundle / "index").glob("*.pf_index"))
    assert not [name for name in UNUSED if (bundle / name).exists()]


def test_fragments_have_short_names_that_change_with_the_build(
        site: Path, records: tuple[SearchRecord, ...], tmp_path: Path) -> None:
    """The metadata file (downloaded by every first search) lists every fragment by name:
    short sequential names under one build hash halve it at 20,000 products."""
    data, parts = meta_parts(site)
    names = [_text(data, _array(data, start)[0][0][0]) for start, _ in _array(data, parts[1][0])[0]]
    builds = {name.split("/")[0] for name in names}
    assert len(builds) == 1 and len(builds.pop()) == 8
    assert [name.split("/")[1] for name in names] == [
        "0123456789abcdefghijklmnopqrstuvwxyz"[n] for n in range(len(PRODUCTS))]
    fragments = site / BUNDLE_DIR / "fragment"
    assert sorted(p.relative_to(fragments).as_posix() for p in fragments.rglob("*.pf_fragment")) \
        == sorted(f"{name}.pf_fragment" for name in names)
    # one product's text changes: every fragment address changes with it (no stale cache mix)
    changed = tmp_path / "site"
    first = records[0]
    edited = (replace(first, title=first.title + " mới"), *records[1:])
    index_site(changed, edited)
    data, parts = meta_parts(changed)
    renamed = [_text(data, _array(data, start)[0][0][0]) for start, _ in _array(data, parts[1][0])[0]]
    assert len(renamed) == len(names)
    assert not set(renamed) & set(names)


def test_only_product_pages_are_indexed(site: Path) -> None:
    urls = sorted(page["url"] for page in pages(site))
    assert urls == sorted(f"/san-pham/{folder.split('/')[1]}/" for folder in PRODUCTS)


def test_every_facet_is_a_filter_with_the_counts_of_the_pages(site: Path) -> None:
    found = filters(site)
    expected = html_facets(site)
    assert set(expected) == FILTER_KEYS  # the fixture exercises every facet
    assert set(found) == FILTER_KEYS
    for key in FILTER_KEYS:
        assert found[key] == dict(expected[key]), key
    # and a few by hand, so the test does not only compare the build with itself
    assert found["loai"]["nước mắm"] == 2
    assert found["huyen_cu"]["Huyện Đông Giang"] == 3
    assert found["tinh"] == {"Thành phố Đà Nẵng": len(PRODUCTS)}
    assert found["tieu_chuan"] == {"Chỉ dẫn địa lý": 1}
    assert sum(found["sao"].values()) == len(PRODUCTS)


def test_sorts_are_page_order_and_rank_files_not_pagefind_sorts(site: Path) -> None:
    """Pagefind keeps each sort as a permutation of all pages in the metadata every search
    downloads; ours are page order (current first, each part by name) and small rank files
    fetched when chosen."""
    assert pagefind_sorts(site) == []
    indexed = pages(site)
    declared = sort_values(site)
    assert all(set(values) == SORT_KEYS for values in declared.values())
    order = [(declared[page["url"]]["thu_tu"][0], page["meta"]["title"]) for page in indexed]
    assert order == sorted(order, key=lambda item: (item[0], sort_key(item[1])))
    assert [rank for rank, _ in order] == sorted(
        "0" if page["meta"]["current"] == "1" else "1" if page["meta"]["state"] == "uncertain"
        else "2" for page in indexed)
    by_name = sorted((title for _, title in order), key=sort_key)
    assert by_name.index("Đèn mỹ nghệ quế Thái Hòa") > by_name.index("Chè dây Za Reh")  # đ after d
    for key in SORT_KEYS - {"thu_tu"}:
        ranks = json.loads((site / BUNDLE_DIR / f"ocop-sort-{key}.json").read_text(encoding="utf-8"))
        values = [declared[page["url"]][key] for page in indexed]
        assert len(ranks) == len(indexed)
        # same order as the values themselves, page by page
        assert all((ranks[a] < ranks[b]) == (values[a] < values[b])
                   for a in range(len(values)) for b in range(len(values))), key
    # sao: current stars (0 when not valid today)
    assert [declared[p["url"]]["sao"] for p in indexed] == [
        p["meta"]["stars"] if p["meta"]["current"] == "1" else "0" for p in indexed]


def test_the_planner_hands_forward_the_sort_keys_the_pages_declare(
        site: Path, records: tuple[SearchRecord, ...]) -> None:
    """The indexer takes each page's sort keys from the planner, not from the built HTML:
    they are the values the page shows, one record per product page."""
    assert {record.url: dict(record.sort) for record in records} == sort_values(site)
    assert [record.file for record in records] == [
        f"{record.page}index.html" for record in records]
    assert all((site / record.file).is_file() for record in records)


def test_pages_carry_the_folded_names_and_card_metadata_but_not_their_neighbours(site: Path) -> None:
    by_url = {page["url"]: page for page in pages(site)}
    fish = by_url["/san-pham/nuoc-mam-tu-tai/"]
    assert fish["meta"]["title"] == "Nước mắm Tư Tài"
    # Pagefind strips tone marks itself ("nuoc mam" finds "Nước mắm"); đ it keeps, so pages
    # add their đ-words folded, and only those
    def added(page: dict) -> list[str]:
        return page["content"].split("zzocop", 1)[1].strip(" .").split()

    assert added(fish) == ["dong", "da"]  # Phường Hội An Đông, Thành phố Đà Nẵng
    assert "nuoc" not in fish["content"]
    assert added(by_url["/san-pham/den-my-nghe-que-thai-hoa/"])[0] == "den"  # Đèn mỹ nghệ
    assert set(fish["meta"]) >= {"title", "place", "state", "stars", "current", "label", "detail",
                                 "image", "image_size"}
    image = fish["meta"]["image"]
    assert image.startswith("media/") and (site / image).is_file()  # relative to the site root
    html = BeautifulSoup((site / "san-pham/nuoc-mam-tu-tai/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    name_key = html.select_one("[data-ocop-sort-ten]")["data-ocop-sort-ten"]
    assert name_key not in fish["content"]  # sort keys and metadata are not searchable words
    assert "expired" not in fish["content"]
    tea = by_url["/san-pham/tra-hoa-hong/"]
    assert "Đông Giang" in tea["content"] and "dong" in added(tea)  # "dong giang" finds it


def test_cards_of_other_products_are_not_indexed_with_a_page(site: Path) -> None:
    """A page lists related products; their names must not make it a result for them."""
    checked = 0
    for page in pages(site):
        html = (site / page["url"].strip("/") / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        own = soup.select_one("h1").get_text()
        for name in {e.get_text() for e in soup.select(".ocop-related .ocop-card__name")}:
            if name not in own:
                assert name not in page["content"], (page["url"], name)
                checked += 1
        assert soup.select_one(".ocop-share") and "Quét" not in page["content"]  # the QR box
    assert checked >= len(PRODUCTS)


def test_every_product_carries_the_word_that_finds_them_all(site: Path) -> None:
    """catalogue.js searches this word for views without words: Pagefind would otherwise fetch
    its whole word index (measured: 5 MB at 20,000 products) for a filter-only view."""
    catalogue = BeautifulSoup((site / "danh-muc" / "index.html").read_text(encoding="utf-8"),
                              "html.parser")
    token = catalogue.select_one("#ocop-catalogue")["data-all-token"]
    assert token == ALL_WORD and token == fold(token) and " " not in token
    for page in pages(site):
        assert page["content"].split().count(token) == 1, page["url"]
        assert token not in page["meta"]["title"]


def test_the_index_is_small(site: Path) -> None:
    bundle = site / BUNDLE_DIR
    data = {p: p.stat().st_size for p in bundle.rglob("*.pf_*")}
    fragments = [size for p, size in data.items() if p.suffix == ".pf_fragment"]
    assert max(fragments) < 4_000, "a result should cost one small fragment"
    assert sum(size for p, size in data.items() if p.suffix == ".pf_filter") < 4_000
    assert sum(data.values()) < 60_000, sorted(data.items(), key=lambda i: -i[1])[:5]
    # the whole bundle, JavaScript and WebAssembly included, stays under 200 KB
    assert sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) < 200_000


def copy_in_reverse(source: Path, target: Path) -> None:
    """Copy a tree creating its entries in reverse order, so directory listings differ."""
    for path in sorted(source.rglob("*"), reverse=True):
        if BUNDLE_DIR in path.relative_to(source).parts:
            continue
        destination = target / path.relative_to(source)
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def test_indexing_again_gives_the_same_bytes(
        site: Path, records: tuple[SearchRecord, ...], tmp_path: Path) -> None:
    """Pagefind writes filters in hash-map order and numbers pages in directory order;
    canonicalize() and adding pages in name order make the output depend on the site only."""
    first = tree(site / BUNDLE_DIR)
    for run in range(3):
        again = tmp_path / f"run{run}"
        shutil.copytree(site, again, ignore=shutil.ignore_patterns(BUNDLE_DIR))
        index_site(again, records)
        assert tree(again / BUNDLE_DIR) == first
    # On tmpfs a directory lists its entries in creation order (ext4: in name-hash order), so
    # a copy made backwards lists pages in another order; `pagefind --site` numbered them so.
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else tmp_path) as folder:
        backwards = Path(folder) / "site"
        copy_in_reverse(site, backwards)
        index_site(backwards, records)
        assert tree(backwards / BUNDLE_DIR) == first


def test_pages_are_numbered_in_vietnamese_name_order(site: Path) -> None:
    titles = [page["meta"]["title"] for page in pages(site)]
    assert titles == sorted(titles, key=sort_key)


def test_canonicalize_is_idempotent(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "bundle"
    shutil.copytree(site / BUNDLE_DIR, copy)
    canonicalize(copy)
    assert tree(copy) == tree(site / BUNDLE_DIR)


def test_chunks_are_never_cut_inside_a_shared_three_letter_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word that *is* the prefix ("tra") and the words it starts ("trai", "trang") stay in one
    chunk, else Pagefind finds "tra" in one chunk and never loads the next (a real miss seen when
    the shipped data gained words)."""
    from generator.site.search import index

    monkeypatch.setattr(index, "CHUNK_BYTES", 1)
    words = ["tong", "tra", "trai", "trang", "tren", "tri", "tu"]
    chunks = index._cut([(w, b"x") for w in words])
    assert [[w for w, _ in c] for c in chunks] == [["tong"], ["tra", "trai", "trang"], ["tren"],
                                                     ["tri"], ["tu"]]
