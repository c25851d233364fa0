"""docs/benchmarks.md from a run's results (pure formatting; the numbers come from
:mod:`benchmarks.steps`)."""

from __future__ import annotations

from typing import Any

from .steps import STEPS
from .targets import TARGET_SIZE, evaluate, show

LABELS = {
    "validate-cold": "`ocop validate`, cold (no `.cache/`)",
    "validate-warm": "`ocop validate`, warm",
    "validate-clone": "`ocop validate`, fresh clone, `.cache/` restored (new photo times: a CI run)",
    "prewarm-photos": "setup: photo cache warmed (tiny catalogue, one product per photo)",
    "build-first": "`ocop build`, first ever (no site/, no `.cache/` but the photos: every QR code made)",
    "build-full": "`ocop build`, full (no site/, no `.cache/` but photos and QR codes, as CI restores them)",
    "build-noop": "`ocop build`, nothing changed",
    "build-product": "`ocop build`, one product's description changed",
    "build-photo": "`ocop build`, one product's photo changed",
    "build-template": "`ocop build`, a template override changed (main.html)",
    "emit": "`ocop build --emit` (validate + plan + sources, no engine)",
    "bare-mkdocs": "baseline: bare mkdocs-material on the emitted pages, products out of the nav",
    "bare-pagefind": "baseline: + `pagefind` over that site",
    "jinja": "baseline: plain Jinja2 render of the emitted pages",
    "booklet": "`ocop print`, whole catalogue, booklet cache empty",
}


def gb(n: float) -> str:
    return f"{n / 1e9:.2f} GB"


def step_row(name: str, data: dict[str, Any]) -> str:
    """One table row: step, wall, CPU, peak of the tree, largest process, notes."""
    if "wall" not in data:
        return ""
    notes = []
    if data.get("returncode"):
        notes.append(f"**failed, exit {data['returncode']}**")
    if data.get("changed"):
        notes.append(f"changed `{data['changed']}`")
    if data.get("pages") is not None:
        notes.append(f"{data['pages']:,} pages")
    if data.get("products") is not None:
        notes.append(f"{data['products']} products")
    if data.get("load_before") is not None:
        notes.append(f"load {data['load_before']:.1f} before")
    pss = gb(data["tree_pss"]) if data.get("tree_pss") else "—"
    return (f"| {LABELS.get(name, name)} | {data['wall']:,.1f} s | {data['cpu']:,.1f} s | "
            f"{pss} | {gb(data['tree_peak'])} | {gb(data['max_rss'])} | {'; '.join(notes)} |")


def size_table(size: dict[str, Any]) -> str:
    head = ["| Step | Wall | CPU (user+sys) | Peak memory (PSS, process tree) | Peak RSS, process "
            "tree | Largest process | Notes |",
            "|---|---|---|---|---|---|---|"]
    steps = size.get("steps", {})
    rows = [step_row(name, steps[name]) for name in STEPS if name in steps]
    return "\n".join(head + [r for r in rows if r])


def search_lines(size: dict[str, Any]) -> list[str]:
    found = size.get("search", {})
    lines = []
    if index := found.get("index"):
        lines.append(f"- Search index `site/pagefind/`: {index['files']:,} files, "
                     f"{index['bytes'] / 1e6:,.2f} MB raw, {index['gzip'] / 1e6:,.2f} MB gzip -6")
    queries = found.get("queries") or {}
    if "error" in queries:
        lines.append(f"- Search queries: error: {queries['error']}")
    for label in ("first", "later"):
        if q := queries.get(label):
            quiet = "" if q["settled"] else " (network never went quiet)"
            lines.append(f"- {label.capitalize()} query \"{q['query']}\": "
                         f"{q['bytes'] / 1000:,.1f} kB on the wire, {q['files']} new files, "
                         f"{q['requests']} requests{quiet}")
    return lines


def ratio_table(sizes: dict[str, dict[str, Any]]) -> str:
    names = list(sizes)
    head = ["| Target (issue 13, for 20,000 products) | Limit | " +
            " | ".join(f"{int(n):,} products" for n in names) + " |",
            "|---|---|" + "---|" * len(names)]
    evaluated = {n: evaluate(sizes[n]) for n in names}
    rows = []
    for i, target in enumerate(evaluated[names[0]] if names else []):
        cells = []
        for n in names:
            item = evaluated[n][i]
            cells.append(f"{show(item['value'], item['unit'])} {verdict_text(item['verdict'], n)}")
        rows.append(f"| {target['target']} | ≤ {show(target['limit'], target['unit'])} | "
                    + " | ".join(cells) + " |")
    return "\n".join(head + rows)


def verdict_text(verdict: str, size: str) -> str:
    if verdict == "not measured":
        return ""
    word = "**met**" if verdict == "met" else "**not met**"
    return word if int(size) == TARGET_SIZE else f"{word} (at this size)"


HOW = """\
Every step is a fresh child process driving only the command line (`python -m generator.cli
validate|build|print`, `python -m mkdocs build`, the `pagefind` binary), on a synthetic
catalogue from `tools/synth_catalogue.py` (fixed seed, `--today {today}`) with the
repository's `mkdocs.yml`, `docs/` and `site_templates/` copied in (`custom_dir:
site_templates` as shipped; the template step edits that copy of `main.html`). The steps run
in the order of the tables, each on the state the previous one left.

- **Wall**: start to exit of the child. **CPU**: user + system of the child and every
  descendant it waited for (`os.wait4`). **Peak memory (PSS, process tree)**: the largest sum
  of the proportional set sizes (`Pss` of `/proc/PID/smaps_rollup`) of the child and its live
  descendants, sampled every 0.1 s: a page shared by a parent and its n forked workers counts
  1/(n+1) in each, so the sum is the memory the build takes from the machine (as `smem`
  reports it); compared with the memory target. **Peak RSS, process tree**: the same sum of
  resident sets, which counts a shared page once in every process that maps it (an upper
  bound). **Largest process**: the largest single resident set in the tree (`ru_maxrss`;
  Linux counts the harness's own pages in a child that forked from it before `exec`, so it is
  never below the harness's ~50 MB). **Load** is the 1-minute load average just before the
  step: the machine is shared, so wall times move with it; CPU times are the steadier figure.
- **First build**: no `site/`, no `.cache/` except `.cache/ocop/photos`, which the setup step
  fills by building a tiny catalogue with one product per distinct photo (the synthetic
  catalogue has one photo per group; the photo cache is keyed by content). Every QR code is
  made: segno spends ~8 ms of CPU choosing a code's best mask, once per page URL ever.
- **Full build** (the ratio targets): the same, with the QR codes the first build made kept
  as well: `.cache/ocop/photos` and `.cache/ocop/qr` are media derived from one input each,
  keyed by content, which the workflows restore with `.cache/ocop`. Validation, pages, search
  index, booklets and open data are all made again.
- **Bare mkdocs-material**: `ocop build --emit` output built by `mkdocs build` with a
  mkdocs.yml without the ocop plugin or our overrides (theme material, the same nav, every
  other page `not_in_nav`, MkDocs' default `search` plugin). **Plain Jinja2**: every emitted
  page's body put into one small base template and written (`benchmarks/jinja_baseline.py`).
- **Search**: `site/pagefind/` summed, raw and gzip -6; the queries are typed on `danh-muc/` in
  Chromium (Playwright, phone viewport, empty cache): the first query counts every file
  downloaded after the first keystroke, the later query (same page) only the files not
  downloaded before; 1 kB = 1,000 bytes, 1 GB = 10⁹ bytes.
"""


def machine_lines(machine: dict[str, Any]) -> list[str]:
    v = machine.get("versions", {})
    load = ", ".join(f"{x:.2f}" for x in machine.get("load_before", ()))
    after = ", ".join(f"{x:.2f}" for x in machine.get("load_after", ()))
    dirty = " (with uncommitted changes)" if machine.get("dirty") else ""
    return [
        f"- Commit measured: `{machine.get('commit')}`{dirty} — {machine.get('commit_subject')}",
        f"- Date: {machine.get('date')}",
        f"- CPU: {machine.get('cpu')}, {machine.get('cores')} cores; RAM {machine.get('ram_gb')} GB;"
        f" {machine.get('os')}",
        f"- Load average (1, 5, 15 min) before: {load}; after: {after}",
        f"- Python {machine.get('python')}; MkDocs {v.get('mkdocs')}, Material "
        f"{v.get('mkdocs-material')}, Pagefind {v.get('pagefind')}, Jinja2 {v.get('jinja2')}, "
        f"WeasyPrint {v.get('weasyprint')}",
    ]


def document(results: dict[str, Any]) -> str:
    """The whole docs/benchmarks.md."""
    sizes = results.get("sizes", {})
    parts = ["# Benchmarks at national scale / Đo hiệu năng (issue 13)", "",
             "Written by `benchmarks/run.py`; do not edit by hand. Regenerate with:", "",
             "```sh", results.get("command", ""), "```", "",
             "## Machine", "", *machine_lines(results.get("machine", {})), "",
             "## Targets", "", ratio_table(sizes), "",
             "## What is measured", "", HOW.format(today=results.get("today")), ""]
    for n, size in sizes.items():
        parts += [f"## {int(n):,} products", "", size_table(size), "", *search_lines(size),
                  *missing_line(results.get("steps", []), size), ""]
    if notes := results.get("notes"):
        parts += ["## Notes", "", *(f"- {note}" for note in notes), ""]
    return "\n".join(parts).rstrip() + "\n"


def missing_line(planned: list[str], size: dict[str, Any]) -> list[str]:
    """A line naming the planned steps this size has no result for (a stopped or failed run)."""
    if "error" in size:
        return [f"- **Not measured**: {size['error']}"]
    done = size.get("steps", {})
    missing = [name for name in planned if name not in done]
    if not missing:
        return []
    return [f"- **Not reached in this run** (stopped or still running when this page was "
            f"written): {', '.join(f'`{name}`' for name in missing)}"]
