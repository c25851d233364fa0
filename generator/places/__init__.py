"""Administrative units: the shipped tables, matching names, and where a recorded place is now.

:mod:`.tables` holds the units of both schemes (before and from 1 July 2025), :mod:`.match`
compares names as officers type them, :mod:`.lookup` is the one way to find a unit by code or
name within a scheme, and :mod:`.resolve` derives the current commune of a recorded one.
"""

from __future__ import annotations

from . import lookup as lookup
from .match import match_names, name_key, named, spelled, unit_list
from .resolve import CurrentOrigin, Issue
from .tables import NEW, OLD, Commune, District, OldCommune, Unit

__all__ = [
    "NEW", "OLD", "Commune", "CurrentOrigin", "District", "Issue", "OldCommune", "Unit",
    "lookup", "match_names", "name_key", "named", "spelled", "unit_list",
]
