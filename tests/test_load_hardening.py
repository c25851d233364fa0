"""Hostile product files: deep nesting, FIFOs and devices, linked folders, invisible characters,
text cut by ` #`. Each gives a finding; none crashes, hangs or loses text silently.

The crash and hang cases run the real command in a subprocess with a time limit, so a
regression fails the test instead of taking the test run down.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.depth import MAX_DEPTH
from generator.load.discover import discover
from generator.load.product import load_product
from tests.conftest import ROOT

MINIMAL = (ROOT / "tests" / "corpus" / "valid" / "minimal" / "product.yaml").read_text(
    encoding="utf-8")


def _product(root: Path, product_id: str, text: str = MINIMAL) -> Path:
    folder = root / "products" / "hoi-an" / product_id
    folder.mkdir(parents=True)
    (folder / "product.yaml").write_text(text.replace("id: minimal", f"id: {product_id}"),
                                         encoding="utf-8")
    return folder / "product.yaml"


def _ocop(root: Path, *args: str) -> tuple[int, list[tuple[str, str, int]]]:
    """Run ``ocop`` in a subprocess (60 s at most); its exit code and (file, code, line)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "generator", *args, "--root", str(root), "--today", "2026-11-29"],
        capture_output=True, text=True, timeout=60, env=env, cwd=root, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    if "--format" not in args:
        return done.returncode, []
    report = json.loads(done.stdout)
    findings = report["findings"] if isinstance(report, dict) else report
    return done.returncode, [(f["file"], f["code"], f["line"]) for f in findings]


def _deep(levels: int) -> str:
    return MINIMAL.replace("sources:", "tags: " + "[" * levels + "]" * levels + "\nsources:")


@pytest.mark.parametrize("levels", [300, 60_000])
def test_deep_nesting_is_a_finding_not_a_crash(tmp_path: Path, levels: int) -> None:
    _product(tmp_path, "sau", _deep(levels))
    code, found = _ocop(tmp_path, "validate", "--format", "json", "products")
    assert code == 1
    assert found == [("products/hoi-an/sau/product.yaml", "yaml.too_deep", 25)]


def test_build_reports_deep_nesting_too(tmp_path: Path) -> None:
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("site_templates", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    _product(tmp_path, "sau", _deep(60_000))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(tmp_path),
                           "--today", "2026-11-29"], capture_output=True, text=True, timeout=120,
                          env=env, cwd=tmp_path, check=False)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "[yaml.too_deep]" in done.stdout + done.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_product_yaml_is_reported_not_waited_on(tmp_path: Path) -> None:
    _product(tmp_path, "tot")
    folder = tmp_path / "products" / "hoi-an" / "ong"
    folder.mkdir()
    os.mkfifo(folder / "product.yaml")
    code, found = _ocop(tmp_path, "validate", "--format", "json", "products")
    assert code == 1
    assert found == [("products/hoi-an/ong/product.yaml", "file.not_regular", 1)]
    code, found = _ocop(tmp_path, "validate", "--format", "json",
                        "products/hoi-an/ong/product.yaml")
    assert (code, [c for _, c, _ in found]) == (1, ["file.not_regular"])


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_before_it_is_opened() -> None:
    doc = load_product(Path("/dev/zero"), "products/x/y/product.yaml")
    assert [f.code for f in doc.findings] == ["file.not_regular"]
    assert doc.findings[0].params["kind"] == "một thiết bị"


def test_a_linked_folder_inside_the_repository_is_followed(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "nuoc-mam"
    shared.mkdir(parents=True)
    (shared / "product.yaml").write_text(MINIMAL.replace("id: minimal", "id: nuoc-mam"),
                                         encoding="utf-8")
    (tmp_path / "products" / "hoi-an").mkdir(parents=True)
    os.symlink(shared, tmp_path / "products" / "hoi-an" / "nuoc-mam")
    found = discover([tmp_path / "products"], tmp_path)
    assert found.findings == []
    assert found.files == [tmp_path / "products" / "hoi-an" / "nuoc-mam" / "product.yaml"]


def test_a_product_reached_twice_is_read_once_and_the_link_reported(tmp_path: Path) -> None:
    real = _product(tmp_path, "nuoc-mam").parent
    os.symlink(real, tmp_path / "products" / "hoi-an" / "lien-ket")
    os.symlink(real / "product.yaml", tmp_path / "products" / "hoi-an" / "nuoc-mam" / "x.yaml")
    os.symlink("..", real / "vong")
    found = discover([tmp_path / "products"], tmp_path)
    assert found.files == [real / "product.yaml"]
    assert sorted((f.file, f.code) for f in found.findings) == [
        ("products/hoi-an/lien-ket", "file.symlink_duplicate"),
        ("products/hoi-an/nuoc-mam/vong", "file.symlink_loop"),
        ("products/hoi-an/nuoc-mam/x.yaml", "file.stray_yaml"),
    ]
    duplicate = next(f for f in found.findings if f.code == "file.symlink_duplicate")
    assert duplicate.params["target"] == "products/hoi-an/nuoc-mam"


def test_two_file_links_to_one_product_read_it_once(tmp_path: Path) -> None:
    real = _product(tmp_path, "mot")
    other = tmp_path / "products" / "hoi-an" / "hai"
    other.mkdir()
    os.symlink(real, other / "product.yaml")
    found = discover([tmp_path / "products"], tmp_path)
    assert found.files == [real]
    assert [(f.file, f.code) for f in found.findings] == [
        ("products/hoi-an/hai/product.yaml", "file.symlink_duplicate")]


@pytest.mark.parametrize(("char", "field", "code"), [
    ("\ufeff", "  vi: Nước mắm thử nghiệm", "text.invisible"),
    ("\u00ad", "  vi: Nước mắm thử nghiệm", "text.invisible"),
    ("\u200b", "    vi: Tệp mẫu dùng trong kiểm thử.", "text.invisible_soft"),
    ("\u202e", "    vi: Tệp mẫu dùng trong kiểm thử.", "text.invisible"),
    ("\u2028", "  vi: Nước mắm thử nghiệm", "text.control_char"),
    ("\x1b", "    vi: Tệp mẫu dùng trong kiểm thử.", "text.control_char"),
])
def test_invisible_characters_are_named_where_they_stand(char: str, field: str, code: str) -> None:
    text = MINIMAL.replace(field, field[:-3] + char + field[-3:])
    doc = load_product(text.encode(), "p.yaml")
    line = text.split("\n").index(field[:-3] + char + field[-3:]) + 1
    assert [(f.code, f.line, f.column) for f in doc.findings] == [(code, line, len(field) - 2)]
    assert f"U+{ord(char):04X} (" in doc.findings[0].message("vi")


def test_an_escaped_invisible_character_is_found_too() -> None:
    doc = load_product(MINIMAL.replace("  vi: Nước mắm thử nghiệm",
                                       '  vi: "Nước mắm\\u00adthử nghiệm"').encode(), "p.yaml")
    assert [(f.code, f.path, f.line) for f in doc.findings] == [("text.invisible", "name.vi", 4)]
    assert "U+00AD (dấu gạch nối mềm)" in doc.findings[0].message("vi")


def test_text_cut_by_a_comment_is_reported_with_the_quoted_value() -> None:
    line = "    vi: Nước mắm loại đặc biệt #1 của tỉnh, giá 50.000đ."
    doc = load_product(MINIMAL.replace("    vi: Tệp mẫu dùng trong kiểm thử.", line).encode(),
                       "p.yaml")
    assert [(f.code, f.path, f.line, f.column) for f in doc.findings] == [
        ("yaml.comment_cut", "content.description.vi", 24, 32)]
    assert doc.findings[0].message("vi") == (
        "phần sau dấu # bị bỏ mất: «1 của tỉnh, giá 50.000đ.» — trong YAML, ` #` bắt đầu một "
        "ghi chú; đặt cả giá trị trong dấu ngoặc kép: `vi: \"Nước mắm loại đặc biệt #1 của "
        "tỉnh, giá 50.000đ.\"` (nếu đó là ghi chú thật, chuyển nó lên một dòng riêng phía trên)")
    fixed = MINIMAL.replace("    vi: Tệp mẫu dùng trong kiểm thử.",
                            "    " + doc.findings[0].params["quoted"])
    again = load_product(fixed.encode(), "p.yaml")
    assert again.findings == []
    assert again.data["content"]["description"]["vi"] == line.split(": ", 1)[1]


def test_comments_on_their_own_line_and_after_numbers_are_fine() -> None:
    text = MINIMAL.replace("    stars: 3", "    # theo quyết định\n    stars: 3  # ba sao")
    assert load_product(text.encode(), "p.yaml").findings == []


@st.composite
def nested_files(draw: st.DrawFn) -> tuple[int, str]:
    """A product file whose ``tags`` nest ``block`` block levels (lists or mappings), then
    ``flow`` flow levels (``[…]`` or ``{k: …}``): the file is 1 + block + flow levels deep."""
    block = draw(st.integers(0, 2 * MAX_DEPTH))
    flow = draw(st.integers(0, 2 * MAX_DEPTH))
    inner = "x"
    for _ in range(flow):
        inner = f"[{inner}]" if draw(st.booleans()) else f"{{k: {inner}}}"
    kinds = [draw(st.sampled_from(["-", "k:"])) for _ in range(block)]
    lines = ["  " * (i + 1) + kind for i, kind in enumerate(kinds)]
    if lines:
        lines[-1] += " " + inner
        value = "\n" + "\n".join(lines)
    else:
        value = " " + inner
    return 1 + block + flow, MINIMAL.replace("sources:", f"tags:{value}\nsources:")


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nested_files())
def test_any_nesting_gives_data_or_a_finding(case: tuple[int, str]) -> None:
    depth, text = case
    doc = load_product(text.encode(), "p.yaml")
    if depth > MAX_DEPTH:
        assert doc.data is None
        assert [f.code for f in doc.findings] == ["yaml.too_deep"]
        assert doc.findings[0].line >= 24
    else:
        assert doc.findings == []
        assert 1 + _depth(doc.data["tags"]) == depth


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="[]{}\"'-:?#|>&*!, \nab", max_size=3000))
def test_bracket_soup_never_raises(text: str) -> None:
    """Whatever mix of YAML's indicators: data no deeper than the limit, or findings."""
    doc = load_product(text.encode(), "p.yaml")
    assert doc.data is None or _depth(doc.data) <= MAX_DEPTH
