"""The stat snapshot that answers a no-op rebuild (generator/site/snapshot.py): it holds while
nothing moved, and every kind of change to a folder or a file moves it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.site import snapshot
from generator.site.snapshot import Snapshot
from generator.site.uptodate import files_under

FACTS = {"today": "2026-12-02", "ocop": "test"}


def _catalogue(folder: Path) -> Path:
    (folder / "products" / "hoi-an" / "nuoc-mam").mkdir(parents=True)
    (folder / "products" / "hoi-an" / "nuoc-mam" / "product.yaml").write_text("id: a\n")
    (folder / "products" / "hoi-an" / "nuoc-mam" / "photo.jpg").write_bytes(b"\xff\xd8" * 50)
    (folder / "products" / "tra-my").mkdir()
    (folder / "mkdocs.yml").write_text("site_name: x\n")
    time.sleep(0.05)  # past the file system's clock tick, so a change below moves a time
    return folder


def _take(folder: Path) -> Snapshot:
    seen = Snapshot()
    files_under(str(folder / "products"), seen)
    for name in ("mkdocs.yml", "overrides.yml"):
        path = folder / name
        seen.file(str(path), path.stat() if path.exists() else None)
    return seen


def _kept(folder: Path, seen: Snapshot, key: str = "key") -> Path:
    path = folder / "build.stat.json"
    path.write_bytes(snapshot.dump(key, FACTS, seen, Snapshot()))
    return path


def _in_place_same_size_and_time(folder: Path) -> None:
    product = folder / "products" / "hoi-an" / "nuoc-mam" / "product.yaml"
    before = product.stat()
    product.write_text("id: b\n")
    os.utime(product, ns=(before.st_atime_ns, before.st_mtime_ns))


def _replaced_by_rename(folder: Path) -> None:
    product = folder / "products" / "hoi-an" / "nuoc-mam" / "product.yaml"
    before = product.stat()
    other = folder / "new.yaml"
    other.write_text("id: b\n")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, product)


CHANGES: dict[str, Callable[[Path], object]] = {
    "bytes rewritten, size and time put back": _in_place_same_size_and_time,
    "replaced by a rename": _replaced_by_rename,
    "a photo added": lambda f: (f / "products/hoi-an/nuoc-mam/photo-2.jpg").write_bytes(b"x"),
    "a photo removed": lambda f: (f / "products/hoi-an/nuoc-mam/photo.jpg").unlink(),
    "a photo renamed": lambda f: (f / "products/hoi-an/nuoc-mam/photo.jpg").rename(
        f / "products/hoi-an/nuoc-mam/anh.jpg"),
    "an empty folder added": lambda f: (f / "products/tra-my/che").mkdir(),
    "an empty folder removed": lambda f: (f / "products/tra-my").rmdir(),
    "a folder renamed": lambda f: (f / "products/tra-my").rename(f / "products/bac-tra-my"),
    "the settings appended to": lambda f: (f / "mkdocs.yml").write_text("site_name: xy\n"),
    "a settings file that was not there": lambda f: (f / "overrides.yml").write_text("a: 1\n"),
}


def test_a_snapshot_holds_while_nothing_moved(tmp_path: Path) -> None:
    folder = _catalogue(tmp_path)
    seen = _take(folder)
    assert [Path(path).name for path, _ in seen.folders] == [
        "products", "hoi-an", "nuoc-mam", "tra-my"]
    assert snapshot.still_current(_kept(folder, seen), "key", FACTS)


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_every_change_to_a_folder_or_file_moves_the_snapshot(tmp_path: Path,
                                                             change: str) -> None:
    folder = _catalogue(tmp_path)
    kept = _kept(folder, _take(folder))
    CHANGES[change](folder)
    assert not snapshot.still_current(kept, "key", FACTS)


def test_a_snapshot_of_another_build_other_facts_or_a_damaged_file_is_not_used(
        tmp_path: Path) -> None:
    folder = _catalogue(tmp_path)
    kept = _kept(folder, _take(folder))
    assert not snapshot.still_current(kept, "another key", FACTS)
    assert not snapshot.still_current(kept, "key", {**FACTS, "today": "2026-12-03"})
    for damaged in (b"", b"{", b"[]", b'{"format": 2}', kept.read_bytes()[:-40]):
        kept.write_bytes(damaged)
        assert not snapshot.still_current(kept, "key", FACTS)
    assert not snapshot.still_current(tmp_path / "none.stat.json", "key", FACTS)


def test_files_just_written_are_not_trusted(tmp_path: Path) -> None:
    folder = _catalogue(tmp_path)
    seen = _take(folder)
    assert seen.trusted() is (seen.taken_ns - seen.newest_ns >= snapshot.RACY_NS)
    seen.taken_ns = seen.newest_ns + snapshot.RACY_NS
    assert seen.trusted()
    (folder / "products" / "hoi-an" / "new.yaml").write_text("id: c\n")
    assert not _take(folder).trusted()  # moved within RACY_NS of the snapshot


def test_a_broken_link_is_never_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot, "RACY_NS", 0)
    folder = _catalogue(tmp_path)
    assert _take(folder).trusted()
    (folder / "products" / "link.jpg").symlink_to(folder / "missing.jpg")
    seen = _take(folder)
    assert seen.odd and not seen.trusted()
