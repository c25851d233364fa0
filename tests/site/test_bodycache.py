"""Page bodies kept between builds (generator/site/bodycache.py): a body is rendered once for
its inputs, found again by the next build, in CI and from forked writers alike. Changing any
input renders it again, and so does a damaged or half-written cache. A forced rebuild renders no
body again and gives the same bytes."""

from __future__ import annotations

import copy
import os
from datetime import date
from pathlib import Path

import pytest

from generator.site import bodycache, pages
from generator.site.bodycache import Bodies, ViewKeys
from generator.site.config import load
from generator.site.images import PhotoPipeline
from generator.validate import validate
from tests.site.conftest import FIXTURE, TODAY, build, copy_fixture


def _never() -> str:
    raise AssertionError("rendered again")


def test_a_body_is_rendered_once_then_read_by_the_next_builds(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    first = Bodies(folder, "env")
    assert first.get(("product.html", "a"), lambda: "<p>Bánh tráng</p>") == "<p>Bánh tráng</p>"
    assert (first.hits, first.misses) == (0, 1)
    first.commit()
    for _ in range(2):  # each generation keeps what it used, and the one before is deleted
        later = Bodies(folder, "env")
        assert later.get(("product.html", "a"), _never) == "<p>Bánh tráng</p>"
        assert (later.hits, later.misses) == (1, 0)
        later.commit()
        assert {p.name.split("-")[0] for p in folder.glob("*.pack")} == {
            later.generation.split("-")[0]}


def test_other_inputs_or_another_environment_render_again(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    first = Bodies(folder, "env")
    first.get(("product.html", "a"), lambda: "A")
    first.commit()
    assert Bodies(folder, "env").get(("product.html", "b"), lambda: "B") == "B"
    assert Bodies(folder, "a new version").get(("product.html", "a"), lambda: "A2") == "A2"


def test_a_build_that_stopped_before_its_commit_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    Bodies(folder, "env").get(("x",), lambda: "half")
    assert Bodies(folder, "env").get(("x",), lambda: "again") == "again"


@pytest.mark.parametrize("damage", ["flip", "truncate", "delete", "manifest"])
def test_a_damaged_cache_is_a_miss_never_an_error(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "pages"
    first = Bodies(folder, "env")
    first.get(("x",), lambda: "<p>" + "Nước mắm " * 50 + "</p>")
    first.commit()
    pack = next(folder.glob("*.pack"))
    data = bytearray(pack.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0xFF
        pack.write_bytes(bytes(data))
    elif damage == "truncate":
        pack.write_bytes(bytes(data[:-3]))
    elif damage == "delete":
        pack.unlink()
    else:
        (folder / bodycache.CURRENT).write_text("{not json", encoding="utf-8")
    later = Bodies(folder, "env")
    assert later.get(("x",), lambda: "rendered") == "rendered"
    assert (later.hits, later.misses) == (0, 1)


def test_a_cache_that_cannot_be_written_still_gives_every_body(tmp_path: Path) -> None:
    blocked = tmp_path / "pages"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    bodies = Bodies(blocked, "env")
    assert [bodies.get(("x", n), lambda n=n: f"<p>{n}</p>") for n in range(3)] == [
        "<p>0</p>", "<p>1</p>", "<p>2</p>"]
    bodies.commit()
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"


def test_a_context_that_cannot_be_hashed_is_rendered_every_time(tmp_path: Path) -> None:
    bodies = Bodies(tmp_path / "pages", "env")
    for _ in range(2):
        assert bodies.get(("x", lambda: 1), lambda: "plain") == "plain"
    assert bodies.uncached == 2 and bodies.hits == 0


def test_the_bodies_of_forked_writers_are_all_kept(tmp_path: Path) -> None:
    """Two forked writers (as generator/forkpool.py makes them) each keep what they render in
    a pack of their own; the parent's commit names both."""
    folder = tmp_path / "pages"
    bodies = Bodies(folder, "env")
    children = []
    for part in range(2):
        pid = os.fork()
        if pid == 0:  # the writer: render its share, then leave at once, as a worker does
            code = 1
            try:
                code = 0 if all(bodies.get(("page", n), lambda n=n: f"<p>{n}</p>") == f"<p>{n}</p>"
                                for n in range(part, 40, 2)) else 1
            finally:
                os._exit(code)
        children.append(pid)
    assert [os.waitpid(pid, 0)[1] for pid in children] == [0, 0]
    bodies.commit()
    assert len(list(folder.glob("*.pack"))) == 2  # one per writer
    later = Bodies(folder, "env")
    assert [later.get(("page", n), _never) for n in range(40)] == [f"<p>{n}</p>" for n in range(40)]
    assert later.hits == 40


def _planner(tmp_path: Path) -> pages.Planner:
    today = date.fromisoformat(TODAY)
    result = validate([FIXTURE / "products"], FIXTURE, today)
    return pages.Planner(result.products, load(FIXTURE), today, PhotoPipeline(tmp_path / "photos"),
                         events=result.events)


def test_a_views_key_is_its_content_and_its_neighbours_count_on_its_page(tmp_path: Path) -> None:
    views = _planner(tmp_path).views
    view = next(v for v in views if any(v.related.values()))
    neighbour = next(r for items in view.related.values() for r in items)
    keys = ViewKeys()
    page = bodycache.fingerprint((view, view.related), keys.card)
    assert ViewKeys().card(copy.deepcopy(view)) == keys.card(view)  # content, not identity
    neighbour.summary += " (mới)"
    fresh = ViewKeys()
    assert fresh.own(view) == keys.own(view)  # its own facts did not change
    assert bodycache.fingerprint((view, view.related), fresh.card) != page
    view.search_text += " x"
    assert ViewKeys().own(view) != fresh.own(view)  # a fact of its own changed


def test_a_view_on_an_event_with_its_own_stand_has_a_key(tmp_path: Path) -> None:
    """An event lists its stands' views, and each of those views lists the event: a cycle that
    the key must go around, not into."""
    views = _planner(tmp_path).views
    shown = [v for v in views if v.events]
    assert shown, "the fixture's event lists products"
    keys = ViewKeys()
    for view in shown:
        assert len(keys.card(view)) == 16
    stand = shown[0].events[0].zones[0].stands[0]
    before = ViewKeys().card(shown[0])
    stand.view.summary += " (mới)"
    assert ViewKeys().card(shown[0]) != before  # a stand's product counts on the event row


def test_the_keys_made_on_every_core_are_those_made_one_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodycache, "PARALLEL_FROM", 1)
    views = _planner(tmp_path).views
    shared = ViewKeys()
    shared.make_all(views)
    with monkeypatch.context() as patch:  # made already: nothing is hashed again
        patch.setattr(bodycache, "fingerprint", lambda *_: pytest.fail("hashed again"))
        made = [(shared.own(v), shared.card(v)) for v in views]
    alone = ViewKeys()
    assert made == [(alone.own(v), alone.card(v)) for v in views]
    assert len({shared.card(v) for v in views}) == len(views)


def _count_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    rendered: list[str] = []
    real = pages.render

    def counting(template: str, *args: object, **kwargs: object) -> str:
        rendered.append(template)
        return real(template, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "render", counting)
    return rendered


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_forced_rebuild_renders_no_body_again(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture(tmp_path / "repo")
    rendered = _count_renders(monkeypatch)
    assert build(root) == 0
    first = rendered.count("product.html")
    assert first == 3 and rendered.count("listing.html") > 0
    before = _tree(root / "site")
    rendered.clear()
    assert build(root, force=True) == 0
    assert "product.html" not in rendered and "listing.html" not in rendered
    assert _tree(root / "site") == before
    product = root / "products" / "dai-loc" / "gom-thanh-ha" / "product.yaml"
    product.write_text(product.read_text(encoding="utf-8").replace(
        "& Co <3", "& Co <4", 1), encoding="utf-8")
    rendered.clear()
    assert build(root) == 0
    # the changed product's page, and the pages that show its card; never more than planned
    assert 1 <= rendered.count("product.html") <= 3
