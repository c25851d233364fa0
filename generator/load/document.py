"""A loaded product file: its data, where each value stands in the text, and what went wrong.

Every stage after loading (schema, checks, origin, the model) reads a :class:`Document` and
reports problems as findings located through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding

#: A value's place in the data: ``("recognitions", 0, "stars")``.
PathT = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded product file: its data, where each value stands, and what went wrong."""

    file: str
    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    value_marks: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    #: plain (unquoted) scalars read as number/bool/null, with the text the officer typed
    plain_text: dict[PathT, str] = field(default_factory=dict)
    #: the raw text after decoding (for --fix-nfc and for showing context)
    text: str = ""

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(f.is_error for f in self.findings)

    def locate(self, path: PathT, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest ancestor."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(path)
        while probe:
            if probe in marks:
                return marks[probe]
            if not key and probe in self.key_marks:
                return self.key_marks[probe]
            probe = probe[:-1]
        return marks.get((), (1, 1))

    def finding(self, code: str, path: PathT = (), **params: Any) -> Finding:
        """A finding located at the value at ``path`` (or its nearest ancestor)."""
        return self._finding(code, path, self.locate(path), params)

    def key_finding(self, code: str, path: PathT, **params: Any) -> Finding:
        """A finding located at the key of ``path`` (an unknown field, say)."""
        return self._finding(code, path, self.locate(path, key=True), params)

    def _finding(self, code: str, path: PathT, where: tuple[int, int],
                 params: dict[str, Any]) -> Finding:
        return Finding(self.file, code, format_path(path), where[0], where[1],
                       {k: str(v) for k, v in params.items()})


def format_path(path: PathT) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
