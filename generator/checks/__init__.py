"""Semantic checks: what the JSON Schema cannot say. Each returns findings.

Importing the package imports every check module, so each has registered its finding messages
in :data:`generator.findings.CATALOGUE` whatever was imported first. The origin check
(``check_origin``) lives with the administrative units it reads, in :mod:`generator.places`.
"""

from ..places import units
from . import catalogue, fields, photos, recognitions, schema

__all__ = ["catalogue", "fields", "photos", "recognitions", "schema", "units"]
