"""Our copy of Material's base.html differs from the pinned original only by the intended fix."""

from __future__ import annotations

import re
from pathlib import Path

import material

from generator.site.i18n import SAY
from tests.conftest import ROOT


def test_base_html_is_materials_with_only_the_checkbox_fix() -> None:
    original = (Path(material.__file__).parent / "templates" / "base.html").read_text("utf-8")
    ours = (ROOT / "site_templates" / "base.html").read_text("utf-8")
    header_end = ours.index("-#}\n") + len("-#}\n")
    expected = original.replace('id="__drawer" autocomplete="off"', 'id="__drawer"').replace(
        'id="__search" autocomplete="off"', 'id="__search"')
    assert expected != original, "Material changed: re-copy base.html and re-apply the fix"
    assert ours[header_end:] == expected


VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def test_page_templates_take_their_words_from_the_string_table() -> None:
    """Interface text lives in generator/site/i18n.py (vi + en), so an English edition only
    needs a language switch: no Vietnamese words are written into the page templates."""
    found = []
    for path in sorted((ROOT / "site_templates" / "content").glob("*.html")):
        text = JINJA.sub(lambda m: "\n" * m.group().count("\n"), path.read_text("utf-8"))
        for number, line in enumerate(text.splitlines(), 1):
            if VIETNAMESE_LETTERS.search(line):
                found.append(f"{path.name}:{number}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


def test_every_interface_string_has_vietnamese_and_english() -> None:
    missing = [key for key, (vi, en) in SAY.items() if not vi or not en]
    assert not missing
