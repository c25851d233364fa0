"""The layout stays what docs/architecture.md says: packages by stage, small modules, the
engine behind its adapter."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "architecture.md"


def test_every_path_the_architecture_guide_names_exists() -> None:
    named = set(re.findall(r"`((?:generator|site_templates|schema|tests|tools|products|data)"
                           r"/[\w./-]*)`", GUIDE.read_text(encoding="utf-8")))
    assert len(named) > 20
    missing = sorted(path for path in named if not (ROOT / path.rstrip("/")).exists())
    assert not missing, missing


def test_every_package_of_the_generator_is_in_the_guide() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    packages = sorted(p.parent.relative_to(ROOT).as_posix() + "/"
                      for p in (ROOT / "generator").rglob("__init__.py"))
    assert [p for p in packages if f"`{p}`" not in text] == []


def test_module_size_limits_hold() -> None:
    done = subprocess.run([sys.executable, "tools/module_stats.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_only_the_adapters_import_the_site_engine() -> None:
    engine = re.compile(r"^\s*(?:from|import)\s+(?:mkdocs|material|properdocs)\b", re.M)
    offenders = [p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py")
                 if engine.search(p.read_text(encoding="utf-8"))
                 and "adapters" not in p.relative_to(ROOT / "generator").parts]
    assert offenders == []


def test_one_adapter_serves_mkdocs_and_properdocs() -> None:
    """Under the ``properdocs`` command every ``mkdocs.*`` import is ProperDocs' own module
    (tests/test_engines.py builds with both), so no module names ProperDocs, adapters included."""
    fork = re.compile(r"^\s*(?:from|import)\s+properdocs\b", re.M)
    assert [p.name for p in (ROOT / "generator").rglob("*.py")
            if fork.search(p.read_text(encoding="utf-8"))] == []
