"""generator/productfile/: files written for officers look like the example and load back
to exactly the data they were written from."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.schema import check_schema
from generator.load.document import Document
from generator.load.product import load_product
from generator.load.yamlload import load_text
from generator.productfile import (
    TO_FILL,
    Placeholder,
    area_slug,
    dump,
    file_notes,
    nfc,
    product_id,
    render,
    still_to_fill,
)
from generator.resources import subschema
from tests.conftest import ROOT

SAMPLES = sorted((ROOT / "products").glob("*/*/product.yaml"))


def load(text: str) -> Any:
    doc = load_text(text, Document("product.yaml"))
    assert doc.data is not None, [f.message() for f in doc.findings]
    # the one error allowed: the loader naming a control character the data itself holds
    errors = [f for f in doc.findings if f.is_error and f.code != "text.invisible"]
    assert not errors, [f.message() for f in doc.findings]
    return doc.data


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.parent.name)
def test_every_sample_product_is_written_back_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    preamble, others = file_notes(text)
    assert others == []
    assert dump(load_product(path, "p").data, preamble=preamble) == text


def test_the_example_style() -> None:
    data = {"sources": [{"url": "https://baoquangnam.vn/", "title": "Tin: OCOP"}],
            "id": "tieu-tien-phuoc", "processing": "processed",
            "name": {"en": "Tiên Phước pepper", "vi": "Tiêu Tiên Phước"},
            "recognitions": [{"stars": 4, "signed": "2018", "status": "superseded"},
                             {"signed": "2022-12-29", "decision": "3610/QĐ-UBND", "stars": 4,
                              "score": 70.9}],
            "origin": {"recorded": {"province": {"code": "49", "name": "Tỉnh Quảng Nam"},
                                    "scheme": "pre-2025-07"}},
            "subject": {"name": "Công ty TNHH Sơn Tiến", "contact": {"phones": ["0905123456"]}}}
    assert dump(data) == (
        "# yaml-language-server: $schema=../../../schema/product.schema.json\n"
        "# Tệp sản phẩm OCOP — xem hướng dẫn trường ở docs/field-reference.md\n"
        "id: tieu-tien-phuoc\n"
        "name:\n  vi: Tiêu Tiên Phước\n  en: Tiên Phước pepper\n"
        "processing: processed\n"
        "\n"
        "subject:\n  name: Công ty TNHH Sơn Tiến\n  contact:\n    phones:\n"
        '      - "0905123456"\n'
        "\n"
        "recognitions:\n"
        '  - signed: "2018"\n    stars: 4\n    status: superseded\n'
        "  - decision: 3610/QĐ-UBND\n    signed: 2022-12-29\n    stars: 4\n    score: 70.9\n"
        "\n"
        "origin:\n  recorded:\n    scheme: pre-2025-07\n"
        '    province: {name: Tỉnh Quảng Nam, code: "49"}\n'
        "\n"
        "sources:\n  - url: https://baoquangnam.vn/\n"
        '    title: "Tin: OCOP"\n')


@pytest.mark.parametrize(("value", "written"), [
    ("49", '"49"'), ("0905 123 456", "0905 123 456"), ("2019", '"2019"'), ("2019-05", '"2019-05"'),
    ("2019-05-04", "2019-05-04"), ("yes", '"yes"'), ("No", '"No"'), ("null", '"null"'),
    ("~", '"~"'), ("1e3", '"1e3"'), ("1_000", '"1_000"'), ("0x1F", '"0x1F"'), ("", '""'),
    (" lề", '" lề"'), ("a: b", '"a: b"'), ("a #b", '"a #b"'), ("- a", '"- a"'),
    ("«Hội An»", "«Hội An»"), ('Nói "có"', 'Nói "có"'), ("'x'", "\"'x'\""),
    ("tab\there", '"tab\\there"'), ("bell\x07", '"bell\\x07"'), ("\u2028", '"\\u2028"'),
    ("dòng 1\ndòng 2", "|-\n  dòng 1\n  dòng 2"), ("dòng 1\n", "|\n  dòng 1"),
    ("\ndòng", '"\\ndòng"'), ("a\n#b", '"a\\n#b"'),
])
def test_scalar_styles(value: str, written: str) -> None:
    text = dump({"x": value})
    assert text.split("\n", 2)[2] == f"x: {written}\n"
    assert load(text) == {"x": value}


def test_comments_and_placeholders_land_where_the_field_goes() -> None:
    data = {"id": "x", "name": {"vi": "X"}, "recognitions": [{"stars": 3}]}
    text = dump(data, comments={"recognitions[0].stars": ["TODO: kiểm tra / check"]},
                placeholders={"recognitions[0].signed": Placeholder(("TODO: ngày ký / date",)),
                              "sources": Placeholder(("TODO: nguồn / sources",),
                                                     [{"url": "https://a.vn/"}])})
    assert text.split("\n", 2)[2] == (
        "id: x\nname:\n  vi: X\n\nrecognitions:\n"
        "    # TODO: kiểm tra / check\n"
        "  - stars: 3\n"
        "    # TODO: ngày ký / date\n"
        "\n# TODO: nguồn / sources\n# sources:\n#   - url: https://a.vn/\n")
    uncommented = text.replace("# sources:", "sources:").replace("#   - url", "  - url")
    assert load(uncommented)["sources"] == [{"url": "https://a.vn/"}]


def test_placeholders_make_the_validator_list_each_missing_field() -> None:
    text = render({"id": "mam-ruoc", "name": {"vi": "Mắm ruốc"},
                   "recognitions": [{"signed": "2022", "stars": 3}],
                   "origin": {"recorded": {"scheme": "pre-2025-07",
                                           "province": {"name": "Tỉnh Quảng Nam", "code": "49"}}}})
    doc = load_text(text, Document("p.yaml"))
    found = {(f.code, f.path) for f in check_schema(doc)}
    assert found == {("schema.length", "content.description.vi"),
                     ("schema.pattern", "product_type"), ("schema.enum", "group"),
                     ("schema.enum", "processing"), ("schema.required", "sources")}
    assert "product_type: CHƯA ĐIỀN\n" in text
    assert still_to_fill(doc.data) == ["product_type", "group", "processing",
                                       "content.description", "sources"]


def test_an_example_left_as_it_is_still_fails() -> None:
    text = render({"id": "abc", "name": {"vi": "A"}})
    lines = [line[2:] if line.startswith("# ") and not line.startswith("# TODO")
             and ":" in line and not line.startswith("# yaml") and "Tệp sản phẩm" not in line
             else line for line in text.splitlines()]
    doc = load_text("\n".join(lines) + "\n", Document("p.yaml"))
    codes = {(f.code, f.path) for f in check_schema(doc)}
    assert ("schema.pattern", "sources[0].url") in codes
    assert ("schema.type", "recognitions[0].stars") in codes
    assert ("schema.pattern", "origin.recorded.province.code") in codes


def test_ids_and_areas() -> None:
    assert product_id("Tiêu Tiên Phước") == "tieu-tien-phuoc"
    assert product_id("Trà Hoa & Gừng (túi lọc)") == "tra-hoa-gung-tui-loc"
    assert product_id("x" * 50 + " " + "y" * 50) == "x" * 50
    assert area_slug("Thành phố Hội An") == "hoi-an"
    assert area_slug("TP. Hội An") == "hoi-an"
    assert area_slug("Huyện Tiên Phước") == "tien-phuoc"
    assert area_slug("Xã Tiên Sơn") == "tien-son"


# --- property: whatever the data, the file loads back to it ----------------------------------

TEXT = st.text(max_size=20).map(lambda s: unicodedata.normalize("NFC", s))
SCALARS = st.one_of(TEXT, st.integers(), st.booleans(), st.none(),
                    st.floats(allow_nan=False, allow_infinity=False))
TREES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)), max_leaves=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(TEXT, TREES, min_size=1, max_size=5))
def test_any_data_loads_back_unchanged(data: dict[str, Any]) -> None:
    assert load(dump(data)) == data


def _text(min_size: int, max_size: int, *, lines: bool = False) -> st.SearchStrategy[str]:
    alphabet = st.characters(codec="utf-8", exclude_characters="" if lines else "\n")
    return (st.text(alphabet, min_size=min_size, max_size=max_size)
            .map(lambda s: unicodedata.normalize("NFC", s))
            .filter(lambda s: min_size <= len(s) <= max_size))


def _enum(*path: str | int) -> st.SearchStrategy[str]:
    return st.sampled_from(subschema(path)["enum"])


def _regex(pattern: str) -> st.SearchStrategy[str]:
    return st.from_regex(pattern, fullmatch=True).map(lambda s: unicodedata.normalize("NFC", s))


UNIT = st.fixed_dictionaries({"name": _text(1, 40)}, optional={"code": _regex(r"[0-9]{2,5}")})
PRODUCTS = st.fixed_dictionaries(
    {"id": _regex(r"[a-z0-9]{3,12}(-[a-z0-9]{1,8}){0,3}"),
     "name": st.fixed_dictionaries({"vi": _text(1, 60)}, optional={"en": _text(1, 60)}),
     "product_type": _text(2, 30).filter(lambda s: not any(c in s for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")),
     "group": _enum("group"), "processing": _enum("processing"),
     "recognitions": st.lists(st.fixed_dictionaries(
         {"signed": _regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"), "stars": st.integers(3, 5)},
         optional={"decision": _regex(r"[0-9]{1,4}/QĐ-UBND"), "status": _enum(
             "recognitions", 0, "status").filter(lambda s: s != "revoked"),
             "score": st.floats(0, 100), "note": _text(0, 80)}), min_size=1, max_size=3),
     "origin": st.fixed_dictionaries({"recorded": st.fixed_dictionaries(
         {"scheme": st.just("pre-2025-07"), "province": UNIT},
         optional={"district": UNIT, "commune": UNIT, "village": _text(1, 30)})},
         optional={"coordinates": st.fixed_dictionaries({"lat": st.floats(8, 24),
                                                         "lon": st.floats(102, 118)})}),
     "content": st.fixed_dictionaries({"description": st.fixed_dictionaries(
         {"vi": _text(1, 300, lines=True)}, optional={"en": _text(1, 300, lines=True)})}),
     "sources": st.lists(st.fixed_dictionaries(
         {"url": _regex(r"https?://[a-zA-Z0-9./?=&%-]{1,60}")}, optional={"title": _text(0, 80)}),
         min_size=1, max_size=3)},
    optional={"subject": st.fixed_dictionaries(
        {"name": _text(1, 60)}, optional={"legal_form": _enum("subject", "legal_form"),
                                          "contact": st.fixed_dictionaries({"phones": st.lists(
                                              _regex(r"0[0-9]{3} [0-9]{3} [0-9]{3}"),
                                              min_size=1, max_size=2, unique=True)})}),
        "aliases": st.lists(_text(1, 40), min_size=1, max_size=3, unique=True)})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PRODUCTS)
def test_valid_products_load_back_unchanged_and_pass_the_schema(data: dict[str, Any]) -> None:
    doc = load_text(dump(data), Document("product.yaml"))
    assert doc.data == nfc(data)
    assert [f.message() for f in check_schema(doc)] == []


def test_placeholder_value_is_what_the_docs_say() -> None:
    assert TO_FILL == "CHƯA ĐIỀN"
