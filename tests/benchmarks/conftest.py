"""A small synthetic catalogue laid out as benchmarks/catalogue.py lays out a run's root."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from benchmarks.catalogue import fresh_root
from tests.conftest import ROOT, TODAY

_spec = importlib.util.spec_from_file_location("ocop_synth_bench", ROOT / "tools" / "synth_catalogue.py")
assert _spec and _spec.loader
synth = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = synth
_spec.loader.exec_module(synth)


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pristine")
    synth.synthesise(folder, 12, seed=5, today=TODAY)
    return folder


@pytest.fixture
def root(pristine: Path, tmp_path: Path) -> Path:
    """A run root: the pristine catalogue hard-linked, the repository's settings copied."""
    return fresh_root(pristine, tmp_path / "root")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
