"""Run the site engine (MkDocs + Material) for ``ocop build`` and ``ocop serve``.

The engine is reached only through here and :mod:`generator.adapters.mkdocs_plugin`; the rest of the
tool produces engine-neutral page sources (``ocop build --emit DIR`` writes them out).
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import date
from pathlib import Path

from ..site.build import BuildError, build_today, emit, prepare
from .mkdocs_plugin import OcopPlugin

EXIT_OK, EXIT_ERRORS = 0, 1


def _quiet_mkdocs() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def build(root: Path, *, emit: Path | None = None, site_dir: Path | None = None) -> int:
    """Validate, then build ``site/`` (or only write page sources with ``emit``)."""
    if emit is not None:
        return _emit(root, emit)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    _quiet_mkdocs()
    overrides = {"site_dir": str(site_dir)} if site_dir is not None else {}
    config = load_config(config_file=str(root / "mkdocs.yml"), **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    plugin = config.plugins["ocop"]
    assert isinstance(plugin, OcopPlugin), "mkdocs.yml must list the `ocop` plugin"
    try:
        mkdocs_build(config)
    except (Abort, MkDocsException) as error:
        if plugin.error is not None:
            sys.stdout.write(plugin.error.report)
        else:
            print(f"ocop: {error}", file=sys.stderr)
        return EXIT_ERRORS
    finally:
        config.plugins.on_shutdown()
    assert plugin.prepared is not None
    result = plugin.prepared.result
    warnings = len(result.warnings)
    print(f"Đã dựng {len(result.products)} trang sản phẩm vào {config.site_dir} "
          f"({warnings} cảnh báo — xem `ocop validate`). Mở {config.site_dir}/index.html "
          f"hoặc chạy `ocop serve`.\n"
          f"Built {len(result.products)} product pages into {config.site_dir}.")
    return EXIT_OK


def build_site(root: Path, out_dir: Path, *, today: date) -> None:
    """Build the catalogue at ``root`` into ``out_dir`` as of ``today`` (tests, benchmarks)."""
    saved = os.environ.get("OCOP_TODAY")
    os.environ["OCOP_TODAY"] = today.isoformat()
    try:
        if build(root, site_dir=out_dir) != EXIT_OK:
            raise RuntimeError(f"the catalogue at {root} did not build; run `ocop validate`")
    finally:
        if saved is None:
            os.environ.pop("OCOP_TODAY", None)
        else:
            os.environ["OCOP_TODAY"] = saved


def _emit(root: Path, out_dir: Path) -> int:
    try:
        prepared = prepare(root, build_today())
    except BuildError as error:
        sys.stdout.write(error.report)
        return EXIT_ERRORS
    emit(prepared.files, out_dir)
    print(f"Đã ghi {len(prepared.files)} tệp nguồn vào {out_dir} / wrote page sources")
    return EXIT_OK


def serve(root: Path, addr: str) -> int:
    """Preview on ``addr``; rebuilds when a product, photo or template changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(config_file=str(root / "mkdocs.yml"), livereload=True, dev_addr=addr)
    return EXIT_OK
