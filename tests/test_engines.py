"""Engine continuity (issue 13): MkDocs 1.6.1 is the last 1.x release and MkDocs 2.0 drops
plugins, so the shipped site must also build under ProperDocs (the maintained fork of MkDocs 1.x,
which loads the same plugins and themes) with the same bytes, and ``ocop build --emit`` must stay
buildable by either engine without our plugin.

The one difference ProperDocs makes is not ours: the engine's version it gives templates as
``mkdocs_version`` ("ProperDocs 1.6.7" for "1.6.1"), which every page prints in its generator
meta tag. Without our plugin the only differences are what the plugin adds after the engine ran
(the search index) and the order of sitemap.xml (the engine lists pages in the order it found
their files)."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from generator.adapters import engine
from generator.site.search import BUNDLE_DIR
from tests.conftest import ROOT, TODAY
from tests.engines import broken_links, page_of, plain_config, run_engine, tree

_GENERATOR = '<meta name="generator" content="ocop-catalogue, mkdocs-{}, '
MKDOCS_TAG = _GENERATOR.format(version("mkdocs")).encode()
PROPERDOCS_TAG = _GENERATOR.format(f"ProperDocs {version('properdocs')}").encode()
SITEMAP = "sitemap.xml"


def _as_if_mkdocs(site: dict[str, bytes], command: str) -> dict[str, bytes]:
    """Pages built by ``command`` with the engine's name in their generator tag put back to
    MkDocs' (each page has the tag exactly once)."""
    if command == "mkdocs":
        return site
    html = [name for name in site if name.endswith(".html")]
    assert html and all(site[name].count(PROPERDOCS_TAG) == 1 for name in html)
    return {name: data.replace(PROPERDOCS_TAG, MKDOCS_TAG) for name, data in site.items()}


def test_the_engines_compared_are_the_pinned_ones() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = dict(spec.split("==") for spec in
                [*project["dependencies"], *project["optional-dependencies"]["test"]])
    engines = ("mkdocs", "properdocs", "mkdocs-material")
    assert {name: version(name) for name in engines} == {name: pins[name] for name in engines}


def test_properdocs_finds_our_plugin_and_material_by_their_mkdocs_entry_points() -> None:
    """What the ``properdocs`` command does before it loads mkdocs.yml: alias ``mkdocs.*`` to
    itself, then read the ``mkdocs.plugins`` and ``mkdocs.themes`` entry points too."""
    probe = ("import properdocs.replacement, properdocs.plugins as p, properdocs.utils as u\n"
             "from generator.adapters.mkdocs_plugin import OcopPlugin\n"
             "print(issubclass(OcopPlugin, p.BasePlugin), p.get_plugins()['ocop'].value,\n"
             "      u.get_themes()['material'].value, p.get_plugins()['search'].value)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    # MkDocs' own entry points (its search plugin, its two themes) are skipped for ProperDocs'
    assert done.stdout.split() == ["True", "generator.adapters.mkdocs_plugin:OcopPlugin",
                                   "material.templates", "properdocs.contrib.search:SearchPlugin"]


def test_properdocs_builds_the_shipped_site_with_the_same_bytes_but_the_engine_name(
        built_site: Path, tmp_path: Path) -> None:
    done = run_engine("properdocs", ROOT / "mkdocs.yml", tmp_path / "site")
    assert done.returncode == 0, done.stderr
    mkdocs, properdocs = tree(built_site), tree(tmp_path / "site")
    assert sorted(properdocs) == sorted(mkdocs)
    different = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    # exactly the HTML pages differ (each names its engine), the PDFs, search index, open data,
    # photos and sitemap do not
    assert different == [name for name in mkdocs if name.endswith(".html")]
    assert all(mkdocs[name].count(MKDOCS_TAG) == 1 for name in different)
    assert _as_if_mkdocs(properdocs, "properdocs") == mkdocs


@pytest.fixture(scope="module")
def emitted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """``ocop build --emit`` of the shipped catalogue, and a docs folder as a province would
    give a plain engine: the repository's docs/ with the emitted sources over it."""
    base = tmp_path_factory.mktemp("emit")
    assert engine.build(ROOT, today=TODAY, emit=base / "emitted") == 0
    shutil.copytree(ROOT / "docs", base / "docs")
    shutil.copytree(base / "emitted", base / "docs", dirs_exist_ok=True)
    return base / "emitted", base / "docs"


@pytest.mark.parametrize("command", ["mkdocs", "properdocs"])
def test_emitted_sources_build_without_our_plugin_into_the_same_site(
        command: str, emitted: tuple[Path, Path], built_site: Path, tmp_path: Path) -> None:
    sources, docs = emitted
    config = plain_config(docs, tmp_path / "mkdocs.yml")
    done = run_engine(command, config, tmp_path / "site")
    # strict (as shipped): an omitted page or a broken Markdown link would be a warning, and fail
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    pages = sorted(page_of(p.relative_to(sources).as_posix()) for p in sources.rglob("*.md"))
    assert len(pages) > 100 and [page for page in pages if not (site / page).is_file()] == []
    base = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_url"]).path
    assert broken_links(site, base) == {}

    plain, plugin = _as_if_mkdocs(tree(site), command), tree(built_site)
    assert sorted(plain) == sorted(n for n in plugin if not n.startswith(f"{BUNDLE_DIR}/"))
    urls = re.compile(rb"<url>.*?</url>", re.S)
    assert sorted(urls.findall(plain[SITEMAP])) == sorted(urls.findall(plugin[SITEMAP]))
    assert gzip.decompress(plain[f"{SITEMAP}.gz"]) == plain[SITEMAP]
    same = {name for name in plain if not name.startswith(SITEMAP)}
    assert [name for name in sorted(same) if plain[name] != plugin[name]] == []
