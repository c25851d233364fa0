"""YAML scalars that load back exactly as written.

A text is written plain when :mod:`generator.load.yamlload` (YAML 1.2) *and* a YAML 1.1 reader
would read it back as the same text, so ``code: "49"``, ``signed: "2019"``, ``no``, ``0012``
and ``1,5`` stay quoted while ``signed: 2022-12-29`` and ``Xã Tiên Sơn`` do not; a text of
several lines is a literal block when that reads back the same.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..load.yamlload import resolve_plain

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<"}
_NUMBERISH = re.compile(
    r"[-+]?(0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_,.:]*([eE][-+]?[0-9]+)?"
    r"|\.[0-9_]+([eE][-+]?[0-9]+)?|\.(inf|Inf|INF|nan|NaN|NAN)|[0-9]{4}-[0-9]{2})")
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BREAKS = set("\t\n\r\x85\u2028\u2029\ufeff")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}


def _printable(char: str) -> bool:
    """YAML's printable set (what PyYAML's reader accepts)."""
    code = ord(char)
    return (char in "\t\n\r" or 0x20 <= code <= 0x7E or code == 0x85
            or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF)


def plain_ok(text: str, *, flow: bool) -> bool:
    """True when ``text`` can be written unquoted and still loads back as the same text."""
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if any(ch in _BREAKS or not _printable(ch) for ch in text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or text.startswith(("---", "...")):
        return False
    if flow and any(ch in ",[]{}" for ch in text):
        return False
    if text.lower() in _YAML11_WORDS or resolve_plain(text) != text:
        return False
    return not (_NUMBERISH.fullmatch(text) and not _FULL_DATE.fullmatch(text))


def quoted(text: str) -> str:
    """Double-quoted YAML scalar, escaping what a reader would not take literally."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch in _BREAKS or not _printable(ch):
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code < 0x100 else
                       f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def literal(text: str) -> tuple[str, list[str]] | None:
    """(``|-`` or ``|``, lines) when ``text`` reads well as a literal block, else None."""
    if "\n" not in text or text.endswith("\n\n"):
        return None
    if any(ch in _BREAKS - {"\n"} or not _printable(ch) for ch in text):
        return None
    indicator, body = ("|", text[:-1]) if text.endswith("\n") else ("|-", text)
    lines = body.split("\n")
    if not any(lines) or not lines[0]:
        return None
    if any(line != line.strip() or line.startswith("#") for line in lines):
        return None
    return indicator, lines


def scalar(value: Any, *, flow: bool = False) -> str:
    """One scalar as it is written after ``key: `` (never a block)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"product files hold finite numbers only, not {value!r}")
        return repr(value)
    if isinstance(value, str):
        return value if plain_ok(value, flow=flow) else quoted(value)
    raise TypeError(f"cannot write {type(value).__name__} in a product file")


def key(key: Any) -> str:
    """A mapping key, quoted only when it must be."""
    if not isinstance(key, str):
        raise TypeError(f"product file keys are text, not {type(key).__name__}")
    return key if plain_ok(key, flow=False) else quoted(key)
