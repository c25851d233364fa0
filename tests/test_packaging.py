"""The installed `ocop` finds its schema and data without a checkout (they ship in the wheel)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True)
    return next(out.glob("ocop_catalogue-*.whl"))


@pytest.mark.slow
def test_wheel_carries_schema_data_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "generator/_resources/schema/product.schema.json" in names
    assert "generator/_resources/schema/event.schema.json" in names
    assert any(n.startswith("generator/_resources/data/admin/") for n in names)
    assert "generator/_resources/site_templates/main.html" in names
    assert "generator/cli.py" in names
    assert not any(n.startswith(("products/", "tests/")) for n in names)


@pytest.mark.slow
def test_installed_command_validates_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    work = tmp_path / "work"
    case = work / "products" / "hoi-an" / "stars-out-of-range"
    shutil.copytree(ROOT / "tests" / "corpus" / "invalid" / "stars-out-of-range", case)
    deps = sysconfig.get_paths()["purelib"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), deps])}
    done = subprocess.run([sys.executable, "-I", "-c",
                           "import sys; sys.path[:0] = sys.argv[1].split(':'); "
                           "from generator.cli import main; "
                           "import generator.resources as r; print(r.resource_path('schema'));"
                           "sys.exit(main(['validate', '--today', '2026-11-29']))",
                           env["PYTHONPATH"]], cwd=work, capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 1, done.stderr
    assert str(target) in done.stdout.splitlines()[0]
    assert "recognition.stars_range" in done.stdout
