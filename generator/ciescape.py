"""Print names and paths so that no line of output can become a GitHub workflow command.

Anyone who can open a pull request chooses folder names and field values, and the checks print
them into a GitHub Actions log. The runner reads a line as a command when, after leading
whitespace, it starts with ``::`` (``::error::…``, ``::stop-commands::…``), and — the legacy
syntax — when it holds ``##[`` anywhere (actions/runner ``ActionCommand.TryParse``). So:

- :func:`visible` puts a name on one line: control, format and separator characters (C0, C1,
  U+2028/2029, U+FEFF, lone surrogates …) become visible escapes (``\\n``, ``\\u2028``), ``##[``
  becomes ``##[\\`` (the runner's own defence in ``OutputManager``), and a leading ``::`` is
  shown as ``\\x3a:``. It is for text people read; the escaped text is not the path.
- :func:`plain` does the same to every line of a multi-line text, keeping its line breaks.
- :func:`annotation_data` and :func:`annotation_property` follow GitHub's own escaping for the
  message and the properties of an annotation (``%25``, ``%0D``, ``%0A``; ``%3A``, ``%2C``), so
  the annotation still names the real file; the message also gets the visible escapes (its
  line breaks excepted) and the ``##[`` defence.
- :func:`json_text` writes JSON whose strings hold none of those characters raw (``\\uXXXX``,
  which a JSON reader turns back into the same text).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp", "Zs"}
_LEGACY_COMMAND = re.compile(r"##\[(?!\\)")
_LEADING_COMMAND = re.compile(r"\A( *):(?=:)")


def _hidden(char: str) -> bool:
    return char != " " and unicodedata.category(char) in _HIDDEN_CATEGORIES


def _escape_char(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    point = ord(char)
    if point < 0x100:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def _escape_hidden(text: str, keep: str = "") -> str:
    if text.isprintable():  # no Cc, Cf, Cs, Zl, Zp, nor Zs but the space: nothing hidden
        return text
    return "".join(_escape_char(c) if _hidden(c) and c not in keep else c for c in text)


def visible(text: object) -> str:
    """``text`` on one line, every invisible character shown, never read as a command."""
    shown = _escape_hidden(str(text))
    if "##[" in shown:  # the two patterns are looked for only where they could match
        shown = _LEGACY_COMMAND.sub(r"##[\\", shown)
    if shown.lstrip(" ").startswith("::"):
        shown = _LEADING_COMMAND.sub(r"\1\\x3a", shown)
    return shown


def plain(text: str) -> str:
    """Every line of ``text`` made :func:`visible`; its ``\\n`` line breaks kept."""
    return "\n".join(visible(line) for line in text.split("\n"))


def _github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation_data(text: str) -> str:
    """The message of a workflow command: GitHub's escaping, other hidden characters shown."""
    return _github(_LEGACY_COMMAND.sub(r"##[\\", _escape_hidden(text, keep="\r\n")))


def annotation_property(text: str) -> str:
    """A property (``file=``, ``title=``) of a workflow command, escaped as GitHub reads it."""
    shown = "".join(_escape_char(c) if unicodedata.category(c) == "Cs" else c for c in text)
    return _github(shown).replace(":", "%3A").replace(",", "%2C")


def _json_escape(char: str) -> str:
    units = char.encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{units[i] << 8 | units[i + 1]:04x}" for i in range(0, len(units), 2))


def _json_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _json_escape(char) if char == "[" or _hidden(char) else char


# Only inside strings can these appear (JSON's own syntax is ASCII); `[` after `##` is \u005b.
_JSON_CANDIDATE = re.compile(r"[^\x00-\x7e]|(?<=##)\[")


def json_text(data: Any) -> str:
    """``data`` as indented JSON (UTF-8 text kept), safe to print into a workflow log."""
    return _JSON_CANDIDATE.sub(_json_char, json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
