"""The import of one sheet, row by row: each row below the header is empty, a section heading,
or a product, which is matched to the catalogue and becomes a new file, is merged into a file
planned earlier in this run, or updates (with ``--update``) a product already there. What
happened to each row is an :class:`Outcome`; nothing is written until :func:`write_plans`."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import display_path
from ..places import Unit, match_names
from ..places.tables import old_tables
from ..productfile import area_slug, product_id, taken_ids
from .cells import text_of
from .closing import closing_words, first_text, is_totals, table_end
from .header import Header
from .match import Plan, load_catalogue, match
from .merge import merge
from .notes import Note, note
from .place import parse_place
from .rows import Row, parse_grouping, parse_recognition, parse_subject
from .table import Table, Value


@dataclass
class Context:
    root: Path
    header: Header
    province: Unit | None = None
    province_row: int | None = None
    area_from: str = "district"
    update: bool = False
    section: Unit | None = None  # the district a section heading («I. HUYỆN …») named
    taken: set[str] = field(default_factory=set)
    end: int | None = None  # the first row (0-based) of the closing block, if any


@dataclass
class Outcome:
    """What happened to one sheet row."""

    number: int
    action: str
    name: str = ""
    plan: Plan | None = None
    notes: list[Note] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    other: str = ""
    last: int = 0  # the last row of a block of rows (the closing block)


_ROMAN = re.compile(r"[IVXLC]+|[A-Z]")


def section_heading(values: Sequence[Value], header: Header) -> str | None:
    """The text of a row that heads a part of the list («I. HUYỆN TIÊN PHƯỚC»), not a product:
    one value merged across cells, or a Roman numeral or letter where the number should be."""
    filled = [v for v in values if v is not None]
    texts = list(dict.fromkeys(text_of(v) for v in filled))
    if len(texts) == 1 and len(filled) >= 2:
        return texts[0]
    stt = header.field("stt")
    number = values[stt.index] if stt else None
    if isinstance(number, str) and not number.strip(" .").isdigit() and (
            _ROMAN.fullmatch(number.strip(" .)")) or len(filled) == 1):
        return " ".join(texts)
    return None


def _section_district(text: str, ctx: Context) -> Unit | None:
    if ctx.province is None:
        return None
    districts = [(u, [u.name]) for u in old_tables().districts_of(ctx.province.code)]
    for name in (re.sub(r"^\s*([IVXLC]+|\d+)[.)\-:]?\s+|^\s*[A-Z][.)\-:]\s*", "", text), text):
        matches = match_names(name, districts)
        if len(matches) == 1:
            return matches[0]
    return None


def read_row(table: Table, r: int, ctx: Context) -> Row:
    values = table.rows[r]
    cells = {c.field: (c, values[c.index]) for c in ctx.header.columns
             if c.field and values[c.index] is not None}
    row = Row(r + 1, {k: v for k, (_, v) in cells.items()}, {k: c for k, (c, _) in cells.items()})
    row.notes += [note("nfd", c) for c in ctx.header.columns if (r, c.index) in table.nfd]
    row.name = " ".join(text_of(row.values.get("name")).split())
    parse_subject(row)
    parse_recognition(row)
    parse_grouping(row, ctx.province)
    parse_place(row, ctx.province, ctx.section)
    return row


def _new_plan(row: Row, plans: list[Plan], ctx: Context) -> Plan:
    place = row.commune_name if ctx.area_from == "commune" and row.commune_name else None
    place = place or row.district_name or (ctx.province.name if ctx.province else "")
    area = area_slug(place) or "khac"
    taken = ctx.taken | {p.id for p in plans}
    base = product_id(row.name) or "san-pham"
    options = [base] if len(base) >= 3 else []
    options += [f"{base}-{area}", *(f"{base}-{area}-{n}" for n in range(2, 1000))]
    pid = next(o for o in options if o not in taken)
    path = ctx.root / "products" / area / pid / "product.yaml"
    return Plan(path, {"id": pid, "name": {"vi": row.name}}, existed=False, first_row=row.number)


def _catalogue_row(row: Row, plan: Plan, data: dict[str, Any], ctx: Context) -> Outcome:
    """A row about a product of the catalogue: its file changes only with ``--update``, and
    not when it has comments written by hand."""
    trial = copy.deepcopy(data)
    changes, notes = merge(trial, row)
    notes = row.notes + notes
    if not changes:
        return Outcome(row.number, "unchanged", row.name, plan, notes)
    if not ctx.update:
        return Outcome(row.number, "exists", row.name, plan, notes, changes)
    hand = plan.hand_comments()
    if hand:
        notes.append(note("hand_comments", raw=", ".join(map(str, hand)), changes=", ".join(changes)))
        return Outcome(row.number, "blocked", row.name, plan, notes, changes)
    plan.data = trial
    plan.changes += [c for c in changes if c not in plan.changes]
    return Outcome(row.number, "updated", row.name, plan, notes, changes)


def _known_row(row: Row, plan: Plan, ctx: Context) -> Outcome:
    """A row about a product already in the catalogue or already met in this sheet."""
    first = plan.rows.get(row.signature)
    if first is not None:
        return Outcome(row.number, "duplicate", row.name, plan, row.notes, other=str(first))
    plan.rows[row.signature] = row.number
    if plan.data is None:
        shown = display_path(plan.path, ctx.root)
        return Outcome(row.number, "broken", row.name, plan, [*row.notes, note("broken", raw=shown)])
    if not plan.existed:
        changes, notes = merge(plan.data, row)
        return Outcome(row.number, "merged", row.name, plan, row.notes + notes, changes,
                       other=str(plan.first_row))
    return _catalogue_row(row, plan, plan.data, ctx)


def _section_row(r: int, heading: str, ctx: Context) -> Outcome:
    """A section heading; the district it names, if any, is the default of the rows below."""
    district = _section_district(heading, ctx)
    ctx.section = district or ctx.section
    notes = [note("section_district", raw=district)] if district else []
    return Outcome(r + 1, "section", notes=notes, other=heading)


def _product_row(row: Row, plans: list[Plan], ctx: Context) -> Outcome:
    if not row.name:
        column = ctx.header.field("name")
        return Outcome(row.number, "no_name", notes=[*row.notes, note("no_name", column)])
    plan, several = match(row, plans)
    if several:
        listed = ", ".join(display_path(p.path, ctx.root) for p in several)
        return Outcome(row.number, "ambiguous", row.name,
                       notes=[*row.notes, note("ambiguous", raw=listed)])
    if plan is not None:
        return _known_row(row, plan, ctx)
    plan = _new_plan(row, plans, ctx)
    plan.rows[row.signature] = row.number
    plans.append(plan)
    _, notes = merge(plan.data or {}, row)
    return Outcome(row.number, "new", row.name, plan, row.notes + notes)


def import_row(table: Table, r: int, plans: list[Plan], ctx: Context) -> Outcome:
    values = table.rows[r]
    if all(v is None for v in values):
        return Outcome(r + 1, "empty")
    if is_totals(values) and closing_words(values, ctx.header):
        return Outcome(r + 1, "totals", other=first_text(values))
    heading = section_heading(values, ctx.header)
    if heading is not None:
        return _section_row(r, heading, ctx)
    return _product_row(read_row(table, r, ctx), plans, ctx)


def import_table(table: Table, ctx: Context) -> tuple[list[Outcome], list[Plan]]:
    plans = load_catalogue(ctx.root)
    ctx.taken = set(taken_ids(ctx.root))
    last = max((r for r, row in enumerate(table.rows) if any(v is not None for v in row)),
               default=ctx.header.last)
    ctx.end = table_end(table, ctx.header, last + 1)
    outcomes = [import_row(table, r, plans, ctx) for r in range(ctx.header.last + 1, ctx.end)]
    if ctx.end <= last:
        words = next(first_text(row) for row in table.rows[ctx.end:]
                     if any(v is not None for v in row))
        outcomes.append(Outcome(ctx.end + 1, "closing", other=words, last=last + 1))
    return outcomes, plans


def write_plans(plans: list[Plan], root: Path) -> list[Path]:
    """Write new files and updated ones; return what was written."""
    written = []
    for plan in plans:
        if plan.existed and not plan.changes:
            continue
        plan.path.parent.mkdir(parents=True, exist_ok=True)
        plan.path.write_text(plan.text(), encoding="utf-8")
        written.append(plan.path)
    return written
