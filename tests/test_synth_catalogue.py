"""tools/synth_catalogue.py writes catalogues the validator accepts, varied as promised."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

from tests.conftest import ROOT, TODAY

spec = importlib.util.spec_from_file_location("ocop_synth", ROOT / "tools" / "synth_catalogue.py")
assert spec and spec.loader
synth = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = synth
spec.loader.exec_module(synth)


def test_two_hundred_products_validate_without_errors(tmp_path: Path) -> None:
    paths = synth.synthesise(tmp_path, 200, seed=7, today=TODAY)
    assert len(paths) == 200
    ocop = Path(sys.executable).with_name("ocop")
    proc = subprocess.run([str(ocop), "validate", "--root", str(tmp_path), "--today", TODAY.isoformat(),
                           "--format", "json", str(tmp_path / "products")],
                          capture_output=True, text=True, check=False)
    findings = json.loads(proc.stdout)
    errors = [f for f in findings if f["severity"] == "error"]
    assert proc.returncode == 0 and errors == [], errors[:5]

    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths]
    assert len({d["id"] for d in docs}) == 200
    assert len({d["group"] for d in docs}) == 6
    assert {d["recognitions"][-1]["stars"] for d in docs} == {3, 4, 5}
    schemes = Counter(d["origin"]["recorded"]["scheme"] for d in docs)
    assert schemes["pre-2025-07"] > 20 and schemes["2025-07"] > 20, schemes
    expired = sum(f["code"] == "recognition.expired" for f in findings)
    assert 8 <= expired <= 40, expired  # about 10 %
    assert any("đ" in d["name"]["vi"].lower() for d in docs)
    # One photo per product, shared: every product's photo is a link to a few files.
    photos = {(p.parent / "san-pham.jpg").stat().st_ino for p in paths}
    assert len(photos) <= 6


def test_same_seed_same_catalogue(tmp_path: Path) -> None:
    a = synth.synthesise(tmp_path / "a", 30, seed=3, today=TODAY)
    b = synth.synthesise(tmp_path / "b", 30, seed=3, today=TODAY)
    assert [p.relative_to(tmp_path / "a") for p in a] == [p.relative_to(tmp_path / "b") for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b, strict=True))
