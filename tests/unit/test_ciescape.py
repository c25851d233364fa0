"""Names printed into a workflow log cannot become workflow commands (generator/ciescape.py)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.ciescape import (
    annotation_data,
    annotation_property,
    json_text,
    plain,
    visible,
)

HOSTILE = "x\n::error::boom 100%\r##[warning]legacy"


def is_command(line: str) -> bool:
    """What the Actions runner would read as a workflow command (TryParseV2, then TryParse)."""
    return line.lstrip().startswith("::") or "##[" in line.replace("##[\\", "")


@pytest.mark.parametrize(("text", "shown"), [
    ("products/hoi-an/tieu-tien-phuoc", "products/hoi-an/tieu-tien-phuoc"),
    ("Tiêu Tiên Phước 100% — loại #1", "Tiêu Tiên Phước 100% — loại #1"),
    (HOSTILE, "x\\n::error::boom 100%\\r##[\\warning]legacy"),
    ("::error::x", "\\x3a:error::x"),
    ("   ::warning::x", "   \\x3a:warning::x"),
    ("\t::notice::x", "\\t::notice::x"),
    ("a\u2028b\u2029c\x85d\u00a0e\ufeff\u00adf\u200bg", "a\\u2028b\\u2029c\\x85d\\xa0e\\ufeff\\xadf\\u200bg"),
    ("bad\udcffbytes", "bad\\udcffbytes"),
    ("tag\U000e0041", "tag\\U000e0041"),
])
def test_visible_shows_every_hidden_character(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_visible_takes_any_object_and_is_idempotent() -> None:
    from pathlib import Path

    assert visible(Path("site\n::x")) == "site\\n::x"
    assert visible(visible(HOSTILE)) == visible(HOSTILE)
    assert visible(visible("::a")) == visible("::a")


def test_plain_keeps_line_breaks_and_guards_every_line() -> None:
    text = "products/a.yaml\n::error::boom\n  ##[group]x\r\nend"
    assert plain(text) == "products/a.yaml\n\\x3a:error::boom\n  ##[\\group]x\\r\nend"


def test_annotation_escaping_follows_github() -> None:
    assert annotation_property("products/a,b:c%d\r\ne.yaml") == \
        "products/a%2Cb%3Ac%25d%0D%0Ae.yaml"
    assert annotation_data("id `x\n::error::y` 50% ##[warning]z\u2028") == \
        "id `x%0A::error::y` 50%25 ##[\\warning]z\\u2028"
    assert annotation_property("bad\udcff") == "bad\\udcff"  # printable, never a crash


def test_json_text_is_lossless_and_safe() -> None:
    data = [{"file": HOSTILE, "name": "Tiêu\u2028\x85\ufeff\udcff\U000e0041", "n": 3}]
    text = json_text(data)
    assert json.loads(text) == data
    assert "##\\u005bwarning" in text and "\\u2028" in text and "\\udb40\\udc41" in text
    assert "Tiêu" in text  # Vietnamese stays readable
    text.encode("utf-8")  # no lone surrogate left
    assert not any(is_command(line) for line in text.splitlines())


@given(st.text())
def test_nothing_printed_through_visible_is_a_command(text: str) -> None:
    shown = visible(text)
    assert len(shown.splitlines()) <= 1
    assert not is_command(shown)
    assert not is_command("  " + shown) and not is_command("x " + shown)
    shown.encode("utf-8")


@given(st.lists(st.text(), max_size=4))
def test_plain_lines_are_never_commands(lines: list[str]) -> None:
    text = plain("\n".join(lines))
    assert not any(is_command(line) for line in text.split("\n"))
    assert text.count("\n") == sum(line.count("\n") for line in lines) + max(len(lines) - 1, 0)


@given(st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(), inner, max_size=3), max_leaves=8))
def test_json_text_round_trips_anything(data: object) -> None:
    text = json_text(data)
    assert json.loads(text) == data
    assert not any(is_command(line) for line in text.splitlines())
