"""Where TERP's reference files live: ../shared/terp beside the project root (read-only input for tests)."""

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TERP_DIR = PROJECT_ROOT.parent / "shared" / "terp"


def terp_file(name: str) -> Path:
    path = TERP_DIR / name
    if not path.exists():
        pytest.skip(f"{path} not present: TERP's reference files are needed for this test")
    return path
