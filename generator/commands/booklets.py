"""``ocop print``: PDF booklets of the catalogue for trade fairs.

Validates the catalogue first (an invalid catalogue is never printed), then writes the booklet
the options select — the whole catalogue by default, a group's (``--group``), a locality's
(``--area``), a star level's (``--stars``) or the products matching several, an event's
participating products by zone and booth (``--event ID``) — or, with
``--every``, every booklet the site publishes. ``--layout 4up`` prints four products per page
as cards. A booklet of more than ``--volume-size`` products (default: the site's
``extra.ocop.print.site_max_products``, 300) is written in volumes (:mod:`generator.booklet.volumes`),
rendered side by side. Rendered PDFs are cached by content under ``.cache/ocop/booklets``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..booklet.build import Made, Printer
from ..booklet.html import LAYOUTS
from ..booklet.select import Selection, select, select_event
from ..booklet.sets import Booklet, every_booklet
from ..booklet.texts import SAY, size_text
from ..booklet.volumes import SAY as VOLUME_SAY
from ..booklet.volumes import volumes
from ..ciescape import plain, visible
from ..dates import parse_today
from ..errors import EXIT_FINDINGS, EXIT_OK, UsageError
from ..events.model import Event
from ..model.product import Product
from ..report import text_report
from ..site.config import load
from ..validate import validate

DEFAULT_OUTPUT = Path("booklets")


def _targets(out: Path, made: list[Made], lang: str, volumes_of_one: bool = False
             ) -> list[tuple[Made, Path]]:
    """Where each PDF goes: ``out`` itself for one booklet named ``*.pdf`` (its volumes beside
    it: ``FILE-tap-1.pdf`` …), else under ``out``."""
    if out.suffix.lower() == ".pdf":
        if len(made) == 1:
            return [(made[0], out)]
        if not volumes_of_one:
            raise UsageError(SAY("output_pdf_one", lang))
        return [(item, out.with_name(f"{out.stem}-{VOLUME_SAY('slug', lang, n=n)}{out.suffix}"))
                for n, item in enumerate(made, 1)]
    return [(item, out / item.name) for item in made]


def _write(pairs: list[tuple[Made, Path]], lang: str) -> None:
    for item, target in pairs:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(item.pdf.path, target)
        print(SAY("wrote", lang, path=visible(target), pages=item.pdf.pages,
                  size=size_text(item.pdf.size, lang)))


def booklets(args: argparse.Namespace, products: list[Product], events: list[Event],
             today: date) -> list[Booklet]:
    """The booklets the options ask for."""
    selection = Selection(args.group, args.area, args.stars)
    if args.every and (selection.count or args.event is not None):
        raise UsageError(SAY("every_alone", args.lang))
    if args.every:
        return every_booklet(products, today, args.lang, events)
    if args.event is not None:
        if selection.count:
            raise UsageError(SAY("event_alone", args.lang))
        return [select_event(args.event, events, products, args.lang)]
    return [select(selection, products, today, args.lang)]


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    today = parse_today(args.today)
    config = load(root)
    result = validate([root / config.products_dir], root, today)
    if result.errors:
        sys.stdout.write(plain(text_report(result, args.lang)))
        return EXIT_FINDINGS
    listed = [p for p in result.products if config.list_expired or p.current_recognition(today)]
    printer = Printer(root, config, today)
    size = args.volume_size or config.site_max_products
    wanted = booklets(args, listed, result.events, today)
    chosen = [volume for booklet in wanted for volume in volumes(booklet, size, args.lang)]
    made = printer.make_many([(booklet, args.layout) for booklet in chosen])
    pairs = _targets(args.output, made, args.lang, len(wanted) == 1)
    _write(pairs, args.lang)
    return EXIT_OK


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(SAY("volume_size", "vi") + " / " + SAY("volume_size", "en"))
    return int(text)


def add_parser(commands: Any) -> None:
    """Register ``ocop print``."""
    parser = commands.add_parser(
        "print", help="in tập sản phẩm PDF cho hội chợ / PDF booklets for trade fairs",
        description="In tập PDF: cả danh mục (mặc định), một nhóm, một địa phương, một hạng sao, "
        "sản phẩm khớp nhiều lựa chọn hoặc một sự kiện; --every in mọi tập như trang web. / "
        "Write PDF booklets: the whole catalogue (default), a group, a locality, a star level, "
        "the products matching several options or an event; --every writes every booklet the "
        "site publishes.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="tính hạn hiệu lực theo ngày này / compute validity as of this date")
    parser.add_argument("--group", metavar="NHÓM", help="nhóm OCOP / OCOP group, e.g. \"Thực phẩm\"")
    parser.add_argument("--area", metavar="ĐỊA_PHƯƠNG",
                        help="địa phương (huyện cũ, thành phố) / locality, e.g. \"Tiên Phước\"")
    parser.add_argument("--stars", type=int, choices=[3, 4, 5],
                        help="hạng sao còn hiệu lực / star level held today")
    parser.add_argument("--event", metavar="MÃ_SỰ_KIỆN",
                        help="sản phẩm tham gia một sự kiện, theo khu và gian hàng (mã = tên tệp "
                        "trong events/) / an event's participating products by zone and booth "
                        "(id = its file name in events/)")
    parser.add_argument("--every", action="store_true",
                        help="mọi tập (cả danh mục, từng địa phương, nhóm, hạng sao, sự kiện) / "
                        "every booklet")
    parser.add_argument("--layout", choices=LAYOUTS, default="1up",
                        help="1up: một sản phẩm mỗi trang A4; 4up: bốn thẻ mỗi trang / "
                        "one product per A4 page, or four cards per page")
    parser.add_argument("--volume-size", type=_positive, metavar="N",
                        help="tập có hơn N sản phẩm được chia thành nhiều tập nhỏ (mặc định: "
                        "site_max_products trong mkdocs.yml, 300), in song song trên các lõi CPU "
                        "/ a booklet of more than N products is split into volumes (default: "
                        "extra.ocop.print.site_max_products, 300), rendered side by side")
    parser.add_argument("--lang", choices=["vi"], default="vi",
                        help="ngôn ngữ của tập (tiếng Anh khi có bản tiếng Anh) / booklet language")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT,
                        help="thư mục, hoặc tệp .pdf khi in một tập / a folder, or a .pdf file "
                        "for one booklet (default: booklets/)")
    parser.set_defaults(func=run)
