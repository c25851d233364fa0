"""Run the site engine (MkDocs + Material) for ``ocop build`` and ``ocop serve``.

The engine is reached only through here and :mod:`generator.adapters.mkdocs_plugin`; the rest of the
tool produces engine-neutral page sources (``ocop build --emit DIR`` writes them out).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import sysconfig
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..ciescape import plain, visible
from ..dates import ENV_TODAY
from ..errors import EXIT_FINDINGS, EXIT_OK, BuildError, OcopError
from ..events.load import EVENTS_DIR
from ..forkpool import in_child
from ..gcpause import one_shot
from ..resources import resource_path
from ..site import noop, uptodate
from ..site.build import CACHE_DIR, emit, prepare, staging_path, swap_into
from ..site.search import SearchRecord, index_site
from .mkdocs_plugin import OcopPlugin

#: the packaged resources a build reads (generator/resources.py)
RESOURCES = ("schema", "data", "site_templates")


class _PlainFormatter(logging.Formatter):
    """MkDocs' messages name files and folders: print them with :func:`plain`."""

    def format(self, record: logging.LogRecord) -> str:
        return plain(super().format(record))


def _quiet_mkdocs() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_PlainFormatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def build(root: Path, *, today: date, emit: Path | None = None,
          site_dir: Path | None = None, force: bool = False) -> int:
    """Validate, then build ``site/`` as of ``today`` (or only write page sources with
    ``emit``); nothing to do when the site is already the build of these inputs, unless
    ``force``."""
    if emit is not None:
        return _emit(root, emit, today)
    from mkdocs.config import load_config

    _quiet_mkdocs()
    overrides = {"site_dir": str(site_dir)} if site_dir is not None else {}
    config = load_config(config_file=str(root / "mkdocs.yml"), **overrides)
    site, records = Path(config.site_dir), root / CACHE_DIR / "builds"
    hasher = uptodate.Hasher(records / "hashes.json")
    inputs = build_inputs(root, config)
    seen, found = uptodate.Snapshot(), uptodate.facts(today)
    key = uptodate.inputs_key(inputs, found, hasher, seen)
    if not force and uptodate.up_to_date(records, site, key):
        print(noop.NOTHING_TO_DO.format(site=visible(site)))
        return EXIT_OK
    # the pages are made in a process of their own when this is the `ocop` command: the plan
    # (1 GB at 20,000 products) is gone before Pagefind takes its own gigabyte
    try:
        pages = in_child(_pages, config, today) if one_shot() else _pages(config, today)
        if isinstance(pages, int):
            return pages
        index_site(pages.site, pages.search, cache_dir=root / CACHE_DIR / "search")
        if pages.final is not None:
            swap_into(pages.site, pages.final)
    except BaseException:  # interrupted, or failed: no half-written copy is left
        shutil.rmtree(staging_path(site), ignore_errors=True)
        raise
    hasher.save()
    uptodate.remember(records, site, key, inputs, seen=seen, found=found,
                      root=root if site_dir is None and _plain_settings(config) else None)
    shown = visible(pages.final or pages.site)
    print(f"Đã dựng {pages.products} trang sản phẩm vào {shown} "
          f"({pages.warnings} cảnh báo — xem `ocop validate`). Mở {shown}/index.html "
          f"hoặc chạy `ocop serve`.\n"
          f"Built {pages.products} product pages into {shown}.")
    return EXIT_OK


@dataclass(frozen=True)
class Pages:
    """What the engine's build leaves for :func:`build` to finish: the site written where it
    is staged (``site``; ``final`` is where it goes once indexed), the search records, and
    what the summary says."""

    site: Path
    final: Path | None
    search: tuple[SearchRecord, ...]
    products: int
    warnings: int


def _pages(config: MkDocsConfig, today: date) -> Pages | int:
    """MkDocs + Material build every page into the staging folder; not yet indexed for search
    nor swapped in. An exit code when the catalogue has errors."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort, MkDocsException

    config.plugins.on_startup(command="build", dirty=False)
    plugin = config.plugins["ocop"]
    assert isinstance(plugin, OcopPlugin), "mkdocs.yml must list the `ocop` plugin"
    plugin.today, plugin.log_report, plugin.defer_search = today, False, True
    try:
        mkdocs_build(config)
    except (Abort, MkDocsException) as error:
        if plugin.error is not None:
            print("Danh mục có lỗi, không đăng trang / the catalogue has errors, nothing was "
                  "published:")
            sys.stdout.write(plain(plugin.error.report))
        else:
            print(f"ocop: {plain(str(error))}", file=sys.stderr)
        return EXIT_FINDINGS
    finally:
        config.plugins.on_shutdown()
    assert plugin.prepared is not None
    result = plugin.prepared.result
    return Pages(Path(config.site_dir), plugin.final, plugin.prepared.search,
                 len(result.products), len(result.warnings))


def build_inputs(root: Path, config: MkDocsConfig) -> uptodate.Inputs:
    """Every file a build of ``root`` reads (generator/site/uptodate.py): the settings,
    products, events, docs and theme overrides, the tool's code and resources. The theme and
    libraries installed as packages count by their versions (:func:`uptodate.facts`)."""
    packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    theme = [Path(d) for d in config.theme.dirs if packages not in Path(d).resolve().parents]
    products = config.extra.get("ocop", {}).get("products_dir", "products")
    folders = [root / products, root / EVENTS_DIR, Path(config.docs_dir), *theme,
               uptodate.PACKAGE, *(resource_path(n) for n in RESOURCES)]
    return uptodate.Inputs.of(folders, [Path(config.config_file_path)])


def _plain_settings(config: MkDocsConfig) -> bool:
    """Settings that name the same folders whenever their text is the same: no environment
    variable (``!ENV``) and no inherited file (``INHERIT``). Only then may the next ``ocop
    build`` trust its quick check (:mod:`generator.site.noop`)."""
    text = Path(config.config_file_path).read_text(encoding="utf-8")
    return "!ENV" not in text and "INHERIT" not in text


def build_site(root: Path, out_dir: Path, *, today: date) -> None:
    """Build the catalogue at ``root`` into ``out_dir`` as of ``today`` (tests, benchmarks)."""
    if build(root, today=today, site_dir=out_dir) != EXIT_OK:
        raise OcopError(f"the catalogue at {root} did not build; run `ocop validate`")


def _emit(root: Path, out_dir: Path, today: date) -> int:
    try:
        prepared = prepare(root, today)
    except BuildError as error:
        sys.stdout.write(plain(error.report))
        return EXIT_FINDINGS
    emit(prepared.files, out_dir)
    prepared.bodies.commit()
    print(f"Đã ghi {len(prepared.files)} tệp nguồn vào {visible(out_dir)} / wrote page sources")
    return EXIT_OK


def serve(root: Path, addr: str, today: date | None = None) -> int:
    """Preview on ``addr``; rebuilds when a product, photo or template changes.

    MkDocs' server builds its own config (and plugin) on every rebuild, so a pinned ``today``
    reaches the plugin the way it reaches a bare ``mkdocs serve``: as $OCOP_TODAY."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    if today is not None:
        os.environ[ENV_TODAY] = today.isoformat()
    mkdocs_serve(config_file=str(root / "mkdocs.yml"), livereload=True, dev_addr=addr)
    return EXIT_OK
