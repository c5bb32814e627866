"""Seeding again converges: any change of settings gives, in one run, a fresh seed's content for
the tool's rows, and the users' rows stay byte for byte as they were."""

import pytest

from seed_pipeline_tests.end_to_end.reseed import add_users_rows, fresh, seed, tool_fingerprint, users_rows
from seed_pipeline_tests.dbtools import fingerprint

CHANGES = {
    "next end date": ((), ("--end-date", "2026-11-01")),
    "another seed": ((), ("--seed", "3")),
    "another scenario": (("--scenario", "edge-cases"), ()),
    "another scale": ((), ("--scale", "1.5")),
}


@pytest.fixture(autouse=True)
def _own_dagster_home(tmp_path, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_reseed_with_other_settings_converges_to_a_fresh_seed(sqlite_url, tmp_path_factory, change):
    before, after = CHANGES[change]
    assert seed(sqlite_url, *before) == 0
    assert seed(sqlite_url, *after) == 0
    assert fingerprint(sqlite_url) == fresh(tmp_path_factory, *after)


def test_another_seed_and_back_again(sqlite_url, tmp_path_factory):
    assert seed(sqlite_url) == 0
    assert seed(sqlite_url, "--seed", "3") == 0
    assert seed(sqlite_url) == 0
    assert fingerprint(sqlite_url) == fresh(tmp_path_factory)


@pytest.mark.slow
def test_reseeds_converge_on_every_engine(db_url, tmp_path_factory):
    assert seed(db_url, "--scenario", "edge-cases") == 0
    assert seed(db_url, "--seed", "3") == 0
    assert fingerprint(db_url) == fresh(tmp_path_factory, "--seed", "3")
    assert seed(db_url, "--end-date", "2026-11-01") == 0
    assert fingerprint(db_url) == fresh(tmp_path_factory, "--end-date", "2026-11-01")


def test_users_rows_survive_an_identical_reseed_and_a_new_day(sqlite_url, tmp_path_factory):
    assert seed(sqlite_url) == 0
    add_users_rows(sqlite_url)
    made = users_rows(sqlite_url)
    assert all(made.values())
    seed(sqlite_url)
    assert users_rows(sqlite_url) == made
    assert tool_fingerprint(sqlite_url) == fresh(tmp_path_factory)
    seed(sqlite_url, "--end-date", "2026-11-01")
    assert users_rows(sqlite_url) == made
