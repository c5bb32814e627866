"""Where TERP's reference files live: ../shared/terp beside the project root (read-only input for tests).

Without them a test skips locally, but fails under CI (``CI=true`` or ``SEED_TEST_REQUIRE_SERVERS``
set): a CI run that silently skips the schema's comparison with TERP's would be green for nothing.
"""

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TERP_DIR = PROJECT_ROOT.parent / "shared" / "terp"


def must_not_skip() -> bool:
    return os.environ.get("CI", "").lower() == "true" or bool(os.environ.get("SEED_TEST_REQUIRE_SERVERS"))


def terp_file(name: str) -> Path:
    path = TERP_DIR / name
    if not path.exists():
        reason = f"{path} not present: TERP's reference files are needed for this test"
        if must_not_skip():
            pytest.fail(reason + " (under CI every test must run)")
        pytest.skip(reason)
    return path
