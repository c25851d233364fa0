"""Index the products the page planner handed forward, current ones first, each part by name.

The planner hands each product page forward as a :class:`SearchRecord`: its URL, sort keys,
searchable lines, facets and card fields, as :class:`generator.site.present.ProductView`
computed them. Nothing here reads the built site: Pagefind indexes a small page written from
each record (:mod:`.compact`), all of them sent in one stream (:meth:`PagefindService.add_pages`),
and a bundle of unchanged records comes from the cache (:mod:`.stored`).

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import index, stored
from .compact import ALL_WORD, compact_page
from .index import LANGUAGE, PAGE_SORT
from .service import PagefindService, write_bundle
from .stored import bundle_key

BUNDLE_DIR = "pagefind"
#: Pagefind's settings: one language for every page (the compact pages declare it too)
SETTINGS: dict[str, Any] = {"force_language": LANGUAGE}
__all__ = ["ALL_WORD", "BUNDLE_DIR", "SETTINGS", "SearchRecord", "index_site"]


@dataclass(frozen=True)
class SearchRecord:
    """What the index holds of one product page, handed forward by the page planner
    (:func:`generator.site.search_records.search_record`), so nothing is read back from the
    built HTML.

    ``page`` is its URL relative to the site root (``san-pham/<id>/``), ``sort`` its sort keys
    (``thu_tu`` orders the pages; the others get rank files). ``title`` is the product's name
    (Pagefind's ``title`` and the page's heading), ``words`` the other searchable lines in the
    order they are indexed, ``folded`` the đ-words folded (:func:`generator.textfold.d_words`),
    ``filters`` the facets and ``meta`` the result card's fields, as the product page declares
    them with ``data-pagefind-filter`` / ``data-pagefind-meta``.
    """

    page: str
    sort: Mapping[str, str]
    title: str = ""
    words: tuple[str, ...] = ()
    folded: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    meta: Mapping[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """The URL Pagefind stores, from the site root."""
        return "/" + self.page

    @property
    def file(self) -> str:
        """The built file, relative to the site folder."""
        return self.page + "index.html" if self.page.endswith("/") or not self.page else self.page

    def as_data(self) -> dict[str, Any]:
        """The record as plain JSON data (the search cache's key hashes it)."""
        return {"page": self.page, "sort": dict(sorted(self.sort.items())), "title": self.title,
                "words": list(self.words), "folded": self.folded,
                "filters": {key: list(values) for key, values in sorted(self.filters.items())},
                "meta": dict(sorted(self.meta.items()))}


def index_site(site_dir: Path, records: Iterable[SearchRecord],
               cache_dir: Path | None = None) -> None:
    """Write the Pagefind index of ``records`` into ``site_dir/pagefind/`` (replacing an older
    one). With ``cache_dir`` (``.cache/ocop/search/``), a bundle of the very same records is
    copied from there instead of indexed again, and a new one is kept there."""
    bundle = Path(site_dir).resolve() / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    pages = sorted(records, key=lambda record: (record.sort.get(PAGE_SORT, "~"), record.url))
    data = [record.as_data() for record in pages]
    key = bundle_key(data, {"index": SETTINGS, "chunk_bytes": index.CHUNK_BYTES,
                            "keep_prefix": index.KEEP_PREFIX})
    if stored.restore(cache_dir, key, bundle):
        return
    with PagefindService() as service:
        number = service.new_index(SETTINGS)
        service.add_pages(number, ((record.url, compact_page(item))
                                   for record, item in zip(pages, data, strict=True)))
        files = service.get_files(number)
    write_bundle(bundle, files)
    index.canonicalize(bundle)
    index.write_sort_ranks(bundle, [record.sort for record in pages])
    stored.store(cache_dir, key, bundle)
