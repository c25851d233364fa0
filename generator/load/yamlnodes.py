"""The quick way to read a product file: libyaml's node tree, walked once in Python.

The event path (:mod:`.yamlevents`) passes every parser event through several Python calls
so that it can refuse anchors, aliases, tags and several documents at the exact place they
stand. Almost no product file holds any of them, so :class:`Quick` first looks for the
characters they need (``&``, ``*``, ``!``, ``<<``) and, finding none, lets libyaml compose
the whole tree in C and walks it once. It gives the same data, marks, typed texts and cut
comments as the event path. Whatever it does not accept as it is (a duplicate or complex
key, nesting past the limit, several documents, a syntax error) makes it answer None, and
the caller reads the file the event path's way, which reports the problem exactly.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from ..findings import Finding
from .depth import MAX_DEPTH
from .document import Document, PathT
from .yamlevents import comment_cut, resolve_plain

#: what an anchor, alias, tag or merge key needs in the text
_UNSAFE = re.compile(r"[&*!]|<<")



def _libyaml() -> Any:
    """libyaml's composer, or None (PyYAML built without it: the event path is then as fast)."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return None
    return CParser


_CParser: Any = _libyaml()


class _NoResolver:
    """Tags are never read (scalars are resolved the YAML 1.2 way by the walk), so the
    composer is given a constant one instead of PyYAML's YAML 1.1 resolver."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""

    def descend_resolver(self, *_: Any) -> None:
        return None

    def ascend_resolver(self, *_: Any) -> None:
        return None


if _CParser is not None:
    class _Composer(_NoResolver, _CParser):
        pass


class _Declined(Exception):
    """The file needs the event path."""


class Quick:
    """Data, marks and cut comments of one document from libyaml's node tree."""

    def __init__(self, doc: Document, lines: list[str]) -> None:
        self.doc = doc
        self.lines = lines
        self.cut: list[Finding] = []
        #: every text and key was already NFC (so nothing needs normalising)
        self.nfc = True

    def run(self, text: str) -> tuple[bool, Any]:
        """(True, the data) or (False, None) when the file needs the event path; nothing
        is left in the document's marks after a (False, None)."""
        if _CParser is None or _UNSAFE.search(text):
            return False, None
        try:
            node = _Composer(text).get_single_node()
            if node is None:
                raise _Declined
            return True, self._node(node, (), 0)
        except (yaml.YAMLError, _Declined):
            self.doc.value_marks.clear()
            self.doc.key_marks.clear()
            self.doc.plain_text.clear()
            self.cut.clear()
            return False, None

    def _node(self, node: Any, path: PathT, depth: int) -> Any:
        start = node.start_mark
        self.doc.value_marks[path] = (start.line + 1, start.column + 1)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if depth >= MAX_DEPTH:
            raise _Declined
        if isinstance(node, yaml.SequenceNode):
            return [self._node(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        out: dict[str, Any] = {}
        marks = self.doc.key_marks
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.value in out:
                raise _Declined  # a complex or duplicate key: the event path says where
            name = key.value
            if self.nfc and not unicodedata.is_normalized("NFC", name):
                self.nfc = False
            child = (*path, name)
            marks[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
            out[name] = self._node(value, child, depth + 1)
        return out

    def _scalar(self, node: Any, path: PathT) -> Any:
        text = node.value
        value = text if node.style else resolve_plain(text)  # quoted or block: text
        if not isinstance(value, str):
            self.doc.plain_text[path] = text
            return value
        if self.nfc and not unicodedata.is_normalized("NFC", value):
            self.nfc = False
        if not node.style:
            cut = comment_cut(self.doc.file, self.lines, node, path)
            if cut is not None:
                self.cut.append(cut)
        return value
