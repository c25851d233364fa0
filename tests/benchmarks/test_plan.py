"""Which steps a run does, the bare-Material settings and the plain-Jinja2 baseline."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from benchmarks import baselines, jinja_baseline, measure, steps


def test_the_default_plan_runs_every_step_but_the_opt_in_booklet() -> None:
    assert steps.plan() == [s for s in steps.STEPS if s != "booklet"]
    assert steps.plan(booklet=True) == list(steps.STEPS)


def test_skipping_baselines_and_the_browser() -> None:
    names = steps.plan(baselines=False, browser=False)
    assert not set(names) & {"emit", "bare-mkdocs", "bare-pagefind", "jinja", "search-queries"}
    assert "search-index" in names and "build-full" in names


def test_only_pulls_in_what_a_step_needs_in_run_order() -> None:
    assert steps.plan(("build-product",)) == ["prewarm-photos", "build-first", "build-full",
                                             "build-product"]
    assert steps.plan(("bare-pagefind",)) == ["emit", "bare-mkdocs", "bare-pagefind"]
    assert steps.plan(("validate-warm",)) == ["validate-warm"]
    with pytest.raises(ValueError, match="unknown step 'nope'"):
        steps.plan(("nope",))


def test_every_step_has_a_runner() -> None:
    assert set(steps.RUNNERS) == set(steps.STEPS)


def test_bare_material_has_no_ocop_plugin_no_overrides_and_products_out_of_the_nav(
        tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for page in ("index.md", "danh-muc.md", "san-pham/a.md"):
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text("# x\n", encoding="utf-8")
    config = baselines.bare_config(baselines.repo_settings(baselines.REPO / "mkdocs.yml"), docs,
                                   tmp_path / "site")
    assert config["plugins"] == ["search"] and config["theme"]["name"] == "material"
    assert "custom_dir" not in config["theme"]
    assert baselines.nav_pages(config["nav"]) == ["index.md", "danh-muc.md"]
    assert config["not_in_nav"] == "*\n"


def test_nav_pages_walks_nested_sections() -> None:
    nav = [{"A": "a.md"}, {"B": [{"C": "b/c.md"}, "b/d.md"]}]
    assert baselines.nav_pages(nav) == ["a.md", "b/c.md", "b/d.md"]


def test_plain_jinja_puts_each_emitted_body_into_a_whole_page(tmp_path: Path) -> None:
    docs, out = tmp_path / "emit", tmp_path / "out"
    (docs / "san-pham").mkdir(parents=True)
    (docs / "san-pham" / "tra.md").write_text(
        "---\ntitle: Trà <Hoa>\nocop:\n  description: Trà ngon\n---\n\n<article>Trà</article>\n",
        encoding="utf-8")
    (docs / "index.md").write_text("<p>Trang chủ</p>\n", encoding="utf-8")
    assert jinja_baseline.render_all(docs, out) == 2
    page = BeautifulSoup((out / "san-pham" / "tra" / "index.html").read_text("utf-8"), "html.parser")
    assert page.title.get_text() == "Trà <Hoa> – Sản phẩm OCOP"  # escaped in the source
    assert page.select_one("main article").get_text() == "Trà"
    assert page.select_one('meta[name="description"]')["content"] == "Trà ngon"
    assert page.select_one('link[rel="stylesheet"]')["href"] == "../../assets/ocop.css"
    home = BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")
    assert home.select_one("main p").get_text() == "Trang chủ"


CHILD = """
import subprocess, sys, time
if sys.argv[1] == "parent":  # small itself; its child holds 300 MB for 1.3 s
    subprocess.run([sys.executable, "-c", sys.argv[2], "child", ""], check=True)
    sys.exit(3)
block = bytearray(300_000_000)
for i in range(0, len(block), 4096):  # touched: resident
    block[i] = 1
time.sleep(1.3)  # longer than measure.SAMPLE_PSS_EVERY
"""


def test_a_measured_child_reports_its_exit_and_the_memory_of_its_grandchildren(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    got = measure.run([sys.executable, "-c", CHILD, "parent", CHILD], cwd=tmp_path, log=log,
                      env=dict(os.environ))
    assert got.returncode == 3 and not got.ok and got.log == str(log)
    assert got.max_rss >= 300_000_000  # the grandchild's, reaped by the child
    assert got.tree_peak >= 300_000_000  # sampled while it lived
    assert 300_000_000 <= got.tree_pss <= got.tree_peak  # its own pages, counted once
    assert got.cpu > 0 and got.wall > 0


def test_the_tree_is_summed_over_live_descendants() -> None:
    assert measure.tree_rss(os.getpid()) >= measure.rss(os.getpid()) > 0
    assert measure.rss(2**22 + 12345) == 0  # no such process
    assert 0 < measure.pss(os.getpid()) <= measure.rss(os.getpid())
    assert measure.pss(2**22 + 12345) == 0
