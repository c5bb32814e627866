"""Issue #10: every check holds on any seed and any end date, not only on the ones we picked.

Light for seeds 1 to 50, edge-cases and chaos for seeds 1 to 10, each case with its own end date
spread over 2025 and 2026 (month ends and firsts among them), seeded in-process into SQLite and held
to every active check of the catalog. About six seconds a case: the whole sweep is slow (CI runs
it); a spread of it, every scenario and both years, runs in the fast suite.
"""

from datetime import timedelta

import pytest

from seed_pipeline.loaders.engines import dispose
from seed_pipeline_tests.dbtools import fingerprint
from seed_pipeline_tests.sweep import FIRST_END, LAST_END, SWEPT, all_cases, seed_in_process, spread_subset, sweep_case

CASES = all_cases()
FAST = spread_subset(CASES, 10)


@pytest.fixture(scope="module")
def sweep_database(tmp_path_factory):
    """One SQLite file for the cases a worker runs, emptied before each (sweep.emptied)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sweep') / 'sweep.sqlite'}"
    yield url
    dispose(url)


@pytest.mark.parametrize("case", [pytest.param(c, id=str(c), marks=() if c in FAST else pytest.mark.slow) for c in CASES])
def test_every_check_passes(sweep_database, case):
    assert sweep_case(sweep_database, case) == {}


def test_a_case_in_the_reused_file_is_the_case_in_a_new_file(sweep_database, tmp_path):
    """The emptied file of the sweep holds what a new file holds once seeded, ids included."""
    first, second = CASES[0], CASES[-1]
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    try:
        seed_in_process(fresh, second.settings)
        sweep_case(sweep_database, first)
        sweep_case(sweep_database, second)
        assert fingerprint(sweep_database) == fingerprint(fresh)
    finally:
        dispose(fresh)


def test_the_sweep_is_the_issues_cases_each_on_its_own_date():
    assert sorted((c.scenario, c.seed) for c in CASES) == sorted(
        [("light", n) for n in range(1, 51)] + [(name, n) for name in ("edge-cases", "chaos") for n in range(1, 11)])
    assert SWEPT == (("light", 50), ("edge-cases", 10), ("chaos", 10))
    ends = [c.end_date for c in CASES]
    assert len(set(ends)) == len(ends)
    assert min(ends) == FIRST_END and max(ends) == LAST_END
    assert sum(d.day == 1 for d in ends) >= 20  # firsts of a month
    assert sum((d + timedelta(days=1)).day == 1 for d in ends) >= 20  # last days of a month


def test_each_scenario_ends_in_both_years_and_the_fast_spread_covers_them():
    for name, _ in SWEPT:
        years = {c.end_date.year for c in CASES if c.scenario == name}
        assert years == {2025, 2026}, name
    assert {c.scenario for c in FAST} == {name for name, _ in SWEPT}
    assert {c.end_date.year for c in FAST} == {2025, 2026}
    assert 6 <= len(FAST) <= 12
