"""The exporter's contract: one function for products and events, CSV for spreadsheets, and
the licence setting."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cache import CACHE_DIR, build_folder, is_kept
from generator.opendata.columns import Column
from generator.opendata.csvfile import cell, csv_text
from generator.opendata.export import (
    OpenData,
    Published,
    _json,
    _json_with_list,
    compact_json,
    export,
)
from generator.site.config import PROPOSED_LICENCE, ConfigError, from_mkdocs, load
from tests.conftest import ROOT, TODAY

BASE: dict[str, Any] = {"site_name": "OCOP", "site_url": "https://example.org/",
                        "extra": {"ocop": {"region": "Quảng Nam", "publisher": "VP OCOP"}}}
EVENT = {"id": "ngay-hoi-quang-nam-da-nang-2023", "name": {"vi": "Ngày hội sản phẩm Quảng Nam"},
         "start": "2023-05-11", "end": "2023-05-14"}


def _paths(data: OpenData) -> set[str]:
    return {f.path for f in data.files}


def test_without_events_no_events_file_is_written(shipped: OpenData) -> None:
    assert not any("su-kien" in path for path in _paths(shipped))
    assert "du-lieu/datapackage.json" in _paths(shipped)


def test_events_are_listed_when_there_are_some(shipped_products: list[Published]) -> None:
    config = from_mkdocs(BASE)
    columns = (Column("id", "string", "Mã", "Id", lambda r: r["id"]),
               Column("start", "date", "Bắt đầu", "Start", lambda r: r["start"]))
    data = export(shipped_products[:2], [EVENT], config=config, today=TODAY,
                  event_columns=columns)
    files = {f.path: f for f in data.files}
    assert json.loads(files["du-lieu/su-kien.json"].content or "")["events"] == [EVENT]
    assert files["du-lieu/su-kien.csv"].content == "\ufeffid,start\r\n" \
        "ngay-hoi-quang-nam-da-nang-2023,2023-05-11\r\n"
    names = [r["name"] for r in data.descriptor["resources"]]
    assert names == ["san-pham-json", "san-pham-csv", "su-kien-json", "su-kien-csv"]


def test_records_are_published_beside_the_pages(shipped: OpenData) -> None:
    count, total, example = shipped.records
    singles = [p for p in _paths(shipped) if p.startswith("san-pham/")]
    assert count == len(singles) > 50 and total > 0
    assert example in singles and all(p.endswith(".json") and p.count("/") == 1 for p in singles)


@pytest.mark.parametrize(("value", "written"), [
    (None, ""), (True, "true"), (70.9, "70.9"), (4, "4"), ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
    ("+84 905", "'+84 905"), ("-5", "-5"), ("@cmd", "'@cmd"), ("Tiêu Tiên Phước", "Tiêu Tiên Phước"),
])
def test_cells_are_plain_text_never_a_formula(value: Any, written: str) -> None:
    assert cell(value) == written


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    columns = (Column("name", "string", "Tên", "Name", lambda r: r["name"]),)
    names = ['Gốm "Thanh Hà", men xanh', "Hai\ndòng"]
    text = csv_text(columns, [{"name": n} for n in names])
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows == [["name"], *([n] for n in names)]


def test_the_licence_defaults_to_the_unconfirmed_proposal() -> None:
    assert from_mkdocs(BASE).licence == PROPOSED_LICENCE
    assert PROPOSED_LICENCE.confirmed is False


def test_a_confirmed_licence_is_read_and_no_longer_called_a_proposal(
        shipped_products: list[Published]) -> None:
    ocop = {**BASE["extra"]["ocop"], "licence": {
        "name": "CC0-1.0", "title": "CC0 1.0", "confirmed": True,
        "path": "https://creativecommons.org/publicdomain/zero/1.0/"}}
    config = from_mkdocs({**BASE, "extra": {"ocop": ocop}})
    assert config.licence.confirmed and config.licence.name == "CC0-1.0"
    data = export(shipped_products[:1], config=config, today=TODAY)
    assert data.descriptor["licenses"] == [{"name": "CC0-1.0", "title": "CC0 1.0",
                                            "path": ocop["licence"]["path"]}]


@pytest.mark.parametrize(("licence", "message"), [
    ("CC-BY-4.0", "là một khối"),
    ({"name": "CC-BY-4.0", "title": "x", "path": "creativecommons.org"}, "path"),
    ({"name": "CC-BY-4.0", "title": "x", "path": "https://x.org/", "confirmed": "có"},
     "confirmed"),
    ({"name": "CC-BY-4.0", "path": "https://x.org/"}, "title"),
    ({"name": "x", "title": "x", "path": "https://x.org/", "chosen": True}, "chosen"),
])
def test_licence_settings_are_validated(licence: Any, message: str) -> None:
    ocop = {**BASE["extra"]["ocop"], "licence": licence}
    with pytest.raises(ConfigError, match=message):
        from_mkdocs({**BASE, "extra": {"ocop": ocop}})


def test_the_shipped_settings_propose_cc_by_without_claiming_a_choice() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "confirmed: false" in text and "PLACEHOLDER" in text


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(head=st.dictionaries(st.text(max_size=8).filter(lambda k: k != "items"), JSON_VALUES,
                            max_size=4),
       items=st.lists(JSON_VALUES, max_size=5))
def test_a_table_made_from_its_records_texts_is_what_json_dumps_writes(
        head: dict[str, Any], items: list[Any]) -> None:
    """The products table reuses each record's own text (export._json_with_list): byte for
    byte what dumping the whole table gives, newlines and nesting included."""
    texts = [_json(item) for item in items]
    assert _json_with_list(head, "items", texts) == _json({**head, "items": items})


def test_record_texts_kept_by_their_compact_json_give_the_same_files(
        shipped_products: list[Published]) -> None:
    """The site keeps each record's text under its compact JSON (generator/site/opendata.py):
    a second export makes none again, and one changed product makes only its own."""
    config, kept, made = load(ROOT), {}, []

    def record_text(compact: str, make: Callable[[], str]) -> str:
        if compact not in kept:
            made.append(compact)
            kept[compact] = make()
        return kept[compact]

    plain = export(shipped_products, config=config, today=TODAY)
    first = export(shipped_products, config=config, today=TODAY, record_text=record_text)
    assert [(f.path, f.content) for f in first.files] == [(f.path, f.content) for f in plain.files]
    assert len(made) == len(shipped_products)
    made.clear()
    export(shipped_products, config=config, today=TODAY, record_text=record_text)
    assert made == []
    one = shipped_products[0].product
    changed = [Published(replace(one, product_type=one.product_type + " (mới)")),
               *shipped_products[1:]]
    again = export(changed, config=config, today=TODAY, record_text=record_text)
    assert [json.loads(m)["id"] for m in made] == [one.id]
    fresh = export(changed, config=config, today=TODAY)
    assert [(f.path, f.content) for f in again.files] == [(f.path, f.content) for f in fresh.files]


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=12),
       st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=12))
@settings(max_examples=300, deadline=None)
def test_the_compact_json_is_the_same_exactly_when_the_published_text_is(
        a: Any, b: Any) -> None:
    assert (compact_json(a) == compact_json(b)) == (_json(a) == _json(b))


def _bytes(data: OpenData) -> dict[str, bytes]:
    return {f.path: f.content.encode("utf-8") if f.content is not None
            else f.source.read_bytes() for f in data.files if f.source or f.content is not None}


def test_written_as_made_the_files_are_those_kept_in_memory(
        shipped_products: list[Published], tmp_path: Path) -> None:
    """With a folder (a build), each record, san-pham.json and san-pham.csv are written as
    they are made: the same bytes, sizes and page facts as the texts kept in memory."""
    config = load(ROOT)
    kept = export(shipped_products, [EVENT], config=config, today=TODAY)
    written = export(shipped_products, [EVENT], config=config, today=TODAY, folder=tmp_path)
    assert [f.path for f in written.files] == [f.path for f in kept.files]
    assert _bytes(written) == _bytes(kept)
    assert written.records == kept.records and written.resources == kept.resources
    big = {f.path: f for f in written.files}
    for path in ("du-lieu/san-pham.json", "du-lieu/san-pham.csv",
                 f"san-pham/{shipped_products[0].product.id}.json"):
        assert big[path].content is None and big[path].source == tmp_path / path


def test_an_empty_catalogue_written_as_made_is_the_one_kept_in_memory(tmp_path: Path) -> None:
    config = load(ROOT)
    kept = export([], config=config, today=TODAY)
    assert _bytes(export([], config=config, today=TODAY, folder=tmp_path)) == _bytes(kept)
    assert json.loads(_bytes(kept)["du-lieu/san-pham.json"])["products"] == []


def test_each_build_writes_a_new_folder_and_the_old_ones_go(tmp_path: Path) -> None:
    caches = tmp_path / CACHE_DIR
    first = build_folder(caches / "opendata")
    assert first is not None
    (first / "du-lieu").mkdir()
    (first / "du-lieu" / "san-pham.json").write_text("{}", encoding="utf-8")
    second = build_folder(caches / "opendata")
    assert second is not None and second != first
    for _ in range(100):  # deleted by a detached rm
        if not first.exists():
            break
        time.sleep(0.05)
    assert not first.exists()
    assert list(second.iterdir()) == [] and is_kept(second / "du-lieu" / "san-pham.json")
    assert not is_kept(tmp_path / "products" / "a" / "photo.jpg")


def test_without_a_writable_cache_the_files_stay_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    assert build_folder(blocked / "opendata") is None
