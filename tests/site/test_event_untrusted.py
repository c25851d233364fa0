"""Hostile text in event files stays inert, like products: even text the validator refuses
(HTML, Markdown, Jinja) never becomes markup or template code on the event pages."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.events.model import Contact, Event, Link, Participant, ProgrammeItem, Venue
from generator.model.product import Text
from generator.site import build as build_module
from generator.site.config import SiteConfig
from generator.site.images import PhotoPipeline
from generator.site.pages import Planner
from tests.site.conftest import build, copy_fixture

EVIL = ('</script><script>alert(1)</script><img src=x onerror="alert(2)"> **b** '
        "[x](javascript:alert(3)) {{ 7*7 }}{% raw %}")


def _evil_event(**changes: object) -> Event:
    event = Event(
        id="evil", source_file="events/evil.yaml", name=Text(EVIL, EVIL), kind="fair",
        start=date(2027, 1, 15), end=date(2027, 1, 16), venue=Venue(EVIL, EVIL),
        organiser=EVIL, co_organisers=(EVIL,), description=Text(EVIL, EVIL),
        contact=Contact(email=EVIL, website="javascript:alert(4)"),
        participants=(Participant("evil-product", EVIL, EVIL),),
        programme=(ProgrammeItem(date(2027, 1, 15), Text(EVIL, EVIL), EVIL),),
        links=(Link("https://example.org/", EVIL),), sources=(Link("https://example.org/", EVIL),),
        example=True)
    return dataclasses.replace(event, **changes)  # type: ignore[arg-type]


def _inert(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("img", src="x") is None
    assert all(not attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    assert "49" not in soup.get_text() and "<strong>b</strong>" not in html
    assert not any(a["href"].startswith("javascript") for a in soup.find_all("a", href=True))
    return soup


def test_hostile_event_text_is_escaped_on_every_page(tmp_path: Path) -> None:
    config = SiteConfig(site_name="S", site_url="https://example.org/", region="R", publisher="P")
    planner = Planner([], config, date(2026, 11, 29), PhotoPipeline(tmp_path / "cache"),
                      events=[_evil_event()])
    files = {f.path: f.text for f in planner.files() if f.text is not None}
    page = _inert(files["xuc-tien/evil.md"].partition("\n---\n\n")[2])
    assert page.h1.get_text() == EVIL
    assert page.select_one(".ocop-event__organiser").get_text() == EVIL
    assert "jsonld" not in files["xuc-tien/evil.md"].partition("\n---\n\n")[0]  # an example
    index = _inert(files["xuc-tien/index.md"].partition("\n---\n\n")[2])
    assert index.select_one(".ocop-event__name a").get_text() == EVIL
    _inert(files["index.md"].partition("\n---\n\n")[2])


def test_hostile_event_names_stay_inert_through_the_engine(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Bypass the validator and push a hostile event through MkDocs + Material templates."""
    real_validate = build_module.validate

    def hostile(*args: object, **kwargs: object) -> object:
        result = real_validate(*args, **kwargs)  # type: ignore[arg-type]
        result.events = [_evil_event(participants=(Participant("nuoc-mam-thu", EVIL, EVIL),),
                                     example=False)]
        return result

    monkeypatch.setattr(build_module, "validate", hostile)
    root = copy_fixture(tmp_path / "repo")
    assert build(root) == 0
    html = (root / "site" / "xuc-tien" / "evil" / "index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    assert not any("alert" in (s.string or "") for s in scripts
                   if s.get("type") != "application/ld+json")
    ld = soup.find("script", type="application/ld+json")
    assert "</script" not in ld.string and json.loads(ld.string)["name"] == EVIL
    assert soup.find("img", src="x") is None
    assert soup.title.get_text().startswith(EVIL)
    assert soup.select_one(".ocop-card__booth").get_text() == f"Gian {EVIL}"
