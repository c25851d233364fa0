"""Every example event file in tests/event_corpus/ gives exactly the findings written beside it.

Each case folder holds one event file (``<id>.yaml``) and ``expected.txt``: every finding, one
per line, as ``code line:column``, in report order; products are the shipped catalogue's as of
the corpus day (tests/conftest.py TODAY). ``valid/`` cases have no errors and give one event;
``invalid/`` cases have at least one error and give none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.events.checks import Catalogue
from generator.events.validate import validate_events
from generator.validate import validate
from tests.conftest import ROOT, TODAY

CORPUS = ROOT / "tests" / "event_corpus"
CASES = sorted(p for p in CORPUS.glob("*/*") if p.is_dir())


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    result = validate([ROOT / "products"], ROOT, TODAY)
    ids = frozenset(Path(f).parent.name for f in result.files)
    return Catalogue(ids, {p.id: p for p in result.products})


def _expected(case: Path) -> list[str]:
    return [line for line in (case / "expected.txt").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_event_corpus_case(case: Path, catalogue: Catalogue) -> None:
    result = validate_events([case], ROOT, catalogue)
    got = [f"{f.code} {f.line}:{f.column}" for f in sorted(result.findings, key=lambda f: f.sort_key())]
    assert got == _expected(case)
    assert all(f.file.endswith(".yaml") and f.line > 0 for f in result.findings)
    errors = [f for f in result.findings if f.is_error]
    if case.parent.name == "valid":
        assert errors == []
        assert [e.id for e in result.events] == [next(case.glob("*.yaml")).stem]
    else:
        assert errors, "an invalid case must produce at least one error"
        assert result.events == []


def test_every_event_finding_has_a_case() -> None:
    """Each event.* code (and the schema codes events use most) is shown by some case."""
    expected = " ".join((c / "expected.txt").read_text() for c in CASES)
    from generator.findings import catalogue as messages
    codes = [code for code in messages() if code.startswith("event.")]
    assert [code for code in codes if code not in expected] == []


def test_the_example_event_the_loader_messages_name_is_a_valid_event(catalogue: Catalogue) -> None:
    """An empty or malformed event file is pointed to ``EXAMPLE``: it must be there, and valid."""
    from generator.events.load import EXAMPLE

    result = validate_events([ROOT / EXAMPLE], ROOT, catalogue)
    assert [e.id for e in result.events] == [Path(EXAMPLE).stem]
    assert [f for f in result.findings if f.is_error] == []
