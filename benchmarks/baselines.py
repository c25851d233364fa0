"""The baselines a full build is compared with, built from ``ocop build --emit`` output (the
engine-neutral Markdown sources a plain MkDocs or Zensical run gets):

- **bare mkdocs-material**: ``mkdocs build`` of the emitted sources with a mkdocs.yml WITHOUT
  the ocop plugin and without our theme overrides: theme ``material`` (language vi), the
  repository's nav, every other page (all products) out of the nav (``not_in_nav``), MkDocs'
  default ``search`` plugin, the same Markdown extensions. Optionally followed by the
  ``pagefind`` binary over the built site (bare Material + Pagefind).
- **plain Jinja2**: :mod:`benchmarks.jinja_baseline`, every emitted page's body put into one
  simple base template and written — the lower bound of templating.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent


def nav_pages(nav: Any) -> list[str]:
    """Every page path named in a MkDocs ``nav`` value."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return []


def keep_existing(nav: Any, docs: Path) -> Any:
    """``nav`` without the pages ``docs`` does not have (None when nothing is left)."""
    if isinstance(nav, str):
        return nav if (docs / nav).is_file() else None
    if isinstance(nav, list):
        items = [k for item in nav if (k := keep_existing(item, docs)) is not None]
        return items or None
    if isinstance(nav, dict):
        named = {key: k for key, value in nav.items() if (k := keep_existing(value, docs)) is not None}
        return named or None
    return nav


def repo_settings(config: Path) -> dict[str, Any]:
    """The repository's mkdocs.yml (plain YAML: it uses no MkDocs-specific tags)."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def bare_config(repo_config: dict[str, Any], docs: Path, site: Path) -> dict[str, Any]:
    """A mkdocs.yml for bare Material over the emitted ``docs`` (see the module docstring)."""
    return {
        "site_name": repo_config.get("site_name", "OCOP"),
        "site_url": repo_config.get("site_url"),
        "docs_dir": str(docs), "site_dir": str(site), "use_directory_urls": True,
        "theme": {"name": "material", "language": "vi", "font": False},
        "plugins": ["search"],
        "markdown_extensions": repo_config.get("markdown_extensions", []),
        "nav": keep_existing(repo_config.get("nav"), docs) or [],
        "not_in_nav": "*\n",
        "validation": {"omitted_files": "ignore", "absolute_links": "ignore",
                       "unrecognized_links": "ignore"},
    }


def write_bare_config(folder: Path, docs: Path, repo: Path = REPO) -> Path:
    """Write ``folder/mkdocs.yml`` for the bare build of ``docs`` into ``folder/site``."""
    folder.mkdir(parents=True, exist_ok=True)
    config = bare_config(repo_settings(repo / "mkdocs.yml"), docs, folder / "site")
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def pagefind_binary() -> str:
    """The Pagefind binary of the ``pagefind[bin]`` wheel the site build uses."""
    from pagefind.service import get_executable

    found = get_executable()
    if not found:
        raise RuntimeError("Pagefind binary not found: install pagefind[bin]")
    return str(found)
