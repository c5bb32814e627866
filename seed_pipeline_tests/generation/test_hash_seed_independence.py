"""The same settings give the same rows in any process: nothing may depend on the order Python
happens to iterate a set of strings in, which changes with each process's hash seed."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from seed_pipeline.generators._commercial import sheet_filters

PROJECT = Path(__file__).resolve().parents[2]

FINGERPRINT = """
import hashlib
from seed_pipeline_tests.helpers import generate_all, settings
for table, frame in sorted(generate_all(settings("full", 42)).items()):
    print(table, hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest())
"""


def _fingerprints(hash_seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed), "PYTHONPATH": str(PROJECT)}
    done = subprocess.run([sys.executable, "-c", FINGERPRINT], env=env, cwd=PROJECT, capture_output=True, text=True,
                          check=True)
    return done.stdout


@pytest.mark.slow
def test_every_table_is_the_same_under_other_hash_seeds():
    first, second = _fingerprints(1), _fingerprints(2)
    assert len(first.splitlines()) == 120
    differing = [a.split()[0] for a, b in zip(first.splitlines(), second.splitlines()) if a != b]
    assert differing == []


def test_a_template_filters_on_the_first_listed_of_tied_categories():
    items = [{"category": c} for c in ("Vape", "Flower", "Flower", "Vape", "Edible")]
    assert sheet_filters(items) == {"category": "Vape"}
    assert sheet_filters(list(reversed(items[:4]))) == {"category": "Vape"}
    assert sheet_filters([]) == {}
