"""A batch of photos through the photo pipeline on every core: :meth:`PhotoPipeline.process_many`.

Two passes, each spread over the cores by :func:`generator.forkpool.forked_map`:

1. every source is read and hashed (the hash of its bytes and the pipeline settings names its
   outputs, :mod:`generator.site.images`), and looked up in the cache — a photo renamed, moved
   or copied into another product has the same hash, so it is a cache hit;
2. each *distinct* content that is not in the cache is decoded and encoded once, by a worker
   that reads the file again and names the outputs after the bytes it encoded (a photo replaced
   while the build runs is never stored under the old bytes' name).

The outputs are byte for byte those of :meth:`PhotoPipeline.process` one photo at a time (the
same functions make them), and a bad photo gives the same :class:`PhotoError`: the first bad
one in the batch's order is raised once every other photo has been made and cached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import make_dir
from ..errors import PhotoError
from ..forkpool import cores, forked_map
from ..imaging import error_reason
from . import images

if TYPE_CHECKING:
    from .images import PhotoPipeline, PhotoSet

Sizes = list[tuple[int, int]]


def digest_of(job: tuple[Path, bytes]) -> str | PhotoError:
    """The content hash naming ``source``'s outputs (as PhotoPipeline._identify), or the error."""
    source, key = job
    try:
        data = source.read_bytes()
    except OSError as error:
        return PhotoError(source, error_reason(error))
    return hashlib.sha256(key + data).hexdigest()[:images.HASH_CHARS]


def encode_one(job: tuple[Path, bytes, tuple[int, ...], Path]) -> tuple[str, Sizes] | PhotoError:
    """Read ``source`` once, write its variants and manifest to the cache: its hash and sizes."""
    source, key, widths, cache_dir = job
    try:
        data = source.read_bytes()
    except OSError as error:
        return PhotoError(source, error_reason(error))
    digest = hashlib.sha256(key + data).hexdigest()[:images.HASH_CHARS]
    try:
        return digest, images.render(source, data, widths, cache_dir, digest)
    except PhotoError as error:
        return error


def process_many(pipeline: PhotoPipeline, sources: Iterable[Path],
                 workers: int | None = None) -> dict[Path, PhotoSet]:
    """Each source's variants, in the sources' order; see the module docstring."""
    order = list(dict.fromkeys(Path(source) for source in sources))
    workers = workers or cores()
    make_dir(pipeline.cache_dir)
    key = images.settings_key(pipeline.widths)
    hashed = forked_map(digest_of, [(s, key) for s in order], workers,
                        max(1, len(order) // (workers * 8)))
    outcome: dict[Path, str | PhotoError] = dict(zip(order, hashed, strict=True))
    sizes: dict[str, Sizes] = {}
    misses: dict[str, Path] = {}
    for source, digest in outcome.items():
        if isinstance(digest, str) and digest not in sizes and digest not in misses:
            cached = pipeline.cached_sizes(digest)
            if cached is None:
                misses[digest] = source
            else:
                sizes[digest] = cached
    _encode(pipeline, misses, key, workers, outcome, sizes)
    return _recorded(pipeline, order, outcome, sizes)


def _encode(pipeline: PhotoPipeline, misses: dict[str, Path], key: bytes, workers: int,
            outcome: dict[Path, str | PhotoError], sizes: dict[str, Sizes]) -> None:
    """Encode each missing content once, from its first path."""
    jobs = [(source, key, pipeline.widths, pipeline.cache_dir) for source in misses.values()]
    pipeline.encoded += len(jobs)
    for (source, *_), made in zip(jobs, forked_map(encode_one, jobs, workers), strict=True):
        if isinstance(made, PhotoError):
            outcome[source] = made
            continue
        digest, variant_sizes = made
        sizes[digest] = variant_sizes
        outcome[source] = digest  # a new hash when the file was replaced since the first pass


def _recorded(pipeline: PhotoPipeline, order: list[Path], outcome: dict[Path, str | PhotoError],
              sizes: dict[str, Sizes]) -> dict[Path, PhotoSet]:
    for source in order:  # the first bad photo, as one at a time would have stopped there
        digest = outcome[source]
        if isinstance(digest, PhotoError):
            raise digest
    # a copy of a photo replaced while the build ran has a content nobody encoded: one at a time
    return {source: pipeline.record(digest, sizes[digest]) if (digest := str(outcome[source]))
            in sizes else pipeline.process(source) for source in order}
