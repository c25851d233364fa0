"""Index the built product pages the page planner named, current ones first, each part by name.

The planner hands each product page forward as a :class:`SearchRecord` (its URL and sort keys,
as :class:`generator.site.present.ProductView` computed them), so nothing here reads our own
HTML back: Pagefind indexes the built page, and the sort keys come from the record.

Page order: Pagefind numbers pages in the order it meets them (``pagefind --site`` met them in
the file system's directory order, so the same site gave different bytes on another disk). We
add pages in the catalogue's default order (their ``thu_tu`` key: current recognitions, then
unclear, then lapsed, each part in Vietnamese name order), so the numbering depends only on the
site, and page order *is* the default order: with Pagefind's ``pageLength`` ranking at 0, a
search for the word on every product page (:data:`ALL_WORD`) lists products current first.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ...errors import SearchIndexError
from .index import LANGUAGE, PAGE_SORT, canonicalize, write_sort_ranks
from .service import PagefindService, write_bundle

BUNDLE_DIR = "pagefind"
#: The word every product page carries (product.html); catalogue.js searches it for views without
#: words: Pagefind answers a search *without* words by fetching its whole word index.
ALL_WORD = "zzocop"
#: What is not indexed on a product page. Not about this product: cards of *other* products
#: (their names would make "nước mắm" find every neighbour of a fish sauce), the QR box, the
#: source list. Template words found on every page, which only make every chunk of the word
#: index bigger: field labels (``dt``, also glued to their value by Pagefind: "sản phẩmThực"),
#: section headings, the star badge and the recognition history (stars and validity are
#: facets). And the English description blocks (the English *name* stays searchable): they
#: would double the index a Vietnamese query downloads at national scale.
EXCLUDE = (".ocop-related", ".ocop-share", ".ocop-sources", ".ocop-badge", ".ocop-history",
           ".ocop-en-block", ".ocop-product dt", ".ocop-product h2",
           # the same words on every page: contact buttons, the OCOP office offered when a
           # producer publishes no contact, links to the place listings, the print-only foot
           ".ocop-actions", ".ocop-reach__none", ".ocop-origin__links", ".ocop-printfoot")


@dataclass(frozen=True)
class SearchRecord:
    """One page to index: ``page`` is its URL relative to the site root (``san-pham/<id>/``),
    ``sort`` its sort keys (``thu_tu`` orders the pages; the others get rank files)."""

    page: str
    sort: Mapping[str, str]

    @property
    def url(self) -> str:
        """The URL Pagefind stores, from the site root."""
        return "/" + self.page

    @property
    def file(self) -> str:
        """The built file, relative to the site folder."""
        return self.page + "index.html" if self.page.endswith("/") or not self.page else self.page


def index_site(site_dir: Path, records: Iterable[SearchRecord]) -> None:
    """Write the Pagefind index of the pages ``records`` name into ``site_dir/pagefind/``
    (replacing an older one)."""
    site_dir = Path(site_dir).resolve()
    bundle = site_dir / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    pages = sorted(records, key=lambda record: (record.sort.get(PAGE_SORT, "~"), record.url))
    with PagefindService() as service:
        index = service.new_index({"force_language": LANGUAGE, "exclude_selectors": list(EXCLUDE)})
        for record in pages:
            service.add_page(index, record.url, _built_page(site_dir, record), about=record.file)
        files = service.get_files(index)
    write_bundle(bundle, files)
    canonicalize(bundle)
    write_sort_ranks(bundle, [record.sort for record in pages])


def _built_page(site_dir: Path, record: SearchRecord) -> str:
    try:
        return (site_dir / record.file).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise SearchIndexError(f"no built page for {record.url} in {site_dir}") from error
