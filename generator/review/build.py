"""The review as data: what changed between two revisions and what the validator says."""

from __future__ import annotations

import os
import posixpath
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..site.report_page import page_address
from ..validate import Result, validate
from .events import EventChange, event_changes, event_paths
from .git import CATALOGUE_DIR, ReviewError, changed_paths, find_repo, merge_base, resolve, unpack
from .snapshot import Change, pair, snapshots
from .trees import GitTree, Tree, WorkTree


@dataclass
class Review:
    """What changed and what the validator says about it."""

    base_ref: str
    ref_commit: str  # the commit ``base_ref`` names
    base_commit: str  # the commit compared against (the merge base)
    today: date
    changes: list[Change] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    result: Result = field(default_factory=Result)
    link_base: str | None = None
    portfolio_url: str | None = None  # the officers' portfolio page, when the site lists it
    #: the event files added, removed or changed (generator/review/events.py)
    events: list[EventChange] = field(default_factory=list)


def _validate(changes: list[Change], others: list[str], head_root: Path, today: date,
              events: Sequence[EventChange] = ()) -> Result:
    paths = [head_root / c.new.file for c in changes if c.new is not None]
    paths += [head_root / e.file for e in events if (head_root / e.file).is_file()]
    paths += [head_root / p for p in others
              if p.lower().endswith((".yaml", ".yml")) and (head_root / p).is_file()]
    return validate(paths, head_root, today) if paths else Result()


def _link_base(repo: Path, head_commit: str | None) -> str | None:
    """Blob URL prefix when running in GitHub Actions, so findings link to their line."""
    server, name = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if not server or not name:
        return None
    try:
        commit = head_commit or resolve(repo, "HEAD")
    except ReviewError:
        return None
    return f"{server.rstrip('/')}/{name}/blob/{commit}/"


def build_review(root: Path, base: str, head: str | None, today: date) -> Review:
    """Compare products/ at ``base`` with the working tree (or ``head``) and validate."""
    repo = find_repo(root)
    ref_commit = resolve(repo, base)
    head_commit = resolve(repo, head) if head else None
    base_commit = merge_base(repo, ref_commit, head_commit)
    paths = changed_paths(repo, base_commit, head_commit)
    review = Review(base, ref_commit, base_commit, today, link_base=_link_base(repo, head_commit),
                    portfolio_url=page_address(repo))
    events = event_paths(paths)
    paths = [p for p in paths if p not in events]
    folders = sorted({posixpath.dirname(path) for path in paths} - {CATALOGUE_DIR})
    with tempfile.TemporaryDirectory(prefix="ocop-review-") as tmp:
        head_root: Path = repo
        new_tree: Tree = WorkTree(repo)
        if head_commit is not None:
            head_root, new_tree = Path(tmp), GitTree(repo, head_commit)
            unpack(repo, head_commit, head_root)
        old = snapshots(GitTree(repo, base_commit), folders, today)
        new = snapshots(new_tree, folders, today)
        review.changes = pair(old, new)
        review.others = [p for p in paths if posixpath.dirname(p) not in old.keys() | new.keys()]
        review.events = event_changes(GitTree(repo, base_commit), new_tree, events)
        review.result = _validate(review.changes, review.others, head_root, today, review.events)
    return review
