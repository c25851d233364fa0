"""Search index: Pagefind over the built product pages, written to ``site/pagefind/``.

Each product page lists its facets (``data-pagefind-filter``), card fields
(``data-pagefind-meta``) and the words of its names that hold đ, folded (Pagefind strips tone
marks but keeps đ; see :func:`generator.textfold.d_words`); the page planner hands its sort
keys forward (:class:`SearchRecord`). So the catalogue page (``assets/catalogue.js``) can
search, filter and sort without a server.

- :mod:`.build`: :func:`index_site`, the pages in name order;
- :mod:`.service`: running Pagefind's binary (``--service``) and taking its files;
- :mod:`.index`: the bundle made deterministic and smaller (filters, fragments, word index,
  sort ranks);
- :mod:`.encoding`: Pagefind's data files (gzip + CBOR), read and written item by item.
"""

from .build import ALL_WORD, BUNDLE_DIR, SearchRecord, index_site

__all__ = ["ALL_WORD", "BUNDLE_DIR", "SearchRecord", "index_site"]
