"""tests/vnu.py really runs the Nu HTML checker: it finds errors, and only errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.envcheck import missing_tool
from tests.vnu import VNU_JAR, check_html, format_errors, java_command

HEAD = '<!doctype html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>Nước mắm</title></head>\n'
VALID = HEAD + "<body>\n<h1>Nước mắm Duy Trinh</h1>\n<p>Đà Nẵng — 4 sao</p>\n</body>\n</html>\n"
# Line 6: an <img> without alt; line 7: a <div> closed while a <span> is open.
BROKEN = (HEAD + "<body>\n<h1>Nước mắm</h1>\n<img src=a.jpg>\n<div><span>Đặc sản</div>\n"
          "</body>\n</html>\n")
# Only a warning (an explicit role that duplicates the element's own): not an error.
WARNING_ONLY = HEAD + '<body>\n<main role="main"><p>Hội An</p></main>\n</body>\n</html>\n'


@pytest.fixture(scope="module", autouse=True)
def _vnu_available() -> None:
    if java_command() is None:
        missing_tool(f"the Nu HTML checker needs `java` and {VNU_JAR}")


@pytest.fixture
def pages(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in {"valid": VALID, "broken": BROKEN, "warning": WARNING_ONLY}.items():
        (tmp_path / f"{name}.html").write_text(text, encoding="utf-8")
        out[name] = tmp_path / f"{name}.html"
    return out


def test_finds_errors_with_file_and_line_in_one_call(pages: dict[str, Path]) -> None:
    errors = check_html([pages["valid"], pages["broken"], pages["warning"]])
    assert {e["file"] for e in errors} == {pages["broken"].resolve()}, format_errors(errors)
    assert {e["line"] for e in errors} == {6, 7}, format_errors(errors)
    assert any("alt" in e["message"] for e in errors if e["line"] == 6), format_errors(errors)
    assert any("span" in e["message"] for e in errors if e["line"] == 7), format_errors(errors)


def test_valid_file_and_warnings_give_no_errors(pages: dict[str, Path]) -> None:
    # warning.html does draw a message from the checker (type "info", subType "warning").
    assert check_html([pages["valid"], pages["warning"]]) == []


def test_directory_checks_every_html_file_in_it(pages: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "style.css").write_text("not html", encoding="utf-8")
    errors = check_html([tmp_path])
    assert {e["file"] for e in errors} == {pages["broken"].resolve()}, format_errors(errors)


def test_missing_file_is_an_error_not_a_pass(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        check_html([tmp_path / "khong-co.html"])
