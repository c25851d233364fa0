"""Check a product's ``origin`` against the official administrative units, and derive where it
is today.

An ``origin.recorded`` block names the place as the decision wrote it, in one of two schemes:

* ``pre-2025-07`` — province, district and commune as they were before 1 July 2025, checked
  against the January 2025 commune list shipped in ``data/admin/`` and converted with the
  official old → new table (:mod:`.old`);
* ``2025-07`` — province and commune from 1 July 2025 (no districts), checked against the
  ``vietnam_provinces`` package (:mod:`.new`).

Units are found through :mod:`generator.places.lookup` (a code only in its own scheme, names
loosely) and the current commune is derived by :mod:`generator.places.resolve`;
:func:`check_origin` returns it with findings that say, in plain Vietnamese, what is
inconsistent and how to fix it (:mod:`.messages`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ...findings import Finding
from ...load.document import Document
from ...places import NEW, CurrentOrigin
from . import messages as messages
from .context import OriginCheck
from .new import check_new
from .old import check_old

__all__ = ["check_origin"]


def check_origin(doc: Document) -> tuple[CurrentOrigin | None, list[Finding]]:
    """Check ``doc.data["origin"]`` (already schema-valid) and derive the current units.

    Returns ``(None, findings)`` when not even the current province can be told.
    """
    data = doc.data if isinstance(doc.data, Mapping) else {}
    origin = data.get("origin")
    if not isinstance(origin, Mapping) or not isinstance(origin.get("recorded"), Mapping):
        return None, []
    current = origin.get("current_commune")
    check = OriginCheck(doc, origin["recorded"], str(current) if current is not None else None)
    result = check_new(check) if check.scheme == NEW else check_old(check)
    return result, check.findings
