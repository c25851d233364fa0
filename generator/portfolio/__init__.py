"""The officers' portfolio review (issue 12): one computation of the whole catalogue
(:mod:`.compute`), from the seed directive's rules (:mod:`.rules`), printed three ways —
Markdown, CSV and JSON (``ocop report``) — and as the site's "Rà soát danh mục" page
(:mod:`generator.site.report_page`, charts from :mod:`.charts`)."""
