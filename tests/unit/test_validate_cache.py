"""The fast paths of validation give exactly the findings of the plain one.

Per-file results cached by content (:mod:`generator.checks.result_cache`), rebuilt documents
that read their marks again on demand (:mod:`generator.checks.checked`), the worker pool
(:mod:`generator.checks.pool`) and the quick schema yes (:mod:`generator.checks.schema_fast`),
each compared with validation without them over every case of ``tests/corpus/``.
"""

from __future__ import annotations

import os
import shutil
import sys
import unicodedata
import zlib
from pathlib import Path
from typing import Any

import pytest

from generator.checks import pool, result_cache, schema
from generator.checks.checked import CROSS_FILE_PATHS, Checked
from generator.checks.result_cache import FOLDER, ResultCache
from generator.checks.schema_fast import surely_valid
from generator.ciescape import _escape_hidden, _hidden
from generator.validate import Result, check_document, validate
from tests.conftest import ROOT, TODAY

CASES = sorted(p for p in (ROOT / "tests" / "corpus").glob("*/*") if p.is_dir())


def _catalogue(tmp: Path) -> Path:
    """Every corpus case as a product of one catalogue (valid and invalid, photos too)."""
    for case in CASES:
        shutil.copytree(case, tmp / "products" / case.parent.name / case.name)
    return tmp


def _seen(result: Result) -> list[Any]:
    """Everything a reader of the result sees: findings with their slots, files, products."""
    return [[(f.file, f.line, f.column, f.code, f.path, dict(f.params)) for f in result.findings],
            result.files, result.products, [(d.file, d.text) for d in result.documents]]


def _entries(root: Path) -> list[Path]:  # the loose entries (the pack is a .pack)
    return sorted((root / FOLDER).glob("*.pickle"))


@pytest.fixture
def loose_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Results stored one file each, never packed (a catalogue too small for a pack)."""
    monkeypatch.setattr(result_cache, "PACK_AFTER", 10**9)


@pytest.mark.usefixtures("loose_only")
def test_a_warm_cache_gives_the_same_findings_and_products(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    plain = _seen(validate([root / "products"], root, TODAY, cached=False))
    assert not (root / FOLDER).exists()
    cold = _seen(validate([root / "products"], root, TODAY))
    assert len(_entries(root)) == 2 * len(CASES)  # by the photos' stat and by their bytes
    warm = _seen(validate([root / "products"], root, TODAY))
    assert plain == cold == warm
    assert plain[0], "the corpus has findings to compare"


def test_a_changed_file_or_photo_is_checked_again(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    validate([root / "products"], root, TODAY)
    product = root / "products" / "valid" / "minimal" / "product.yaml"
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("stars: 3", "stars: 6"), encoding="utf-8")
    photo = next((root / "products").rglob("*.jpg"))
    photo.write_bytes(b"not a photo")
    after = validate([root / "products"], root, TODAY)
    assert _seen(after) == _seen(validate([root / "products"], root, TODAY, cached=False))
    codes = {(f.file, f.code) for f in after.findings}
    assert ("products/valid/minimal/product.yaml", "recognition.stars_range") in codes
    assert any(file.startswith(str(photo.parent.relative_to(root))) and code.startswith("photo.")
               for file, code in codes)


def test_another_day_or_tool_is_another_entry(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    path = root / "products" / "valid" / "minimal" / "product.yaml"
    raw = path.read_bytes()
    today = ResultCache.at(root, TODAY).key(path, raw)
    assert today == ResultCache.at(root, TODAY).key(path, raw)
    assert today != ResultCache.at(root, TODAY.replace(year=2030)).key(path, raw)
    assert today != ResultCache.at(root, TODAY).key(path, raw + b"\n")
    (path.parent / "new.jpg").write_bytes(b"x")
    assert today != ResultCache.at(root, TODAY).key(path, raw)


def test_new_times_alone_find_the_entry_by_content(tmp_path: Path) -> None:
    """A fresh clone gives every photo a new time: the result is found by the photos' bytes."""
    root = _catalogue(tmp_path)
    expected = _seen(validate([root / "products"], root, TODAY))
    photo = next((root / "products").rglob("*.jpg"))
    os.utime(photo, (1, 1))
    cache = ResultCache.at(root, TODAY)
    product = photo.parent / "product.yaml"
    hit, keys = cache.lookup(product, product.read_bytes())
    assert hit is not None and keys == ()
    cache.save_pack()  # the end of the run: stored under the stat key too (loose: one result)
    quick = cache.key(product, product.read_bytes(), by_content=False) or ""
    assert ResultCache.at(root, TODAY).get(quick) == hit
    assert _seen(validate([root / "products"], root, TODAY)) == expected


def test_a_fresh_clone_is_packed_once_and_then_needs_no_photo_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every photo's time new (a CI checkout with its cache restored): the results are found
    by content and go into one new pack under their new stat keys, no entry a file; the run
    after reads no photo at all."""
    monkeypatch.setattr(result_cache, "PACK_AFTER", 2)
    root = _catalogue(tmp_path)
    photo = next((root / "products").rglob("*.jpg"))
    for folder in sorted((root / "products" / "valid").iterdir())[:8]:
        shutil.copy(photo, folder / "extra.jpg")  # an unlisted photo: a warning, and a key
    expected = _seen(validate([root / "products"], root, TODAY))
    for each in (root / "products").rglob("*.jpg"):
        os.utime(each, (1, 1))
    assert _seen(validate([root / "products"], root, TODAY)) == expected
    assert _entries(root) == [] and len(_packs(root)) == 1

    def unread(path: str) -> str:
        raise AssertionError(f"{path} read again")

    monkeypatch.setattr(result_cache, "_content", unread)
    assert _seen(validate([root / "products"], root, TODAY)) == expected


def _counting_cross(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the cross-file checks really run (not taken from the cache)."""
    from generator import validate as validating
    runs: list[int] = []
    real = validating.check_catalogue

    def counted(entries: Any) -> Any:
        runs.append(len(entries))
        return real(entries)

    monkeypatch.setattr(validating, "check_catalogue", counted)
    return runs


@pytest.mark.parametrize("pack_after", [2, 10**9], ids=["packed", "loose"])
def test_the_cross_file_findings_are_known_again_after_a_clone_or_a_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pack_after: int) -> None:
    """They are keyed by what each result was made from, not by the photos' times: a fresh
    clone reuses them; one changed file makes them once, and the run after reuses those."""
    monkeypatch.setattr(result_cache, "PACK_AFTER", pack_after)
    root = _catalogue(tmp_path)
    photo = next((root / "products").rglob("*.jpg"))
    for folder in sorted((root / "products" / "valid").iterdir())[:8]:
        shutil.copy(photo, folder / "extra.jpg")
    plain = _seen(validate([root / "products"], root, TODAY, cached=False))
    runs = _counting_cross(monkeypatch)
    validate([root / "products"], root, TODAY)
    for each in (root / "products").rglob("*.jpg"):
        os.utime(each, (1, 1))
    assert _seen(validate([root / "products"], root, TODAY)) == plain
    assert len(runs) == 1, "a clone: the same results, the same cross-file findings"
    changed_photo = sorted((root / "products" / "valid").glob("*/extra.jpg"))[0]
    changed_photo.write_bytes(changed_photo.read_bytes() + b"\0")  # one photo's bytes
    changed = _seen(validate([root / "products"], root, TODAY))
    assert len(runs) == 2
    assert _seen(validate([root / "products"], root, TODAY)) == changed
    assert len(runs) == 2, "the run after a change reuses what the change made"
    assert changed == _seen(validate([root / "products"], root, TODAY, cached=False))


@pytest.mark.usefixtures("loose_only")
@pytest.mark.parametrize("damage", [b"", b"garbage", "truncate", "foreign"])
def test_a_damaged_entry_is_ignored_and_replaced(tmp_path: Path, damage: Any) -> None:
    root = _catalogue(tmp_path)
    expected = _seen(validate([root / "products"], root, TODAY))
    assert _entries(root) and not _packs(root)
    for entry in _entries(root):
        blob = entry.read_bytes()
        if damage == "truncate":
            entry.write_bytes(blob[: len(blob) // 2])
        elif damage == "foreign":  # a valid pickle that would run code: refused
            entry.write_bytes(b"cos\nsystem\n(S'echo hacked'\ntR.")
        else:
            entry.write_bytes(damage)
    assert _seen(validate([root / "products"], root, TODAY)) == expected
    assert all(len(e.read_bytes()) > 100 for e in _entries(root)), "entries written again"


def _packs(root: Path) -> list[Path]:
    return sorted((root / FOLDER).glob("pack-*.pack"))


def test_a_run_is_packed_into_one_file_that_alone_gives_the_same_results(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(result_cache, "PACK_AFTER", 2)
    root = _catalogue(tmp_path)
    plain = _seen(validate([root / "products"], root, TODAY, cached=False))
    assert _seen(validate([root / "products"], root, TODAY)) == plain
    assert len(_packs(root)) == 1
    assert _entries(root) == [], "a run that is packed stores no entry a file"
    assert _seen(validate([root / "products"], root, TODAY)) == plain
    assert _entries(root) == [], "every result came from the pack"


def test_one_changed_file_is_stored_loose_and_the_pack_left_as_it_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(result_cache, "PACK_AFTER", 2)
    root = _catalogue(tmp_path)
    validate([root / "products"], root, TODAY)
    pack = _packs(root)[0]
    before = pack.read_bytes()
    product = root / "products" / "valid" / "minimal" / "product.yaml"
    product.write_text(product.read_text(encoding="utf-8").replace("stars: 3", "stars: 6"),
                       encoding="utf-8")
    after = _seen(validate([root / "products"], root, TODAY))
    assert after == _seen(validate([root / "products"], root, TODAY, cached=False))
    assert pack.read_bytes() == before
    assert any(f[3] == "recognition.stars_range" for f in after[0])


def _crosses(root: Path) -> list[Path]:
    return sorted((root / FOLDER).glob("cross-*.cross"))


def test_cross_file_findings_are_remembered_for_the_same_files_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _catalogue(tmp_path)
    validate([root / "products"], root, TODAY)
    assert len(_crosses(root)) == 1
    from generator import validate as validating

    def not_again(entries: Any) -> Any:
        raise AssertionError("the same files: the cross-file findings come from the cache")

    with monkeypatch.context() as patched:
        patched.setattr(validating, "check_catalogue", not_again)
        warm = _seen(validate([root / "products"], root, TODAY))
    assert warm == _seen(validate([root / "products"], root, TODAY, cached=False))
    twin = root / "products" / "valid" / "minimal-twin"  # the same name, another folder
    shutil.copytree(root / "products" / "valid" / "minimal", twin)
    found = _seen(validate([root / "products"], root, TODAY))
    assert found == _seen(validate([root / "products"], root, TODAY, cached=False))
    twin_file = "products/valid/minimal-twin/product.yaml"
    assert any(f[0] == twin_file and f[3] == "product.duplicate_id" for f in found[0])
    assert len(_crosses(root)) == 1, "one cross-file result a day, replaced"
    _crosses(root)[0].write_bytes(b"garbage")
    assert _seen(validate([root / "products"], root, TODAY)) == found


@pytest.mark.parametrize("damage", [b"", b"garbage", "foreign", "other day"])
def test_a_damaged_or_foreign_pack_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              damage: Any) -> None:
    monkeypatch.setattr(result_cache, "PACK_AFTER", 2)
    root = _catalogue(tmp_path)
    expected = _seen(validate([root / "products"], root, TODAY))
    pack = _packs(root)[0]
    if damage == "foreign":  # a valid pickle that would run code: refused
        pack.write_bytes(zlib.compress(b"cos\nsystem\n(S'echo hacked'\ntR."))
    elif damage == "other day":  # a pack of another day's run under this day's name
        other = ResultCache.at(root, TODAY.replace(year=2030))
        other.used = {"k": next(iter(ResultCache.at(root, TODAY)._pack().values()))}
        other.loose = 99
        other.save_pack()
        other.pack_path.replace(pack)
    else:
        pack.write_bytes(damage)
    for entry in _entries(root):
        entry.unlink()
    assert _seen(validate([root / "products"], root, TODAY)) == expected


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_a_rebuilt_document_locates_every_value_as_the_loader_does(case: Path) -> None:
    path = case / "product.yaml"
    doc, entry = check_document(path, ROOT, TODAY)
    rebuilt, again = Checked.of(doc, entry).restore(path.read_bytes())
    assert rebuilt.findings == doc.findings and rebuilt.data == doc.data
    assert rebuilt.text == doc.text
    assert (again is None) == (entry is None)
    if again is not None and entry is not None:
        assert again.product == entry.product
    paths = {*doc.value_marks, *doc.key_marks, *CROSS_FILE_PATHS, ("nowhere", 3)}
    for where in sorted(paths, key=str):
        assert rebuilt.locate(where) == doc.locate(where), where
        assert rebuilt.locate(where, key=True) == doc.locate(where, key=True), where


def test_the_worker_pool_gives_the_findings_checked_here(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform != "linux":
        pytest.skip("the pool forks (Linux)")
    root = _catalogue(tmp_path)
    here = _seen(validate([root / "products"], root, TODAY, cached=False))
    monkeypatch.setattr(pool, "MIN_FILES", 2)
    monkeypatch.setattr(pool, "CHUNK", 3)
    # threads an earlier test left idle (a test server) must not turn the pool off here
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)
    assert pool._workers(len(CASES)) > 1 or (os.cpu_count() or 1) < 2
    assert _seen(validate([root / "products"], root, TODAY)) == here  # workers, cache cold
    assert len(_packs(root)) == 1 and _entries(root) == [], "the workers' results, packed"
    assert _seen(validate([root / "products"], root, TODAY)) == here  # cache warm


def test_a_pack_of_workers_chunks_and_earlier_results_gives_the_plain_findings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Half the files changed: the new pack holds the workers' chunks as they came and the
    unchanged results pickled again; read back alone, it gives what checking without a
    cache gives."""
    if sys.platform != "linux":
        pytest.skip("the pool forks (Linux)")
    monkeypatch.setattr(result_cache, "PACK_AFTER", 2)
    monkeypatch.setattr(pool, "MIN_FILES", 2)
    monkeypatch.setattr(pool, "CHUNK", 3)
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)
    root = _catalogue(tmp_path)
    validate([root / "products"], root, TODAY)
    first = _packs(root)[0].read_bytes()
    for product in sorted(root.glob("products/valid/*/product.yaml"))[::2]:
        product.write_bytes(product.read_bytes() + b"\n# edited\n")
    plain = _seen(validate([root / "products"], root, TODAY, cached=False))
    assert _seen(validate([root / "products"], root, TODAY)) == plain
    assert _packs(root)[0].read_bytes() != first, "a new pack"
    assert _entries(root) == []
    again = ResultCache.at(root, TODAY)
    assert sorted({c.file for c in again._pack().values()}) == sorted(
        f"products/{c.parent.name}/{c.name}/product.yaml" for c in CASES)
    assert _seen(validate([root / "products"], root, TODAY)) == plain


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_the_quick_schema_yes_never_hides_a_finding(case: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    doc, _ = check_document(case / "product.yaml", ROOT, TODAY)
    if doc.data is None:
        return
    fast = schema.check_schema(doc)
    monkeypatch.setattr(schema, "surely_valid", lambda data: False)
    assert fast == schema.check_schema(doc)
    assert not (surely_valid(doc.data) and fast)


@pytest.mark.parametrize("value", ["a\x85b@example.vn", "a\x1fb@example.vn", "a\u00a0b@x.vn",
                                   "0905123456\n", "\ud800", 10**40, float("inf")])
def test_text_the_two_regex_dialects_may_read_apart_goes_the_slow_way(value: Any) -> None:
    doc, _ = check_document(ROOT / "tests/corpus/valid/minimal/product.yaml", ROOT, TODAY)
    assert doc.data is not None
    doc.data["subject"] = {**doc.data.get("subject", {}), "email": value}
    if surely_valid(doc.data):
        monkeypatch = pytest.MonkeyPatch()
        monkeypatch.setattr(schema, "surely_valid", lambda data: False)
        try:
            assert schema.check_schema(doc) == []
        finally:
            monkeypatch.undo()


def test_printable_text_needs_no_escape() -> None:
    """``str.isprintable()`` (the report's quick path) implies no hidden character."""
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if char.isprintable():
            assert not _hidden(char), f"U+{point:04X} {unicodedata.category(char)}"
    assert _escape_hidden("Nước mắm\u200b") == "Nước mắm\\u200b"
