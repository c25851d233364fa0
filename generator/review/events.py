"""What a change did to event files (``events/``): an event added or removed, its dates or
place moved, a product added to or dropped from it, a booth changed.

Both sides are read with the one event loader (:func:`generator.events.load.load_event`), so
the review reads a file exactly as the validator does; a side that cannot be read is shown as
such and the validator's findings say why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from ..dates import day
from ..events.load import EVENTS_DIR, is_event_file, load_event
from ..markdown import md, md_code
from ..messages import Texts
from .trees import Tree

SAY = Texts("review.events", {
    "h.events": ("### Sự kiện thay đổi / Changed events", "### Changed events"),
    "count": ("{n} sự kiện", "{n} event(s)"),
    "added": ("thêm sự kiện", "event added"),
    "removed": ("bỏ sự kiện", "event removed"),
    "changed": ("sửa", "changed"),
    "unreadable": ("không đọc được tệp — xem kết quả kiểm tra", "the file cannot be read — see "
                   "the findings"),
    "dates": ("đổi ngày: {old} → {new}", "dates moved: {old} → {new}"),
    "venue": ("đổi địa điểm: {old} → {new}", "venue changed: {old} → {new}"),
    "name": ("đổi tên: {old} → {new}", "renamed: {old} → {new}"),
    "product_added": ("thêm sản phẩm {product}{booth}", "product added: {product}{booth}"),
    "product_dropped": ("bỏ sản phẩm {product}", "product dropped: {product}"),
    "booth": ("{product}: gian {old} → {new}", "{product}: booth {old} → {new}"),
    "at_booth": (" (gian {booth})", " (booth {booth})"),
    "none": ("chưa có", "none"),
    "other": ("các trường khác", "other fields"),
})


@dataclass(frozen=True)
class EventChange:
    """One event file's change: its data on each side (None: absent; {}: unreadable)."""

    file: str
    kind: str  # added, removed, changed
    name: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None

    def lines(self, lang: str = "vi") -> list[str]:
        current = self.new if self.new is not None else self.old
        if not current or (self.kind == "changed" and not self.old):
            return [SAY("unreadable", lang)]
        if self.kind != "changed":
            return [SAY(self.kind, lang) + f": {_dates(current)}"]
        return describe(self.old or {}, current, lang)


def event_paths(paths: Sequence[str]) -> list[str]:
    """The changed paths that are event files."""
    return [p for p in paths if p.startswith(f"{EVENTS_DIR}/") and p.count("/") == 1
            and is_event_file(PurePosixPath(p))]


def _data(raw: bytes | None, file: str) -> dict[str, Any] | None:
    if raw is None:
        return None
    data = load_event(raw, file).data
    return data if isinstance(data, dict) else {}


def _day(value: object) -> str:
    try:
        return day(date.fromisoformat(str(value)))
    except ValueError:
        return md(str(value))


def _dates(data: dict[str, Any]) -> str:
    start, end = _day(data.get("start", "?")), _day(data.get("end", "?"))
    return start if start == end else f"{start} – {end}"


def _booths(data: dict[str, Any]) -> dict[str, str]:
    items = data.get("participants") or []
    return {str(p.get("product")): str(p.get("booth") or "") for p in items
            if isinstance(p, dict)}


def _field_lines(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    out = []
    pairs = (("name", lambda d: (d.get("name") or {}).get("vi", "")),
             ("dates", _dates), ("venue", lambda d: (d.get("venue") or {}).get("name", "")))
    for key, read in pairs:
        if read(old) != read(new):
            old_text, new_text = str(read(old)), str(read(new))
            out.append(SAY(key, lang, old=old_text if key == "dates" else md(old_text),
                           new=new_text if key == "dates" else md(new_text)))
    return out


def _product_lines(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    before, after = _booths(old), _booths(new)
    out = []
    for product in sorted(after.keys() - before.keys()):
        at = SAY("at_booth", lang, booth=md(after[product])) if after[product] else ""
        out.append(SAY("product_added", lang, product=md_code(product), booth=at))
    out += [SAY("product_dropped", lang, product=md_code(p))
            for p in sorted(before.keys() - after.keys())]
    none = SAY("none", lang)
    out += [SAY("booth", lang, product=md_code(p), old=md(before[p]) or none,
                new=md(after[p]) or none)
            for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    return out


def describe(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    """What changed in one event, in words; "other fields" when only those did."""
    lines = _field_lines(old, new, lang) + _product_lines(old, new, lang)
    return lines or ([SAY("other", lang)] if old != new else [])


def _change(file: str, old: dict[str, Any] | None,
            new: dict[str, Any] | None) -> EventChange | None:
    current = new if new is not None else old or {}
    name = str((current.get("name") or {}).get("vi") or file)
    kind = "added" if old is None else "removed" if new is None else "changed"
    return None if kind == "changed" and old == new else EventChange(file, kind, name, old, new)


def event_changes(old_tree: Tree, new_tree: Tree, paths: Sequence[str]) -> list[EventChange]:
    """One change per event file that differs between the two trees."""
    files = event_paths(paths)
    old, new = old_tree.read(files), new_tree.read(files)
    changes = (_change(f, _data(old.get(f), f), _data(new.get(f), f)) for f in files)
    return [c for c in changes if c is not None]


def render_events(changes: Sequence[EventChange], lang: str = "vi") -> list[str]:
    """The Markdown section of the review comment ([] when no event changed)."""
    if not changes:
        return []
    lines = [SAY("h.events", lang), ""]
    for change in changes:
        lines.append(f"- **{md(change.name)}** — {md_code(change.file)}")
        lines += [f"  - {line}" for line in change.lines(lang)]
    return [*lines, ""]
