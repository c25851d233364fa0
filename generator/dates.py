"""Days as the tool reads and writes them: ``--today`` parsed once, dates shown one way.

The day validity is computed for is an argument everywhere below the command line. It is read
here, once, from ``--today`` or (for a bare ``mkdocs build``, which has no options of ours)
the ``OCOP_TODAY`` environment variable, and passed on as a :class:`datetime.date`.
"""

from __future__ import annotations

import os
from datetime import date

from .errors import UsageError

ENV_TODAY = "OCOP_TODAY"


def parse_today(text: str | None = None) -> date:
    """``--today YYYY-MM-DD``, else $OCOP_TODAY, else the real date; :class:`UsageError` when
    the text is not a date."""
    value = text or os.environ.get(ENV_TODAY)
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise UsageError("--today phải có dạng YYYY-MM-DD / must be YYYY-MM-DD") from error


def day(value: date) -> str:
    """A day as officers and buyers write it, in both languages: ``29/12/2022``."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"
