"""``ocop review``: what a pull request changes in the catalogue, in words officers read.

The catalogue at a git ref (its merge base with the compared tree, as GitHub's "Files changed"
shows a pull request) is compared with the working tree, or with ``--head REF``. By stage:

- :mod:`.git` and :mod:`.trees`: git plumbing; both sides are read without a checkout;
- :mod:`.snapshot`: the product folders on each side, paired into changes;
- :mod:`.diff` (a table of fields) over :mod:`.differ` (the one walker), with
  :mod:`.recognitions` and :mod:`.files`: what changed, field by field;
- :mod:`.questions`: the 2020 directive's portfolio questions about the change;
- :mod:`.build` (the review as data), :mod:`.render` (as Markdown), :mod:`.command` (the CLI).
"""

from __future__ import annotations

from .command import add_parser, run

__all__ = ["add_parser", "run"]
