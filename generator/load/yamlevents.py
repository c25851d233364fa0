"""YAML text → data with the line and column of every value, in one pass over the parser's
events (libyaml's, when PyYAML has it).

The same pass refuses what product files never need — anchors, aliases, explicit tags,
several documents, nesting deeper than :data:`~generator.load.depth.MAX_DEPTH` — and builds
the data: keys must be plain words and appear once, plain scalars are read the YAML 1.2 way
(:func:`resolve_plain`). A refusal of the stream (those above, or a syntax error) wins over a
refusal of the data (a duplicate key, a complex key, ``<<``) wherever each stands, as when
the stream was checked in full before composing; the data's first refusal, in document order,
is raised once the stream is read.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from ..errors import OcopError
from ..findings import Finding
from .depth import MAX_DEPTH
from .document import Document, PathT, format_path

#: libyaml (C) when PyYAML was built with it: about ten times faster, same events and marks.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core-schema meaning of a plain scalar, keeping leading-zero codes as text."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        digits = text.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            return text  # a code or phone number: keep every digit
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


class Refused(OcopError):
    def __init__(self, code: str, mark: Any, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.mark = mark
        self.params = params


def mark(where: Any) -> tuple[int, int]:
    return (where.line + 1, where.column + 1) if where is not None else (0, 0)


def _refuse_event(event: Any, state: list[int]) -> None:
    """Refuse what the stream holds that product files never need; ``state`` counts the
    documents and the open collections."""
    if isinstance(event, yaml.CollectionStartEvent):
        state[1] += 1
        if state[1] > MAX_DEPTH:
            raise Refused("yaml.too_deep", event.start_mark, limit=str(MAX_DEPTH))
    elif isinstance(event, yaml.CollectionEndEvent):
        state[1] -= 1
    if isinstance(event, yaml.DocumentStartEvent):
        state[0] += 1
        if state[0] > 1:
            raise Refused("yaml.multiple_documents", event.start_mark)
    elif isinstance(event, yaml.AliasEvent):
        raise Refused("yaml.alias", event.start_mark)
    elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
        raise Refused("yaml.alias", event.start_mark)
    tag = getattr(event, "tag", None)
    if isinstance(event, yaml.ScalarEvent) and tag == "!":
        return  # the non-specific tag PyYAML reports for quoted scalars
    if tag is not None and isinstance(event, yaml.NodeEvent):
        raise Refused("yaml.tag", event.start_mark, tag=str(tag))


def comment_cut(file: str, lines: list[str], scalar: Any, path: PathT) -> Finding | None:
    """A comment right after a plain text value on its line (``scalar``: its event or
    node): the officer's text, cut."""
    end = scalar.end_mark
    line = lines[end.line] if end.line < len(lines) else ""
    rest = line[end.column:]
    if not rest.startswith((" ", "\t")) or not rest.lstrip(" \t").startswith("#"):
        return None
    whole = scalar.value + rest.rstrip()
    lost = rest.lstrip(" \t")[1:].strip()
    key = f"{path[-1]}:" if path and isinstance(path[-1], str) else "-"
    fix = f"{key} {json.dumps(whole, ensure_ascii=False)}"
    shown = lost if len(lost) <= 60 else lost[:59] + "…"
    column = end.column + len(rest) - len(rest.lstrip(" \t")) + 1
    return Finding(file, "yaml.comment_cut", format_path(path), end.line + 1, column,
                   {"lost": shown, "quoted": fix})


_KEY = object()  # an open mapping waiting for its next key


class Builder:
    """Data and marks of one document from its events (see the module's text)."""

    def __init__(self, doc: Document, lines: list[str]) -> None:
        self.doc = doc
        self.lines = lines
        self.cut: list[Finding] = []
        self.root: Any = None
        #: open collections: [container, path, the key waiting for its value (or _KEY)]
        self.stack: list[list[Any]] = []

    def run(self, text: str) -> Any:
        """The data of ``text``; raises :class:`Refused` or PyYAML's error."""
        state = [0, 0]
        refused: Refused | None = None
        try:
            for event in yaml.parse(text, Loader=LOADER):
                _refuse_event(event, state)
                if refused is None:
                    try:
                        self._event(event)
                    except Refused as problem:
                        refused = problem
        except BaseException:
            self.doc.value_marks.clear()  # the stream was refused before any data was built
            self.doc.key_marks.clear()
            self.doc.plain_text.clear()
            raise
        if refused is not None:
            raise refused
        return self.root

    def _event(self, event: Any) -> None:
        if isinstance(event, yaml.CollectionEndEvent):
            self.stack.pop()
        elif isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is _KEY:
                self._key(event)
            else:
                self._value(event)

    def _key(self, event: Any) -> None:
        top = self.stack[-1]
        if not isinstance(event, yaml.ScalarEvent):
            raise Refused("yaml.complex_key", event.start_mark)
        if not event.style and event.value == "<<":  # YAML's merge key
            raise Refused("yaml.alias", event.start_mark)
        child = (*top[1], event.value)
        if event.value in top[0]:
            first_line = self.doc.key_marks[child][0]
            raise Refused("yaml.duplicate_key", event.start_mark, key=event.value,
                          first_line=str(first_line))
        self.doc.key_marks[child] = mark(event.start_mark)
        top[2] = event.value

    def _value(self, event: Any) -> None:
        path: PathT = ()
        if self.stack:
            top = self.stack[-1]
            path = (*top[1], len(top[0]) if isinstance(top[0], list) else top[2])
        self.doc.value_marks[path] = mark(event.start_mark)
        if isinstance(event, yaml.MappingStartEvent):
            value: Any = {}
        elif isinstance(event, yaml.SequenceStartEvent):
            value = []
        else:
            value = self._scalar(event, path)
        if not self.stack:
            self.root = value
        elif isinstance(self.stack[-1][0], list):
            self.stack[-1][0].append(value)
        else:
            self.stack[-1][0][self.stack[-1][2]] = value
            self.stack[-1][2] = _KEY
        if isinstance(event, yaml.CollectionStartEvent):
            self.stack.append([value, path, _KEY])

    def _scalar(self, event: Any, path: PathT) -> Any:
        if event.style:  # quoted or block scalar: always text (plain is None or "")
            return event.value
        value = resolve_plain(event.value)
        if not isinstance(value, str):
            self.doc.plain_text[path] = event.value
        else:
            cut = comment_cut(self.doc.file, self.lines, event, path)
            if cut is not None:
                self.cut.append(cut)
        return value
