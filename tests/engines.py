"""Running the site engines as a user would (their own command line), for tests/test_engines.py.

MkDocs 1.6.1 is the last 1.x release; ProperDocs is its maintained fork. Both are pinned test
dependencies installed in the same virtual environment: the ``properdocs`` command aliases every
``mkdocs.*`` import to ``properdocs.*`` (``properdocs/replacement.py``), so our plugin and
Material, which import ``mkdocs``, load under it unchanged.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup
from bs4.element import Tag

from generator.adapters.mkdocs_plugin import IN_NAV
from tests.conftest import ROOT, TODAY


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run_engine(command: str, config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` or ``properdocs build`` of ``config`` into ``site_dir``, as of TODAY."""
    executable = Path(sys.executable).parent / command
    assert executable.exists(), f"{command} is a pinned test dependency: pip install -e '.[test]'"
    env = {**os.environ, "OCOP_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(executable), "build", "-q", "-f", str(config), "-d", str(site_dir)],
                          cwd=config.parent, env=env, capture_output=True, text=True, check=False)


def plain_config(docs_dir: Path, target: Path) -> Path:
    """The shipped mkdocs.yml for a build of ``ocop build --emit`` output without our plugin:
    no plugins, and every page the plugin keeps out of the navigation listed in ``not_in_nav``
    (nothing else changes)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = []
    config["docs_dir"] = str(docs_dir)
    config["theme"]["custom_dir"] = str(ROOT / "site_templates")
    config["not_in_nav"] = "/*\n" + "".join(f"!/{page}\n" for page in sorted(IN_NAV))
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    return target


def page_of(source: str) -> str:
    """Where MkDocs (``use_directory_urls``) writes the page of a Markdown source."""
    path = PurePosixPath(source).with_suffix("")
    return f"{path.parent if path.name == 'index' else path}/index.html".removeprefix("./")


def _urls(tag: Tag) -> list[str]:
    found = [str(tag[attr]) for attr in ("href", "src") if tag.has_attr(attr)]
    if tag.has_attr("srcset"):
        found += [part.split()[0] for part in str(tag["srcset"]).split(",") if part.strip()]
    return found


def broken_links(site: Path, base: str) -> dict[str, list[str]]:
    """Every local ``href``, ``src`` and ``srcset`` URL of the site's HTML pages that names no
    file of the site, with the pages that use it. ``base`` is the path of ``site_url`` (what the
    404 page's absolute links start with). A ``<template>`` is inert (the catalogue's script
    fills in a copy), so its placeholders are not links."""
    broken: dict[str, list[str]] = {}
    inside = site.resolve()
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for template in soup.find_all("template"):
            template.decompose()
        for tag in soup.find_all(True):
            for url in _urls(tag):
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                path = unquote(parts.path)
                target = (site / path.removeprefix(base) if path.startswith("/")
                          else page.parent / path).resolve()
                found = target / "index.html" if target.is_dir() else target
                if not (found.is_relative_to(inside) and found.is_file()):
                    broken.setdefault(url, []).append(page.relative_to(site).as_posix())
    return broken
