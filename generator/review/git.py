"""The git plumbing of ``ocop review``: find the repository, name commits, list what changed.

Nothing is checked out and the working tree is never touched: paths are listed with ``git
diff``, and a ``--head`` commit is unpacked with ``git archive`` into a folder of our own.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

from ..errors import UsageError
from ..messages import Texts

CATALOGUE_DIR = "products"
#: the event files' folder (generator.events.load.EVENTS_DIR), reviewed beside the products
EVENTS_DIR = "events"

SAY = Texts("review.git", {
    "not_git": ("{root} không nằm trong một kho git — chạy lệnh trong thư mục đã `git clone` "
                "danh mục", "{root} is not inside a git repository — run it in a clone of the "
                "catalogue"),
    "no_git": ("không tìm thấy chương trình git — hãy cài git", "git is not installed"),
    "unknown_ref": ("không tìm thấy `{ref}` trong kho git — kiểm tra tên nhánh hoặc commit; "
                    "trong GitHub Actions cần lấy nhánh gốc trước (actions/checkout với "
                    "fetch-depth: 0, hoặc `git fetch origin main`)",
                    "unknown git ref `{ref}` — check the branch or commit name; in GitHub "
                    "Actions fetch the base branch first (actions/checkout with fetch-depth: 0, "
                    "or `git fetch origin main`)"),
    "bad_today": ("--today phải có dạng YYYY-MM-DD", "--today must be YYYY-MM-DD"),
    "git_failed": ("lệnh git bị lỗi: {detail}", "git failed: {detail}"),
})


class ReviewError(UsageError):
    """``ocop review`` cannot compare (unknown ref, not a git repository, git missing)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str) -> str:
        return SAY(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.text("vi")


def git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """The output of ``git -C repo args``; ReviewError when git is missing or fails."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_LITERAL_PATHSPECS": "1",
           "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True,
                              env=env, check=False)
    except FileNotFoundError as error:
        raise ReviewError("no_git") from error
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReviewError("git_failed", detail=detail[-1] if detail else done.returncode)
    return done.stdout


def split0(raw: bytes) -> list[str]:
    """The names in NUL-separated git output (``-z``)."""
    return [item for item in raw.decode("utf-8", "surrogateescape").split("\0") if item]


def find_repo(start: Path) -> Path:
    """The top folder of the git repository holding ``start``."""
    try:
        out = git(start, "rev-parse", "--show-toplevel")
    except ReviewError as error:
        if error.key == "no_git":
            raise
        raise ReviewError("not_git", root=start) from error
    return Path(out.decode("utf-8", "surrogateescape").strip())


def resolve(repo: Path, ref: str) -> str:
    """The commit a ref names; ReviewError when there is none."""
    if not ref or ref.startswith("-"):
        raise ReviewError("unknown_ref", ref=ref)
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except ReviewError as error:
        raise ReviewError("unknown_ref", ref=ref) from error


def merge_base(repo: Path, base: str, head: str | None) -> str:
    """Where the compared tree branched from ``base``; ``base`` itself when git cannot tell
    (shallow clone, unrelated histories, no commit yet)."""
    try:
        out = git(repo, "merge-base", base, head or "HEAD").decode().strip()
    except ReviewError:
        return base
    return out or base


def changed_paths(repo: Path, base: str, head: str | None) -> list[str]:
    """Paths under products/ and events/ that differ between ``base`` and ``head`` (or the
    working tree, untracked files included)."""
    args = ["diff", "--name-only", "--no-renames", "-z", base, *([head] if head else []),
            "--", CATALOGUE_DIR, EVENTS_DIR]
    paths = split0(git(repo, *args))
    if head is None:
        paths += split0(git(repo, "ls-files", "-z", "--others", "--exclude-standard", "--",
                             CATALOGUE_DIR, EVENTS_DIR))
    return sorted(set(paths))


def _safe_member(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo | None:
    try:
        return tarfile.data_filter(member, dest)
    except tarfile.FilterError:  # e.g. a link leading outside: the validator reports it
        return None


def unpack(repo: Path, commit: str, dest: Path) -> None:
    """products/ and events/ of ``commit`` into ``dest`` (``git archive``; the working tree is
    untouched)."""
    folders = split0(git(repo, "ls-tree", "-z", "--name-only", commit, "--", CATALOGUE_DIR,
                         EVENTS_DIR))
    if not folders:
        return
    env = {**os.environ, "GIT_LITERAL_PATHSPECS": "1"}
    with subprocess.Popen(["git", "-C", str(repo), "archive", "--format=tar", commit, "--",
                           *folders], stdout=subprocess.PIPE, env=env) as process:
        assert process.stdout is not None
        with tarfile.open(fileobj=process.stdout, mode="r|") as archive:
            archive.extractall(dest, filter=_safe_member)
        while process.stdout.read(65536):  # the record padding after the end marker: git
            pass  # would die of SIGPIPE if the pipe closed before it wrote it
    if process.returncode != 0:
        raise ReviewError("git_failed", detail=f"git archive {commit}")
