"""How deeply a product file nests, estimated from its text before any YAML parser sees it.

A line of a few hundred ``[`` makes a recursive composer raise :class:`RecursionError`, and
some tens of thousands of them crash libyaml's composer outright; a product file needs a
handful of levels. :func:`too_deep` walks the text once, without recursion, tracking what
opens a level (indentation, ``- ``/``? `` indicators, ``[``/``{`` outside quotes and comments,
block scalars and quoted text that spans lines), and stops at the first place where the
estimate passes the limit. The estimate is never lower than the real depth, so a document it
lets through is safe to parse; the loader then counts the real depth on the parser's events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: levels a product file may nest (the schema needs five)
MAX_DEPTH = 20
#: the text scan's limit: its estimate can exceed the real depth, never fall below it
SCAN_LIMIT = 40

_OPEN, _CLOSE = "[{", "]}"
_INDENT = re.compile(r"^ *", re.MULTILINE)


@dataclass
class _State:
    limit: int
    stack: list[int] = field(default_factory=list)  # indents of open block levels
    flow: int = 0
    quote: str = ""  # the quote character of quoted text spanning lines
    block_scalar: int = -1  # indent of the line that opened a block scalar (| or >)
    inline: int = 0  # ``- `` and ``? `` indicators on the current line


def too_deep(text: str, limit: int = SCAN_LIMIT) -> tuple[int, int] | None:
    """The line and column (1-based) where the nesting estimate first passes ``limit``."""
    if _bound(text) <= limit:
        return None
    state = _State(limit)
    for number, line in enumerate(text.split("\n"), start=1):
        column = _line(state, line)
        if column is not None:
            return number, column + 1
    return None


def _bound(text: str) -> int:
    """A quick upper bound of the depth (every bracket opens a level; block collections nest
    at most two to an indentation width, plus the ``- ``/``? `` of one line): a typical product
    file is far below the limit and skips the scan."""
    inline = max((line.count("- ") + line.count("? ") for line in text.split("\n")), default=0)
    indents = len(set(map(len, _INDENT.findall(text))))
    return text.count("[") + text.count("{") + 2 * (indents + inline + 1)


def _line(state: _State, line: str) -> int | None:
    start = 0
    if not state.quote and not state.flow:
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if not stripped or stripped.startswith("#"):
            return None
        if state.block_scalar >= 0 and indent > state.block_scalar:
            return None
        state.block_scalar = -1
        while state.stack and state.stack[-1] >= indent:
            state.stack.pop()
        state.stack.append(indent)
        state.inline = 0
        if _depth(state) > state.limit:
            return indent
        start = indent
    return _tokens(state, line, start)


def _depth(state: _State) -> int:
    return len(state.stack) + state.inline + state.flow


def _tokens(state: _State, line: str, i: int) -> int | None:
    """Scan one line from ``i``; the column where the limit is passed, if it is."""
    token_start = True
    while i < len(line):
        if state.quote:
            i, token_start = _close_quote(state, line, i), False
        elif line[i] == " ":
            i += 1
        elif line[i] == "#" and (i == 0 or line[i - 1] == " "):
            return None
        else:
            following, token_start, over = _token(state, line, i, token_start)
            if over:
                return i
            i = following
    return None


def _token(state: _State, line: str, i: int, token_start: bool) -> tuple[int, bool, bool]:
    """One token at ``i``: where the next starts, whether it may start a node, and whether
    the limit is passed here."""
    char = line[i]
    spaced = line[i + 1:i + 2] in ("", " ")
    if token_start and char in "\"'":
        state.quote = char
        return i + 1, False, False
    if char in _OPEN and (state.flow or token_start):
        state.flow += 1
        return i + 1, True, _depth(state) > state.limit
    if char in _CLOSE and state.flow:
        state.flow -= 1
        return i + 1, False, False
    if (char == "," and state.flow) or (char == ":" and spaced):
        return i + 1, True, False
    if char in "-?" and spaced and token_start and not state.flow:
        state.inline += 1
        return i + 1, True, _depth(state) > state.limit
    if token_start and char in "|>" and not state.flow:
        state.block_scalar = len(line) - len(line.lstrip(" "))
        return len(line), False, False
    return _plain(state, line, i), False, False


def _plain(state: _State, line: str, i: int) -> int:
    """Skip a plain word (or an anchor/tag) up to what can end it."""
    n, start = len(line), i
    stops = ",[]{}" if state.flow else ""
    while i < n and line[i] != " " and line[i] not in stops:
        if line[i] == ":" and (i + 1 == n or line[i + 1] == " "
                               or (state.flow and line[i + 1] in stops)):
            break
        i += 1
    return max(i, start + 1)


def _close_quote(state: _State, line: str, i: int) -> int:
    """Move past quoted text; clear the quote when it closes on this line."""
    n = len(line)
    while i < n:
        char = line[i]
        if state.quote == '"' and char == "\\":
            i += 2
            continue
        if char == state.quote:
            if state.quote == "'" and i + 1 < n and line[i + 1] == "'":
                i += 2
                continue
            state.quote = ""
            return i + 1
        i += 1
    return n
