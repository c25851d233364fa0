"""Property-based: however a valid product file is damaged, the validator never crashes and
every finding it reports carries a file and a line."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.findings import CATALOGUE
from generator.validate import check_document
from tests.conftest import ROOT, TODAY

BASES = [p.read_text(encoding="utf-8-sig")
         for p in sorted((ROOT / "tests" / "corpus" / "valid").glob("*/product.yaml"))]
SNIPPETS = ["\t", ":", "- ", "&a ", "*a", "!!str ", '"', "'", "{", "[", "]", "}", "#", "\n",
            "  ", "---\n", "stars: 9", "<script>", "\u0301", "\ufeff", "\x00", "đ", "0905", "yes",
            "2022-02-30", "1e999", "~", "? ", "|", ">", "%YAML 1.1\n"]


@st.composite
def damaged(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(BASES))
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "truncate", "value",
                                       "indent"]))
        index = draw(st.integers(0, max(len(lines) - 1, 0)))
        if not lines:
            break
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "insert":
            pos = draw(st.integers(0, len(lines[index])))
            piece = draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=5)))
            lines[index] = lines[index][:pos] + piece + lines[index][pos:]
        elif action == "truncate":
            lines = lines[: index + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        elif action == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(st.text(max_size=12))}\n"
        elif action == "indent":
            lines[index] = draw(st.sampled_from(["", " ", "    ", "\t"])) + lines[index].lstrip()
    return "".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_files_give_located_findings_never_a_crash(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "products" / "x" / "minimal"
        folder.mkdir(parents=True)
        (folder / "product.yaml").write_text(text, encoding="utf-8")
        doc, entry = check_document(folder / "product.yaml", Path(tmp), TODAY)
    for finding in doc.findings:
        assert finding.file == "products/x/minimal/product.yaml"
        assert finding.line >= 1 and finding.column >= 1, finding
        assert finding.message("vi") and finding.message("en")
        assert CATALOGUE[finding.code].placeholders() <= set(finding.params), finding
    if entry is None:
        assert any(f.is_error for f in doc.findings) or doc.data is None


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "p"
        folder.mkdir()
        (folder / "product.yaml").write_bytes(raw)
        doc, _ = check_document(folder / "product.yaml", Path(tmp), TODAY)
    assert all(f.line >= 1 for f in doc.findings)
