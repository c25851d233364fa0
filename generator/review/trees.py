"""The two sides of a comparison: the files of a commit, or of the working tree."""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from .git import git, split0

T = TypeVar("T")


class Tree(Protocol):
    """One side of the comparison: a commit, or the working tree."""

    def files(self, folders: Sequence[str]) -> dict[str, dict[str, str]]:
        """For each folder, its files (not sub-folders) and their content ids."""
        ...

    def read(self, paths: Sequence[str]) -> dict[str, bytes | None]:
        """The bytes of each path, None when it is missing."""
        ...


def _chunks(items: Sequence[T], size: int = 200) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start: start + size]


@dataclass(frozen=True)
class GitTree:
    """The files of one commit, read with ``git ls-tree`` and ``git cat-file``."""

    repo: Path
    commit: str

    def files(self, folders: Sequence[str]) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {folder: {} for folder in folders}
        for chunk in _chunks(list(folders)):
            listing = git(self.repo, "ls-tree", "-r", "-z", self.commit, "--",
                          *[f"{folder}/" for folder in chunk])
            for line in split0(listing):
                meta, path = line.split("\t", 1)
                kind, object_id = meta.split()[1:3]
                parent, name = posixpath.split(path)
                if kind == "blob" and parent in out:
                    out[parent][name] = object_id
        return out

    def read(self, paths: Sequence[str]) -> dict[str, bytes | None]:
        request = "".join(f"{self.commit}:{path}\n" for path in paths).encode("utf-8",
                                                                              "surrogateescape")
        raw = git(self.repo, "cat-file", "--batch", stdin=request) if paths else b""
        out: dict[str, bytes | None] = {}
        position = 0
        for path in paths:
            end = raw.index(b"\n", position)
            header = raw[position:end].split()
            position = end + 1
            if len(header) != 3 or header[1] != b"blob":
                out[path] = None
                continue
            size = int(header[2])
            out[path] = raw[position: position + size]
            position += size + 1
        return out


def _blob_id(data: bytes) -> str:
    """The object id git gives these bytes as a file (``git hash-object``, no filters)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@dataclass(frozen=True)
class WorkTree:
    """The files of the working tree, untracked ones included, never outside the repository."""

    repo: Path

    def files(self, folders: Sequence[str]) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        regular: list[tuple[str, str]] = []
        for folder in folders:
            out[folder] = {}
            here = self.repo / folder
            names = sorted(os.listdir(here)) if here.is_dir() and self._inside(here) else []
            for name in names:
                path = here / name
                if path.is_symlink():
                    out[folder][name] = "link:" + os.readlink(path)
                elif path.is_file() and "\n" in f"{folder}/{name}":  # not one line for git
                    out[folder][name] = _blob_id(path.read_bytes())
                elif path.is_file():
                    regular.append((folder, name))
        for chunk in _chunks(regular, 500):
            request = "".join(f"{folder}/{name}\n" for folder, name in chunk)
            ids = git(self.repo, "hash-object", "--stdin-paths",
                      stdin=request.encode("utf-8", "surrogateescape")).decode().split()
            for (folder, name), object_id in zip(chunk, ids, strict=True):
                out[folder][name] = object_id
        return out

    def read(self, paths: Sequence[str]) -> dict[str, bytes | None]:
        out: dict[str, bytes | None] = {}
        for path in paths:
            target = self.repo / path
            out[path] = target.read_bytes() if target.is_file() and self._inside(target) else None
        return out

    def _inside(self, path: Path) -> bool:
        """Never follow a link out of the repository: a pull request could otherwise make the
        review quote a file of the machine it runs on (the validator reports such links)."""
        return path.resolve().is_relative_to(self.repo.resolve())
