"""``ocop build`` with nothing changed answers before it imports the engine or the checks.

A no-op rebuild of 20,000 products spent more time importing MkDocs, Material's theme, the
checks and every sub-command's parser (1.7 s) than finding that nothing had changed. The
command line asks :func:`already_built` first: for a plain ``ocop build`` (``--root`` and
``--today`` only), it reads the last build's record of ``root``, hashes the same inputs again
(:func:`generator.site.uptodate.last_build_still_current`) and, when they and the site folder
are unchanged, prints so and the command is done. Anything else (another command or option,
a bad date, no record, any change) goes the whole way, where the same question is asked again
with the settings loaded.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from ..cache import CACHE_DIR
from ..ciescape import visible
from ..dates import parse_today
from ..errors import UsageError
from . import uptodate

NOTHING_TO_DO = ("{site} đã là bản dựng của đúng các tệp này, không có gì để dựng lại.\n"
                 "{site} is already the build of exactly these files: nothing to do.")


def _plain_build(argv: Sequence[str]) -> argparse.Namespace | None:
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    parser.add_argument("command")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--today")
    try:
        args, rest = parser.parse_known_args(list(argv))
    except (argparse.ArgumentError, SystemExit):
        return None
    return args if args.command == "build" and not rest else None


def already_built(argv: Sequence[str]) -> bool:
    """True (and said) when ``argv`` is a plain ``ocop build`` whose last build is current."""
    args = _plain_build(argv)
    if args is None:
        return False
    try:
        today = parse_today(args.today)
    except UsageError:
        return False
    site = uptodate.last_build_still_current(args.root / CACHE_DIR / "builds", args.root, today)
    if site is None:
        return False
    print(NOTHING_TO_DO.format(site=visible(site)))
    return True
