"""Issue 13's targets, and whether one size's results meet them (pure functions of the results
dict that :mod:`benchmarks.steps` fills).

Every target is stated for 20,000 products; at a smaller size the verdict says how that size
compares, which says nothing certain about 20,000.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

TARGET_SIZE = 20_000
GB = 1_000_000_000
KB = 1_000
Value = Callable[[dict[str, Any]], float | None]


def step(name: str, field: str = "wall") -> Value:
    """The ``field`` of a successful step, None if it did not run or failed."""
    def value(size: dict[str, Any]) -> float | None:
        found = size.get("steps", {}).get(name)
        if not found or found.get("returncode") != 0:
            return None
        return float(found[field])
    return value


def ratio(top: Value, bottom: Value) -> Value:
    def value(size: dict[str, Any]) -> float | None:
        a, b = top(size), bottom(size)
        return None if a is None or not b else a / b
    return value


def query(which: str) -> Value:
    def value(size: dict[str, Any]) -> float | None:
        found = size.get("search", {}).get("queries", {}).get(which)
        return float(found["bytes"]) if found and "bytes" in found else None
    return value


@dataclass(frozen=True)
class Target:
    label: str
    value: Value
    limit: float
    unit: str  # "×", "s", "kB", "GB": how value and limit are shown

    def verdict(self, size: dict[str, Any]) -> str:
        found = self.value(size)
        if found is None:
            return "not measured"
        return "met" if found <= self.limit else "not met"


FULL = step("build-full")
TARGETS = (
    Target("full build ÷ bare mkdocs-material", ratio(FULL, step("bare-mkdocs")), 0.5, "×"),
    Target("full build ÷ plain Jinja2", ratio(FULL, step("jinja")), 4.0, "×"),
    Target("no-op rebuild", step("build-noop"), 5.0, "s"),
    Target("rebuild, one product changed", step("build-product"), 5.0, "s"),
    Target("validate, cold (no .cache)", step("validate-cold"), 15.0, "s"),
    Target("validate, warm", step("validate-warm"), 15.0, "s"),
    Target("validate, fresh clone with .cache restored (CI)", step("validate-clone"), 15.0, "s"),
    Target("search, first query on the wire", query("first"), 200 * KB, "kB"),
    Target("search, a later query on the wire", query("later"), 100 * KB, "kB"),
    Target("peak memory, full build (PSS of the process tree)", step("build-full", "tree_pss"),
           1.5 * GB, "GB"),
)


def show(value: float | None, unit: str) -> str:
    """A value in its target's unit: 0.42×, 3.1 s, 183.2 kB, 1.23 GB."""
    if value is None:
        return "—"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "s":
        return f"{value:,.1f} s"
    if unit == "kB":
        return f"{value / KB:,.1f} kB"
    return f"{value / GB:.2f} GB"


def evaluate(size: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target against one size's results: label, value, limit, verdict."""
    return [{"target": t.label, "value": t.value(size), "limit": t.limit, "unit": t.unit,
             "verdict": t.verdict(size)} for t in TARGETS]
