"""A batch of photos on both cores (PhotoPipeline.process_many): the same bytes as one at a time,
a photo seen before (renamed, copied) never encoded again, a bad photo the same error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import forkpool
from generator.errors import PhotoError
from generator.site.images import PhotoPipeline

from .test_images import BLUE, photo, save

COLOURS = [(20 + 40 * n, 200 - 30 * n, 40 + 25 * n) for n in range(6)]


def photos(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = [save(folder / f"p{n}.jpg", photo((420 + 20 * n, 300), c), "JPEG")
               for n, c in enumerate(COLOURS)]
    sources.append(save(folder / "alpha.png", photo((300, 200), BLUE).convert("RGBA"), "PNG"))
    return sources


def contents(pipeline: PhotoPipeline) -> dict[str, bytes]:
    return {relative: path.read_bytes() for relative, path in pipeline.outputs().items()}


def test_the_batch_runs_in_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a silent fall-back to one process: the encoding is done by other processes."""
    seen: list[int] = []
    # threads an earlier test left idle (a test server) must not turn the pool off here
    monkeypatch.setattr(forkpool.threading, "active_count", lambda: 1)
    real = forkpool.ProcessPoolExecutor
    monkeypatch.setattr(forkpool, "ProcessPoolExecutor",
                        lambda **kw: seen.append(kw["max_workers"]) or real(**kw))
    pipeline = PhotoPipeline(tmp_path / "cache")
    pipeline.process_many(photos(tmp_path / "in"), workers=2)
    assert seen == [2, 2]  # hashing, then encoding
    assert pipeline.encoded == 7


def test_parallel_gives_the_bytes_of_one_at_a_time(tmp_path: Path) -> None:
    sources = photos(tmp_path / "in")
    serial = PhotoPipeline(tmp_path / "serial")
    one_by_one = {source: serial.process(source) for source in sources}
    parallel = PhotoPipeline(tmp_path / "parallel")
    assert parallel.process_many(sources, workers=2) == one_by_one
    assert contents(parallel) == contents(serial) and len(contents(serial)) == 26
    manifests = sorted(p.name for p in (tmp_path / "parallel").glob("*.json"))
    assert manifests == sorted(p.name for p in (tmp_path / "serial").glob("*.json"))
    assert serial.encoded == parallel.encoded == 7


def test_a_renamed_or_copied_photo_is_never_encoded_again(tmp_path: Path) -> None:
    sources = photos(tmp_path / "in")
    cache = tmp_path / "cache"
    first = PhotoPipeline(cache).process_many(sources, workers=2)
    stamps = {p: p.stat().st_mtime_ns for p in cache.iterdir() if p.suffix != ".json"}
    renamed = sources[0].rename(tmp_path / "in" / "renamed.jpg")
    copy = tmp_path / "other-product" / "anh.jpg"
    copy.parent.mkdir()
    copy.write_bytes(sources[1].read_bytes())
    later = PhotoPipeline(cache)  # the next build
    again = later.process_many([renamed, copy, *sources[2:]], workers=2)
    assert later.encoded == 0
    assert again[renamed] == first[sources[0]] and again[copy] == first[sources[1]]
    assert {p: p.stat().st_mtime_ns for p in cache.iterdir() if p.suffix != ".json"} == stamps


def test_the_same_content_twice_in_one_batch_is_encoded_once(tmp_path: Path) -> None:
    sources = photos(tmp_path / "in")
    twin = tmp_path / "in" / "twin.jpg"
    twin.write_bytes(sources[0].read_bytes())
    pipeline = PhotoPipeline(tmp_path / "cache")
    result = pipeline.process_many([*sources, twin, sources[0]], workers=2)
    assert pipeline.encoded == 7 and result[twin] == result[sources[0]]
    assert list(result) == [*sources, twin]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_corrupt_photo_gives_the_error_of_one_at_a_time(tmp_path: Path, workers: int) -> None:
    sources = photos(tmp_path / "in")
    bad = tmp_path / "in" / "bad.jpg"
    bad.write_bytes(sources[0].read_bytes()[:400])  # a JPEG cut short
    with pytest.raises(PhotoError) as alone:
        PhotoPipeline(tmp_path / "one").process(bad)
    batch = PhotoPipeline(tmp_path / "batch")
    with pytest.raises(PhotoError) as caught:
        batch.process_many([sources[0], bad, *sources[1:]], workers=workers)
    assert str(caught.value) == str(alone.value) and caught.value.path == bad
    assert len(list((tmp_path / "batch").glob("*.json"))) == 7  # the good photos are cached
    assert not batch.outputs()


def test_a_missing_photo_gives_the_error_of_one_at_a_time(tmp_path: Path) -> None:
    sources = photos(tmp_path / "in")
    gone = tmp_path / "in" / "gone.jpg"
    with pytest.raises(PhotoError) as alone:
        PhotoPipeline(tmp_path / "one").process(gone)
    with pytest.raises(PhotoError) as caught:
        PhotoPipeline(tmp_path / "batch").process_many([*sources, gone], workers=2)
    assert str(caught.value) == str(alone.value)


def test_the_first_bad_photo_in_order_is_the_one_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    first, second = folder / "a.jpg", folder / "b.png"
    first.write_bytes(b"\xff\xd8\xff\xe0 not really")
    second.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    with pytest.raises(PhotoError) as caught:
        PhotoPipeline(tmp_path / "cache").process_many([second, first], workers=2)
    assert caught.value.path == second


def test_cores_counts_what_this_process_may_use() -> None:
    assert 1 <= forkpool.cores() <= (os.cpu_count() or 1)
