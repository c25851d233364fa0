"""Search index: Pagefind over the built HTML, written to ``site/pagefind/``.

Only product pages are indexed (they carry ``data-pagefind-body``). Each lists its facets
(``data-pagefind-filter``), sort keys (``data-ocop-sort-*``), card fields (``data-pagefind-meta``)
and the words of its names that hold đ, folded (Pagefind strips tone marks but keeps đ; see
:func:`generator.textfold.d_words`), so the catalogue page
(``assets/catalogue.js``) can search, filter and sort without a server.

How Pagefind is run. The binary from the ``pagefind[bin]`` wheel, in its ``--service`` mode (the
JSON-over-pipes protocol its own Python and Node APIs speak), fed one page at a time:

- *Page order.* Pagefind numbers pages in the order it meets them. ``pagefind --site`` meets
  them in the file system's directory order (ext4 hash order, tmpfs creation order), and those
  numbers are inside every index file: the same site gave different bytes on another disk. We
  add pages in Vietnamese name order (their ``ten`` key), so the numbering depends only on the
  site, and page order *is* name order: with Pagefind's ``pageLength`` ranking at 0, a search
  for the word on every product page (``ALL_WORD``) lists products by name.
- *Sorts outside Pagefind.* A Pagefind sort is a permutation of every page stored in the
  metadata file that *every* search downloads first: three sorts were 131 KB of its 248 KB
  at 20,000 products. Name order needs none (above); stars and date are written as
  ``ocop-sort-<key>.json`` — each page's rank by that key, in page order — which the catalogue
  page fetches only when the visitor sorts by it.
- *Not the* ``pagefind.index`` *Python API*: it is asyncio-only (unusable under a running event
  loop, e.g. Playwright's sync API) and reads one reply per 100 ms (20,000 pages: over half an
  hour). A plain subprocess with blocking pipes indexes 20,000 pages in about a minute.

Pagefind 1.5.2 also writes the values of each filter, and the filter and sort lists of its
metadata file, in Rust ``HashMap`` order, which changes from run to run (upstream
Pagefind/pagefind#638 made fragments stable, not filters). :func:`canonicalize` rewrites those
files in a fixed order and renames them by a hash of their content. Together: the same site
always gives the same index bytes. It also gives the fragments (one per page) short names
(:func:`_rename_fragments`), which halves the metadata file every first search downloads.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.ocop")

BUNDLE_DIR = "pagefind"
LANGUAGE = "vi"
SIGNATURE = b"pagefind_dcd"
BODY_MARK = re.compile(r"<[a-z]+\s[^>]*\bdata-pagefind-body[\s>=]")
#: product.html writes each sort key as ``data-ocop-sort-<key>="…"``; ``ten`` orders the pages
SORT_KEYS = re.compile(r'data-ocop-sort-([a-z_]+)="([^"]*)"')
NAME_SORT = "ten"
#: The word every product page carries (product.html); catalogue.js searches it for views without
#: words: Pagefind answers a search *without* words by fetching its whole word index.
ALL_WORD = "zzocop"
#: What is not indexed on a product page. Not about this product: cards of *other* products
#: (their names would make "nước mắm" find every neighbour of a fish sauce), the QR box, the
#: source list. Template words found on every page, which only make every chunk of the word
#: index bigger: field labels (``dt``, also glued to their value by Pagefind: "sản phẩmThực"),
#: section headings, the star badge and the recognition history (stars and validity are
#: facets). And the English description blocks (the English *name* stays searchable): they
#: would double the index a Vietnamese query downloads at national scale.
EXCLUDE = (".ocop-related", ".ocop-share", ".ocop-sources", ".ocop-badge", ".ocop-history",
           ".ocop-en-block", ".ocop-product dt", ".ocop-product h2")
#: Pagefind's own ready-made search interfaces; the catalogue page has its own small script,
#: so these (about 420 KB) are removed from the site instead of being deployed unused.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    """Pagefind failed or wrote something this module does not understand."""


def pagefind_executable() -> Path:
    """The binary from the ``pagefind[bin]`` wheel (``$PAGEFIND_BINARY_PATH`` overrides it)."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise SearchIndexError("Pagefind binary not found: install pagefind[bin] (pyproject.toml)")
    return Path(found)


def index_site(site_dir: Path) -> None:
    """Write the Pagefind index into ``site_dir/pagefind/`` (replacing an older one)."""
    site_dir = Path(site_dir).resolve()
    bundle = site_dir / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    pages = sorted(_indexed_pages(site_dir), key=lambda page: (page[2].get(NAME_SORT, "~"), page[0]))
    with _Service() as service:
        index = service.send({"type": "NewIndex", "config": {
            "force_language": LANGUAGE, "exclude_selectors": list(EXCLUDE)}})["index_id"]
        for url, path, _keys in pages:
            service.send({"type": "AddFile", "index_id": index, "url": url, "file_path": None,
                          "file_contents": path.read_text(encoding="utf-8")}, expect="IndexedFile",
                         about=str(path.relative_to(site_dir)))
        # GetFiles, not WriteFiles: WriteFiles answers before its files are all on disk (seen
        # here as an empty pagefind-entry.json or WebAssembly file, about one run in five);
        # with the bytes in hand, the files are complete when this module writes them.
        files = service.send({"type": "GetFiles", "index_id": index}, expect="GetFiles")["files"]
    _write_bundle(bundle, files)
    canonicalize(bundle)
    write_sort_ranks(bundle, [keys for _url, _path, keys in pages])


def _write_bundle(bundle: Path, files: list[dict[str, str]]) -> None:
    """Write Pagefind's files (``{"path", "content": base64}``) into ``bundle``, but not the
    ready-made interfaces (:data:`UNUSED`)."""
    bundle.mkdir(parents=True)
    for item in files:
        relative = Path(item["path"])
        if relative.is_absolute() or ".." in relative.parts:
            raise SearchIndexError(f"Pagefind named a file outside its folder: {item['path']}")
        if relative.name in UNUSED and len(relative.parts) == 1:
            continue
        target = bundle / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(item["content"]))
    if not (bundle / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"Pagefind gave no index for {bundle}")


def write_sort_ranks(bundle: Path, keys: list[dict[str, str]]) -> None:
    """``ocop-sort-<key>.json``: ``[rank of page 0, rank of page 1, …]`` for each sort key but
    the name (page order). Rank 0 is the smallest value; pages without the key rank first."""
    for key in sorted({k for page in keys for k in page} - {NAME_SORT}):
        values = sorted({page.get(key, "") for page in keys})
        rank = {value: number for number, value in enumerate(values)}
        ranks = [rank[page.get(key, "")] for page in keys]
        (bundle / f"ocop-sort-{key}.json").write_text(json.dumps(ranks, separators=(",", ":")),
                                                      encoding="utf-8")


def _indexed_pages(site_dir: Path) -> Iterator[tuple[str, Path, dict[str, str]]]:
    """(URL, file, sort keys) of every page Pagefind should index."""
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if not BODY_MARK.search(html):
            continue
        relative = path.relative_to(site_dir).as_posix()
        url = "/" + (relative[:-len("index.html")] if relative.endswith("index.html") else relative)
        yield url, path, dict(SORT_KEYS.findall(html))


class _Service:
    """``pagefind --service``: base64(JSON) messages, each followed by a comma, both ways."""

    def __enter__(self) -> _Service:
        # Notes such as "no stemming for vi" (expected: Vietnamese words do not inflect) go to
        # stderr; kept in a file for error messages, never logged as warnings (strict builds).
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen([str(pagefind_executable()), "--service"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.errors)
        self.last = 0
        return self

    def send(self, payload: dict[str, Any], expect: str | None = None,
             about: str = "") -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.last += 1
        message = {"message_id": self.last, "payload": payload}
        try:
            self.process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
            self.process.stdin.flush()
            reply = bytearray()
            while not reply.endswith(b","):
                chunk = os.read(self.process.stdout.fileno(), 1 << 16)
                if not chunk:
                    raise SearchIndexError("Pagefind stopped")
                reply += chunk
        except (BrokenPipeError, SearchIndexError) as error:
            raise SearchIndexError(f"Pagefind stopped while indexing {about}: {self._stderr()}") \
                from error
        answer = json.loads(base64.b64decode(reply[:-1]))["payload"]
        if answer.get("type") == "Error" or (expect and answer.get("type") != expect):
            raise SearchIndexError(f"Pagefind could not index {about or payload['type']}: "
                                   f"{answer.get('message', answer)}")
        return answer

    def _stderr(self) -> str:
        self.errors.seek(0)
        return self.errors.read().decode("utf-8", "replace").strip()

    def __exit__(self, *exc: object) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        notes = self._stderr()
        if notes:
            log.debug("Pagefind: %s", notes)
        self.errors.close()


# --- deterministic output -------------------------------------------------------------------
# Pagefind's data files are gzip("pagefind_dcd" + CBOR). We only need to find where each CBOR
# item starts and ends, then reorder whole items; their bytes are kept exactly as written.

def _head(data: bytes, pos: int) -> tuple[int, int, int]:
    """(major type, argument, position after the head) of the CBOR item at ``pos``."""
    initial = data[pos]
    major, info = initial >> 5, initial & 0x1F
    if info < 24:
        return major, info, pos + 1
    if info > 27:
        raise SearchIndexError(f"unsupported CBOR item (indefinite length) at byte {pos}")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[pos + 1:pos + 1 + size], "big"), pos + 1 + size


def _end(data: bytes, pos: int) -> int:
    """Position just after the CBOR item starting at ``pos``."""
    major, value, pos = _head(data, pos)
    if major in (2, 3):  # byte or text string
        return pos + value
    if major in (4, 5):  # array, map (two items per entry)
        for _ in range(value * (2 if major == 5 else 1)):
            pos = _end(data, pos)
        return pos
    if major == 6:  # tag: one item follows
        return _end(data, pos)
    return pos  # integers and simple values


def _array(data: bytes, pos: int) -> tuple[list[tuple[int, int]], int]:
    """Spans (start, end) of the elements of the CBOR array at ``pos``, and its end."""
    major, count, pos = _head(data, pos)
    if major != 4:
        raise SearchIndexError(f"expected a CBOR array at byte {pos}")
    spans = []
    for _ in range(count):
        end = _end(data, pos)
        spans.append((pos, end))
        pos = end
    return spans, pos


def _text(data: bytes, pos: int) -> str:
    major, size, start = _head(data, pos)
    if major != 3:
        raise SearchIndexError(f"expected a CBOR text string at byte {pos}")
    return data[start:start + size].decode("utf-8")


def _encode_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError(value)


def _encode_text(text: str) -> bytes:
    raw = text.encode("utf-8")
    return _encode_head(3, len(raw)) + raw


def _load(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path.name}: not a Pagefind data file")
    return data[len(SIGNATURE):]


def _store(folder: Path, prefix: str, suffix: str, digits: int, payload: bytes) -> str:
    """Write ``payload`` gzipped as ``<prefix><hash><suffix>``; returns the hash part."""
    name = f"{LANGUAGE}_{hashlib.sha256(payload).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(
        gzip.compress(SIGNATURE + payload, compresslevel=9, mtime=0))
    return name


def _sorted_filter(data: bytes) -> bytes:
    """A filter file, ``[name, [[value, [page, ...]], ...]]``, with its values sorted."""
    _name, (values_at, end) = _array(data, 0)[0]
    if end != len(data):
        raise SearchIndexError("unexpected bytes after a filter")
    values, _ = _array(data, values_at)
    ordered = sorted(values, key=lambda span: _text(data, _array(data, span[0])[0][0][0]))
    return data[:values_at] + _encode_head(4, len(values)) + b"".join(
        data[start:stop] for start, stop in ordered)


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
    spans, _ = _array(meta, pages_at)
    entries = []
    for start, _ in spans:
        (name_at, _), (count_at, count_end) = _array(meta, start)[0]
        entries.append((_text(meta, name_at), meta[count_at:count_end]))
    folder = bundle / "fragment"
    first = entries[0][0].split("/")[0] if entries else ""
    if re.fullmatch(r"[0-9a-f]{8}", first) and [name for name, _ in entries] == [
            f"{first}/{_base36(number)}" for number in range(len(entries))]:
        return meta[pages_at:_end(meta, pages_at)]  # renamed already
    build = hashlib.sha256("\n".join(name for name, _ in entries).encode("utf-8")).hexdigest()[:8]
    (folder / build).mkdir()
    out = [_encode_head(4, len(entries))]
    for number, (old, word_count) in enumerate(entries):
        new = f"{build}/{_base36(number)}"
        try:
            (folder / f"{old}.pf_fragment").rename(folder / f"{new}.pf_fragment")
        except FileNotFoundError as error:
            raise SearchIndexError(f"metadata names a fragment that is missing: {old}") from error
        out.append(_encode_head(4, 2) + _encode_text(new) + word_count)
    left = sorted(path.name for path in folder.glob("*.pf_fragment"))
    if left:
        raise SearchIndexError(f"fragments the metadata does not name: {left[:5]}")
    return b"".join(out)


#: Raw (CBOR) bytes of word entries per index chunk after :func:`_rechunk`.
CHUNK_BYTES = 12_000
#: Words sharing their first KEEP_PREFIX letters stay in one chunk: Pagefind matches the last
#: word typed as a prefix ("nuoc ma" finds "mắm") but looks in one chunk only.
KEEP_PREFIX = 3


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
    olds = []
    entries: list[tuple[str, bytes]] = []
    for start, _ in _array(meta, chunks_at)[0]:
        name = _text(meta, _array(meta, start)[0][2][0])
        path = folder / f"{name}.pf_index"
        data = _load(path)
        top, end = _array(data, 0)
        if len(top) != 1 or end != len(data):
            raise SearchIndexError(f"{path.name}: unexpected layout")
        for word_at, word_end in _array(data, top[0][0])[0]:
            entries.append((_text(data, _array(data, word_at)[0][0][0]), data[word_at:word_end]))
        olds.append(path)
    if [word for word, _ in entries] != sorted(word for word, _ in entries):
        raise SearchIndexError("the word index is not in word order")
    chunks: list[list[tuple[str, bytes]]] = [[]]
    size = 0
    for number, entry in enumerate(entries):
        chunks[-1].append(entry)
        size += len(entry[1])
        following = entries[number + 1][0] if number + 1 < len(entries) else None
        if size >= CHUNK_BYTES and following is not None and len(
                _prefixes(entry[0], following)[0]) <= KEEP_PREFIX:
            chunks.append([])
            size = 0
    for path in olds:
        path.unlink()
    bounds = [[chunk[0][0], chunk[-1][0]] for chunk in chunks]
    for left, right in zip(bounds, bounds[1:]):
        left[1], right[0] = _prefixes(left[1], right[0])
    out = [_encode_head(4, len(chunks))]
    for chunk, (first, last) in zip(chunks, bounds, strict=True):
        payload = (_encode_head(4, 1) + _encode_head(4, len(chunk))
                   + b"".join(entry for _, entry in chunk))
        name = _store(folder, "", ".pf_index", 7, payload)
        out.append(_encode_head(4, 3) + _encode_text(first) + _encode_text(last)
                   + _encode_text(name))
    if len(list(folder.glob("*.pf_index"))) != len(chunks):
        raise SearchIndexError("two index chunks got the same name")
    return b"".join(out)


def _prefixes(left: str, right: str) -> tuple[str, str]:
    """Pagefind's chunk boundary names: one character past the common prefix of the last word
    of a chunk and the first word of the next."""
    common = 0
    for a, b in zip(left, right):
        if a != b:
            break
        common += 1
    return left[:common + 1], right[:common + 1]


def _base36(number: int) -> str:
    digits, out = "0123456789abcdefghijklmnopqrstuvwxyz", ""
    while True:
        number, digit = divmod(number, 36)
        out = digits[digit] + out
        if not number:
            return out


def canonicalize(bundle: Path) -> None:
    """Rewrite the filter files and the metadata file of ``bundle`` in a fixed order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = entry_path.read_text(encoding="utf-8")
    meta_paths = sorted(bundle.glob("pagefind.*.pf_meta"))
    if len(meta_paths) != 1:
        raise SearchIndexError(f"expected one metadata file, found {len(meta_paths)}")
    meta_path = meta_paths[0]
    meta = _load(meta_path)
    # [version, pages, word-index chunks, filters [[name, hash]], sorts [[name, pages]], fields]
    parts, end = _array(meta, 0)
    if len(parts) != 6 or end != len(meta):
        raise SearchIndexError(f"{meta_path.name}: unexpected layout ({len(parts)} parts)")
    filters_folder = bundle / "filter"
    # read everything before writing anything: a new name may equal an old one
    originals = {path: _sorted_filter(_load(path)) for path in sorted(filters_folder.glob("*.pf_filter"))}
    for path in originals:
        path.unlink()
    renamed = {path.stem: _store(filters_folder, "", ".pf_filter", 7, payload)
               for path, payload in originals.items()}
    filters = []
    for start, _ in _array(meta, parts[3][0])[0]:
        (name_at, _), (hash_at, _) = _array(meta, start)[0]
        name, old = _text(meta, name_at), _text(meta, hash_at)
        if old not in renamed:
            raise SearchIndexError(f"metadata names a filter file that is missing: {old}")
        filters.append((name, renamed[old]))
    filter_list = _encode_head(4, len(filters)) + b"".join(
        _encode_head(4, 2) + _encode_text(name) + _encode_text(new) for name, new in sorted(filters))
    sorts, _ = _array(meta, parts[4][0])
    sort_list = _encode_head(4, len(sorts)) + b"".join(meta[a:b] for a, b in sorted(
        sorts, key=lambda span: _text(meta, _array(meta, span[0])[0][0][0])))
    page_list = _rename_fragments(bundle, meta, parts[1][0])
    chunk_list = _rechunk(bundle, meta, parts[2][0])
    payload = (_encode_head(4, 6) + meta[parts[0][0]:parts[1][0]] + page_list
               + chunk_list + filter_list + sort_list
               + meta[parts[5][0]:parts[5][1]])
    meta_path.unlink()
    new_hash = _store(bundle, "pagefind.", ".pf_meta", 10, payload)
    # The bundle holds exactly one metadata file (checked above): point the entry at its new
    # name through the JSON itself rather than by text replacement.
    data = json.loads(entry)
    languages = data.get("languages", {})
    if LANGUAGE not in languages:
        raise SearchIndexError(f"pagefind-entry.json has no language {LANGUAGE!r}: {entry[:300]}")
    languages[LANGUAGE]["hash"] = new_hash
    entry_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
