"""Every error the tool raises for a person to fix, under one base class.

Only :mod:`generator.cli` turns them into exit codes (``exit_code``); everything else raises
or returns values. Findings about product files are never raised: they are values
(:mod:`generator.findings`), and a command that found errors returns ``EXIT_FINDINGS``.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class OcopError(Exception):
    """A problem the person running the command can fix; ``str(error)`` says how."""

    exit_code = EXIT_FINDINGS


class UsageError(OcopError):
    """A command was called with arguments it cannot use (a bad ``--today``, a missing file)."""

    exit_code = EXIT_USAGE


class ConfigError(OcopError):
    """The site settings in ``mkdocs.yml`` (``extra.ocop``) are missing or wrong."""


class PhotoError(OcopError):
    """A photo that passed validation still cannot be processed by the photo pipeline."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, reason)
        self.path, self.reason = path, reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class SearchIndexError(OcopError):
    """The Pagefind search index could not be written."""


class BuildError(OcopError):
    """The catalogue cannot be published; ``report`` says why, for the officer."""

    def __init__(self, report: str, result: object | None = None) -> None:
        super().__init__(report)
        self.report, self.result = report, result


class SheetError(OcopError):
    """``ocop import`` cannot read the file as a product list (not a workbook or CSV, no such
    sheet, no header row); ``str(error)`` is the Vietnamese text, then the English."""

    exit_code = EXIT_FINDINGS

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi, self.en = vi, en
