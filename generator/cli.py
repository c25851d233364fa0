"""The ``ocop`` command: a thin layer over the core (exit codes: 0 ok, 1 errors, 2 usage)."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .ciescape import plain, visible
from .dates import parse_today
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, OcopError, UsageError
from .site import noop

if TYPE_CHECKING:
    from .validate import Result

# The checks, reports and sub-commands are imported when a command needs them: a plain
# ``ocop build`` with nothing changed answers without them (generator/site/noop.py).


def _parser() -> argparse.ArgumentParser:
    from .report import REPORTERS

    parser = argparse.ArgumentParser(
        prog="ocop", description="Danh mục sản phẩm OCOP — kiểm tra tệp sản phẩm và dựng trang web. "
        "/ OCOP product catalogue — validate product files and build the site.")
    parser.add_argument("--version", action="version", version=f"ocop {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    check = commands.add_parser(
        "validate", help="kiểm tra tệp sản phẩm / validate product files",
        description="Kiểm tra tệp sản phẩm (mặc định: cả thư mục products/). "
        "Validate product files (default: the whole products/ folder).")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="tệp hoặc thư mục / files or folders")
    check.add_argument("--format", choices=sorted(REPORTERS), default="text",
                       help="dạng kết quả / output format (text, json, github)")
    check.add_argument("--lang", choices=["vi", "en"], default="vi",
                       help="ngôn ngữ thông báo / message language")
    check.add_argument("--root", type=Path, default=Path.cwd(),
                       help="thư mục gốc của kho dữ liệu / repository root (default: .)")
    check.add_argument("--today", metavar="YYYY-MM-DD",
                       help="tính hạn hiệu lực theo ngày này / compute validity as of this date")
    check.add_argument("--fix-nfc", action="store_true",
                       help="chuẩn hoá chữ tổ hợp (NFD) sang NFC trong tệp / rewrite NFD text as NFC")
    check.add_argument("--json-out", type=Path, metavar="FILE",
                       help="ghi thêm kết quả dạng JSON vào FILE (một lần kiểm tra cho hai dạng) / "
                       "also write the findings as JSON to FILE (one validation, two reports)")
    build = commands.add_parser(
        "build", help="kiểm tra rồi dựng trang web vào site/ / validate, then build the site",
        description="Kiểm tra danh mục; nếu không có lỗi thì dựng trang web tĩnh vào site/. "
        "Validate the catalogue; when it has no errors, build the static site into site/.")
    build.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    build.add_argument("--today", metavar="YYYY-MM-DD", help="compute validity as of this date")
    build.add_argument("--emit", type=Path, metavar="DIR",
                       help="chỉ ghi nguồn trang (Markdown + ảnh) vào DIR cho công cụ khác / "
                       "only write the page sources (Markdown + media) to DIR for another engine")
    build.add_argument("--force", action="store_true",
                       help="dựng lại cả khi không có tệp nào thay đổi / rebuild even when "
                       "nothing changed since the last build")
    serve = commands.add_parser("serve", help="xem trước, tự dựng lại khi sửa / preview with rebuild")
    serve.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    serve.add_argument("--today", metavar="YYYY-MM-DD", help="compute validity as of this date")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="address:port")
    for module in _command_modules():
        module.add_parser(commands)
    return parser


def _command_modules() -> list[Any]:
    """Modules that add a sub-command: each has ``add_parser(commands)`` which registers a
    parser whose ``func`` default runs it (``func(args) -> exit code``)."""
    from . import importer, review
    from .commands import booklets, expiry, new, photos, report

    return [review, expiry, new, importer, photos, report, booklets]


def _fix_nfc(result: Result, root: Path) -> int:
    fixed = 0
    for doc in result.documents:
        if any(f.code == "text.nfd" for f in doc.findings) and doc.text:
            target = root / doc.file
            target.write_text(unicodedata.normalize("NFC", doc.text), encoding="utf-8")
            fixed += 1
    return fixed


def _write_json(path: Path, result: Result, lang: str) -> None:
    from .report import REPORTERS

    try:
        path.write_text(REPORTERS["json"](result, lang), encoding="utf-8")
    except OSError as error:
        raise UsageError(f"--json-out {visible(path)}: {error.strerror}") from error


def run_validate(args: argparse.Namespace) -> int:
    from .report import REPORTERS
    from .validate import validate

    root: Path = args.root
    today = parse_today(args.today)
    paths = args.paths or [root / "products"]
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        names = ", ".join(visible(p) for p in missing)
        print(f"ocop: không tìm thấy / not found: {names}", file=sys.stderr)
        return EXIT_USAGE
    result = validate(paths, root, today)
    sys.stdout.write(REPORTERS[args.format](result, args.lang))
    if args.json_out is not None:
        _write_json(args.json_out, result, args.lang)
    if args.fix_nfc:
        print(f"NFC: đã sửa {_fix_nfc(result, root)} tệp / files rewritten", file=sys.stderr)
    return EXIT_FINDINGS if result.errors else EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if getattr(args, "today", None):
        parse_today(args.today)  # a bad --today is a usage error for every command
    if getattr(args, "func", None) is not None:
        return int(args.func(args))
    if args.command == "validate":
        return run_validate(args)
    from .adapters import engine  # MkDocs is imported only by the commands that build

    today = parse_today(args.today)
    if args.command == "build":
        return engine.build(args.root, today=today, emit=args.emit, force=args.force)
    if args.command == "serve":
        return engine.serve(args.root, args.addr, today if args.today else None)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None, *, one_shot: bool = False) -> int:
    """Run one command; the only place where errors become exit codes. ``one_shot``: the
    process exits afterwards (the ``ocop`` command, not a test calling this)."""
    from .gcpause import one_shot_process

    args = _parser().parse_args(argv)
    if one_shot and args.command != "serve":
        one_shot_process()
    try:
        return _run(args)
    except OcopError as error:
        print(f"ocop: {plain(str(error))}", file=sys.stderr)
        return error.exit_code


def run() -> int:
    """The ``ocop`` command: :func:`main` in a process that runs one command and exits, unless
    it is a plain ``ocop build`` with nothing to do (:func:`noop.already_built`)."""
    if noop.already_built(sys.argv[1:]):
        return EXIT_OK
    return main(one_shot=True)


if __name__ == "__main__":
    sys.exit(run())
