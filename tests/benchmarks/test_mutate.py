"""The catalogue changes a rebuild is measured after change exactly one file, keep the
catalogue valid, and never write through the hard links to the pristine catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PIL import Image

from benchmarks import mutate
from benchmarks.catalogue import REPO, product_files
from generator.validate import validate
from tests.benchmarks.conftest import snapshot
from tests.conftest import TODAY


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def test_a_run_root_shares_the_products_by_hard_link_and_copies_the_settings(
        root: Path, pristine: Path) -> None:
    first = product_files(root)[0]
    assert first.stat().st_ino == (pristine / first.relative_to(root)).stat().st_ino
    assert (root / "mkdocs.yml").read_bytes() == (REPO / "mkdocs.yml").read_bytes()
    assert (root / "mkdocs.yml").stat().st_nlink == 1
    assert (root / mutate.TEMPLATE).is_file()


def test_changing_one_product_changes_its_description_only(root: Path, pristine: Path) -> None:
    before, untouched = snapshot(root), snapshot(pristine)
    path = mutate.change_product(root)
    assert changed(before, snapshot(root)) == {path.relative_to(root).as_posix()}
    assert snapshot(pristine) == untouched  # the hard link was replaced, not written through
    old = yaml.safe_load(before[path.relative_to(root).as_posix()])
    new = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert new["content"]["description"]["vi"].startswith(old["content"]["description"]["vi"])
    assert new["content"]["description"]["vi"] != old["content"]["description"]["vi"]
    del old["content"], new["content"]
    assert new == old
    result = validate([root / "products"], root, TODAY)
    assert result.errors == [] and len(result.products) == 12


def test_each_change_is_new_each_time(root: Path) -> None:
    path = mutate.change_product(root, 1)
    first = path.read_bytes()
    assert mutate.change_product(root, 2) == path and path.read_bytes() != first


def test_changing_one_photo_gives_new_bytes_to_one_file(root: Path, pristine: Path) -> None:
    before, untouched = snapshot(root), snapshot(pristine)
    photo = mutate.change_photo(root)
    assert changed(before, snapshot(root)) == {photo.relative_to(root).as_posix()}
    assert snapshot(pristine) == untouched
    assert photo.parent != product_files(root)[0].parent  # not the product change_product edits
    with Image.open(photo) as image:
        assert image.format == "JPEG" and image.size == (800, 600)
    assert validate([root / "products"], root, TODAY).errors == []


def test_changing_the_template_edits_the_catalogues_own_override(root: Path) -> None:
    before = snapshot(root)
    path = mutate.change_template(root, 3)
    assert changed(before, snapshot(root)) == {mutate.TEMPLATE.as_posix()}
    text = path.read_text(encoding="utf-8")
    block = text.index("{% block site_meta %}")
    assert text.index('<meta name="ocop-benchmark" content="3">') > block
    assert text.index("{% endblock %}", block) > text.index('content="3"')


def test_a_description_that_is_not_a_plain_line_is_refused() -> None:
    quoted = "content:\n  description:\n    vi: 'Nước mắm: ngon'\n"
    with pytest.raises(ValueError, match="description"):
        mutate.edit_description(quoted, "x")
    plain = "content:\n  description:\n    vi: Nước mắm ngon\n"
    assert yaml.safe_load(mutate.edit_description(plain, "Thêm.")) == {
        "content": {"description": {"vi": "Nước mắm ngon Thêm."}}}


def test_a_template_without_a_known_block_is_refused() -> None:
    with pytest.raises(ValueError, match="block"):
        mutate.edit_template("{% extends 'base.html' %}", 1)


def test_a_clone_rewrites_every_photo_with_its_bytes_and_never_through_a_link(
        root: Path, pristine: Path) -> None:
    """The files a fresh clone makes anew: the same bytes, a new inode and new times; the
    product files and the pristine catalogue untouched; the validator's findings the same."""
    found = validate([root / "products"], root, TODAY)
    before, untouched = snapshot(root), snapshot(pristine)
    photos = sorted(p for p in (root / "products").rglob("*") if p.is_file()
                    and p.name != "product.yaml")
    inodes = {p: p.stat().st_ino for p in photos}
    assert sorted(mutate.as_cloned(root)) == photos and photos
    assert snapshot(root) == before and snapshot(pristine) == untouched
    assert all(p.stat().st_ino != inodes[p] for p in photos)
    again = validate([root / "products"], root, TODAY)
    assert [f.sort_key() for f in again.findings] == [f.sort_key() for f in found.findings]
