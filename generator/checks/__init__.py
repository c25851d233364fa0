"""Semantic checks: what the JSON Schema cannot say. Each returns findings.

Importing the package imports every check module, so each has registered its finding messages
in :data:`generator.findings.CATALOGUE` whatever was imported first. The origin check
(:mod:`.origin`) reads the administrative units through :mod:`generator.places`.
"""

from . import (
    authority,
    catalogue,
    contact,
    fields,
    follow_up,
    language,
    origin,
    photos,
    prose,
    recognitions,
    schema,
)

__all__ = [
    "authority", "catalogue", "contact", "fields", "follow_up", "language", "origin", "photos", "prose",
    "recognitions", "schema",
]
