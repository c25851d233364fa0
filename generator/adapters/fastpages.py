"""Product and listing pages written from a theme shell, not through MkDocs' per-page pipeline.

MkDocs renders every page alone: it parses the front matter, runs Python-Markdown over the
body (one HTML block we rendered already), collects anchors, renders Material's whole template
and writes the file. At 20,000 products that is most of a build and all of it repeats the same
work. Here the pages of one *shape* (same kind, same folder but for a listing's own, same
empty and non-empty values: see :func:`shape`) are rendered by the theme once, with
placeholders, and every page of that shape is the shell filled with its values
(:mod:`generator.site.shell`).

Same bytes, checked: the first page of each shape is also built the way MkDocs builds any page
(its own ``_populate_page``/``_build_page``), and the shape falls back to that path for every
page when the two differ — a theme override or a plugin we do not know costs time, never
correctness. With any plugin besides ours, nothing goes this way. The pages stay MkDocs pages
for everything else: they are in ``files`` until the navigation is made, and in sitemap.xml.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import _build_page, _populate_page, get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..cache import is_kept
from ..forkpool import Background, cores
from ..gcpause import freeze_for_workers
from ..site.pages import PageSource, SourceFile, front_matter_text
from ..site.shell import FOLDER, PROBE, SAFE_SLUG, SLUG, Shell, make_shell, placeholders

#: the kinds of page (front matter ``ocop.kind``) that come in thousands
FAST_KINDS = frozenset({"product", "listing"})
#: where the photo pipeline's variants are published (generator/site/images.py)
MEDIA = "media/"
#: the slot of the page body
CONTENT = "content"
#: Material's content partial prints the page title as a heading unless the body has one
#: (``"\x3ch1" not in page.content``): the shell's body says whether it has one, then the
#: words are taken out of the shell again
H1 = "<h1"


def _leaves(meta: Mapping[str, Any], prefix: str = "meta") -> Iterable[tuple[str, Any]]:
    for key in sorted(meta):
        value, name = meta[key], f"{prefix}.{key}"
        if isinstance(value, Mapping):
            yield from _leaves(value, name)
        else:
            yield name, value


def slots(item: SourceFile) -> dict[str, str]:
    """The values of a page the theme prints: its slug, body and every text of its meta but
    the kind (a kind is a shape)."""
    assert item.page is not None
    values = {name: value for name, value in _leaves(item.page.meta)
              if isinstance(value, str) and name != "meta.ocop.kind"}
    values[SLUG] = Path(item.path).stem
    if (inner := _inner_folder(item.path)) is not None:
        values[FOLDER] = inner
    # what Python-Markdown makes of the body, one raw HTML block: the block, without its
    # closing newline (the first page of each shape checks it)
    values[CONTENT] = item.page.body.rstrip("\n")
    return values


def _inner_folder(path: str) -> str | None:
    """The folder a page is in under its kind's (``nhom/banh-keo/trang-2.md``: ``banh-keo``),
    a slot of the shell (:data:`FOLDER`); None for a page right in its kind's folder."""
    parts = path.split("/")
    return parts[1] if len(parts) == 3 else None


def _shape_folder(path: str) -> str:
    """The folder of a page's shell: its own, or its kind's with a hole for the one below."""
    parts = path.split("/")[:-1]
    return "/".join(parts[:1] + ["*"] * (len(parts) - 1))


def shape(item: SourceFile) -> tuple[Any, ...]:
    """Pages of one shape share a shell: same kind's folder and depth, same kind, same lists
    and the same values empty (a theme prints ``{% if ocop.image %}…`` or not)."""
    assert item.page is not None
    leaves = tuple((name, repr(value))
                   for name, value in _leaves(item.page.meta)
                   if not isinstance(value, str) or name == "meta.ocop.kind")
    values = tuple((name, bool(value)) for name, value in _leaves(item.page.meta)
                   if isinstance(value, str))
    return (_shape_folder(item.path), leaves, values)


def fast(item: SourceFile) -> bool:
    page = item.page
    parts = item.path.split("/")
    return (page is not None and page.meta.get("ocop", {}).get("kind") in FAST_KINDS
            and 2 <= len(parts) <= 3 and SAFE_SLUG.match(Path(item.path).stem) is not None
            and all(SAFE_SLUG.match(part) is not None for part in parts[1:-1]))


def _with_placeholders(meta: Mapping[str, Any], holes: Mapping[str, str], extra: str,
                       prefix: str = "meta") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in meta.items():
        name = f"{prefix}.{key}"
        if isinstance(value, Mapping):
            out[key] = _with_placeholders(value, holes, extra, name)
        else:
            out[key] = holes[name] + extra if name in holes else value
    return out


@dataclass
class FastPages:
    """The bulk pages of one build, from :meth:`take` (in ``on_files``) to :meth:`write`."""

    config: MkDocsConfig
    #: the planned bulk pages, by the URI of their source
    items: dict[str, SourceFile] = field(default_factory=dict)
    #: every documentation page in the order MkDocs would list it (sitemap.xml)
    doc_files: list[File] = field(default_factory=list)
    #: how many pages of each shape fell back to MkDocs' own path (tests, benchmarks)
    fallbacks: int = 0
    _by_uri: dict[str, File] = field(default_factory=dict)

    #: the other pages we planned as parts: MkDocs builds them, but not their body's Markdown
    light: dict[str, PageSource] = field(default_factory=dict)

    #: files of the build caches (photo variants, QR codes, booklets, open-data files:
    #: :func:`is_kept`), by their path in the site: hard-linked, not copied
    media: dict[str, Path] = field(default_factory=dict)

    def take(self, item: SourceFile) -> bool:
        """Keep a bulk page or a file to link (True), or note a page whose body needs no
        Markdown."""
        if item.source is not None and (item.path.startswith(MEDIA) or is_kept(item.source)):
            self.media[item.path] = item.source
            return True
        if fast(item):
            self.items[item.path] = item
            return True
        if item.page is not None and item.page.body.startswith("<"):
            self.light[item.path] = item.page
        return False

    def read_source(self, uri: str) -> str | None:
        """What MkDocs reads of a page: a bulk page whole (it is being checked, or fell back),
        a light page's front matter only (:meth:`content` gives its body)."""
        if uri in self.items:
            return self.source(uri).text
        if uri in self.light:
            return front_matter_text(self.light[uri].meta)
        return None

    def content(self, uri: str, html: str) -> str:
        """A light page's body as Python-Markdown passes one raw HTML block through."""
        page = self.light.get(uri)
        return html if page is None else page.body.rstrip("\n")

    def detach(self, files: Files) -> None:
        """Once the navigation is made: keep the full page list for the sitemap and take the
        bulk pages out of ``files`` (MkDocs will not read or build them)."""
        self.doc_files = list(files.documentation_pages())
        self._by_uri = {file.src_uri: file for file in self.doc_files if file.src_uri in self.items}
        for uri in self.items:
            file = files.get_file_from_path(uri)
            assert file is not None
            # MkDocs made its page while making the navigation (each Page costs 0.1 ms: its
            # URL joined and parsed); one made anew would be the same
            page = file.page if file.page is not None else Page(None, file, self.config)
            page.meta = dict(self.source(uri).meta)
            page.markdown = ""
            files.remove(file)

    def source(self, uri: str) -> PageSource:
        page = self.items[uri].page
        assert page is not None
        return page

    def link_media(self) -> None:
        """The photos and open-data files: hard links to the caches' files (never changed in
        place: the photo cache writes a new file and renames it, each build writes its open
        data into a new folder), copies where a link cannot be made."""
        site = Path(self.config.site_dir)
        for path, source in self.media.items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)

    def write(self, env: jinja2.Environment, nav: Navigation, files: Files) -> None:
        """Write every bulk page: each shape's first page the way MkDocs builds it, the others
        filled into the shape's shell on every core; a shape whose shell does not give the
        first page's bytes, and a page whose body breaks its shape, are built by MkDocs."""
        groups: dict[tuple[Any, ...], list[str]] = {}
        for uri, item in self.items.items():
            groups.setdefault(shape(item), []).append(uri)
        jobs: list[tuple[Shell, bool, str]] = []
        slow: list[str] = []
        for uris in groups.values():
            shell, h1 = self._checked_shell(uris[0], env, nav, files)
            if shell is None:
                slow += uris[1:]
            else:
                jobs += [(shell, h1, uri) for uri in uris[1:]]
        slow += fill_all(jobs, self)
        self.fallbacks += len(slow)
        for uri in slow:
            self._build_like_mkdocs(self.doc_by_uri(uri), env, nav, files)

    def _checked_shell(self, uri: str, env: jinja2.Environment, nav: Navigation,
                       files: Files) -> tuple[Shell | None, bool]:
        expected = self._build_like_mkdocs(self.doc_by_uri(uri), env, nav, files)
        values = slots(self.items[uri])
        h1 = H1 in values[CONTENT]
        shell = self._shell(self.items[uri], values, env, nav)
        if shell is None or shell.fill(values) != expected:
            return None, h1
        return shell, h1

    def fill_one(self, shell: Shell, h1: bool, uri: str) -> bool:
        """Write one page from its shell; False when its body breaks the shape."""
        values = slots(self.items[uri])
        if (H1 in values[CONTENT]) != h1:
            return False
        _write(self.doc_by_uri(uri).abs_dest_path, shell.fill(values))
        return True

    def doc_by_uri(self, uri: str) -> File:
        return self._by_uri[uri]

    def _build_like_mkdocs(self, file: File, env: jinja2.Environment, nav: Navigation,
                           files: Files) -> str:
        """Build one page exactly the way MkDocs builds every page; return what it wrote."""
        page = Page(None, file, self.config)
        files.append(file)
        try:
            _populate_page(page, self.config, files)
            _build_page(page, self.config, self.doc_files, nav, env)
        finally:
            files.remove(file)
        return Path(file.abs_dest_path).read_text(encoding="utf-8")

    def _render(self, file: File, meta: dict[str, Any], content: str, env: jinja2.Environment,
                nav: Navigation) -> str:
        page = Page(None, file, self.config)
        page.markdown, page.meta, page.content = "", meta, content
        page.active, self.config._current_page = True, page
        try:
            context = get_context(nav, self.doc_files, self.config, page)
            template = env.get_template(meta.get("template", "main.html"))
            context = self.config.plugins.on_page_context(context, page=page, config=self.config,
                                                          nav=nav)
            output = template.render(context)
            return self.config.plugins.on_post_page(output, page=page, config=self.config)
        finally:
            page.active, self.config._current_page = False, None

    def _shell(self, item: SourceFile, values: Mapping[str, str], env: jinja2.Environment,
               nav: Navigation) -> Shell | None:
        holes = placeholders(values)
        folder = str(Path(item.path).parent)
        if FOLDER in holes:  # a page of a listing's folder: that folder is a hole too
            folder = f"{Path(folder).parent}/{holes[FOLDER]}"
        file = File.generated(self.config, f"{folder}/{holes[SLUG]}.md", content="")
        assert item.page is not None
        mark = H1 + ">" if H1 in values[CONTENT] else ""
        renders = [self._render(file, _with_placeholders(item.page.meta, holes, extra),
                                holes[CONTENT] + extra + mark, env, nav).replace(
                                    holes[CONTENT] + extra + mark, holes[CONTENT] + extra)
                   for extra in ("", PROBE)]
        plain, probed = renders
        return make_shell(plain, probed, holes)


#: the work the forked writers share (set just before they fork: nothing is pickled but indexes)
_JOBS: tuple[list[tuple[Shell, bool, str]], FastPages, int] | None = None
#: below this many pages, forking costs more than it saves
PARALLEL_FROM = 200


def fill_all(jobs: list[tuple[Shell, bool, str]], pages: FastPages) -> list[str]:
    """Fill and write ``jobs`` on every core; return the pages that broke their shape.

    This process writes one share itself and forks a worker for each other share
    (:class:`generator.forkpool.Background`: only indexes cross). Each process renders its
    own share of the bodies and touches the plan's objects as it goes (their reference
    counts), so each process ends up with its own copy of the pages it shares with the others:
    at 20,000 products, 500 MB each. A worker fewer is a copy fewer."""
    global _JOBS
    workers = min(cores(), 8) if len(jobs) >= PARALLEL_FROM else 1
    _JOBS = (jobs, pages, workers)
    others: list[Background[list[str]]] = []
    if workers > 1:
        freeze_for_workers()
    try:
        others = [Background(_fill_part, index) for index in range(1, workers)]
        mine = _fill_part(0)
        return mine + [uri for other in others for uri in other.result()]
    finally:
        for other in others:
            other.close()
        _JOBS = None


def _fill_part(index: int) -> list[str]:
    assert _JOBS is not None, "set before the fork"
    jobs, pages, count = _JOBS
    return [uri for shell, h1, uri in jobs[index::count] if not pages.fill_one(shell, h1, uri)]


def _write(path: str, text: str) -> None:
    folder = os.path.dirname(path)
    try:  # a product page's folder is new, its parent is there: one mkdir, not makedirs' walk
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
    with open(path, "wb") as out:
        out.write(text.encode("utf-8", errors="xmlcharrefreplace"))
