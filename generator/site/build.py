"""Build orchestration shared by ``ocop build`` and the MkDocs plugin: validate → plan.

:func:`prepare` is what every engine adapter calls: it validates the catalogue (an invalid
catalogue is never published) and plans the site's source files. :func:`emit` writes those
files to a folder for any other engine; :func:`swap_into` replaces the live output only once a
build has fully succeeded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from ..booklet import publish
from ..booklet.build import Printer
from ..cache import CACHE_DIR, build_folder, prune
from ..dates import day
from ..errors import BuildError, ConfigError, OcopError, PhotoError
from ..gcpause import paused_gc
from ..report import text_report
from ..validate import Result, validate
from .bodycache import Bodies, environment_key
from .config import SiteConfig, load
from .images import PhotoPipeline
from .pages import Planner, SourceFile
from .search import SearchRecord


@dataclass(frozen=True)
class Prepared:
    config: SiteConfig
    result: Result
    files: list[SourceFile]
    #: the product pages to index for search, with their sort keys (search.index_site)
    search: tuple[SearchRecord, ...] = ()
    #: the page bodies kept between builds: :meth:`Bodies.commit` once the site is written
    bodies: Bodies = field(default_factory=Bodies.off)


def pin_build_date(today: date) -> None:
    """Make engine timestamps (sitemap lastmod, gzip headers) depend only on ``today``."""
    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC).timestamp()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp))


def prepare(root: Path, today: date, config: SiteConfig | None = None) -> Prepared:
    """Validate the catalogue and plan the site as of ``today``, or raise :class:`BuildError`.

    ``config`` is the engine's already-parsed settings; without an engine (``--emit``) they
    are read from ``root/mkdocs.yml``."""
    try:
        config = config or load(root)
    except ConfigError as error:
        raise BuildError(f"{error}\n") from error
    result = validate([root / config.products_dir], root, today)
    if result.errors:
        raise BuildError(text_report(result, config.language, errors_only=True), result)
    # a valid catalogue's documents (each file's bytes, text and data: 200 MB at 20,000
    # products) are not read again: the site is made from the products and the findings
    result.documents.clear()
    pipeline = PhotoPipeline(root / CACHE_DIR / "photos")
    pages = root / CACHE_DIR / "pages"
    bodies = Bodies(pages, environment_key(config, today, pages))
    try:
        made = _booklets(root, config, today, result)
        # the views and pages planned are kept until the site is written, and make no cycles
        # to collect: the collector's passes over them were 6 s of a 20,000-product build
        with paused_gc():
            planner = Planner(result.products, config, today, pipeline, root / CACHE_DIR / "qr",
                              result.events, publish.listing_links(made, config.language),
                              bodies, build_folder(root / CACHE_DIR / "opendata"))
            files = planner.files() + publish.files(made, day(today), config.region,
                                                    config.language)
            bodies.make_keys(planner.views)  # on every core, before the page writers fork
    except PhotoError as error:
        raise BuildError(f"{error.path}: không xử lý được ảnh / cannot process the photo: "
                         f"{error.reason}\n") from error
    for cache in ("photos", "qr", "checks", "booklets", "validate"):  # all this build uses was just touched
        prune(root / CACHE_DIR / cache)
    return Prepared(config, result, files, tuple(planner.search_records()), bodies)


def _booklets(root: Path, config: SiteConfig, today: date, result: Result) -> publish.Published:
    """The printed booklets of the listed products and of the events (generator/booklet/); a
    character without a glyph or a missing font or Pango stops the build like a catalogue
    error."""
    listed = [p for p in result.products if config.list_expired or p.current_recognition(today)]
    try:
        return publish.make_all(Printer(root, config, today), listed, today, result.events)
    except PhotoError:
        raise
    except OcopError as error:
        raise BuildError(f"{error}\n") from error


def emit(files: list[SourceFile], out_dir: Path) -> None:
    """Write the planned source tree (Markdown pages + media) for any engine."""
    for item in files:
        target = out_dir / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if (text := item.text) is not None:
            target.write_text(text, encoding="utf-8")
        elif item.source is not None:
            shutil.copyfile(item.source, target)


def staging_dir(final: Path) -> Path:
    """A fresh sibling folder to build into, so a failed build never touches ``final``."""
    staging = staging_path(final)
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def staging_path(final: Path) -> Path:
    """Where :func:`staging_dir` builds the site that replaces ``final``."""
    return final.with_name(f".{final.name}.building")


def swap_into(staging: Path, final: Path) -> None:
    """Replace ``final`` by the finished ``staging`` folder (two renames). The old site is
    deleted by a detached process: at 20,000 products deleting it took a seventh of a build,
    and nothing waits for it (a leftover ``.site.old-*`` is removed by the next build)."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    stale = [str(path) for path in final.parent.glob(f".{final.name}.old*")]
    if stale:  # the shell returns at once; rm goes on on its own
        subprocess.run(["sh", "-c", 'rm -rf -- "$@" </dev/null >/dev/null 2>&1 &', "sh", *stale],
                       check=False)
