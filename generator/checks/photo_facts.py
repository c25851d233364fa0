"""What decoding a good photo found, remembered by a hash of its bytes (see :class:`FactsCache`)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import PIL

from ..cache import make_dir, touch, write_atomic
from ..imaging import MAX_PIXELS


class FactsCache:
    """What decoding a good photo found (shown size, GPS), by a hash of its bytes.

    A full decode is the slow part of validation (a 12-megapixel JPEG: about 0.1 s); a
    catalogue of 18,000 products holds some 50,000 photos, and a pull request changes a few.
    Only photos that decoded cleanly are remembered; a damaged one is decoded again each run,
    so its message is always fresh. The key covers the bytes, the format, Pillow's version, the
    pixel limit and :data:`FACTS_VERSION`. Entries live in ``<repo>/.cache/ocop/checks`` (one
    small JSON file each, touched when reused, pruned with the build caches); a cache that
    cannot be written is simply not used.
    """

    FACTS_VERSION = 1
    FOLDER = Path(".cache") / "ocop" / "checks"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def at(cls, repo_root: Path) -> FactsCache | None:
        if os.environ.get("OCOP_NO_PHOTO_CACHE"):
            return None
        return cls(repo_root / cls.FOLDER)

    def key(self, path: Path, fmt: str) -> str | None:
        digest = hashlib.sha256(f"{self.FACTS_VERSION}|{PIL.__version__}|{MAX_PIXELS}|{fmt}|"
                                .encode())
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            return None
        return digest.hexdigest()[:32]

    def get(self, key: str) -> tuple[int, int, bool] | None:
        path = self.folder / f"{key}.json"
        try:
            width, height, gps = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            return None
        if not (isinstance(width, int) and isinstance(height, int) and isinstance(gps, bool)):
            return None
        touch(path)
        return width, height, gps

    def put(self, key: str, width: int, height: int, gps: bool) -> None:
        try:
            make_dir(self.folder)
            write_atomic(self.folder / f"{key}.json", json.dumps([width, height, gps]).encode())
        except OSError:
            pass
