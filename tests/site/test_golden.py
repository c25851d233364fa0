"""Golden test: the page sources generated for the three-product fixture catalogue.

The generator's own output (Markdown + front matter + one HTML block per page, before any
engine touches it) is compared with tests/golden/site3/. After an intended change, regenerate:

    OCOP_UPDATE_GOLDEN=1 .venv/bin/pytest tests/site/test_golden.py

and review the diff (``git diff tests/golden``) like any other change.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.conftest import ROOT
from tests.site.conftest import build, copy_fixture

GOLDEN = ROOT / "tests" / "golden" / "site3"


def _sources(folder: Path) -> dict[str, str]:
    """Text sources, plus one line per media file (names are content hashes, so they are
    compared too, but not their bytes)."""
    out = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
           for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in (".md", ".txt")}
    media = sorted(p.name for p in (folder / "media").iterdir()) if (folder / "media").exists() \
        else []
    out["media.list"] = "\n".join(media) + "\n"
    return out


def test_generated_sources_match_the_golden_copy(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    out = tmp_path / "emitted"
    assert build(root, emit=out) == 0
    got = _sources(out)
    if os.environ.get("OCOP_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in got.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(got) == sorted(expected)
    for name in expected:
        assert got[name] == expected[name], f"{name} differs from tests/golden/site3/{name}"
