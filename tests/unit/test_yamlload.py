"""The loader reads values as the officer typed them and refuses what product files never need."""

from __future__ import annotations

import unicodedata

import pytest

from generator.load.document import Document
from generator.load.yamlload import load_text, resolve_plain


def load(text: str) -> Document:
    return load_text(text, Document("p.yaml"))


@pytest.mark.parametrize(("typed", "value"), [
    ("4", 4), ("70.9", 70.9), ("true", True), ("false", False), ("~", None), ("null", None),
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("NO", "NO"),
    ("2024-01-02", "2024-01-02"), ("0905123456", "0905123456"), ("0012", "0012"),
    ("012", "012"), ("0o17", "0o17"), ("0x1F", "0x1F"), ("1_000", "1_000"),
    ("70,9", "70,9"), (".inf", ".inf"), ("4 sao", "4 sao"), ("0", 0), ("-3", -3),
])
def test_plain_scalars_follow_yaml_1_2_and_keep_codes(typed: str, value: object) -> None:
    assert resolve_plain(typed) == value
    assert type(resolve_plain(typed)) is type(value)


def test_quoted_values_are_always_text() -> None:
    doc = load('a: "4"\nb: \'true\'\nc: |\n  12\n')
    assert doc.data == {"a": "4", "b": "true", "c": "12\n"}
    assert doc.plain_text == {}


def test_plain_numbers_remember_what_was_typed() -> None:
    doc = load("code: 20857\nscore: 70.90\n")
    assert doc.plain_text == {("code",): "20857", ("score",): "70.90"}


def test_every_value_and_key_has_a_line_and_column() -> None:
    doc = load("name:\n  vi: Nước mắm\nlist:\n  - a\n  - b: 1\n")
    assert doc.value_marks[("name", "vi")] == (2, 7)
    assert doc.key_marks[("name", "vi")] == (2, 3)
    assert doc.value_marks[("list", 1, "b")] == (5, 8)
    assert doc.locate(("list", 1, "b", "missing")) == (5, 8)


@pytest.mark.parametrize(("text", "code", "line"), [
    ("a: &x 1\nb: *x\n", "yaml.alias", 1),
    ("a: 1\nb:\n  <<: {c: 2}\n", "yaml.alias", 3),
    ("a: !!binary aGVsbG8=\n", "yaml.tag", 1),
    ("a: !custom 1\n", "yaml.tag", 1),
    ("a: 1\n---\na: 2\n", "yaml.multiple_documents", 2),
    ("a: 1\nb: 2\na: 3\n", "yaml.duplicate_key", 3),
    ("? [a, b]\n: 1\n", "yaml.complex_key", 1),
    ("a:\n\tb: 1\n", "yaml.tab", 2),
    ("a:\n  - \tb\n", "yaml.tab", 2),
    ("a: [1, 2\nb: 3\n", "yaml.unclosed_bracket", 1),
    ('a: "open\nb: 2\nc: "x"\n', "yaml.unclosed_quote", 1),
    ("- a\n- b\n", "file.not_mapping", 1),
    ("just text\n", "file.not_mapping", 1),
    ("", "file.empty", 1),
    ("# only a comment\n\n", "file.empty", 1),
])
def test_refused_input_gives_one_located_finding(text: str, code: str, line: int) -> None:
    doc = load(text)
    assert doc.data is None
    assert [(f.code, f.line) for f in doc.findings] == [(code, line)]


def test_a_tab_inside_a_quoted_value_is_fine() -> None:
    assert load('a: "x\ty"\n').data == {"a": "x\ty"}


def test_nfd_text_is_normalised_and_reported_once_with_a_count() -> None:
    nfd = unicodedata.normalize("NFD", "Hòa Đông")
    doc = load(f"a: {nfd}\nb:\n  c: {nfd}\n")
    assert doc.data == {"a": "Hòa Đông", "b": {"c": "Hòa Đông"}}
    assert [(f.code, f.line, f.params["count"]) for f in doc.findings] == [("text.nfd", 1, "2")]


def test_nfd_keys_are_normalised_and_keep_their_locations() -> None:
    key = unicodedata.normalize("NFD", "tên")
    doc = load(f"{key}: 1\n")
    assert doc.data == {"tên": 1}
    assert doc.key_marks[("tên",)] == (1, 1)
