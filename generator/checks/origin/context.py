"""One ``origin.recorded`` being checked: what was written, where, and what was found."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ...findings import Finding
from ...load.document import Document, PathT
from ...places import NEW, OLD, Issue, Unit, lookup, match_names, spelled, unit_list
from .messages import worded

RECORDED: PathT = ("origin", "recorded")
CURRENT: PathT = ("origin", "current_commune")


def path(level: str, part: str | None = None) -> PathT:
    """``origin.recorded.<level>[.<part>]``."""
    return (*RECORDED, level, part) if part else (*RECORDED, level)


#: where each reason the current commune could not be derived is reported
_ISSUE_PATHS: dict[str, PathT] = {
    "origin.no_conversion": path("commune"),
    "origin.split_needs_current_commune": path("commune"),
    "origin.commune_missing": RECORDED,
}


@dataclass
class OriginCheck:
    """One origin being checked: where things are and what was found."""

    doc: Document
    recorded: Mapping[str, Any]
    current_code: str | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def scheme(self) -> str:
        return str(self.recorded.get("scheme", OLD))

    def entry(self, level: str) -> tuple[str | None, str | None]:
        """(code, name) of ``recorded.<level>``, either may be missing."""
        value = self.recorded.get(level)
        if not isinstance(value, Mapping):
            return None, None
        code, name = value.get("code"), value.get("name")
        return (str(code) if code is not None else None), (str(name) if name else None)

    def recorded_commune(self) -> bool:
        """True when a commune was written (found or not)."""
        return self.entry("commune") != (None, None)

    def add(self, code: str, where: PathT, **params: object) -> None:
        self.findings.append(self.doc.finding(code, where, **worded(code, params)))

    def report(self, issues: Iterable[Issue]) -> None:
        """Report what stood in the way of deriving the current commune."""
        for issue in issues:
            self.add(issue.code, _ISSUE_PATHS.get(issue.code, CURRENT), **issue.params)

    def check_name(self, level: str, unit: Unit, spellings: Iterable[str],
                   by_name: list[Unit]) -> None:
        """Warn when the recorded name is not the name of the unit its code points at."""
        _, name = self.entry(level)
        if name is None or spelled(name, spellings):
            return
        self.add("origin.name_mismatch", path(level, "name"), unit_code=unit.code,
                 official=unit.name, name=name, by_name=unit_list(by_name))

    def wrong_scheme(self, level: str, code: str | None, name: str | None) -> bool:
        """Report a unit written in the other scheme; True when reported."""
        other = NEW if self.scheme == OLD else OLD
        matches = match_names(name, lookup.units(level, other)) if name else []
        matches = [unit for unit in matches if code is None or unit.code == code]
        if len(matches) != 1:
            return False
        here = lookup.units(level, self.scheme)
        meant = [unit for unit, _ in here if unit.code == code] + match_names(name or "", here)
        self.add("origin.wrong_scheme", (*RECORDED, "scheme"), name=name, found=str(matches[0]),
                 scheme=self.scheme, other=other, here=unit_list(dict.fromkeys(meant)))
        return True
