"""Our copy of Material's base.html differs from the pinned original only by the intended fix."""

from __future__ import annotations

from pathlib import Path

import material

from tests.conftest import ROOT


def test_base_html_is_materials_with_only_the_checkbox_fix() -> None:
    original = (Path(material.__file__).parent / "templates" / "base.html").read_text("utf-8")
    ours = (ROOT / "site_templates" / "base.html").read_text("utf-8")
    header_end = ours.index("-#}\n") + len("-#}\n")
    expected = original.replace('id="__drawer" autocomplete="off"', 'id="__drawer"').replace(
        'id="__search" autocomplete="off"', 'id="__search"')
    assert expected != original, "Material changed: re-copy base.html and re-apply the fix"
    assert ours[header_end:] == expected
