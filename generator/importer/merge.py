"""Merging a row into a product's data: only what the sheet gives is changed (the grouping, the
subject's address, tax code and new phones, a new or completed recognition, the recorded
origin); photos, content, sources and notes are kept. A recognition the file already has with
other stars under the same decision is a conflict for the officer, never overwritten."""

from __future__ import annotations

import copy
import re
from typing import Any

from ..places import OLD
from ..textfold import fold_compact, fold_place
from .notes import Note, note
from .rows import TODO_KEY, Row

_PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def _partial(value: Any) -> str | None:
    return value if isinstance(value, str) and _PARTIAL_DATE.fullmatch(value) else None


def _differs(known: dict[str, Any], entry: dict[str, Any]) -> bool:
    """Another decision number, or a signing date that does not fit the entry's."""
    mine_d, theirs_d = known.get("decision"), entry.get("decision")
    mine_s, theirs_s = known.get("signed"), _partial(entry.get("signed"))
    if mine_d and theirs_d and fold_compact(mine_d) != fold_compact(str(theirs_d)):
        return True
    return bool(mine_s and theirs_s
                and not (mine_s.startswith(theirs_s) or theirs_s.startswith(mine_s)))


def _adds(entry: dict[str, Any], known: dict[str, Any]) -> dict[str, Any]:
    """What the row knows that the entry lacks (or has only in part, or not as a number)."""
    mine_s, theirs_s = known.get("signed"), _partial(entry.get("signed"))
    adds = {k: known[k] for k in ("decision", "score", "level") if k in known and k not in entry}
    if mine_s and (not theirs_s or len(mine_s) > len(theirs_s)):
        adds["signed"] = mine_s
    if "stars" in known and not isinstance(entry.get("stars"), int):
        adds["stars"] = known["stars"]
    return adds


def compare_recognition(entry: dict[str, Any], known: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """How a row's recognition relates to an entry of the file: ``same`` (with the values the
    row adds to it), ``conflict`` (same decision, other stars) or ``other``."""
    if not known:
        return "same", {}
    if _differs(known, entry):
        return "other", {}
    same_decision = bool(known.get("decision") and entry.get("decision"))
    same_date = bool(known.get("signed") and _partial(entry.get("signed")))
    stars = entry.get("stars")
    if "stars" in known and isinstance(stars, int) and known["stars"] != stars:
        return ("conflict" if same_decision else "other"), {}
    if not (same_decision or same_date) and (entry.get("decision") or _partial(entry.get("signed"))):
        return "same", {}  # nothing to tell them apart: do not add a second entry
    return "same", _adds(entry, known)


def order_recognitions(items: list[dict[str, Any]]) -> None:
    """Oldest first (entries without a valid date last); every dated entry but the newest
    without a status becomes ``superseded``, as the field reference asks."""
    items.sort(key=lambda r: (0, r["signed"]) if _partial(r.get("signed")) else (1, ""))
    dated = [r for r in items if _partial(r.get("signed"))]
    for item in dated[:-1]:
        item.setdefault("status", "superseded")


def _merge_recognition(data: dict[str, Any], row: Row) -> tuple[list[str], list[Note]]:
    if not row.recognition:
        return [], []
    items = data.setdefault("recognitions", [])
    verdicts = [(compare_recognition(item, row.known), i) for i, item in enumerate(items)]
    for (verdict, adds), i in verdicts:
        if verdict == "same":
            todo = items[i].get(TODO_KEY, {})
            for key in adds:
                todo.pop(key, None)
            items[i].update(adds)
            return [f"recognitions[{i}].{k}" for k in adds], []
    for (verdict, _), i in verdicts:
        if verdict == "conflict":
            return [], [note("conflict", row.columns.get("stars"), raw=row.known["decision"],
                             old=items[i]["stars"], new=row.known["stars"])]
    items.append(copy.deepcopy(row.recognition))
    order_recognitions(items)
    return ["recognitions"], []


def _merge_subject(data: dict[str, Any], row: Row) -> list[str]:
    incoming = row.subject
    if not incoming:
        return []
    subject = data.get("subject")
    if not isinstance(subject, dict):
        data["subject"] = copy.deepcopy(incoming)
        return ["subject"]
    changes = []
    for key in ("address", "tax_code"):
        if key in incoming and subject.get(key) != incoming[key]:
            subject[key] = incoming[key]
            changes.append(f"subject.{key}")
    have = {fold_compact(p) for p in subject.get("contact", {}).get("phones", [])}
    new = [p for p in incoming.get("contact", {}).get("phones", []) if fold_compact(p) not in have]
    if new:
        subject.setdefault("contact", {}).setdefault("phones", []).extend(new)
        changes.append("subject.contact.phones")
    return changes


def _merge_unit(recorded: dict[str, Any], level: str, new: dict[str, str] | None) -> bool:
    """Put the row's unit of ``level`` into ``recorded``: another name replaces the unit, the
    same name gets the row's code; whether anything changed."""
    old = recorded.get(level)
    if not new:
        return False
    if not isinstance(old, dict) or fold_place(str(old.get("name", ""))) != fold_place(new["name"]):
        recorded[level] = dict(new)
    elif "code" in new and old.get("code") != new["code"]:
        recorded[level] = {**old, "code": new["code"]}
    else:
        return False
    return True


def _merge_origin(data: dict[str, Any], row: Row) -> list[str]:
    if not row.recorded:
        return []
    origin = data.get("origin")
    if not isinstance(origin, dict) or not isinstance(origin.get("recorded"), dict):
        data["origin"] = {**(origin if isinstance(origin, dict) else {}),
                          "recorded": copy.deepcopy(row.recorded)}
        return ["origin"]
    recorded = origin["recorded"]
    if recorded.get("scheme", OLD) != OLD:
        return []  # written in the scheme from 1 July 2025: the sheet's old names do not apply
    changes = []
    for level in ("province", "district", "commune"):
        if _merge_unit(recorded, level, row.recorded.get(level)):
            changes.append(f"origin.recorded.{level}")
    return changes


def merge(data: dict[str, Any], row: Row) -> tuple[list[str], list[Note]]:
    """Put what the row gives into ``data``; (what changed, notes)."""
    changes = []
    for key, value in row.grouping.items():
        if data.get(key) != value:
            data[key] = copy.deepcopy(value)
            changes.append(key)
    changes += _merge_subject(data, row)
    recognised, notes = _merge_recognition(data, row)
    return changes + recognised + _merge_origin(data, row), notes
