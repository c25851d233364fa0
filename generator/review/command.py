"""``ocop review --base REF [--head REF]``: the command line over :func:`build_review`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..ciescape import plain, visible
from ..dates import parse_today
from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError
from .build import build_review
from .git import ReviewError
from .render import render, verdict


def add_parser(commands: Any) -> None:
    """Register ``ocop review``."""
    parser = commands.add_parser(
        "review", help="tóm tắt thay đổi của pull request / summarise a pull request's changes",
        description="So sánh danh mục ở nhánh REF với thư mục làm việc (hoặc --head), rồi viết "
        "báo cáo Markdown cho người duyệt. / Compare the catalogue at REF with the working tree "
        "(or --head) and write a Markdown review for reviewers.")
    parser.add_argument("--base", required=True, metavar="REF",
                        help="nhánh hoặc commit gốc, ví dụ origin/main / base branch or commit")
    parser.add_argument("--head", metavar="REF",
                        help="so với commit này thay vì thư mục làm việc / compare this commit "
                        "instead of the working tree")
    parser.add_argument("--output", type=Path, metavar="FILE",
                        help="ghi báo cáo vào tệp (mặc định: màn hình) / write to FILE")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi",
                        help="ngôn ngữ báo cáo / report language")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="tính hạn hiệu lực theo ngày này / compute validity as of this date")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="thư mục trong kho git / a folder inside the repository (default: .)")
    parser.set_defaults(func=run)


def _today(text: str | None) -> date:
    try:
        return parse_today(text)
    except UsageError as error:  # worded in the review's language, as every review error
        raise ReviewError("bad_today") from error


def run(args: argparse.Namespace) -> int:
    """``ocop review``: 0 no errors in the changed files, 1 errors, 2 usage problems."""
    lang = args.lang
    try:
        review = build_review(args.root, args.base, args.head, _today(args.today))
    except ReviewError as error:
        print(f"ocop review: {plain(error.text(lang))}", file=sys.stderr)
        return error.exit_code
    text = render(review, lang)
    if args.output is None:
        sys.stdout.write(plain(text))
    else:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"ocop review: {visible(args.output)}: {error.strerror}", file=sys.stderr)
            return EXIT_USAGE
        print(f"ocop review: {verdict(review.result, lang)} → {visible(args.output)}", file=sys.stderr)
    return EXIT_FINDINGS if review.result.errors else EXIT_OK
