"""Every page's header leads to the catalogue's search (site_templates/partials/header.html):
Material's own search plugin is off, so without it a buyer on a product page had no way to
search but the menu or the home page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import material
import pytest

from tests.conftest import ROOT
from tests.site.conftest import soup

OURS = ROOT / "site_templates" / "partials" / "header.html"
MATERIAL = Path(material.__file__).parent / "templates" / "partials" / "header.html"
#: our comment at the top, and the block we added
_HEAD = re.compile(r"\A\{#-.*?-#\}\n", re.S)
_ADDED = re.compile(r"    \{#- ocop-catalogue:.*?\{% endif %\}\n", re.S)
PAGES = ["index.html", "san-pham/nuoc-mam-thu/index.html", "danh-muc/index.html",
         "nhom/thuc-pham/index.html", "xuc-tien/hoi-cho-thu-nghiem-2027/index.html",
         "chu-the/htx-tra-thu-nghiem/index.html", "404.html"]


def test_the_header_is_materials_own_but_for_the_search_link() -> None:
    ours = OURS.read_text(encoding="utf-8")
    assert len(_ADDED.findall(ours)) == 1
    assert _ADDED.sub("", _HEAD.sub("", ours, count=1)) == MATERIAL.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_header_links_to_the_catalogue_search_box(site3: Path, page: str) -> None:
    links = soup(site3 / page).select("header.md-header a.ocop-header-search")
    assert len(links) == 1
    link = links[0]
    assert link["aria-label"] == link["title"] == "Tìm kiếm"
    assert link.find("svg") is not None
    if page == "404.html":  # served at any address: links from the root of site_url
        assert link["href"] == "/ocop/danh-muc/#ocop-search"
    else:
        target = urlsplit(urljoin(f"http://x/{page}", link["href"]))
        assert target.path == "/danh-muc/" and target.fragment == "ocop-search"
    box = soup(site3 / "danh-muc" / "index.html").find(id="ocop-search")
    assert box is not None and box.name == "input" and box["type"] == "search"
