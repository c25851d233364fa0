"""Search index: Pagefind over the built HTML, written to ``site/pagefind/``.

Only product pages are indexed (they carry ``data-pagefind-body``; Pagefind then skips every
page without it). Each product page also lists its facets (``data-pagefind-filter``), sort keys
(``data-pagefind-sort``) and a tone-folded copy of its names (see ``product.html``), so the
catalogue page (``assets/catalogue.js``) can search, filter and sort without a server.

We run the Pagefind binary shipped in the ``pagefind_bin`` wheel as a subprocess rather than the
``pagefind.index`` Python API: that API is asyncio-only and cannot run inside a caller that
already has an event loop (Playwright's sync API, an async MkDocs host), while a subprocess
works from anywhere and reports failures with an exit code.

Pagefind 1.5.2 is not byte-for-byte reproducible: it writes the values of each filter, and the
filter and sort lists of its metadata file, in Rust ``HashMap`` order, which changes from run to
run (known upstream: Pagefind/pagefind#638 made fragments stable, not filters). Words and
fragments are stable. :func:`canonicalize` therefore rewrites those two kinds of files in a
fixed order — filter values sorted, filter and sort lists sorted by name — and renames them by
a hash of their content, so the same site always gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.ocop")

BUNDLE_DIR = "pagefind"
LANGUAGE = "vi"
SIGNATURE = b"pagefind_dcd"
#: Parts of a product page that are not about the product: cards of *other* products (their
#: names would make "nước mắm" find every neighbour of a fish sauce), the QR box, the source
#: list, and the star badge (its "Đã hết hạn từ …" would fill every excerpt; stars and validity
#: are facets). Everything else in ``data-pagefind-body`` is indexed.
EXCLUDE = ".ocop-related, .ocop-share, .ocop-sources, .ocop-badge"
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
    command = [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR,
               "--force-language", LANGUAGE, "--exclude-selectors", EXCLUDE, "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (bundle / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"Pagefind failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    # --quiet leaves only notes such as "no stemming for vi" (expected: Vietnamese words are not
    # inflected); logged at debug level so they never fail a `strict: true` build.
    if done.stderr.strip():
        log.debug("Pagefind: %s", done.stderr.strip())
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    canonicalize(bundle)


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


def canonicalize(bundle: Path) -> None:
    """Rewrite the filter files and the metadata file of ``bundle`` in a fixed order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = entry_path.read_text(encoding="utf-8")
    meta_paths = sorted(bundle.glob("pagefind.*.pf_meta"))
    if len(meta_paths) != 1:
        raise SearchIndexError(f"expected one metadata file, found {len(meta_paths)}")
    meta_path = meta_paths[0]
    old_hash = meta_path.name[len("pagefind."):-len(".pf_meta")]
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
    payload = (_encode_head(4, 6) + meta[parts[0][0]:parts[2][1]] + filter_list + sort_list
               + meta[parts[5][0]:parts[5][1]])
    meta_path.unlink()
    new_hash = _store(bundle, "pagefind.", ".pf_meta", 10, payload)
    if entry.count(f'"{old_hash}"') != 1:
        raise SearchIndexError("pagefind-entry.json does not name the metadata file once")
    entry_path.write_text(entry.replace(f'"{old_hash}"', f'"{new_hash}"'), encoding="utf-8")
