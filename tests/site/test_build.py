"""`ocop build`: never publishes an invalid catalogue, never half a site, same bytes each time."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site.config import ConfigError, from_mkdocs
from tests.site.conftest import TODAY, build, copy_fixture


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_inputs_give_byte_identical_sites(tmp_path: Path, site3: Path) -> None:
    other = copy_fixture(tmp_path / "again")
    assert build(other) == 0
    first, second = _tree(site3), _tree(other / "site")
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_invalid_catalogue_is_not_published_and_the_old_site_stays(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixture(tmp_path / "repo")
    assert build(root) == 0
    before = _tree(root / "site")
    broken = root / "products" / "hoi-an" / "tra-het-han" / "product.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("stars: 4", "stars: 6"),
                      encoding="utf-8")
    capsys.readouterr()
    assert build(root) == 1
    printed = capsys.readouterr()
    out = printed.out
    error = ("products/hoi-an/tra-het-han/product.yaml:15:12 lỗi recognitions[0].stars: 6 không "
             "hợp lệ — hạng sao OCOP chỉ từ 3 đến 5")
    assert error in out
    # printed once, and not buried under the warnings: those are counted, not listed
    assert (out + printed.err).count("recognitions[0].stars") == 1
    assert not [line for line in out.splitlines() if " cảnh báo " in line and ".yaml:" in line]
    assert "cảnh báo không in ở đây" in out and "`ocop validate`" in out
    assert _tree(root / "site") == before
    assert not (root / ".site.building").exists()


def test_interrupted_build_leaves_the_published_site(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture(tmp_path / "repo")
    assert build(root) == 0
    before = _tree(root / "site")

    def explode(site_dir: Path, records: object, **cache: object) -> None:
        raise KeyboardInterrupt

    # `ocop build` indexes the site once MkDocs is done (adapters/engine.py)
    monkeypatch.setattr("generator.adapters.engine.index_site", explode)
    with pytest.raises(KeyboardInterrupt):
        build(root, force=True)
    assert _tree(root / "site") == before
    assert not (root / ".site.building").exists()


def _ocop(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed ``ocop`` command: a one-shot process, which makes the pages in a forked
    process of their own and indexes them after it (generator/forkpool.py ``in_child``)."""
    ocop = Path(sys.executable).parent / "ocop"
    return subprocess.run([str(ocop), *args, "--root", str(root), "--today", TODAY],
                          capture_output=True, text=True, check=False)


def test_the_ocop_command_gives_the_site_of_a_build_in_one_process(tmp_path: Path,
                                                                   site3: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    done = _ocop(root, "build")
    assert done.returncode == 0, done.stderr
    assert _tree(root / "site") == _tree(site3)
    assert not (root / ".site.building").exists()
    # the summary, once, names the published folder, not the one the child built into
    assert done.stdout.count("Built ") == 1
    assert f"trang sản phẩm vào {root / 'site'} (" in done.stdout


def test_the_ocop_command_reports_a_broken_catalogue_once_and_publishes_nothing(
        tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    broken = root / "products" / "hoi-an" / "tra-het-han" / "product.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("stars: 4", "stars: 6"),
                      encoding="utf-8")
    done = _ocop(root, "build")
    assert done.returncode == 1
    assert (done.stdout + done.stderr).count("recognitions[0].stars") == 1
    assert "Traceback" not in done.stderr
    assert not (root / "site").exists() and not (root / ".site.building").exists()


def test_mkdocs_build_gives_the_same_site_as_ocop_build(tmp_path: Path, site3: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    env = {**os.environ, "OCOP_TODAY": TODAY}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run([str(mkdocs), "build", "-q"], cwd=root, env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    comparison = filecmp.dircmp(site3, root / "site")
    assert _tree(site3) == _tree(root / "site"), comparison.diff_files


def test_emit_writes_engine_neutral_sources(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    assert build(root, emit=tmp_path / "out") == 0
    page = (tmp_path / "out" / "san-pham" / "nuoc-mam-thu.md").read_text(encoding="utf-8")
    assert page.startswith("---\n") and "\n---\n\n<article class=\"ocop-product\"" in page
    assert (tmp_path / "out" / "index.md").exists()
    assert any((tmp_path / "out" / "media").glob("*-400.webp"))


@pytest.mark.parametrize(("change", "message"), [
    ({"extra": {}}, "extra.ocop"),
    ({"extra": {"ocop": {"publisher": "x"}}}, "region"),
    ({"site_url": "ocop.example.org"}, "site_url"),
    ({"extra": {"ocop": {"region": "x", "publisher": "y", "colour": "z"}}}, "colour"),
    ({"extra": {"ocop": {"region": "x", "publisher": "y", "list_expired": "có"}}},
     "list_expired"),
])
def test_catalogue_settings_are_validated(change: dict, message: str) -> None:
    base = {"site_name": "OCOP", "site_url": "https://example.org/",
            "extra": {"ocop": {"region": "Quảng Nam", "publisher": "VP OCOP"}}}
    with pytest.raises(ConfigError, match=message):
        from_mkdocs({**base, **change})


def test_expired_products_can_be_left_out(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "list_expired: true", "list_expired: false"), encoding="utf-8")
    assert build(root) == 0
    assert not (root / "site" / "san-pham" / "tra-het-han").exists()
    assert (root / "site" / "san-pham" / "nuoc-mam-thu" / "index.html").exists()


def test_a_repository_without_our_templates_gets_the_packaged_ones(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    config = root / "mkdocs.yml"
    lines = [line for line in config.read_text(encoding="utf-8").splitlines()
             if "custom_dir" not in line]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert build(root) == 0
    page = (root / "site" / "san-pham" / "nuoc-mam-thu" / "index.html").read_text("utf-8")
    assert 'type="application/ld+json"' in page and "assets/ocop.css" in page
    assert (root / "site" / "assets" / "ocop.css").exists()


def test_bad_settings_stop_the_build_with_a_plain_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixture(tmp_path / "repo")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    region: Tỉnh thử nghiệm\n",
                                                                 ""), encoding="utf-8")
    assert build(root) == 1
    assert "thiếu `region`" in capsys.readouterr().out
    assert not (root / "site").exists()
