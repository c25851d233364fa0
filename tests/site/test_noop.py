"""``ocop build`` with nothing changed answers before importing the engine
(generator/site/noop.py), and only when the last build read exactly these files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import noop, snapshot, uptodate
from tests.conftest import ROOT
from tests.site.conftest import TODAY, build, copy_fixture

PRODUCT = Path("products") / "hoi-an" / "nuoc-mam-thu" / "product.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_fixture(tmp_path_factory.mktemp("noop") / "repo")
    assert build(root) == 0
    return root


def _argv(root: Path, *extra: str) -> list[str]:
    return ["build", "--root", str(root), "--today", TODAY, *extra]


def test_a_plain_build_with_nothing_changed_is_answered(built: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert noop.already_built(_argv(built))
    said = capsys.readouterr().out
    assert "không có gì để dựng lại" in said and "nothing to do" in said
    assert str(built / "site") in said


@pytest.mark.parametrize("extra", [["--force"], ["--emit", "out"], ["--today", "2027-01-01"],
                                   ["--today", "hôm nay"], ["--unknown"]])
def test_anything_but_a_plain_build_of_the_same_day_goes_the_whole_way(
        built: Path, extra: list[str]) -> None:
    assert not noop.already_built(_argv(built, *extra))


def test_other_commands_and_catalogues_go_the_whole_way(built: Path, tmp_path: Path) -> None:
    assert not noop.already_built(["validate", "--root", str(built)])
    assert not noop.already_built([])
    assert not noop.already_built(_argv(copy_fixture(tmp_path / "never-built")))


def test_a_changed_file_or_a_touched_site_is_not_current(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    assert build(root) == 0
    assert noop.already_built(_argv(root))
    product = root / PRODUCT
    product.write_text(product.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not noop.already_built(_argv(root))
    assert build(root) == 0
    assert noop.already_built(_argv(root))
    (root / "site" / "index.html").unlink()
    assert not noop.already_built(_argv(root))


def test_a_build_into_another_folder_or_with_environment_settings_is_never_trusted(
        tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    assert build(root, site_dir=tmp_path / "elsewhere") == 0
    assert not noop.already_built(_argv(root))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_url: https://example.org/ocop/",
        "site_url: !ENV [OCOP_TEST_URL, 'https://example.org/ocop/']", 1),
        encoding="utf-8")
    assert build(root) == 0
    assert not noop.already_built(_argv(root))


def test_the_command_line_imports_no_engine_and_no_checks() -> None:
    code = ("import sys, generator.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs' "
            "or m.startswith(('generator.checks', 'generator.validate', 'jsonschema'))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_file_is_remembered_by_its_stat_once_it_is_not_racy(tmp_path: Path) -> None:
    memo, file = tmp_path / "hashes.json", tmp_path / "a.txt"
    file.write_text("one", encoding="utf-8")
    hasher = uptodate.Hasher(memo)
    first = hasher.file(str(file), file.stat())
    assert hasher.seen == {}  # just written: read again next time
    hasher.now += 10 * uptodate.RACY_NS
    assert hasher.file(str(file), file.stat()) == first and str(file) in hasher.seen
    hasher.save()
    before = file.stat()
    file.write_text("two", encoding="utf-8")  # same size, old modification time put back
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
    again = uptodate.Hasher(memo)
    assert again.file(str(file), file.stat()) != first and again.read == 1


def _stat_files(root: Path) -> list[Path]:
    return sorted((root / ".cache" / "ocop" / "builds").glob("*.stat.json"))


def _long_way_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("the snapshot should have answered")
    monkeypatch.setattr(uptodate, "inputs_key", refuse)


def test_a_catalogue_untouched_since_its_build_is_answered_by_its_snapshot(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot, "RACY_NS", 0)  # the copied fixture is not seconds old
    root = copy_fixture(tmp_path / "repo")
    assert build(root) == 0 and len(_stat_files(root)) == 1
    with monkeypatch.context() as patched:
        _long_way_forbidden(patched)
        assert noop.already_built(_argv(root))
    product = root / PRODUCT
    os.utime(product)  # same bytes, a new time: the long way says current, and snapshots
    kept = _stat_files(root)[0].read_bytes()
    assert noop.already_built(_argv(root)) and _stat_files(root)[0].read_bytes() != kept
    with monkeypatch.context() as patched:
        _long_way_forbidden(patched)
        assert noop.already_built(_argv(root))
    (root / "site" / "sitemap.xml").write_bytes(b"")
    assert not noop.already_built(_argv(root))


def test_a_build_from_files_changed_just_before_keeps_no_snapshot(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture(tmp_path / "repo")
    monkeypatch.setattr(snapshot, "RACY_NS", 0)
    assert build(root) == 0 and len(_stat_files(root)) == 1
    monkeypatch.setattr(snapshot, "RACY_NS", 10**18)  # every file counts as just changed
    (root / PRODUCT).write_text((root / PRODUCT).read_text(encoding="utf-8") + "\n",
                                encoding="utf-8")
    assert build(root) == 0
    assert _stat_files(root) == []  # the last snapshot is gone with the build it described
    assert noop.already_built(_argv(root))
