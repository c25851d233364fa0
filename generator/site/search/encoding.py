"""Pagefind's data files: gzip("pagefind_dcd" + CBOR), read and written item by item.

We only need to find where each CBOR item starts and ends, then reorder whole items; their
bytes are kept exactly as Pagefind wrote them. New items are only arrays and text strings.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from ...errors import SearchIndexError

SIGNATURE = b"pagefind_dcd"


def head(data: bytes, pos: int) -> tuple[int, int, int]:
    """(major type, argument, position after the head) of the CBOR item at ``pos``."""
    initial = data[pos]
    major, info = initial >> 5, initial & 0x1F
    if info < 24:
        return major, info, pos + 1
    if info > 27:
        raise SearchIndexError(f"unsupported CBOR item (indefinite length) at byte {pos}")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[pos + 1:pos + 1 + size], "big"), pos + 1 + size


def end(data: bytes, pos: int) -> int:
    """Position just after the CBOR item starting at ``pos``.

    One loop over the heads, counting the items still to skip (an array of n adds n, a map 2n,
    a tag 1): the word index is millions of small integers, and a call per item was most of
    the time of re-cutting it (:mod:`.index`)."""
    pending = 1
    while pending:
        pending -= 1
        initial = data[pos]
        major, info = initial >> 5, initial & 0x1F
        if info < 24:
            value, pos = info, pos + 1
        elif info < 28:
            size = 1 << (info - 24)
            value = int.from_bytes(data[pos + 1:pos + 1 + size], "big")
            pos += 1 + size
        else:
            raise SearchIndexError(f"unsupported CBOR item (indefinite length) at byte {pos}")
        if major == 2 or major == 3:  # byte or text string
            pos += value
        elif major == 4:  # array
            pending += value
        elif major == 5:  # map: two items per entry
            pending += 2 * value
        elif major == 6:  # tag: one item follows
            pending += 1
    return pos


def array(data: bytes, pos: int) -> tuple[list[tuple[int, int]], int]:
    """Spans (start, end) of the elements of the CBOR array at ``pos``, and its end."""
    major, count, pos = head(data, pos)
    if major != 4:
        raise SearchIndexError(f"expected a CBOR array at byte {pos}")
    spans = []
    for _ in range(count):
        stop = end(data, pos)
        spans.append((pos, stop))
        pos = stop
    return spans, pos


def text(data: bytes, pos: int) -> str:
    """The CBOR text string at ``pos``."""
    major, size, start = head(data, pos)
    if major != 3:
        raise SearchIndexError(f"expected a CBOR text string at byte {pos}")
    return data[start:start + size].decode("utf-8")


def first_text(data: bytes, pos: int) -> str:
    """The text string that is the first element of the CBOR array at ``pos``."""
    return text(data, array(data, pos)[0][0][0])


def encode_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError(value)


def encode_text(value: str) -> bytes:
    raw = value.encode("utf-8")
    return encode_head(3, len(raw)) + raw


def encode_array(items: list[bytes]) -> bytes:
    """A CBOR array of already encoded ``items``."""
    return encode_head(4, len(items)) + b"".join(items)


def load(path: Path) -> bytes:
    """The CBOR payload of the Pagefind data file at ``path``."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path.name}: not a Pagefind data file")
    return data[len(SIGNATURE):]


def dump(payload: bytes) -> bytes:
    """A Pagefind data file holding ``payload`` (the same bytes for the same payload)."""
    return gzip.compress(SIGNATURE + payload, compresslevel=9, mtime=0)
