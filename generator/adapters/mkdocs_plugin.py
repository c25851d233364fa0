"""The thin MkDocs adapter: inject the generated pages, index them for search, swap the site.

Everything about the catalogue is decided in ``generator.site``; this module only connects
it to MkDocs' events, so another engine (Zensical reads the same mkdocs.yml) needs another
thin adapter, not a rewrite. ``mkdocs build`` and ``ocop build`` run this same code.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path
from typing import Any, Literal

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..dates import parse_today
from ..errors import BuildError, ConfigError
from ..resources import resource_path
from ..site.build import CACHE_DIR, Prepared, pin_build_date, prepare, staging_dir
from ..site.build import swap_into as _swap
from ..site.config import from_mkdocs
from ..site.search import index_site
from .fastpages import FastPages

log = logging.getLogger("mkdocs.plugins.ocop")
#: generated pages that belong in the site navigation; products never do (a quadratic build).
#: The others may still be listed in mkdocs.yml's nav (the shipped one lists the indexes
#: dia-phuong/index.md and nhom/index.md); unlisted, they raise no warning.
IN_NAV = {"index.md", "danh-muc.md"}


def _add_packaged_templates(config: MkDocsConfig) -> None:
    """Use the packaged site_templates/ after any custom_dir of the adopting repository, so a
    province needs no copy of our templates (its own overrides still win)."""
    packaged = str(resource_path("site_templates"))
    dirs = config.theme.dirs
    if packaged in dirs:
        return
    custom = config.theme.custom_dir
    dirs.insert(1 if custom and dirs and dirs[0] == custom else 0, packaged)


class OcopPluginConfig(base.Config):
    #: product and listing pages filled into a theme shell (adapters/fastpages.py) rather than
    #: each run through MkDocs' whole page pipeline; ``false`` builds them the slow way (the
    #: same bytes: tests compare both)
    fast_pages = c.Type(bool, default=True)


class OcopPlugin(BasePlugin[OcopPluginConfig]):
    def __init__(self) -> None:
        super().__init__()
        #: the day validity is computed for; ``ocop build`` sets it, a bare ``mkdocs build``
        #: takes $OCOP_TODAY or the real date (:func:`generator.dates.parse_today`)
        self.today: date | None = None
        self.command = "build"
        self.final: Path | None = None
        self.prepared: Prepared | None = None
        self.error: BuildError | None = None
        #: a bare ``mkdocs build`` logs the officer's report; ``ocop build`` prints it itself
        #: (once, on standard output), so it turns this off
        self.log_report = True
        #: ``ocop build`` indexes the site for search and swaps it in itself, from a process
        #: that does not hold the plan (engine.py); a bare ``mkdocs build`` does it here
        self.defer_search = False
        self.fast: FastPages | None = None
        self.nav: Navigation | None = None
        self.env: jinja2.Environment | None = None
        self.files: Files | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.today is None:
            self.today = parse_today()
        pin_build_date(self.today)
        _add_packaged_templates(config)
        if self.command != "serve":
            self.final = Path(config.site_dir)
            config.site_dir = str(staging_dir(self.final))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).parent
        assert self.today is not None, "set in on_config"
        try:
            try:
                settings = from_mkdocs(config, Path(config.config_file_path).name)
            except ConfigError as error:
                raise BuildError(f"{error}\n") from error
            self.prepared = prepare(root, self.today, settings)
        except BuildError as error:
            self.error = error
            if self.log_report:
                log.error("Danh mục có lỗi, không đăng trang / the catalogue has errors:\n%s",
                          error.report)
            raise Abort("ocop: sửa các lỗi trên rồi dựng lại / fix the errors above") from error
        self.fast = FastPages(config) if self._fast_allowed(config) else None
        for item in self.prepared.files:
            inclusion = (InclusionLevel.UNDEFINED if item.path in IN_NAV
                         else InclusionLevel.NOT_IN_NAV)
            if self.fast is not None and self.fast.take(item):
                if item.path in self.fast.media:
                    continue
                new = File.generated(config, item.path, content="", inclusion=inclusion)
            elif self.fast is not None and item.path in self.fast.light:
                # read from on_page_read_source and on_page_content: a text of it here would
                # be held to the end (11 pages of 4 MB each at 20,000 products)
                new = File.generated(config, item.path, content="", inclusion=inclusion)
            elif (text := item.text) is not None:
                new = File.generated(config, item.path, content=text, inclusion=inclusion)
            else:
                new = File.generated(config, item.path, abs_src_path=str(item.source),
                                     inclusion=inclusion)
            if item.path in files.src_uris:
                files.remove(files.src_uris[item.path])
            files.append(new)
        return files

    def _fast_allowed(self, config: MkDocsConfig) -> bool:
        """Only with no other plugin: another plugin's page hooks must see every page."""
        return self.config.fast_pages and set(config.plugins) <= {"ocop"}

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        if self.fast is not None:
            self.fast.detach(files)
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig,
               files: Files) -> jinja2.Environment:
        self.env, self.files = env, files
        return env

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A bulk page MkDocs builds itself (the check of a shape, or its fallback), or a page
        whose body skips Markdown (adapters/fastpages.py)."""
        return None if self.fast is None else self.fast.read_source(page.file.src_uri)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        return html if self.fast is None else self.fast.content(page.file.src_uri, html)

    def on_template_context(self, context: Any, *, template_name: str,
                            config: MkDocsConfig) -> Any:
        """sitemap.xml lists every page, the bulk ones too."""
        if self.fast is not None and template_name == "sitemap.xml":
            context["pages"] = self.fast.doc_files
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.prepared is not None  # on_files ran (or the build stopped there)
        if self.fast is not None:
            assert self.env is not None and self.nav is not None and self.files is not None
            self.fast.write(self.env, self.nav, self.files)
            self.fast.link_media()
        self.prepared.bodies.commit()  # every body is written: keep them for the next build
        if self.defer_search:
            return
        index_site(Path(config.site_dir), self.prepared.search,
                   cache_dir=Path(config.config_file_path).parent / CACHE_DIR / "search")
        if self.final is not None:
            _swap(Path(config.site_dir), self.final)
            config.site_dir = str(self.final)

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build leaves the published site untouched and no half-written copy."""
        if self.final is not None:
            shutil.rmtree(staging_dir(self.final), ignore_errors=True)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path).parent
        for folder in ("products", "site_templates", "schema"):
            if (root / folder).exists():
                server.watch(str(root / folder))
        return server
