"""Validate event files: load → schema → checks → model, as products are (generator.validate).

An event reaches the model (and so the site and the open data) only when its file has no
errors; a broken event file is reported with file and line and never touches the products.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..checks.fields import check_plain_text
from ..findings import Finding, display_path
from ..load.document import Document
from .build import build_event
from .checks import Catalogue, check_currency, check_dates, check_id, check_participants
from .load import EVENTS_DIR, event_files, load_event
from .model import Event
from .schema import check_event_schema


@dataclass
class EventResult:
    findings: list[Finding] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


def check_event(source: Path | bytes, file: str, catalogue: Catalogue) -> tuple[Document,
                                                                                  Event | None]:
    """Load and check one event file; the event is None when the file has errors."""
    doc = load_event(source, file)
    if doc.data is None:
        return doc, None
    doc.findings += check_event_schema(doc)
    if any(f.is_error for f in doc.findings):
        return doc, None
    doc.findings += check_id(doc) + check_dates(doc) + check_plain_text(doc)
    doc.findings += check_participants(doc, catalogue) + check_currency(doc, catalogue)
    if any(f.is_error for f in doc.findings):
        return doc, None
    return doc, build_event(doc.data, doc.file)


def validate_events(paths: list[Path], root: Path, catalogue: Catalogue) -> EventResult:
    """Check the event files ``paths`` (files, or folders of them)."""
    result = EventResult()
    files = sorted({f for p in paths for f in ([p] if p.is_file() else event_files(p))})
    for path in files:
        doc, event = check_event(path, display_path(path, root), catalogue)
        result.documents.append(doc)
        result.findings += doc.findings
        if event is not None:
            result.events.append(event)
    result.events.sort(key=lambda e: (e.start, e.id))
    return result


def events_folder(root: Path) -> Path:
    return root / EVENTS_DIR


def all_events(root: Path, today: date) -> list[Event]:
    """Every event whose file has no errors, soonest first, checked against the whole
    catalogue as of ``today`` (what the site shows; for open data and other exports)."""
    from ..validate import validate  # generator.validate calls this package: import late

    return validate([root / "products"], root, today).events
