"""PyYAML's syntax errors in the officer's words, at the line the officer has to change.

The parser says where it gave up (``mapping values are not allowed here`` at the second colon,
``did not find expected key`` at a dedented line, ``could not find expected ':'`` one line
after the line that lacks it). :func:`syntax_finding` looks at the officer's own lines around
that place and names the usual mistake: a value holding ``: ``, a line indented out of step, a
missing colon, a value starting with a character YAML reserves, text after a closing quote, a
bracket or quote never closed. Every finding quotes the line and, where one exists, gives the
corrected line as valid YAML.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from ..findings import Finding, Message, Severity, register

_Q = "«{text}»"

register(
    Message("yaml.syntax", Severity.ERROR,
            "dòng này không đọc được theo cú pháp YAML ({problem}): " + _Q + " — kiểm tra thụt "
            "lề, dấu `:` sau tên trường và dấu ngoặc kép đóng mở đủ",
            "this line cannot be read as YAML ({problem_en}): " + _Q + " — check the indentation, "
            "the `:` after each key and that quotes are closed",
            bad="name:\n  vi: [Nước mắm", fix="name:\n  vi: Nước mắm"),
    Message("yaml.unclosed_quote", Severity.ERROR,
            "dấu ngoặc `{quote}` mở ở dòng này chưa được đóng — thêm `{quote}` ở cuối giá trị",
            "the quote `{quote}` opened on this line is never closed — add `{quote}` at the end",
            bad='vi: "Nước mắm', fix='vi: "Nước mắm"'),
    Message("yaml.colon_in_value", Severity.ERROR,
            "giá trị có dấu `: ` ở giữa nên YAML tưởng là một trường mới: " + _Q + " — đặt cả "
            "giá trị trong dấu ngoặc kép: `{quoted}`",
            "the value contains `: `, which YAML reads as a new key: " + _Q + " — put the whole "
            "value in double quotes: `{quoted}`",
            bad="  vi: Thành phần: tiêu đen", fix='  vi: "Thành phần: tiêu đen"'),
    Message("yaml.bad_indent", Severity.ERROR,
            "dòng {line} thụt lề lệch so với các dòng cùng cấp: " + _Q + " — cho tên trường bắt "
            "đầu đúng cột như ở dòng {ref} («{ref_text}»), thêm hoặc bớt dấu cách ở đầu dòng",
            "line {line} is indented out of step with the lines around it: " + _Q + " — start "
            "the key in the same column as on line {ref} («{ref_text}») by adding or removing "
            "spaces at the start of the line",
            bad="name:\n  en: Fish sauce\n vi: Nước mắm", fix="name:\n  en: Fish sauce\n  vi: Nước mắm"),
    Message("yaml.missing_colon", Severity.ERROR,
            "dòng {line} thiếu dấu `:` sau tên trường: " + _Q + " — viết `tên: giá trị`; nếu đây "
            "là phần tiếp theo của giá trị dòng trên, viết cả giá trị trên một dòng trong dấu "
            "ngoặc kép",
            "line {line} lacks the `:` after its key: " + _Q + " — write `key: value`; if it "
            "continues the value of the line above, write the whole value on one line in double "
            "quotes",
            bad="name:\n  vi Nước mắm", fix="name:\n  vi: Nước mắm"),
    Message("yaml.reserved_start", Severity.ERROR,
            "giá trị bắt đầu bằng `{first}`, ký tự YAML dành riêng: " + _Q + " — đặt cả giá trị "
            "trong dấu ngoặc kép: `{quoted}`",
            "the value starts with `{first}`, a character YAML reserves: " + _Q + " — put the "
            "whole value in double quotes: `{quoted}`",
            bad="  vi: @ Hội An", fix='  vi: "@ Hội An"'),
    Message("yaml.text_after_quote", Severity.ERROR,
            "sau dấu ngoặc kép đóng vẫn còn chữ: " + _Q + " — đặt cả giá trị trong một cặp ngoặc "
            "kép, dấu ngoặc kép bên trong viết là `\\\"`: `{quoted}`",
            "there is text after the closing quote: " + _Q + " — put the whole value in one "
            "pair of double quotes, writing a quote inside as `\\\"`: `{quoted}`",
            bad='  vi: "Nước mắm" Cửa Hội', fix='  vi: "\\"Nước mắm\\" Cửa Hội"'),
    Message("yaml.bad_escape", Severity.ERROR,
            "trong dấu ngoặc kép, dấu `\\` phải đi cùng một ký tự đặc biệt (như `\\n`): " + _Q
            + " — viết `\\\\` cho mỗi dấu `\\`, hoặc dùng dấu ngoặc đơn `'…'` thay cho ngoặc kép",
            "inside double quotes a `\\` must start an escape (such as `\\n`): " + _Q + " — write "
            "`\\\\` for each `\\`, or use single quotes `'…'` instead of double quotes",
            bad='  vi: "Mẫu A\\B"', fix="  vi: 'Mẫu A\\B'"),
    Message("yaml.unclosed_bracket", Severity.ERROR,
            "dấu `{open}` mở ở dòng này chưa được đóng: " + _Q + " — thêm `{close}` ở cuối; nếu "
            "`{open}` là một phần của chữ, đặt cả giá trị trong dấu ngoặc kép",
            "the `{open}` opened on this line is never closed: " + _Q + " — add `{close}` at the "
            "end; if `{open}` is part of the text, put the whole value in double quotes",
            bad="  phones: [0905123456, 0235123456", fix="  phones: [0905123456, 0235123456]"),
)

#: the parser's words (libyaml's and PyYAML's) for the fallback message
_PROBLEMS_VI = (
    ("end of stream", "tệp kết thúc giữa chừng"),
    ("expected key", "không thấy tên trường ở chỗ cần có"),
    ("expected node content", "thiếu giá trị ở chỗ này, có dấu `,` hay dấu ngoặc đóng thừa"),
    ("expected ':'", "thiếu dấu `:`"),
    ("cannot start any token", "ký tự không được đứng đầu giá trị"),
    ("mapping values", "dấu `:` không được đứng ở đây"),
    ("'-' indicator", "thiếu dấu `-` của mục danh sách"),
    ("directive", "dòng bắt đầu bằng `%`"),
    ("escape", "dấu `\\` trong ngoặc kép không hợp lệ"),
    ("alias", "dấu `*` hoặc `&` không hợp lệ"),
)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _shown(line: str) -> str:
    text = line.strip()
    return text if len(text) <= 70 else text[:69] + "…"


def _content(lines: list[str], before: int) -> int | None:
    """The index of the last line before ``before`` that holds YAML (not blank, not a comment)."""
    for index in range(min(before, len(lines)) - 1, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
    return None


def _quoted(line: str, start: int) -> str:
    """The line with its value from ``start`` put in double quotes (valid YAML when pasted)."""
    value = line[start:].split(" #", 1)[0].strip()
    return (line[:start].rstrip() + " " + json.dumps(value, ensure_ascii=False)).strip()


def _value_start(line: str) -> int:
    """Where the value of a ``key: value`` or ``- value`` line starts."""
    match = re.match(r"\s*(?:- +)*(?:[^\s:#][^:]*?: +)?", line)
    return match.end() if match else 0


def syntax_finding(file: str, text: str, error: yaml.MarkedYAMLError) -> Finding:
    """The finding an officer can act on, for a syntax error the parser raised."""
    lines = text.split("\n")
    problem = " ".join(filter(None, [error.context, error.problem]))
    quote = _unclosed_quote(lines, error.problem_mark, error.context_mark, problem)
    if quote:
        return Finding(file, "yaml.unclosed_quote", "", *quote[:2], {"quote": quote[2]})
    mark = error.problem_mark or error.context_mark
    for explain in (_mapping_values, _no_key, _no_colon, _reserved, _bracket, _escape):
        found = explain(file, lines, error, problem)
        if found is not None:
            return found
    return _generic(file, lines, mark, problem)


def _at(file: str, code: str, lines: list[str], index: int, column: int, **params: Any) -> Finding:
    line = lines[index] if 0 <= index < len(lines) else ""
    return Finding(file, code, "", index + 1, column + 1,
                   {"text": _shown(line), "line": str(index + 1), **params})


def _generic(file: str, lines: list[str], mark: Any, problem: str) -> Finding:
    index, column = (mark.line, mark.column) if mark is not None else (0, 0)
    if index >= len(lines) or not lines[index].strip():  # past the end: the last real line
        last = _content(lines, index + 1)
        index, column = (last, _indent(lines[last])) if last is not None else (0, 0)
    problem_vi = next((vi for key, vi in _PROBLEMS_VI if key in problem), "cấu trúc không hợp lệ")
    return _at(file, "yaml.syntax", lines, index, column, problem=problem_vi,
               problem_en=problem or "?")


def _bad_indent(file: str, lines: list[str], index: int, ref: int | None) -> Finding:
    ref_text = _shown(lines[ref]) if ref is not None else ""
    return _at(file, "yaml.bad_indent", lines, index, _indent(lines[index]),
               ref=str(ref + 1 if ref is not None else index), ref_text=ref_text)


def _mapping_values(file: str, lines: list[str], error: Any, problem: str) -> Finding | None:
    """``mapping values are not allowed``: a colon inside a value, a missing colon on the line
    before, or a line indented deeper than it may be."""
    mark = error.problem_mark
    if "mapping values" not in problem or mark is None or mark.line >= len(lines):
        return None
    index, line = mark.line, lines[mark.line]
    start = _value_start(line)
    if ": " in line[:mark.column] or line[:mark.column].rstrip().endswith(":"):
        if start <= mark.column and start > _indent(line):
            return _at(file, "yaml.colon_in_value", lines, index, start,
                       quoted=_quoted(line, start))
    prev = _content(lines, index)
    if prev is None:
        return None
    before = _content(lines, prev)
    if _indent(lines[prev]) < _indent(line) and before is not None \
            and _indent(lines[before]) == _indent(line):
        return _bad_indent(file, lines, prev, before)  # the line above was dedented
    if _indent(lines[prev]) == _indent(line) and ":" not in lines[prev] \
            and not lines[prev].lstrip().startswith("-"):
        return _at(file, "yaml.missing_colon", lines, prev, _indent(lines[prev]))
    return _bad_indent(file, lines, index, prev)


def _no_key(file: str, lines: list[str], error: Any, problem: str) -> Finding | None:
    """``did not find expected key`` / ``'-' indicator``: a dedented line, or text after a
    closing quote on the same line."""
    mark = error.problem_mark
    if not re.search(r"expected key|'-' indicator|expected <block end>", problem) or mark is None \
            or mark.line >= len(lines) or not lines[mark.line].strip():
        return None
    index, line = mark.line, lines[mark.line]
    if mark.column > _indent(line):
        start = _value_start(line)
        if start < len(line) and line[start] in "\"'":
            return _at(file, "yaml.text_after_quote", lines, index, start,
                       quoted=_requote(line, start))
    prev = _content(lines, index)
    siblings = [i for i in range(index) if lines[i].strip() and not lines[i].lstrip().startswith("#")
                and _indent(lines[i]) > _indent(line)]
    return _bad_indent(file, lines, index, siblings[-1] if siblings else prev)


def _requote(line: str, start: int) -> str:
    """``"Nước mắm" Cửa Hội`` → ``"\\"Nước mắm\\" Cửa Hội"``."""
    return (line[:start].rstrip() + " " + json.dumps(line[start:].strip(), ensure_ascii=False)).strip()


def _no_colon(file: str, lines: list[str], error: Any, problem: str) -> Finding | None:
    """``could not find expected ':'`` is reported on the line after the one lacking it."""
    mark = error.context_mark
    if "expected ':'" not in problem or mark is None or mark.line >= len(lines):
        return None
    return _at(file, "yaml.missing_colon", lines, mark.line, mark.column)


def _reserved(file: str, lines: list[str], error: Any, problem: str) -> Finding | None:
    """A value starting with `@`, a backtick, or `*`/`&` followed by what cannot name an alias."""
    alias = re.search(r"scanning an? (alias|anchor)", problem)
    mark = error.context_mark if alias else error.problem_mark
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return None
    line = lines[mark.line]
    stray = "expected node content" in problem and line[mark.column] in "]}," \
        and _value_start(line) == mark.column
    if "cannot start any token" not in problem and not alias and not stray:
        return None
    start = min(_value_start(line), mark.column)
    return _at(file, "yaml.reserved_start", lines, mark.line, mark.column,
               first=line[mark.column], quoted=_quoted(line, start))


def _bracket(file: str, lines: list[str], error: Any, problem: str) -> Finding | None:
    """``did not find expected ',' or ']'``: the bracket opened at the context mark."""
    mark = error.context_mark
    match = re.search(r"flow (sequence|mapping)", problem)
    if not match or mark is None or mark.line >= len(lines):
        return None
    opened, closed = ("[", "]") if match.group(1) == "sequence" else ("{", "}")
    return _at(file, "yaml.unclosed_bracket", lines, mark.line, mark.column,
               open=opened, close=closed)


def _escape(file: str, lines: list[str], error: Any, problem: str) -> Finding | None:
    mark = error.problem_mark
    if "escape" not in problem or mark is None or mark.line >= len(lines):
        return None
    return _at(file, "yaml.bad_escape", lines, mark.line, mark.column)


def _unclosed_quote(lines: list[str], mark: Any, context: Any,
                    problem: str) -> tuple[int, int, str] | None:
    """Where a quote was opened and never closed: where the parser says it opened one, else
    the first line before the error with an odd number of unescaped double quotes."""
    if "quoted scalar" in problem and "end of stream" in problem and context is not None \
            and context.line < len(lines):
        line = lines[context.line]
        if context.column < len(line) and line[context.column] in "\"'":
            return context.line + 1, context.column + 1, line[context.column]
    last = mark.line + 1 if mark is not None else len(lines)
    for number, line in enumerate(lines[:last], start=1):
        body = line.split(" #", 1)[0].replace('\\"', "")
        if body.lstrip().startswith("#") or "'" in body:
            continue
        if body.count('"') % 2 == 1:
            return number, body.index('"') + 1, '"'
    return None
