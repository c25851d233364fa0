"""Defence in depth: even text the validator would refuse never becomes markup on a page."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from markupsafe import escape

from generator.model.product import (
    Content,
    Origin,
    Product,
    Recognition,
    RecordedUnit,
    Source,
    Subject,
    Text,
)
from generator.rules import PartialDate
from generator.site import build as build_module
from generator.site.config import SiteConfig
from generator.site.images import PhotoPipeline
from generator.site.pages import Planner
from tests.site.conftest import build, copy_fixture

EVIL = '</script><script>alert(1)</script><img src=x onerror="alert(2)">'


def test_hostile_strings_are_escaped_in_body_and_json_ld(tmp_path: Path) -> None:
    product = Product(
        id="evil", source_file="p.yaml", folder=tmp_path, name=Text(EVIL, EVIL),
        product_type="x", group="Thực phẩm", processing="processed",
        recognitions=(Recognition(index=0, signed=PartialDate(2025, 1, 1), stars=4),),
        origin=Origin("pre-2025-07", RecordedUnit(EVIL)),
        content=Content(Text(EVIL, EVIL)),
        sources=(Source("https://example.org", EVIL),),
        subject=Subject(name=EVIL, address=EVIL), aliases=(EVIL,))
    config = SiteConfig(site_name="S", site_url="https://example.org/", region="R", publisher="P")
    planner = Planner([product], config, date(2026, 11, 29), PhotoPipeline(tmp_path / "cache"))
    page = planner.product_page(planner.views[0]).text
    assert page is not None
    front, _, body = page.partition("\n---\n\n")
    soup = BeautifulSoup(body, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert soup.h1.get_text() == EVIL
    assert all(not attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    assert json.loads(meta["ocop"]["jsonld"])["name"] == EVIL
    assert meta["title"] == str(escape(EVIL))


def test_hostile_strings_stay_inert_through_the_engine(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Bypass the validator and push hostile names through MkDocs + Material templates."""
    real_validate = build_module.validate

    def hostile(*args: object, **kwargs: object) -> object:
        result = real_validate(*args, **kwargs)  # type: ignore[arg-type]
        result.products = [dataclasses.replace(p, name=Text(EVIL, EVIL)) for p in result.products]
        return result

    monkeypatch.setattr(build_module, "validate", hostile)
    root = copy_fixture(tmp_path / "repo")
    assert build(root) == 0
    html = (root / "site" / "san-pham" / "nuoc-mam-thu" / "index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    assert not any("alert" in (s.string or "") for s in scripts if s.get("type") != "application/ld+json")
    ld = soup.find("script", type="application/ld+json")
    assert "</script" not in ld.string and json.loads(ld.string)["name"] == EVIL
    assert soup.find("img", src="x") is None
    assert soup.title.get_text().startswith(EVIL)
    assert soup.find("meta", property="og:title")["content"] == EVIL
