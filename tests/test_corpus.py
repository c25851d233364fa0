"""Every example file in tests/corpus/ gives exactly the findings written beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate import validate
from tests.conftest import ROOT, TODAY

CORPUS = ROOT / "tests" / "corpus"
CASES = sorted(p for p in CORPUS.glob("*/*") if p.is_dir())


def _expected(case: Path) -> list[str]:
    return [line for line in (case / "expected.txt").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_corpus_case(case: Path) -> None:
    result = validate([case], ROOT, TODAY)
    got = [f"{f.code} {f.line}:{f.column}" for f in result.findings]
    assert got == _expected(case)
    assert all(f.file.endswith("product.yaml") and f.line > 0 for f in result.findings)
    if case.parent.name == "valid":
        assert result.errors == []
        assert [p.id for p in result.products] == [case.name]
    else:
        assert result.errors, "an invalid case must produce at least one error"
        assert result.products == []


def test_corpus_is_not_empty() -> None:
    assert len([c for c in CASES if c.parent.name == "invalid"]) >= 25
    assert len([c for c in CASES if c.parent.name == "valid"]) >= 5
