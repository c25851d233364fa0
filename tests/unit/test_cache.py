"""Build caches: entries in use are touched, entries unused for a month are pruned."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PIL import Image

from generator.cache import MAX_AGE, prune
from generator.site.images import PhotoPipeline
from generator.site.qr import QrCodes

LONG_AGO = time.time() - MAX_AGE.total_seconds() - 86_400


def age(path: Path, when: float = LONG_AGO) -> None:
    os.utime(path, (when, when))


def test_prune_removes_whole_stale_entries_and_keeps_fresh_ones(tmp_path: Path) -> None:
    stale = ["0123456789ab.json", "0123456789ab-400.webp", "0123456789ab-400.jpg"]
    mixed = ["ba9876543210.json", "ba9876543210-400.webp"]  # one file of it used recently
    for name in [*stale, *mixed, "c0ffee00c0ffee00.svg", "notes.txt"]:
        (tmp_path / name).write_bytes(b"x")
        age(tmp_path / name)
    os.utime(tmp_path / "ba9876543210.json")
    (tmp_path / "fresh0000000.svg").write_bytes(b"x")
    assert prune(tmp_path) == len(stale) + 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*mixed, "fresh0000000.svg"])
    assert prune(tmp_path / "missing") == 0


def test_a_build_that_reuses_an_entry_keeps_it(tmp_path: Path) -> None:
    source = tmp_path / "photo.jpg"
    Image.new("RGB", (600, 400), (20, 90, 160)).save(source)
    cache = tmp_path / "photos"
    PhotoPipeline(cache).process(source)
    for path in cache.glob("[!.]*"):
        age(path)
    PhotoPipeline(cache).process(source)  # a cache hit, as in the next build
    assert prune(cache) == 0
    entry_files = [p for p in cache.iterdir() if p.name != ".gitignore"]
    assert len(entry_files) == 1 + 2 * 2  # manifest + 400 and 600 px, WebP and JPEG
    for path in entry_files:
        age(path)
    assert prune(cache) == len(entry_files)
    assert [p.name for p in cache.iterdir()] == [".gitignore"], "unused for a month: gone"

    qr = tmp_path / "qr"
    QrCodes(qr).svg("https://example.org/a/", "A")
    (entry,) = qr.glob("*.svg")
    age(entry)
    QrCodes(qr).svg("https://example.org/a/", "A")
    assert prune(qr) == 0 and entry.is_file()
