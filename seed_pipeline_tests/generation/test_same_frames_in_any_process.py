"""Generators give the same rows in every interpreter: Python salts its string hashes per process, so
anything that follows the order of a set of strings (a tie broken by ``max(set(...))``) changes the
data from one run to the next. Two processes with other hash salts must agree on every table."""

import os
import subprocess
import sys

from seed_pipeline.generators._commercial import sheet_filters

# Per table, a digest of its frame as CSV; the settings and salts below once named different
# categories for a sales sheet template whose items were tied between two.
DIGESTS = """
import hashlib
from datetime import date
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.generation.in_memory import generate_frames
from seed_pipeline.graph import build_graph
frames = generate_frames(build_graph(), SeedSettings("light", 7, 1.0, date(2025, 11, 14)))
for table, frame in sorted(frames.items()):
    print(table, hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest())
"""


def _digests(salt: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": salt}
    out = subprocess.run([sys.executable, "-c", DIGESTS], env=env, check=True, capture_output=True, text=True).stdout
    return dict(line.split() for line in out.splitlines())


def test_two_hash_salts_give_the_same_frames():
    first, second = _digests("1"), _digests("4")
    assert len(first) == 120
    assert sorted(t for t in first if first[t] != second[t]) == []


def test_a_template_filters_on_the_first_listed_of_tied_categories():
    items = [{"category": c} for c in ("Vape", "Flower", "Flower", "Vape", "Edible")]
    assert sheet_filters(items) == {"category": "Vape"}
    assert sheet_filters(list(reversed(items[:4]))) == {"category": "Vape"}
    assert sheet_filters([]) == {}
