"""The synthetic catalogue a run measures: made once per (size, seed, today) by
``tools/synth_catalogue.py`` and kept under ``WORK/catalogues/``, then copied for each run.

A run's root is a hard-linked copy (``cp -al``) of the pristine catalogue, plus fresh copies of
the repository's ``mkdocs.yml``, ``docs/`` and ``site_templates/`` (so ``theme.custom_dir:
site_templates`` stays as shipped and the template step has an override to edit). The catalogue
mutations (:mod:`benchmarks.mutate`) replace files instead of writing into them, so the
pristine copy is never changed through a shared link.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .measure import Measurement, run

REPO = Path(__file__).resolve().parent.parent
COMPLETE = ".complete"
COPIED = ("mkdocs.yml", "docs", "site_templates")


@dataclass(frozen=True)
class Spec:
    size: int
    seed: int
    today: date

    @property
    def name(self) -> str:
        return f"n{self.size}-seed{self.seed}-{self.today.isoformat()}"


def pristine(work: Path, spec: Spec, repo: Path = REPO) -> tuple[Path, Measurement | None]:
    """The pristine catalogue for ``spec``; made (and timed) unless a complete one exists."""
    folder = work / "catalogues" / spec.name
    if (folder / COMPLETE).is_file():
        return folder, None
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    made = run([sys.executable, str(repo / "tools" / "synth_catalogue.py"), str(folder),
                "-n", str(spec.size), "--seed", str(spec.seed), "--today", spec.today.isoformat()],
               cwd=repo, log=work / "logs" / f"{spec.name}-synth.log")
    if made.ok:
        (folder / COMPLETE).write_text("made by benchmarks/catalogue.py\n", encoding="utf-8")
    return folder, made


def fresh_root(source: Path, target: Path, repo: Path = REPO) -> Path:
    """A new run root at ``target``: ``source`` hard-linked, the repository's settings copied."""
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-al", str(source), str(target)], check=True)
    (target / COMPLETE).unlink(missing_ok=True)
    for name in COPIED:
        src, dst = repo / name, target / name
        if src.is_dir():
            shutil.rmtree(dst, ignore_errors=True)
            shutil.copytree(src, dst)
        else:
            dst.unlink(missing_ok=True)  # never write through a hard link
            shutil.copyfile(src, dst)
    return target


def product_files(root: Path) -> list[Path]:
    """The catalogue's product files, sorted (the order the mutations pick from)."""
    return sorted((root / "products").rglob("product.yaml"))
