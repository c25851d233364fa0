"""The quick reader (libyaml's node tree) and the event reader give the same document.

Product files are read the quick way whenever they hold no anchor, alias, tag or merge key;
anything the quick way does not accept falls back to the event way. Either way the officer
must see the same data, the same lines and columns and the same findings, so every file the
project ships or tests with, and some awkward texts, are read both ways and compared.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import generator.load.yamlnodes as yamlnodes
from generator.load.document import Document
from generator.load.yamlload import load_text
from tests.test_properties import damaged

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [*ROOT.glob("products/**/*.yaml"), *ROOT.glob("tests/corpus/**/*.yaml")],
    key=str,
)
NFD = unicodedata.normalize("NFD", "Nước mắm Hòa Đông")

AWKWARD = {
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "duplicate nested key": "a:\n  b: 1\n  b: 2\n",
    "complex key": "? [a, b]\n: 1\n",
    "comment cut": "name: Trà #1 loại đặc biệt\nnote: ok # a real comment\n",
    "hash without space": "a: C#sharp\n",
    "nfd value": f"name: {NFD}\nlist:\n  - {NFD}\n",
    "nfd key": f"{unicodedata.normalize('NFD', 'tên')}: 1\nb: {NFD}\n",
    "two documents": "a: 1\n---\na: 2\n",
    "document end": "a: 1\n...\n",
    "quoted keys": "'4': a\n\"true\": b\nc d: e\n",
    "numbers and codes": "a: 0905123456\nb: 012\nc: 70.90\nd: 4\ne: true\nf: ~\ng: 2024-01-02\n",
    "flow": "a: {b: 1, c: [2, 3, {d: x}]}\nempty: []\nnone: {}\n",
    "block scalars": "a: |\n  dòng 1\n  dòng 2\nb: >-\n  gấp\n  lại\n",
    "empty values": "a:\nb: ''\nc:\n  -\n  - x\n",
    "not a mapping": "- a\n- b\n",
    "plain text": "just text\n",
    "syntax error": "a: [1, 2\nb: 3\n",
    "unclosed quote": 'a: "open\nb: 2\nc: "x"\n',
    "bad indent": "a:\n  b: 1\n c: 2\n",
    "deep": "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 40)) + "  " * 40 + "v\n",
    "numeric key": "1: a\n2.5: b\n",
    "null key": "~: a\n",
    "bom inside": "a: x\ufeffy\n",
    "crlf": "a: 1\r\nb:\r\n  c: 2\r\n",
}


def read(text: str, *, quick: bool) -> Document:
    composer = yamlnodes._CParser
    if not quick:
        yamlnodes._CParser = None
    try:
        return load_text(text, Document("p.yaml"))
    finally:
        yamlnodes._CParser = composer


def same(text: str) -> None:
    fast = read(text, quick=True)
    slow = read(text, quick=False)
    assert fast.data == slow.data
    assert type(fast.data) is type(slow.data)
    assert fast.value_marks == slow.value_marks
    assert fast.key_marks == slow.key_marks
    assert fast.plain_text == slow.plain_text
    assert fast.findings == slow.findings


def test_the_quick_way_is_really_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    if yamlnodes._CParser is None:
        pytest.skip("PyYAML without libyaml: only the event way exists")
    calls: list[str] = []
    original = yamlnodes.Quick.run

    def spy(self: yamlnodes.Quick, text: str) -> tuple[bool, object]:
        done, data = original(self, text)
        calls.append("quick" if done else "declined")
        return done, data

    monkeypatch.setattr(yamlnodes.Quick, "run", spy)
    load_text("a: 1\n", Document("p.yaml"))
    load_text("a: 1\na: 2\n", Document("p.yaml"))
    load_text("a: &x 1\nb: *x\n", Document("p.yaml"))
    assert calls == ["quick", "declined", "declined"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_and_test_file_reads_the_same_both_ways(path: Path) -> None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: refused before either reader runs")
    same(text)


@pytest.mark.parametrize("text", AWKWARD.values(), ids=list(AWKWARD))
def test_awkward_texts_read_the_same_both_ways(text: str) -> None:
    same(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_files_read_the_same_both_ways(text: str) -> None:
    same(text)
