"""Product and listing pages filled into a theme shell give the very bytes MkDocs' own page
pipeline gives (generator/adapters/fastpages.py), and fall back to it when they would not."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.adapters import fastpages
from generator.cache import CACHE_DIR
from generator.site import pages
from tests.conftest import ROOT
from tests.site.conftest import build, copy_fixture

SLOW = "fast_pages: false"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _set_plugins(root: Path, plugins: list[object]) -> None:
    path = root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["plugins"] = plugins
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def _slow_site(root: Path) -> dict[str, bytes]:
    _set_plugins(root, [{"ocop": {"fast_pages": False}}])
    assert build(root) == 0
    return _tree(root / "site")


def _differences(fast: dict[str, bytes], slow: dict[str, bytes]) -> list[str]:
    return sorted(set(fast) ^ set(slow)) + [n for n in fast if n in slow and fast[n] != slow[n]]


def test_fast_pages_are_the_bytes_of_mkdocs_pages(tmp_path: Path, site3: Path) -> None:
    fast = _tree(site3)
    assert [name for name in fast if name.startswith("san-pham/")]
    assert _differences(fast, _slow_site(copy_fixture(tmp_path / "repo"))) == []


def _shipped(root: Path) -> Path:
    for name in ("products", "events", "docs", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "custom_dir: site_templates", f"custom_dir: {ROOT / 'site_templates'}"), encoding="utf-8")
    return root


def test_the_shipped_catalogue_fast_and_slow(tmp_path: Path, built_site: Path) -> None:
    """58 products with and without photos, prices, producers, sources: every shape."""
    slow = _slow_site(_shipped(tmp_path / "repo"))
    assert _differences(_tree(built_site), slow) == []


def test_a_theme_the_shell_cannot_read_falls_back(tmp_path: Path) -> None:
    """An override printing the title in capitals: no known transform, so every product page
    goes through MkDocs, and the site is still the slow site's bytes."""
    root = copy_fixture(tmp_path / "repo")
    overrides = root / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block htmltitle %}{% if page and page.meta.ocop %}<title>'
        '{{ page.meta.ocop.title | upper }}</title>{% else %}{{ super() }}{% endif %}'
        '{% endblock %}\n', encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    theme_dir = next(line.split(": ", 1)[1] for line in text.splitlines()
                     if "custom_dir:" in line)
    config.write_text(text.replace(f"custom_dir: {theme_dir}", "custom_dir: overrides"),
                      encoding="utf-8")
    assert build(root) == 0
    fast = _tree(root / "site")
    page = next(v for k, v in fast.items() if k.startswith("san-pham/") and k.endswith(".html"))
    assert b"<title>" in page and page.split(b"<title>")[1].split(b"</title>")[0].isupper()
    assert _differences(fast, _slow_site(root)) == []


def test_the_pages_of_every_listing_folder_share_one_shell(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A listing cut into pages puts its second and later pages in a folder of its own
    (``dia-phuong/hoi-an/trang-2``): the folder is a hole of the shell, so the pages of every
    listing's folder at one depth are one shape, checked once, and still MkDocs' bytes."""
    monkeypatch.setattr(pages, "LISTING_PAGE_SIZE", 4)
    seen: list[fastpages.FastPages] = []
    real = fastpages.FastPages.write

    def write(self: fastpages.FastPages, *args: Any) -> None:
        real(self, *args)
        seen.append(self)

    monkeypatch.setattr(fastpages.FastPages, "write", write)
    root = _shipped(tmp_path / "repo")
    assert build(root) == 0
    fast = _tree(root / "site")
    folders = {name.rsplit("/", 2)[0] for name in fast if "/trang-" in name}
    kinds = {folder.split("/")[0] for folder in folders}
    assert len(folders) > len(kinds) + 5, folders  # many listings' folders of later pages
    [made] = seen
    paged = [item for uri, item in made.items.items() if "/trang-" in uri]
    # one shape per kind (and per set of values left empty), not one per folder
    assert len({fastpages.shape(item) for item in paged}) <= 2 * len(kinds) < len(folders)
    assert made.fallbacks == 0  # their shell gave MkDocs' bytes for the page checked
    assert _differences(fast, _slow_site(root)) == []


def test_the_open_data_files_are_links_to_those_written_as_made(site3: Path) -> None:
    """The open data is written into the cache as it is made (opendata/export.py ``Output``)
    and hard-linked into the site, like the photos: never held whole, never written twice."""
    made = list((site3.parent / CACHE_DIR / "opendata").glob("*/du-lieu/san-pham.json"))
    assert len(made) == 1  # this build's folder only
    assert os.path.samefile(made[0], site3 / "du-lieu" / "san-pham.json")
    record = next((site3 / "san-pham").glob("*.json"))
    assert os.path.samefile(record, made[0].parents[1] / "san-pham" / record.name)
