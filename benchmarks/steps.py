"""The steps measured at each size, in order, each a fresh child process driving only the
command line (``python -m generator.cli``, so the harness works whatever the internals become).

========================  ==================================================================
validate-cold             ``ocop validate`` with no ``.cache/``
validate-warm             the same again (its per-file caches warm)
validate-clone            again after every photo was written anew (a fresh clone with its
                          ``.cache/`` restored: new times, the same bytes), as CI runs it
prewarm-photos            setup: builds a tiny catalogue holding one product per distinct
                          photo, and copies its ``.cache/ocop/photos`` (content-keyed) over
build-first               ``ocop build``: no site/, no .cache/ but the photos (QR codes made)
build-full                ``ocop build``: no site/, no .cache/ but the photos and QR codes
build-noop                ``ocop build`` again, nothing changed
search-index              bytes of site/pagefind (no child process)
search-queries            first and later query in Chromium (:mod:`benchmarks.search`)
emit                      ``ocop build --emit``: validate + plan + sources, no engine
bare-mkdocs               plain ``mkdocs build`` of the emitted sources (:mod:`benchmarks.baselines`)
bare-pagefind             the ``pagefind`` binary over that site
jinja                     :mod:`benchmarks.jinja_baseline` over the emitted sources
build-product             after one product's description changed (:mod:`benchmarks.mutate`)
build-photo               after one product's photo got new bytes
build-template            after the catalogue's override of Material's main.html changed
booklet                   opt-in: ``ocop print`` of the whole catalogue, booklet cache empty
========================  ==================================================================
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import baselines, mutate, search
from .catalogue import REPO, Spec, fresh_root, product_files
from .measure import Measurement, run

#: the order: what the ratio targets need first, the rebuilds after a change (slow while every
#: build prints booklets) last
STEPS = ("validate-cold", "validate-warm", "validate-clone", "prewarm-photos", "build-first", "build-full",
         "build-noop",
         "search-index", "search-queries", "emit", "bare-mkdocs", "bare-pagefind", "jinja",
         "build-product", "build-photo", "build-template", "booklet")
BASELINES = ("emit", "bare-mkdocs", "bare-pagefind", "jinja")
OPT_IN = ("booklet",)
NEEDS = {"validate-clone": ("validate-warm",), "build-first": ("prewarm-photos",),
         "build-full": ("build-first",),
         "build-noop": ("build-full",),
         "build-product": ("build-full",), "build-photo": ("build-full",),
         "build-template": ("build-full",), "search-index": ("build-full",),
         "search-queries": ("build-full",), "bare-mkdocs": ("emit",),
         "bare-pagefind": ("bare-mkdocs",), "jinja": ("emit",), "booklet": ("prewarm-photos",)}


def plan(only: tuple[str, ...] = (), *, baselines: bool = True, browser: bool = True,
         booklet: bool = False) -> list[str]:
    """The steps to run, in order: ``only`` (with what they need) or the default set."""
    if only:
        wanted: set[str] = set()
        todo = list(only)
        while todo:
            name = todo.pop()
            if name not in STEPS:
                raise ValueError(f"unknown step {name!r}: one of {', '.join(STEPS)}")
            if name not in wanted:
                wanted.add(name)
                todo.extend(NEEDS.get(name, ()))
        return [s for s in STEPS if s in wanted]
    skipped = set(OPT_IN) - ({"booklet"} if booklet else set())
    skipped |= set() if baselines else set(BASELINES)
    skipped |= set() if browser else {"search-queries"}
    return [s for s in STEPS if s not in skipped]


@dataclass
class Context:
    spec: Spec
    folder: Path  # WORK/runs/<size>
    repo: Path = REPO
    results: dict[str, Any] = field(default_factory=dict)
    #: extra.ocop.print.site_max_products for the copied mkdocs.yml (None: as shipped)
    site_booklets: int | None = None

    @property
    def root(self) -> Path:
        return self.folder / "root"

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(self.repo)}

    def ocop(self, name: str, *args: str, root: Path | None = None) -> Measurement:
        """Time ``ocop ARGS --root ROOT --today DAY`` as step ``name``."""
        where = root or self.root
        cmd = [sys.executable, "-m", "generator.cli", *args, "--root", str(where),
               "--today", self.spec.today.isoformat()]
        return run(cmd, cwd=where, env=self.env, log=self.folder / "logs" / f"{name}.log")

    def timed(self, name: str, cmd: list[str]) -> Measurement:
        return run(cmd, cwd=self.folder, env=self.env, log=self.folder / "logs" / f"{name}.log")


Result = tuple[Measurement | None, dict[str, Any]]
#: the caches a full build keeps: media derived from one input each, encoded once ever and
#: keyed by content (a photo's variants; a page URL's QR code, whose best mask segno takes
#: about 8 ms of CPU to choose — 166 s at 20,000 — and which never changes for a URL)
DERIVED_MEDIA = ("photos", "qr")


def validate(ctx: Context, name: str) -> Result:
    if name == "validate-cold":
        shutil.rmtree(ctx.root / ".cache", ignore_errors=True)
    notes = {"files_rewritten": len(mutate.as_cloned(ctx.root))} if name == "validate-clone" else {}
    return ctx.ocop(name, "validate", "--format", "text", str(ctx.root / "products")), notes


def photo_keys(root: Path) -> dict[str, Path]:
    """One product folder per distinct first-photo content (sha256), the first in order."""
    out: dict[str, Path] = {}
    for path in product_files(root):
        digest = hashlib.sha256(mutate.first_photo(path).read_bytes()).hexdigest()
        out.setdefault(digest, path.parent)
    return out


def prewarm(ctx: Context, name: str) -> Result:
    tiny = fresh_tiny(ctx.root, ctx.folder / "prewarm", ctx.repo)
    made = ctx.ocop(name, "build", root=tiny)
    cached = tiny / ".cache" / "ocop" / "photos"
    if made.ok and cached.is_dir():
        target = ctx.root / ".cache" / "ocop" / "photos"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(cached, target)
    files = len(list(cached.glob("*"))) if cached.is_dir() else 0
    return made, {"setup": True, "products": len(list((tiny / "products").rglob("product.yaml"))),
                  "photo_cache_files": files}


def fresh_tiny(root: Path, tiny: Path, repo: Path) -> Path:
    """A catalogue with one product per distinct photo of ``root`` (for the photo cache)."""
    shutil.rmtree(tiny, ignore_errors=True)
    for folder in photo_keys(root).values():
        shutil.copytree(folder, tiny / folder.relative_to(root))
    for name in ("mkdocs.yml", "docs", "site_templates"):
        source = repo / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, tiny / name)
    return tiny


def build(ctx: Context, name: str) -> Result:
    notes: dict[str, Any] = {}
    if name in ("build-first", "build-full"):
        shutil.rmtree(ctx.root / "site", ignore_errors=True)
        kept = DERIVED_MEDIA if name == "build-full" else ("photos",)
        for entry in (ctx.root / ".cache" / "ocop").glob("*"):
            if entry.name not in kept:
                (shutil.rmtree if entry.is_dir() else os.unlink)(entry)
    changes: dict[str, Callable[[Path], Path]] = {
        "build-product": mutate.change_product, "build-photo": mutate.change_photo,
        "build-template": mutate.change_template}
    if name in changes:
        notes["changed"] = str(changes[name](ctx.root).relative_to(ctx.root))
    measured = ctx.ocop(name, "build")
    notes["pages"] = sum(1 for _ in (ctx.root / "site").rglob("*.html"))
    return measured, notes


def search_index(ctx: Context, name: str) -> Result:
    ctx.results.setdefault("search", {})["index"] = search.index_size(ctx.root / "site")
    return None, {}


def search_queries(ctx: Context, name: str) -> Result:
    ctx.results.setdefault("search", {})["queries"] = search.measure_queries(ctx.root / "site")
    return None, {}


def emit(ctx: Context, name: str) -> Result:
    out = ctx.folder / "emit"
    shutil.rmtree(out, ignore_errors=True)
    measured = ctx.ocop(name, "build", "--emit", str(out))
    return measured, {"pages": sum(1 for _ in out.rglob("*.md"))}


def bare_mkdocs(ctx: Context, name: str) -> Result:
    folder = ctx.folder / "bare"
    shutil.rmtree(folder / "site", ignore_errors=True)
    config = baselines.write_bare_config(folder, ctx.folder / "emit", ctx.repo)
    measured = ctx.timed(name, [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)])
    return measured, {"pages": sum(1 for _ in (folder / "site").rglob("*.html"))}


def bare_pagefind(ctx: Context, name: str) -> Result:
    site = ctx.folder / "bare" / "site"
    measured = ctx.timed(name, [baselines.pagefind_binary(), "--site", str(site)])
    return measured, {"index": search.index_size(site) if (site / "pagefind").is_dir() else None}


def jinja(ctx: Context, name: str) -> Result:
    out = ctx.folder / "jinja"
    shutil.rmtree(out, ignore_errors=True)
    script = ctx.repo / "benchmarks" / "jinja_baseline.py"
    measured = ctx.timed(name, [sys.executable, str(script), str(ctx.folder / "emit"), str(out)])
    return measured, {"pages": sum(1 for _ in out.rglob("*.html"))}


def booklet(ctx: Context, name: str) -> Result:
    shutil.rmtree(ctx.root / ".cache" / "ocop" / "booklets", ignore_errors=True)
    out = ctx.folder / "booklet"
    shutil.rmtree(out, ignore_errors=True)
    return ctx.ocop(name, "print", "-o", str(out)), {}


RUNNERS: dict[str, Callable[[Context, str], Result]] = {
    "validate-cold": validate, "validate-warm": validate, "validate-clone": validate,
    "prewarm-photos": prewarm,
    "build-first": build, "build-full": build, "build-noop": build, "build-product": build,
    "build-photo": build,
    "build-template": build, "search-index": search_index, "search-queries": search_queries,
    "emit": emit, "bare-mkdocs": bare_mkdocs, "bare-pagefind": bare_pagefind, "jinja": jinja,
    "booklet": booklet,
}


def set_site_booklets(config: Path, limit: int) -> None:
    """Set ``site_max_products`` in a copied mkdocs.yml (a new file, never through a link)."""
    text = config.read_text(encoding="utf-8")
    old = re.search(r"^(\s+site_max_products:) *\d+", text, re.M)
    assert old is not None, f"no site_max_products in {config}"
    config.unlink()
    config.write_text(text[:old.start()] + f"{old.group(1)} {limit}" + text[old.end():],
                      encoding="utf-8")


def run_steps(ctx: Context, names: list[str], source: Path, say: Callable[[str], None],
              done: Callable[[], None] = lambda: None) -> None:
    """Run ``names`` on a fresh copy of ``source``; results into ``ctx.results['steps']``,
    ``done()`` called after each step (the run saves what it has)."""
    fresh_root(source, ctx.root, ctx.repo)
    if ctx.site_booklets is not None:
        set_site_booklets(ctx.root / "mkdocs.yml", ctx.site_booklets)
    steps = ctx.results.setdefault("steps", {})
    for name in names:
        load = os.getloadavg()[0]
        measured, notes = RUNNERS[name](ctx, name)
        steps[name] = {**(measured.to_json() if measured else {}), **notes, "load_before": load}
        done()
        if measured:
            state = "ok" if measured.ok else f"FAILED (exit {measured.returncode}, {measured.log})"
            say(f"  {name}: {measured.wall:.1f} s, {measured.tree_pss / 1e9:.2f} GB (PSS), {state}")
        else:
            say(f"  {name}: done")
