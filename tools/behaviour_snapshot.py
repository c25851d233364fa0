"""Everything a user sees from the shipped catalogue, written to one folder, so that two
versions of the tool can be compared with ``diff -r`` (the restructure must not change it).

    python tools/behaviour_snapshot.py OUT [--checkout DIR]

``--checkout`` runs the ``generator`` package of another checkout (e.g. a ``git worktree`` of
the commit before a refactor) against that checkout's own catalogue and templates. Written:
``site/`` (``ocop build``), ``emit/`` (``ocop build --emit``), validator output for the
catalogue and for every corpus case in each format and language, ``ocop expiry``, ``ocop
import --dry-run`` of the sample sheets, and ``ocop review`` of a scripted change (a star raised,
a re-recognition, a certificate, a photo replaced, a product moved, added and removed) in both
languages. The date is pinned, so two runs on one machine give the same bytes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TODAY = "2026-12-01"
CHANGED = "products/tien-phuoc/tieu-tien-phuoc/product.yaml"


def ocop(checkout: Path, *args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
    env.pop("OCOP_TODAY", None)
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd or checkout,
                          env=env, capture_output=True, text=True, check=False)
    return done.returncode, done.stdout, done.stderr


CHECKOUT: list[Path] = []


def record(out: Path, name: str, result: tuple[int, str, str], root: Path) -> None:
    code, stdout, stderr = result
    text = f"exit {code}\n--- stdout\n{stdout}\n--- stderr\n{stderr}".replace(str(root), "<root>")
    for checkout in CHECKOUT:
        text = text.replace(str(checkout), "<checkout>")
    text = text.replace(str(out.resolve()), "<snapshot>").replace(str(out.resolve().parent), "<snapshot>")
    (out / name).write_text(text, encoding="utf-8")


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-01T00:00:00", "GIT_COMMITTER_DATE":
           "2026-11-01T00:00:00", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True,
                          capture_output=True, text=True).stdout


def site(checkout: Path, out: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="snap-site-"))
    for name in ("products", "docs", "site_templates", "mkdocs.yml"):
        src = checkout / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, work / name)
    record(out, "build.txt", ocop(checkout, "build", "--root", str(work), "--today", TODAY), work)
    if (work / "site").is_dir():
        shutil.copytree(work / "site", out / "site")
    record(out, "emit.txt", ocop(checkout, "build", "--root", str(work), "--today", TODAY,
                                 "--emit", str(out / "emit")), work)
    shutil.rmtree(work)


def validator(checkout: Path, out: Path) -> None:
    for fmt in ("text", "json", "github"):
        for lang in ("vi", "en"):
            record(out, f"validate-{fmt}-{lang}.txt", ocop(checkout, "validate", "--format", fmt,
                                                          "--lang", lang, "--today", TODAY), checkout)
    corpus = out / "corpus"
    corpus.mkdir()
    for case in sorted((checkout / "tests/corpus").glob("*/*/product.yaml")):
        name = f"{case.parent.parent.name}-{case.parent.name}"
        for fmt in ("text", "json"):
            record(corpus, f"{name}.{fmt}", ocop(checkout, "validate", "--format", fmt, "--today",
                                                 TODAY, str(case)), checkout)


def officer_commands(checkout: Path, out: Path) -> None:
    for fmt in ("text", "markdown", "json"):
        record(out, f"expiry-{fmt}.txt", ocop(checkout, "expiry", "--within", "120", "--format",
                                              fmt, "--today", TODAY), checkout)
    for sheet in sorted((checkout / "tests/fixtures/import").iterdir()):
        for extra in ((), ("--update",)):
            work = Path(tempfile.mkdtemp(prefix="snap-import-"))
            shutil.copytree(checkout / "products", work / "products")
            report = work / "report.csv"
            result = ocop(checkout, "import", str(sheet), "--dry-run", "--root", str(work),
                          "--report", str(report), *extra)
            name = f"import-{sheet.name}{'-update' if extra else ''}"
            record(out, f"{name}.txt", result, work)
            if report.exists():
                shutil.copy2(report, out / f"{name}.report.csv")
            shutil.rmtree(work)


def _change(repo: Path) -> None:
    product = repo / CHANGED
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("stars: 3", "stars: 4", 1).replace(
        "Tiêu Tiên Phước", "Tiêu Tiên Phước (đặc sản)", 1), encoding="utf-8")
    moved = sorted((repo / "products").glob("*/*/product.yaml"))
    shutil.rmtree(moved[0].parent)
    target = repo / "products/hoi-an" / moved[1].parent.name
    shutil.move(moved[1].parent, target)
    photos = sorted(moved[2].parent.glob("*.jpg"))
    if photos:
        photos[0].write_bytes(photos[0].read_bytes()[:-2] + b"\xff\xd9")
    copy = repo / "products/hoi-an/san-pham-moi"
    shutil.copytree(moved[3].parent, copy)
    data = (copy / "product.yaml").read_text(encoding="utf-8")
    (copy / "product.yaml").write_text(data.replace(f"id: {moved[3].parent.name}", "id: san-pham-moi"),
                                       encoding="utf-8")


def review(checkout: Path, out: Path) -> None:
    repo = Path(tempfile.mkdtemp(prefix="snap-review-"))
    shutil.copytree(checkout / "products", repo / "products")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    _change(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    for lang in ("vi", "en"):
        record(out, f"review-{lang}.md", ocop(checkout, "review", "--base", "HEAD~1", "--head", "HEAD",
                                              "--lang", lang, "--today", TODAY, "--root", str(repo),
                                              cwd=repo), repo)
    record(out, "review-worktree.md", ocop(checkout, "review", "--base", "HEAD~1", "--today", TODAY,
                                           "--root", str(repo), cwd=repo), repo)
    shutil.rmtree(repo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    checkout, out = args.checkout.resolve(), args.out.resolve()
    CHECKOUT.append(checkout)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    site(checkout, out)
    validator(checkout, out)
    officer_commands(checkout, out)
    review(checkout, out)
    print(f"snapshot: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
