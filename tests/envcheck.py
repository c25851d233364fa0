"""What a test does when an external tool (Chromium, Java, vnu.jar) is missing.

On a developer's machine a missing tool skips the test with the command that installs it. In CI
(``CI=true``, set by the CI runner) the tools are part of the build: a missing one fails the
test, so a broken ``tools/setup-browser.sh`` can never turn into a green run of skipped tests.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

INSTALL_HINT = "run `./dev browser-setup` as root (tools/setup-browser.sh)"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def missing_tool(reason: str) -> NoReturn:
    """Skip (developer machine) or fail (CI) the current test because ``reason``."""
    if in_ci():
        pytest.fail(f"{reason} — CI=true, so this is a failure, not a skip; {INSTALL_HINT}",
                    pytrace=False)
    pytest.skip(f"{reason}; {INSTALL_HINT}")
