"""Pagefind's bundle after Pagefind wrote it: the same bytes for the same site, and smaller.

Pagefind 1.5.2 writes the values of each filter, and the filter and sort lists of its
metadata file, in Rust ``HashMap`` order, which changes from run to run (upstream
Pagefind/pagefind#638 made fragments stable, not filters). :func:`canonicalize` rewrites those
files in a fixed order and renames them by a hash of their content. Together with pages added
in name order (:func:`generator.site.search.build.index_site`): the same site always gives the
same index bytes. It also gives the fragments (one per page) short names
(:func:`_rename_fragments`), which halves the metadata file every first search downloads, and
cuts the word index into smaller chunks (:func:`_rechunk`).

Sorts outside Pagefind: a Pagefind sort is a permutation of every page stored in the metadata
file that *every* search downloads first: three sorts were 131 KB of its 248 KB at 20,000
products. The default order needs none (page order is current first, then by name); name,
stars and date are written by :func:`write_sort_ranks` as ``ocop-sort-<key>.json``, which
the catalogue page fetches only when the visitor sorts by it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path

from ...errors import SearchIndexError
from .encoding import array, dump, encode_array, encode_head, encode_text, end, first_text, head, load
from .encoding import text as text_at
from .words import kept

LANGUAGE = "vi"
#: The sort key that orders the pages (product.html writes it as ``data-ocop-sort-thu_tu``):
#: current recognitions first, each part by name (generator.site.present.ORDER_SORT)
PAGE_SORT = "thu_tu"
#: Raw (CBOR) bytes of word entries per index chunk after :func:`_rechunk`.
CHUNK_BYTES = 12_000
#: Words sharing their first KEEP_PREFIX letters stay in one chunk: Pagefind matches the last
#: word typed as a prefix ("nuoc ma" finds "mắm") but looks in one chunk only.
KEEP_PREFIX = 3

Entry = tuple[str, bytes]  # (word or fragment name, its encoded item)


def write_sort_ranks(bundle: Path, keys: Sequence[Mapping[str, str]]) -> None:
    """``ocop-sort-<key>.json``: ``[rank of page 0, rank of page 1, …]`` for each sort key but
    the page order's. Rank 0 is the smallest value; pages without the key rank first."""
    for key in sorted({k for page in keys for k in page} - {PAGE_SORT}):
        values = sorted({page.get(key, "") for page in keys})
        rank = {value: number for number, value in enumerate(values)}
        ranks = [rank[page.get(key, "")] for page in keys]
        (bundle / f"ocop-sort-{key}.json").write_text(json.dumps(ranks, separators=(",", ":")),
                                                      encoding="utf-8")


def canonicalize(bundle: Path) -> None:
    """Rewrite the filter files and the metadata file of ``bundle`` in a fixed order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = entry_path.read_text(encoding="utf-8")
    meta_path, meta, parts = _metadata(bundle)
    filter_list = _canonical_filters(bundle / "filter", meta, parts[3][0])
    sort_list = _sorted_sorts(meta, parts[4][0])
    page_list = _rename_fragments(bundle, meta, parts[1][0])
    chunk_list = _rechunk(bundle, meta, parts[2][0])
    payload = (encode_head(4, 6) + meta[parts[0][0]:parts[1][0]] + page_list
               + chunk_list + filter_list + sort_list
               + meta[parts[5][0]:parts[5][1]])
    meta_path.unlink()
    _point_entry(entry_path, entry, _store(bundle, "pagefind.", ".pf_meta", 10, payload))


def _metadata(bundle: Path) -> tuple[Path, bytes, list[tuple[int, int]]]:
    """The bundle's one metadata file, its payload and the spans of its six parts."""
    meta_paths = sorted(bundle.glob("pagefind.*.pf_meta"))
    if len(meta_paths) != 1:
        raise SearchIndexError(f"expected one metadata file, found {len(meta_paths)}")
    meta = load(meta_paths[0])
    # [version, pages, word-index chunks, filters [[name, hash]], sorts [[name, pages]], fields]
    parts, stop = array(meta, 0)
    if len(parts) != 6 or stop != len(meta):
        raise SearchIndexError(f"{meta_paths[0].name}: unexpected layout ({len(parts)} parts)")
    return meta_paths[0], meta, parts


def _point_entry(entry_path: Path, entry: str, meta_hash: str) -> None:
    """Point ``pagefind-entry.json`` at the new metadata file, through the JSON itself rather
    than by text replacement (the bundle holds exactly one metadata file)."""
    data = json.loads(entry)
    languages = data.get("languages", {})
    if LANGUAGE not in languages:
        raise SearchIndexError(f"pagefind-entry.json has no language {LANGUAGE!r}: {entry[:300]}")
    languages[LANGUAGE]["hash"] = meta_hash
    entry_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def _store(folder: Path, prefix: str, suffix: str, digits: int, payload: bytes) -> str:
    """Write ``payload`` gzipped as ``<prefix><hash><suffix>``; returns the hash part."""
    name = f"{LANGUAGE}_{hashlib.sha256(payload).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(dump(payload))
    return name


# --- filters and sorts ----------------------------------------------------------------------

def _canonical_filters(folder: Path, meta: bytes, filters_at: int) -> bytes:
    """Filter files with their values sorted, named by content; returns the metadata's new
    filter list ``[[name, hash]]``, sorted by name."""
    # read everything before writing anything: a new name may equal an old one
    originals = {path: _sorted_filter(load(path)) for path in sorted(folder.glob("*.pf_filter"))}
    for path in originals:
        path.unlink()
    renamed = {path.stem: _store(folder, "", ".pf_filter", 7, payload)
               for path, payload in originals.items()}
    filters = []
    for start, _ in array(meta, filters_at)[0]:
        (name_at, _), (hash_at, _) = array(meta, start)[0]
        name, old = text_at(meta, name_at), text_at(meta, hash_at)
        if old not in renamed:
            raise SearchIndexError(f"metadata names a filter file that is missing: {old}")
        filters.append((name, renamed[old]))
    return encode_array([encode_array([encode_text(name), encode_text(new)])
                         for name, new in sorted(filters)])


def _sorted_filter(data: bytes) -> bytes:
    """A filter file, ``[name, [[value, [page, ...]], ...]]``, with its values sorted."""
    _name, (values_at, stop) = array(data, 0)[0]
    if stop != len(data):
        raise SearchIndexError("unexpected bytes after a filter")
    values, _ = array(data, values_at)
    ordered = sorted(values, key=lambda span: first_text(data, span[0]))
    return data[:values_at] + encode_array([data[start:stop] for start, stop in ordered])


def _sorted_sorts(meta: bytes, sorts_at: int) -> bytes:
    """The metadata's sort list ``[[name, pages]]``, sorted by name."""
    sorts, _ = array(meta, sorts_at)
    return encode_array([meta[start:stop] for start, stop in sorted(
        sorts, key=lambda span: first_text(meta, span[0]))])


# --- fragments ------------------------------------------------------------------------------

def _rename_fragments(bundle: Path, meta: bytes, pages_at: int) -> bytes:
    """Give the fragments short sequential names; returns the metadata's new page list.

    The metadata file, which every first search downloads, lists each page as ``[fragment
    name, word count]``. Pagefind's names are content hashes (``vi_1a2b3c4``): 20,000 of them
    are 60 KB of its 122 KB gzipped, random digits that do not compress. Renamed to
    ``<build>/<page number in base 36>`` they cost about a tenth of that. ``<build>`` is a
    hash of all of Pagefind's names, so a fragment's address still changes with its content
    and a browser never pairs a new metadata file with an old cached fragment. Pagefind's
    script puts the name into ``fragment/<name>.pf_fragment`` as it is.
    """
    entries = _fragment_entries(meta, pages_at)
    if _renamed_already([name for name, _ in entries]):
        return meta[pages_at:end(meta, pages_at)]
    folder = bundle / "fragment"
    build = hashlib.sha256("\n".join(name for name, _ in entries).encode("utf-8")).hexdigest()[:8]
    (folder / build).mkdir()
    out = [encode_array([encode_text(new), word_count])
           for new, word_count in _move_fragments(folder, build, entries)]
    left = sorted(path.name for path in folder.glob("*.pf_fragment"))
    if left:
        raise SearchIndexError(f"fragments the metadata does not name: {left[:5]}")
    return encode_array(out)


def _move_fragments(folder: Path, build: str, entries: list[Entry]) -> list[Entry]:
    """Rename each fragment to ``<build>/<number>``; returns (new name, word count)."""
    out = []
    for number, (old, word_count) in enumerate(entries):
        new = f"{build}/{_base36(number)}"
        try:
            (folder / f"{old}.pf_fragment").rename(folder / f"{new}.pf_fragment")
        except FileNotFoundError as error:
            raise SearchIndexError(f"metadata names a fragment that is missing: {old}") from error
        out.append((new, word_count))
    return out


def _fragment_entries(meta: bytes, pages_at: int) -> list[Entry]:
    """(fragment name, encoded word count) of each page the metadata lists."""
    entries = []
    for start, _ in array(meta, pages_at)[0]:
        (name_at, _), (count_at, count_end) = array(meta, start)[0]
        entries.append((text_at(meta, name_at), meta[count_at:count_end]))
    return entries


def _renamed_already(names: list[str]) -> bool:
    first = names[0].split("/")[0] if names else ""
    return bool(re.fullmatch(r"[0-9a-f]{8}", first)) and names == [
        f"{first}/{_base36(number)}" for number in range(len(names))]


def _base36(number: int) -> str:
    digits, out = "0123456789abcdefghijklmnopqrstuvwxyz", ""
    while True:
        number, digit = divmod(number, 36)
        out = digits[digit] + out
        if not number:
            return out


# --- word index -----------------------------------------------------------------------------

def _rechunk(bundle: Path, meta: bytes, chunks_at: int) -> bytes:
    """Cut the word index into smaller chunks; returns the metadata's new chunk list.

    A search downloads the chunk holding each word it looks up. Pagefind 1.5.2 cuts chunks
    after about 20,000 word positions, so at 20,000 products a chunk often pairs a rare word
    with one found on every page ("tieu" came with "thanh" and "thuoc", the origin line's
    words: 135 kB for one word). Here chunks close after :data:`CHUNK_BYTES` of entries, so a
    word comes with few neighbours; a word on every page still costs its own size. Chunks are
    only cut between words that differ in their first :data:`KEEP_PREFIX` letters, so a typed
    prefix of that length finds all its words, as before. Entries are
    kept byte for byte, in Pagefind's order; chunk boundaries are named as Pagefind names them
    (``from``/``to``: the shortest prefixes that tell neighbours apart), so its lookup is
    unchanged.
    """
    folder = bundle / "index"
    entries, olds = _word_entries(folder, meta, chunks_at)
    chunks = _cut(entries)
    for path in olds:
        path.unlink()
    return _store_chunks(folder, chunks)


def _word_entries(folder: Path, meta: bytes, chunks_at: int) -> tuple[list[Entry], list[Path]]:
    """Every (word, encoded entry) of the chunks the metadata lists, and those chunk files;
    only the words of the pages' text (:func:`.words.text_only`)."""
    olds = []
    entries: list[Entry] = []
    for start, _ in array(meta, chunks_at)[0]:
        name = text_at(meta, array(meta, start)[0][2][0])
        path = folder / f"{name}.pf_index"
        data = load(path)
        major, count, pos = head(data, 0)  # [[entry, …]]
        inner, words, pos = head(data, pos) if major == 4 and count == 1 else (-1, 0, pos)
        if inner != 4:
            raise SearchIndexError(f"{path.name}: unexpected layout")
        for _ in range(words):
            word, entry, pos = kept(data, pos)
            if entry is not None:
                entries.append((word, entry))
        if pos != len(data):
            raise SearchIndexError(f"{path.name}: unexpected layout")
        olds.append(path)
    if [word for word, _ in entries] != sorted(word for word, _ in entries):
        raise SearchIndexError("the word index is not in word order")
    return entries, olds


def _cut(entries: list[Entry]) -> list[list[Entry]]:
    """Consecutive chunks of :data:`CHUNK_BYTES` or more, cut only where a prefix of
    :data:`KEEP_PREFIX` letters changes."""
    chunks: list[list[Entry]] = [[]]
    size = 0
    for number, entry in enumerate(entries):
        chunks[-1].append(entry)
        size += len(entry[1])
        following = entries[number + 1][0] if number + 1 < len(entries) else None
        if size >= CHUNK_BYTES and following is not None and _common(
                entry[0], following) < KEEP_PREFIX:
            chunks.append([])
            size = 0
    return chunks


def _store_chunks(folder: Path, chunks: list[list[Entry]]) -> bytes:
    """Write each chunk named by content; returns the metadata's chunk list ``[[from, to,
    hash]]``."""
    bounds = [[chunk[0][0], chunk[-1][0]] for chunk in chunks]
    for left, right in pairwise(bounds):
        left[1], right[0] = _prefixes(left[1], right[0])
    out = []
    for chunk, (first, last) in zip(chunks, bounds, strict=True):
        payload = encode_array([encode_array([entry for _, entry in chunk])])
        name = _store(folder, "", ".pf_index", 7, payload)
        out.append(encode_array([encode_text(first), encode_text(last), encode_text(name)]))
    if len(list(folder.glob("*.pf_index"))) != len(chunks):
        raise SearchIndexError("two index chunks got the same name")
    return encode_array(out)


def _common(left: str, right: str) -> int:
    """How many first letters two words share ("tra", "trai": 3 — so no cut between them)."""
    common = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        common += 1
    return common


def _prefixes(left: str, right: str) -> tuple[str, str]:
    """Pagefind's chunk boundary names: one character past the common prefix of the last word
    of a chunk and the first word of the next."""
    common = _common(left, right)
    return left[:common + 1], right[:common + 1]
