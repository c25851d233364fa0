"""``ocop import``: turn a province's Excel or CSV list of OCOP products into product files.

Officers keep the current list in a spreadsheet: one row per product, a title or two above a
header that may span merged cells, Vietnamese column names spelled many ways, dates as Excel
serials, real date cells or ``dd/mm/yyyy`` text, stars as ``4 sao``, ``4*`` or ``★★★★``.
The importer finds the header by scoring cells against a table of column names (compared with
:func:`generator.textfold.fold`), maps what it can onto the product schema and reports, in
Vietnamese with English alongside, every row or cell it could not use: its row number as
Excel shows it, its column letter and heading, and why. No row is skipped silently.

Each product row becomes ``products/<area>/<id>/product.yaml`` (written by
:mod:`generator.productfile`): the id is the slugified product name, plus the area when the
name is already taken by another product. A row that matches a product already in the
catalogue (by id, or by name and subject ignoring tone marks) never overwrites it; with
``--update`` only what the sheet gives is changed there (a new recognition, the subject's
phone, …) and everything else — photos, content, sources, notes — is kept. Running the same
import twice creates nothing new. What the sheet cannot give (description, sources,
processing, …) is left as a ``# TODO`` the validator flags; nothing is invented.

The package, in the order a run goes through it: :mod:`.table` reads the file, :mod:`.header`
finds the header and what each column holds, :mod:`.closing` where the table ends (the closing
block of an official document is skipped and reported), :mod:`.cells` reads cell values,
:mod:`.rows`, :mod:`.place` and :mod:`.address` (the commune an address names) turn a row into
product fields, :mod:`.notes` says what could not be used,
:mod:`.match` finds the product a row is about, :mod:`.merge` merges the row into it,
:mod:`.flow` runs the sheet row by row, :mod:`.report` writes the report and :mod:`.command`
is the ``ocop import`` command.
"""

from .command import add_parser, run

__all__ = ["add_parser", "run"]
