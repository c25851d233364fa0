"""Characters an officer cannot see: control characters in the text, invisible ones in values.

Text copied from Word, PDF or a web page brings characters that do not show but are published
and break search and comparison: a soft hyphen in the middle of a name, a zero-width space, a
byte-order mark inside a line, a Unicode line separator, bidirectional controls that reorder
what a reader sees. Two steps:

* :func:`clean_controls` runs on the text before YAML: control characters (C0 and C1 except
  tab and newline, and U+2028/U+2029, which YAML's readers take as line breaks and so shift
  every line number after them) are reported where they stand and replaced by a space, so the
  rest of the file is still read and located right;
* :func:`invisible_findings` runs on the data: one finding per value that holds an invisible
  character, at the character, naming it.

Severity: an error in a name (what buyers search and what certificates must match), for
bidirectional controls (they make a value read differently from what it is) and for control
characters; a warning elsewhere, where the text still reads right.
"""

from __future__ import annotations

import re
from typing import Any

from ..findings import Finding, Message, Severity, register
from .document import Document, PathT, format_path

_WHERE = "có ký tự vô hình {char}: «{around}»"
_WHERE_EN = "holds the invisible character {char_en}: «{around}»"
_HOW = "gõ lại đoạn chữ quanh chỗ đó (ký tự này thường bị chép theo từ Word, PDF hay trang web)"
_HOW_EN = "retype the text around it (it usually comes along when copying from Word, PDF or the web)"

register(
    Message("text.control_char", Severity.ERROR,
            "dòng này có ký tự {char}, không hiện ra khi xem tệp — xoá nó: " + _HOW,
            "this line holds the character {char_en}, which does not show — delete it: "
            + _HOW_EN),
    Message("text.invisible", Severity.ERROR,
            _WHERE + " — ký tự này không thấy được nhưng vẫn được đăng, làm sai chữ và việc tìm kiếm; "
            "xoá nó: " + _HOW,
            _WHERE_EN + " — it does not show but is published and breaks the text and search; "
            "delete it: " + _HOW_EN,
            bad='vi: "Nước mắm Cửa\\u00adHội"', fix="vi: Nước mắm Cửa Hội"),
    Message("text.invisible_soft", Severity.WARNING,
            _WHERE + " — ký tự này không thấy được nhưng vẫn được đăng; nên xoá nó: " + _HOW,
            _WHERE_EN + " — it does not show but is published; better delete it: " + _HOW_EN,
            bad='vi: "Nước mắm\\u200b ngon"', fix="vi: Nước mắm ngon"),
)

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NAMES: dict[str, tuple[str, str]] = {
    "\u00ad": ("dấu gạch nối mềm", "soft hyphen"),
    "\ufeff": ("dấu BOM giữa chữ", "byte-order mark inside the text"),
    "\u200b": ("dấu cách độ rộng 0", "zero-width space"),
    "\u200c": ("ký tự không nối độ rộng 0", "zero-width non-joiner"),
    "\u200d": ("ký tự nối độ rộng 0", "zero-width joiner"),
    "\u2060": ("ký tự nối từ vô hình", "word joiner"),
    "\u180e": ("dấu tách nguyên âm Mông Cổ", "Mongolian vowel separator"),
    "\u2028": ("ký tự xuống dòng Unicode", "line separator"),
    "\u2029": ("ký tự ngắt đoạn Unicode", "paragraph separator"),
    "\x85": ("ký tự xuống dòng NEL", "next line (NEL)"),
    **{c: ("ký tự điều khiển hướng chữ", "bidirectional control") for c in _BIDI},
    **{c: ("ký tự toán học vô hình", "invisible operator") for c in "\u2061\u2062\u2063\u2064"},
}
#: refused by YAML's readers or read as line breaks: replaced before parsing
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
#: in a value (an escape such as "\u00ad" in double quotes gets them past the reader)
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff]")
_STRICT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ufffe\uffff]")


def describe(char: str) -> tuple[str, str]:
    """``U+00AD (dấu gạch nối mềm)`` and ``U+00AD (soft hyphen)``."""
    vi, en = _NAMES.get(char, ("ký tự điều khiển ẩn", "hidden control character"))
    code = f"U+{ord(char):04X}"
    return f"{code} ({vi})", f"{code} ({en})"


def clean_controls(text: str, doc: Document) -> str:
    """The text with control characters replaced by spaces, one finding per line holding any."""
    if not _CONTROL.search(text):
        return text
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTROL.search(line)
        if match:
            vi, en = describe(match.group())
            doc.findings.append(Finding(doc.file, "text.control_char", "", number,
                                        match.start() + 1, {"char": vi, "char_en": en}))
    return _CONTROL.sub(" ", text)


def invisible_findings(doc: Document) -> list[Finding]:
    """One finding per text value holding an invisible character, at that character."""
    found: list[Finding] = []
    if "\\" not in doc.text and not _INVISIBLE.search(doc.text):
        return found  # no such character, and no escape that could write one
    for path, value in _strings(doc.data, ()):
        match = _INVISIBLE.search(value)
        if match is None:
            continue
        char = match.group()
        strict = _STRICT.match(char) or any(part == "name" for part in path)
        vi, en = describe(char)
        around = _around(value, match.start(), f"⟦U+{ord(char):04X}⟧")
        line, column = _position(doc, path, char)
        found.append(Finding(doc.file, "text.invisible" if strict else "text.invisible_soft",
                             format_path(path), line, column,
                             {"char": vi, "char_en": en,
                              "around": around}))
    return found


def _strings(value: Any, path: PathT) -> list[tuple[PathT, str]]:
    out: list[tuple[PathT, str]] = []
    stack: list[tuple[PathT, Any]] = [(path, value)]
    while stack:
        here, item = stack.pop()
        if isinstance(item, str):
            out.append((here, item))
        elif isinstance(item, dict):
            stack.extend(((*here, k), v) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend(((*here, i), v) for i, v in reversed(list(enumerate(item))))
    return out


def _around(value: str, index: int, shown: str) -> str:
    before = value[max(0, index - 20):index].replace("\n", " ")
    after = value[index + 1:index + 21].replace("\n", " ")
    return f"{'…' if index > 20 else ''}{before}{shown}{after}{'…' if index + 21 < len(value) else ''}"


def _position(doc: Document, path: PathT, char: str) -> tuple[int, int]:
    """Where the character stands in the text, or the value's start when an escape wrote it."""
    line, column = doc.locate(path)
    lines = doc.text.split("\n")
    for number in range(line, min(line + 50, len(lines)) + 1):
        start = column - 1 if number == line else 0
        where = lines[number - 1].find(char, start)
        if where >= 0:
            return number, where + 1
    return line, column
