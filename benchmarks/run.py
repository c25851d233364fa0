"""Benchmarks anyone can rerun (issue 13): for each size, make the synthetic catalogue, time
``ocop validate`` and ``ocop build`` (full, no-op, after one product / one photo / one template
changed), measure the search index and the bytes of a first and a later query, and the
baselines (bare mkdocs-material, plain Jinja2); write ``docs/benchmarks.md`` and the raw
numbers as JSON.

Usage (from the repository root)::

    .venv/bin/python benchmarks/run.py --sizes 1000,5000,20000
    .venv/bin/python benchmarks/run.py --sizes 1000 --no-browser --skip-baselines
    .venv/bin/python benchmarks/run.py --sizes 1000 --only build-product   # and what it needs
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from datetime import date
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.catalogue import REPO, Spec, pristine
from benchmarks.machine import describe
from benchmarks.report import document
from benchmarks.steps import STEPS, Context, plan, run_steps

TODAY = date(2026, 12, 1)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000,5000,20000", help="product counts, comma-separated")
    p.add_argument("--work", type=Path, default=Path("/tmp/ocop-bench"),
                   help="scratch folder: catalogues (kept, reused by size/seed/today) and runs")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--today", type=date.fromisoformat, default=TODAY)
    p.add_argument("--no-browser", action="store_true", help="skip the search queries (Chromium)")
    p.add_argument("--skip-baselines", action="store_true", help="skip emit, bare Material, Jinja2")
    p.add_argument("--site-booklets", type=int, default=None, metavar="N",
                   help="set extra.ocop.print.site_max_products in the copied mkdocs.yml (0: the "
                   "site prints no booklet; booklets are then only the --booklet step)")
    p.add_argument("--booklet", action="store_true",
                   help="also time `ocop print` of the whole catalogue (slow)")
    p.add_argument("--only", default="", help=f"run only these steps (comma-separated, with "
                   f"the steps they need): {', '.join(STEPS)}")
    p.add_argument("--note", action="append", default=[],
                   help="a sentence for the page's notes, e.g. what else ran (repeatable)")
    p.add_argument("--report-only", action="store_true",
                   help="measure nothing: rewrite --output from the numbers in --json")
    p.add_argument("--output", type=Path, default=REPO / "docs" / "benchmarks.md")
    p.add_argument("--json", type=Path, default=REPO / "benchmarks" / "results.json")
    return p.parse_args(argv)


def say(text: str) -> None:
    print(text, flush=True)


def save(args: argparse.Namespace, results: dict[str, Any]) -> None:
    """Write the JSON and the page with what has been measured so far."""
    results["machine"]["load_after"] = os.getloadavg()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    args.output.write_text(document(results), encoding="utf-8")


def measure_size(args: argparse.Namespace, size: int, names: list[str],
                 results: dict[str, Any]) -> dict[str, Any]:
    spec = Spec(size, args.seed, args.today)
    say(f"{size:,} products: catalogue {spec.name}")
    source, made = pristine(args.work, spec)
    if made is not None and not made.ok:
        return {"error": f"tools/synth_catalogue.py failed: see {made.log}"}
    ctx = Context(spec, args.work / "runs" / str(size), site_booklets=args.site_booklets)
    results["sizes"][str(size)] = ctx.results
    if made is not None:
        ctx.results["synth"] = made.to_json()
    run_steps(ctx, names, source, say, lambda: save(args, results))
    return ctx.results


def command(argv: list[str]) -> str:
    return shlex.join([".venv/bin/python", "benchmarks/run.py", *argv])


def rewrite(args: argparse.Namespace) -> int:
    """``--report-only``: the page again from the stored numbers (and any new ``--note``)."""
    stored = json.loads(args.json.read_text(encoding="utf-8"))
    if args.note:
        stored["notes"] = [*stored.get("notes", []), *args.note]
        args.json.write_text(json.dumps(stored, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    args.output.write_text(document(stored), encoding="utf-8")
    say(f"wrote {args.output} from {args.json}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.report_only:
        return rewrite(args)
    only = tuple(s for s in args.only.split(",") if s)
    names = plan(only, baselines=not args.skip_baselines, browser=not args.no_browser,
                 booklet=args.booklet)
    results: dict[str, Any] = {"command": command(argv), "today": args.today.isoformat(),
                               "seed": args.seed, "steps": names, "notes": args.note,
                               "site_booklets": args.site_booklets,
                               "machine": describe(REPO), "sizes": {}}
    for size in (int(s) for s in args.sizes.split(",") if s):
        results["sizes"][str(size)] = measure_size(args, size, names, results)
        save(args, results)
    say(f"wrote {args.output} and {args.json}")
    return 0 if all("error" not in s for s in results["sizes"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
