"""What a run was measured on: the machine, the tools' versions, the commit."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = ("mkdocs", "mkdocs-material", "pagefind", "jinja2", "weasyprint")


def _first(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    return done.stdout.strip()


def versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def describe(repo: Path) -> dict[str, Any]:
    """The machine and software, and the git commit measured (``dirty`` when files differ)."""
    mem = _first("/proc/meminfo", "MemTotal")
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "ram_gb": round(int(mem.split()[0]) / 1e6, 1) if mem else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": versions(),
        "commit": _git(repo, "rev-parse", "HEAD"),
        "commit_subject": _git(repo, "log", "-1", "--format=%s")[:120],
        "dirty": bool(_git(repo, "status", "--porcelain", "--untracked-files=no")),
        "load_before": os.getloadavg(),
    }
