"""A folder named to inject workflow commands is printed harmlessly by every command.

The folder ``x\\n::error::boom 100%\\r##[warning]legacy`` is what anyone can add in a pull
request. Each command runs as in CI (a subprocess, with a time limit) and no line it prints may
be a workflow command except our own annotations, which must carry the name escaped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site.conftest import TODAY, copy_fixture
from tests.unit.test_ciescape import is_command

NAME = "x\n::error::boom 100%\r##[warning]legacy"
HOSTILE_FILE = f"products/hoi-an/{NAME}/product.yaml"
SHOWN = "x\\n::error::boom 100%\\r##[\\warning]legacy"
ANNOTATION = re.compile(r"::(error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)\Z")


def ocop(repo: Path, *args: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OCOP_TODAY": TODAY, "PYTHONUTF8": "1"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False,
                          encoding="utf-8", errors="strict")


def lines(text: str) -> list[str]:
    """Lines as the runner reads them (it splits on \\n and \\r)."""
    return re.split(r"\r\n|\r|\n", text)


def unescape_property(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_fixture(tmp_path_factory.mktemp("hostile") / "repo")
    shutil.copytree(root / "products" / "hoi-an" / "tra-het-han", root / "products" / "hoi-an" / NAME)
    return root


def test_github_annotations_are_ours_and_carry_the_name_escaped(repo: Path) -> None:
    done = ocop(repo, "validate", "--format", "github")
    assert done.returncode == 1, done.stderr
    files = []
    for line in lines(done.stdout):
        if not is_command(line):
            continue
        match = ANNOTATION.match(line)
        assert match, f"not one of our annotations: {line!r}"
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        assert set(props) <= {"file", "line", "col", "title"}
        assert "##[" not in match["data"].replace("##[\\", "")
        files.append(unescape_property(props["file"]))
    findings = json.loads(ocop(repo, "validate", "--format", "json").stdout)
    assert files == [f["file"] for f in findings]
    assert HOSTILE_FILE in files
    escaped = "products/hoi-an/x%0A%3A%3Aerror%3A%3Aboom 100%25%0D##[warning]legacy/product.yaml"
    assert f"::error file={escaped},line=2,col=5,title=product.id_folder id::" in done.stdout


def test_text_report_shows_the_name_and_no_command(repo: Path) -> None:
    done = ocop(repo, "validate")
    assert done.returncode == 1
    assert [line for line in lines(done.stdout) if is_command(line)] == []
    assert f"products/hoi-an/{SHOWN}/product.yaml:2:5 lỗi id:" in done.stdout


def test_json_report_keeps_the_name_exactly(repo: Path) -> None:
    done = ocop(repo, "validate", "--format", "json")
    assert [line for line in lines(done.stdout) if is_command(line)] == []
    assert HOSTILE_FILE in {f["file"] for f in json.loads(done.stdout)}


def test_build_refuses_and_prints_no_command(repo: Path) -> None:
    done = ocop(repo, "build")
    assert done.returncode == 1
    for text in (done.stdout, done.stderr):
        assert [line for line in lines(text) if is_command(line)] == []
    assert f"products/hoi-an/{SHOWN}/product.yaml:2:5" in done.stdout


def test_expiry_in_every_format(repo: Path) -> None:
    for fmt in ("text", "markdown", "json"):
        done = ocop(repo, "expiry", "--format", fmt)
        assert done.returncode == 0, done.stderr
        assert [line for line in lines(done.stdout) if is_command(line)] == [], fmt
    assert f"  products/hoi-an/{SHOWN}/product.yaml: Trà" in ocop(repo, "expiry", "--format",
                                                                    "text").stdout


def test_review_prints_no_command(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    shutil.copytree(repo, clone, ignore=lambda _, names: [n for n in names if n == NAME])

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(clone), "-c", "user.name=t", "-c", "user.email=t@t",
                        *args], check=True, capture_output=True, timeout=60)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    shutil.copytree(repo / "products" / "hoi-an" / NAME, clone / "products" / "hoi-an" / NAME)
    git("add", "-A")
    git("commit", "-q", "-m", "hostile")
    done = ocop(clone, "review", "--base", "HEAD~1")
    assert done.returncode == 1, done.stderr
    for text in (done.stdout, done.stderr):
        assert [line for line in lines(text) if is_command(line)] == []
    assert "boom" in done.stdout


def test_paths_typed_on_the_command_line(repo: Path, tmp_path: Path) -> None:
    missing = ocop(repo, "validate", "nope\n::error::x")
    assert missing.returncode == 2
    assert "không tìm thấy / not found: nope\\n::error::x" in missing.stderr
    sheet = ocop(repo, "import", "sheet\n::warning::y.csv")
    assert "not found: sheet\\n::warning::y.csv" in sheet.stdout
    for done in (missing, sheet):
        assert [line for line in lines(done.stdout + "\n" + done.stderr) if is_command(line)] == []


def test_build_success_line_shows_the_folder(tmp_path: Path) -> None:
    clean = copy_fixture(tmp_path / "repo")
    out = tmp_path / "out\n::error::z"
    done = ocop(clean, "build", "--emit", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line for line in lines(done.stdout) if is_command(line)] == []
    assert f"vào {visible_path(out)} / wrote page sources" in done.stdout


def visible_path(path: Path) -> str:
    return str(path).replace("\n", "\\n")
