"""How the code is cut: module sizes and function lengths of ``generator/``, against the limits
the team keeps (docs/architecture.md). ``--check`` exits 1 when a limit is broken.

    python tools/module_stats.py [--check] [--top N]

Lines are physical lines of a module; a function's length runs from its ``def`` (decorators
excluded) to its last line, nested functions counted on their own too.
"""

from __future__ import annotations

import argparse
import ast
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 400
MAX_MODULE_MEDIAN = 120
MAX_FUNCTION_P90 = 25


@dataclass(frozen=True)
class Stats:
    modules: dict[str, int]
    functions: list[tuple[int, str]]

    @property
    def median(self) -> float:
        return statistics.median(self.modules.values())

    @property
    def p90(self) -> int:
        lengths = sorted(n for n, _ in self.functions)
        return lengths[int(0.9 * (len(lengths) - 1))]

    def problems(self) -> list[str]:
        out = [f"{name}: {lines} lines (limit {MAX_MODULE_LINES})"
               for name, lines in sorted(self.modules.items()) if lines > MAX_MODULE_LINES]
        if self.median > MAX_MODULE_MEDIAN:
            out.append(f"module median {self.median:g} lines (limit {MAX_MODULE_MEDIAN})")
        if self.p90 > MAX_FUNCTION_P90:
            out.append(f"function p90 {self.p90} lines (limit {MAX_FUNCTION_P90})")
        return out


def measure(package: Path) -> Stats:
    modules: dict[str, int] = {}
    functions: list[tuple[int, str]] = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package.parent).as_posix()
        text = path.read_text(encoding="utf-8")
        if path.name == "__init__.py" and not text.strip():
            continue  # an empty package marker is not a module anyone reads
        modules[name] = len(text.splitlines())
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                functions.append((node.end_lineno - node.lineno + 1, f"{name}:{node.name}"))
    return Stats(modules, functions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a limit is broken")
    parser.add_argument("--top", type=int, default=8, help="largest modules and functions shown")
    args = parser.parse_args(argv)
    stats = measure(ROOT / "generator")
    print(f"{len(stats.modules)} modules, median {stats.median:g} lines, largest "
          f"{max(stats.modules.values())}; {len(stats.functions)} functions, p90 {stats.p90} "
          f"lines, longest {max(n for n, _ in stats.functions)}")
    for name, lines in sorted(stats.modules.items(), key=lambda i: -i[1])[:args.top]:
        print(f"  {lines:5d}  {name}")
    for lines, name in sorted(stats.functions, reverse=True)[:args.top]:
        print(f"  {lines:5d}  {name}()")
    problems = stats.problems()
    for problem in problems:
        print(f"over the limit: {problem}", file=sys.stderr)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
