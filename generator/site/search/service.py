"""Running Pagefind: its binary in ``--service`` mode, fed pages in batches.

The binary comes from the ``pagefind[bin]`` wheel. ``--service`` speaks the JSON-over-pipes
protocol of Pagefind's own Python and Node APIs. Not the ``pagefind.index`` Python API: it is
asyncio-only (unusable under a running event loop, e.g. Playwright's sync API) and reads one
reply per 100 ms (20,000 pages: over half an hour). Here a plain subprocess with blocking pipes
is sent :data:`BATCH` pages before their replies are read (:meth:`PagefindService.add_pages`):
no round trip per page, and the pipes never fill up. Pagefind numbers the pages in the order
it receives them (measured: the same order for every batch size), which is the order we need
(build.py); ``add_directory`` numbers them in the file system's directory order instead.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...errors import SearchIndexError

log = logging.getLogger("mkdocs.plugins.ocop")
#: Pages sent before their replies are read: the replies (about 100 bytes each) stay well
#: under a pipe's buffer, so neither side waits for the other.
BATCH = 200

#: Pagefind's own ready-made search interfaces; the catalogue page has its own small script,
#: so these (about 420 KB) are removed from the site instead of being deployed unused.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def pagefind_executable() -> Path:
    """The binary from the ``pagefind[bin]`` wheel (``$PAGEFIND_BINARY_PATH`` overrides it)."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise SearchIndexError("Pagefind binary not found: install pagefind[bin] (pyproject.toml)")
    return Path(found)


class PagefindService:
    """``pagefind --service``: base64(JSON) messages, each followed by a comma, both ways."""

    def __enter__(self) -> PagefindService:
        # Notes such as "no stemming for vi" (expected: Vietnamese words do not inflect) go to
        # stderr; kept in a file for error messages, never logged as warnings (strict builds).
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen([str(pagefind_executable()), "--service"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.errors)
        self.last = 0
        return self

    def new_index(self, config: dict[str, Any]) -> int:
        """A new, empty index with Pagefind's ``config``; returns its id."""
        index: int = self.send({"type": "NewIndex", "config": config})["index_id"]
        return index

    def add_page(self, index: int, url: str, html: str, about: str) -> None:
        """Index the page ``html`` served at ``url`` (``about`` names it in errors)."""
        self.send({"type": "AddFile", "index_id": index, "url": url, "file_path": None,
                   "file_contents": html}, expect="IndexedFile", about=about)

    def add_pages(self, index: int, pages: Iterable[tuple[str, str]]) -> None:
        """Index each ``(url, html)`` of ``pages``, in this order, :data:`BATCH` at a time."""
        batch: list[tuple[int, str]] = []
        for url, html in pages:
            batch.append((self._write({"type": "AddFile", "index_id": index, "url": url,
                                       "file_path": None, "file_contents": html}), url))
            if len(batch) == BATCH:
                self._replies(batch)
                batch = []
        self._replies(batch)

    def _replies(self, batch: list[tuple[int, str]]) -> None:
        """Read the replies to the messages of ``batch`` ((message id, url)), in any order."""
        assert self.process.stdin is not None
        waiting = dict(batch)
        try:
            self.process.stdin.flush()
            while waiting:
                for reply in self._reply()[:-1].split(b","):
                    self._check(json.loads(base64.b64decode(reply)), waiting)
        except (BrokenPipeError, SearchIndexError) as error:
            raise SearchIndexError(f"Pagefind stopped while indexing {next(iter(waiting), '')}: "
                                   f"{self._stderr()}") from error

    def _check(self, message: dict[str, Any], waiting: dict[int, str]) -> None:
        url = waiting.pop(message.get("message_id", -1), "?")
        answer = message["payload"]
        if answer.get("type") != "IndexedFile":
            raise SearchIndexError(f"Pagefind could not index {url}: "
                                   f"{answer.get('message', answer)}")

    def _write(self, payload: dict[str, Any]) -> int:
        assert self.process.stdin is not None
        self.last += 1
        message = {"message_id": self.last, "payload": payload}
        self.process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        return self.last

    def get_files(self, index: int) -> list[dict[str, str]]:
        """The bundle's files, ``{"path", "content": base64}``.

        GetFiles, not WriteFiles: WriteFiles answers before its files are all on disk (seen
        here as an empty pagefind-entry.json or WebAssembly file, about one run in five); with
        the bytes in hand, the files are complete when :func:`write_bundle` writes them.
        """
        files: list[dict[str, str]] = self.send({"type": "GetFiles", "index_id": index},
                                                expect="GetFiles")["files"]
        return files

    def send(self, payload: dict[str, Any], expect: str | None = None,
             about: str = "") -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            self._write(payload)
            self.process.stdin.flush()
            reply = self._reply()
        except (BrokenPipeError, SearchIndexError) as error:
            raise SearchIndexError(f"Pagefind stopped while indexing {about}: {self._stderr()}") \
                from error
        answer: dict[str, Any] = json.loads(base64.b64decode(reply[:-1]))["payload"]
        if answer.get("type") == "Error" or (expect and answer.get("type") != expect):
            raise SearchIndexError(f"Pagefind could not index {about or payload['type']}: "
                                   f"{answer.get('message', answer)}")
        return answer

    def _reply(self) -> bytes:
        assert self.process.stdout is not None
        reply = bytearray()
        while not reply.endswith(b","):
            chunk = os.read(self.process.stdout.fileno(), 1 << 16)
            if not chunk:
                raise SearchIndexError("Pagefind stopped")
            reply += chunk
        return bytes(reply)

    def _stderr(self) -> str:
        self.errors.seek(0)
        return self.errors.read().decode("utf-8", "replace").strip()

    def __exit__(self, *exc: object) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        notes = self._stderr()
        if notes:
            log.debug("Pagefind: %s", notes)
        self.errors.close()


def write_bundle(bundle: Path, files: list[dict[str, str]]) -> None:
    """Write Pagefind's files (:meth:`PagefindService.get_files`) into ``bundle``, but not the
    ready-made interfaces (:data:`UNUSED`)."""
    bundle.mkdir(parents=True)
    for item in files:
        relative = Path(item["path"])
        if relative.is_absolute() or ".." in relative.parts:
            raise SearchIndexError(f"Pagefind named a file outside its folder: {item['path']}")
        if relative.name in UNUSED and len(relative.parts) == 1:
            continue
        target = bundle / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(item["content"]))
    if not (bundle / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"Pagefind gave no index for {bundle}")
