"""Validate a catalogue: load → schema → semantic checks → model, collecting findings.

``ocop validate`` and the site build call the same :func:`validate`; a product reaches the
model (and so the site) only when its file has no errors. Event files (``events/``) are
checked after the products they name (:mod:`generator.events.validate`): when the whole
catalogue is validated, or when they are named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .checks.catalogue import Entry, check_catalogue
from .checks.result_cache import ResultCache
from .checks.runner import check_document, check_files
from .checks.settings import read_checks_off
from .events.checks import Catalogue
from .events.model import Event
from .events.validate import events_folder, validate_events
from .findings import Finding, display_path
from .gcpause import paused_gc
from .load.discover import discover
from .load.document import Document
from .model.product import Product

__all__ = ["Result", "check_document", "validate"]


@dataclass
class Result:
    """What validation found: findings for the requested files and the valid products."""

    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    #: the events whose files have no errors, soonest first
    events: list[Event] = field(default_factory=list)
    #: the event files checked (events/), repository-relative
    event_files: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def _catalogue_paths(requested: list[Path], root: Path) -> list[Path]:
    """Cross-file checks need the whole catalogue, even when only some files are named."""
    catalogue = root / "products"
    if catalogue.is_dir() and all(_within(p, catalogue) for p in requested):
        return [catalogue]
    return requested


def _within(path: Path, folder: Path) -> bool:
    return path.absolute().is_relative_to(folder.absolute())


def _event_paths(paths: list[Path], root: Path) -> tuple[list[Path], list[Path]]:
    """The event paths of a request, and the rest; the whole catalogue (the repository or
    its ``products/``) brings every event file with it."""
    folder = events_folder(root)
    events = [p for p in paths if _within(p, folder)]
    rest = [p for p in paths if not _within(p, folder)]
    if any(p == root or p == root / "products" for p in rest) and folder.is_dir():
        events.append(folder)
    return events, rest


def _check_events(result: Result, paths: list[Path], root: Path, entries: list[Entry],
                  files: list[Path]) -> None:
    """Event findings and valid events onto ``result`` (products named by any file count)."""
    if not paths:
        return
    catalogue = Catalogue(frozenset(f.parent.name for f in files),
                          {e.product.id: e.product for e in entries})
    checked = validate_events(paths, root, catalogue)
    result.findings += checked.findings
    result.documents += checked.documents
    result.events = checked.events
    result.event_files = [d.file for d in checked.documents]


def validate(paths: list[Path], root: Path, today: date, *, cached: bool = True) -> Result:
    """Validate the product files under ``paths``; report findings for those files only.

    ``cached``: reuse and store per-file results in ``.cache/ocop/validate/``
    (:mod:`generator.checks.result_cache`); the findings are the same either way."""
    root = root.absolute()
    event_paths, paths = _event_paths([p.absolute() for p in paths], root)
    requested = discover(paths, root)
    whole = _catalogue_paths(paths, root)
    context = requested if whole == paths else discover(whole, root)
    wanted = {display_path(p, root) for p in requested.files}
    result = Result(files=sorted(wanted), findings=list(requested.findings))
    entries: list[Entry] = []
    files = sorted(set(context.files) | set(requested.files), key=lambda p: p.parts)
    cache = ResultCache.at(root, today) if cached else None
    with paused_gc():
        for doc, entry in check_files(files, root, today, cache):
            if doc.file in wanted:
                result.documents.append(doc)
                result.findings += doc.findings
            if entry is not None:
                entries.append(entry)
        cross = (check_catalogue(entries) if cache is None
                 else cache.catalogue_findings(files, lambda: check_catalogue(entries)))
    result.findings += [f for f in cross if f.file in wanted]
    broken = {f.file for f in cross if f.is_error}
    publishable = wanted - broken
    result.products = [e.product for e in entries if e.doc.file in publishable]
    _check_events(result, event_paths, root, entries, context.files)
    off = read_checks_off(root)  # advisories a province turned off (extra.ocop.checks_off)
    result.findings = [f for f in result.findings if f.code not in off]
    result.findings.sort(key=Finding.sort_key)
    return result
