"""What "the same tool" means for a cached check result: one hash of everything that can
change a finding besides the product's own files.

The version string alone is not enough in a checkout, where the code changes between
releases, so the fingerprint hashes the tool's own source, its shipped schemas and tables,
and the versions of Python and of the libraries whose answers the checks use. Computed once
per process (a few milliseconds).
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..resources import resource_path

#: libraries whose behaviour is part of a finding
LIBRARIES = ("PyYAML", "jsonschema", "jsonschema-rs", "pillow", "python-stdnum",
             "vietnam-provinces")
_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def tool_fingerprint() -> str:
    """A hex digest that changes whenever the tool could find something else."""
    digest = hashlib.sha256(f"ocop {__version__} | python {sys.version}".encode())
    for name in LIBRARIES:
        digest.update(f"|{name} {_version(name)}".encode())
    for path in _sources():
        digest.update(f"|{path.relative_to(path.anchor)}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _sources() -> list[Path]:
    files = list(_PACKAGE.rglob("*.py"))
    for folder in ("schema", "data"):
        try:
            files += [p for p in resource_path(folder).rglob("*") if p.is_file()]
        except FileNotFoundError:
            continue
    return sorted(files)
