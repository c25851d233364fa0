"""The Nu HTML checker (vnu.jar, from the pinned npm package vnu-jar) for the site's tests.

``check_html(paths)`` checks HTML files — or directories, whose ``.html``/``.htm`` files are
all checked — in ONE Java process (the JVM start costs about two seconds) and returns the
errors only, each as ``{"file": Path, "line": int | None, "column": int | None, "message": str}``,
sorted by file and line. Warnings and info messages are ignored.

The jar comes from ``tools/setup-browser.sh`` (``./dev browser-setup``); Java 17+ runs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "tools" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Linux limits one argument list to ~2 MB; a whole site is better passed as its directory.
_MAX_ARGS_CHARS = 100_000


class VnuError(RuntimeError):
    """The checker itself could not run or did not answer in its JSON format."""


def java_command() -> list[str] | None:
    """``[java, -jar, vnu.jar]`` options, or None when Java or the jar is missing."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        return None
    # A larger thread stack: the checker recurses over deep documents (its README's advice).
    return [java, "-Xss1024k", "-jar", str(VNU_JAR)]


def _chunks(args: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    size = 0
    for a in args:
        if out[-1] and size + len(a) + 1 > _MAX_ARGS_CHARS:
            out.append([])
            size = 0
        out[-1].append(a)
        size += len(a) + 1
    return out


def _file_of(url: str) -> Path:
    parsed = urlparse(url)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(url)


def _run(cmd: list[str], targets: list[str]) -> list[dict[str, Any]]:
    proc = subprocess.run(
        [*cmd, "--format", "json", "--errors-only", "--stdout", "--skip-non-html", *targets],
        capture_output=True, text=True, encoding="utf-8", timeout=600, check=False,
    )
    # Exit status: 0 no errors, 1 errors found; anything else is the checker failing.
    if proc.returncode not in (0, 1):
        raise VnuError(f"vnu.jar exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise VnuError(f"vnu.jar did not print JSON ({exc}): {proc.stdout[:500]!r} "
                       f"{proc.stderr[-1000:]!r}") from exc
    messages = report.get("messages", [])
    if proc.returncode == 1 and not messages:
        raise VnuError(f"vnu.jar reported failure without messages: {proc.stderr.strip()[-2000:]}")
    return messages


def check_html(paths: list[Path]) -> list[dict[str, Any]]:
    """Errors the Nu HTML checker finds in ``paths`` (files or directories), in one JVM call.

    Raises FileNotFoundError for a path that does not exist (the checker would silently skip
    it), VnuError when Java or the jar is missing or the checker fails.
    """
    if not paths:
        return []
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise FileNotFoundError(f"not found: {', '.join(map(str, missing))}")
    cmd = java_command()
    if cmd is None:
        raise VnuError(f"need `java` on PATH and {VNU_JAR}: run ./dev browser-setup")
    targets = [os.fspath(Path(p).resolve()) for p in paths]
    errors: list[dict[str, Any]] = []
    for chunk in _chunks(targets):
        for m in _run(cmd, chunk):
            if m.get("type") not in ("error", "non-document-error"):
                continue
            errors.append({
                "file": _file_of(m.get("url", "")),
                "line": m.get("lastLine", m.get("firstLine")),
                "column": m.get("firstColumn", m.get("lastColumn")),
                "message": m.get("message", ""),
            })
    errors.sort(key=lambda e: (str(e["file"]), e["line"] or 0, e["column"] or 0))
    return errors


def format_errors(errors: list[dict[str, Any]]) -> str:
    """One ``file:line:column: message`` line per error, for assertion messages."""
    return "\n".join(f"{e['file']}:{e['line']}:{e['column']}: {e['message']}" for e in errors)
