"""Every page of the built catalogue passes the Nu HTML checker (vnu) with no errors."""

from __future__ import annotations

from pathlib import Path

from tests.envcheck import missing_tool
from tests.vnu import VNU_JAR, check_html


def test_every_page_is_valid_html(built_site: Path) -> None:
    if not VNU_JAR.exists():
        missing_tool("vnu.jar (run ./dev browser-setup)")
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    errors = [f"{Path(e['file']).relative_to(built_site)}:{e['line']}: {e['message']}"
              for e in check_html(pages)]
    assert errors == []
