"""The page shell (generator/site/shell.py): holes found by placeholders, transforms by a probe."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from markupsafe import escape

from generator.site.shell import PROBE, SLUG, make_shell, placeholders

Theme = Callable[[str, str, str], str]


def _theme(slug: str, title: str, body: str) -> str:
    """A theme printing the title escaped and as is, the slug in a URL, the body raw."""
    return (f"<title>{escape(title)}</title><link href='https://x.org/{slug}/'>"
            f"<h2>{title}</h2><main>{body}</main>")


def _shell_of(theme: Theme):  # type: ignore[no-untyped-def]
    holes = placeholders([SLUG, "title", "content"])
    plain = theme(holes[SLUG], holes["title"], holes["content"])
    probed = theme(holes[SLUG], holes["title"] + PROBE, holes["content"] + PROBE)
    return make_shell(plain, probed, holes)


@pytest.mark.parametrize("title", ["Nước mắm", "Trà & bánh <loại 1> \"đặc biệt\" 'mới'", ""])
def test_a_filled_shell_is_what_the_theme_prints(title: str) -> None:
    shell = _shell_of(_theme)
    assert shell is not None
    values = {SLUG: "tra-xanh", "title": title, "content": "<p>a &amp; b</p>\n<p>c</p>"}
    assert shell.fill(values) == _theme(values[SLUG], title, values["content"])


def test_an_unknown_transform_makes_no_shell() -> None:
    def shouting(slug: str, title: str, body: str) -> str:
        return f"<title>{title.upper()}</title><main>{body}</main>"

    assert _shell_of(shouting) is None


def test_a_value_printed_twice_with_different_escaping_fills_both() -> None:
    shell = _shell_of(_theme)
    assert shell is not None
    assert [hole.slot for hole in shell.holes] == ["title", SLUG, "title", "content"]
    out = shell.fill({SLUG: "a", "title": "<b>", "content": ""})
    assert "<title>&lt;b&gt;</title>" in out and "<h2><b></h2>" in out


def test_placeholders_are_not_parts_of_each_other() -> None:
    holes = list(placeholders([str(n) for n in range(30)]).values())
    assert not [(a, b) for a in holes for b in holes if a != b and a in b]
