"""The ratios and verdicts against issue 13's targets, and how the report shows them."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup

from benchmarks import report, targets


def step(wall: float, returncode: int = 0, **more: Any) -> dict[str, Any]:
    return {"wall": wall, "cpu": wall * 1.5, "max_rss": 400_000_000, "tree_peak": 900_000_000,
            "tree_pss": 700_000_000,
            "returncode": returncode, **more}


SIZE = {
    "steps": {"build-full": step(100.0), "bare-mkdocs": step(250.0), "jinja": step(20.0),
              "build-noop": step(4.0), "build-product": step(6.0), "validate-cold": step(15.0),
              "validate-warm": step(3.0, returncode=1)},
    "search": {"queries": {"first": {"query": "nước mắm", "bytes": 180_000, "files": 9,
                                     "requests": 12, "settled": True},
                           "later": {"query": "mật ong", "bytes": 120_000, "files": 3,
                                     "requests": 4, "settled": False}}},
}


def verdicts(size: dict[str, Any]) -> dict[str, tuple[float | None, str]]:
    return {item["target"]: (item["value"], item["verdict"]) for item in targets.evaluate(size)}


def test_ratios_divide_the_full_build_by_each_baseline() -> None:
    got = verdicts(SIZE)
    assert got["full build ÷ bare mkdocs-material"] == (0.4, "met")
    assert got["full build ÷ plain Jinja2"] == (5.0, "not met")


def test_limits_are_inclusive_and_times_bytes_and_memory_are_compared() -> None:
    got = verdicts(SIZE)
    assert got["no-op rebuild"] == (4.0, "met")
    assert got["rebuild, one product changed"] == (6.0, "not met")
    assert got["validate, cold (no .cache)"] == (15.0, "met")  # exactly at the limit
    assert got["search, first query on the wire"] == (180_000, "met")
    assert got["search, a later query on the wire"] == (120_000, "not met")
    assert got["peak memory, full build (PSS of the process tree)"] == (700_000_000, "met")


def test_a_failed_or_missing_step_is_not_measured_never_met() -> None:
    got = verdicts(SIZE)
    assert got["validate, warm"] == (None, "not measured")  # exit 1
    assert verdicts({})["full build ÷ bare mkdocs-material"] == (None, "not measured")
    no_bare = {"steps": {"build-full": step(100.0), "bare-mkdocs": step(0.0)}}
    assert verdicts(no_bare)["full build ÷ bare mkdocs-material"] == (None, "not measured")


def test_values_are_shown_in_their_targets_units() -> None:
    assert targets.show(0.4, "×") == "0.40×"
    assert targets.show(1234.56, "s") == "1,234.6 s"
    assert targets.show(183_240, "kB") == "183.2 kB"
    assert targets.show(1_500_000_000, "GB") == "1.50 GB"
    assert targets.show(None, "s") == "—"


def cells(markdown: str) -> list[list[str]]:
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    return [[c.strip() for c in row.strip("|").split("|")] for row in rows[2:]]


def test_the_ratio_table_has_a_column_per_size_and_says_which_size_the_target_is_for() -> None:
    table = cells(report.ratio_table({"1000": SIZE, "20000": SIZE}))
    first = dict((row[0], row[1:]) for row in table)["full build ÷ bare mkdocs-material"]
    assert first == ["≤ 0.50×", "0.40× **met** (at this size)", "0.40× **met**"]
    warm = dict((row[0], row[1:]) for row in table)["validate, warm"]
    assert warm == ["≤ 15.0 s", "—", "—"]
    assert len(table) == len(targets.TARGETS)


def test_the_size_table_lists_the_steps_in_run_order_with_their_notes() -> None:
    size = {"steps": {"build-product": step(6.0, changed="products/a/b/product.yaml", pages=12,
                                            load_before=1.25),
                      "validate-cold": step(15.0), "search-index": {}}}
    rows = cells(report.size_table(size))
    assert [r[0] for r in rows] == [report.LABELS["validate-cold"], report.LABELS["build-product"]]
    assert rows[1][1:6] == ["6.0 s", "9.0 s", "0.70 GB", "0.90 GB", "0.40 GB"]
    assert rows[1][6] == "changed `products/a/b/product.yaml`; 12 pages; load 1.2 before"
    failed = cells(report.size_table({"steps": {"jinja": step(1.0, returncode=2)}}))
    assert failed[0][6] == "**failed, exit 2**"


def test_the_search_lines_say_when_the_network_never_settled() -> None:
    lines = report.search_lines({**SIZE, "search": {**SIZE["search"],
                                                    "index": {"files": 3, "bytes": 2_500_000,
                                                              "gzip": 2_000_000}}})
    assert lines[0] == "- Search index `site/pagefind/`: 3 files, 2.50 MB raw, 2.00 MB gzip -6"
    assert lines[1].startswith('- First query "nước mắm": 180.0 kB on the wire')
    assert lines[2].endswith("(network never went quiet)")


def test_the_document_names_the_command_the_commit_and_the_machine() -> None:
    results = {"command": ".venv/bin/python benchmarks/run.py --sizes 1000", "today": "2026-12-01",
               "machine": {"commit": "abc123", "dirty": False, "commit_subject": "s", "cpu": "X",
                           "cores": 2, "ram_gb": 8.0, "load_before": (1.0, 2.0, 3.0),
                           "load_after": (1.5, 2.0, 3.0), "versions": {"mkdocs": "1.6.1"}},
               "sizes": {"1000": SIZE}}
    text = report.document(results)
    assert "```sh\n.venv/bin/python benchmarks/run.py --sizes 1000\n```" in text
    assert "`abc123`" in text and "2 cores" in text and "MkDocs 1.6.1" in text
    assert "## 1,000 products" in text and "before: 1.00, 2.00, 3.00; after: 1.50" in text
    assert BeautifulSoup(text, "html.parser").find() is None  # plain Markdown, no stray HTML


def test_a_stopped_run_names_the_steps_it_did_not_reach() -> None:
    results = {"steps": ["validate-cold", "build-full", "build-photo"], "notes": ["other builds ran"],
               "sizes": {"1000": {"steps": {"validate-cold": step(2.0)}},
                         "5000": {"error": "tools/synth_catalogue.py failed: see x.log"}}}
    text = report.document(results)
    assert "(stopped or still running when this page was written): `build-full`, `build-photo`" in text
    assert "- **Not measured**: tools/synth_catalogue.py failed: see x.log" in text
    assert "## Notes\n\n- other builds ran" in text
    complete = {"steps": ["validate-cold"], "sizes": {"1000": {"steps": {"validate-cold": step(2.0)}}}}
    assert "Not reached" not in report.document(complete)
