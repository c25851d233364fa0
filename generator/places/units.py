"""Temporary: the names ``generator/importer.py`` and ``generator/review.py`` import from the
old ``places.units`` module, until they are repointed (then delete this file).

* ``OLD``, ``Unit``, ``match_names`` → :mod:`generator.places`
* ``old_tables`` → :mod:`generator.places.tables`; its uses map onto
  :mod:`generator.places.lookup` (``provinces(OLD)``, ``districts``, ``communes(OLD)``,
  ``old_communes``, ``old_commune``, ``merged_into``)
* ``check_origin`` → :mod:`generator.checks.origin`
"""

from __future__ import annotations

from ..checks.origin import check_origin
from .match import match_names
from .tables import OLD, Unit, old_tables

__all__ = ["OLD", "Unit", "check_origin", "match_names", "old_tables"]
