"""Settings from SEED_* variables, the flags winning over them; the staging schedule's skip without its URL."""

import datetime as dt

import dagster as dg
import pytest

from seed_pipeline.cli.main import parser
from seed_pipeline.cli.settings import resolve
from seed_pipeline.defs.schedules import staging_refresh
from seed_pipeline.defs.settings import SeedSettingsResource

ENV = {"SEED_DATABASE_URL": "sqlite:////tmp/from-env.sqlite", "SEED_SCENARIO": "chaos", "SEED_SEED": "7",
       "SEED_SCALE": "0.5", "SEED_END_DATE": "2026-03-31"}


@pytest.fixture
def seed_env(monkeypatch):
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def _seed_args(*argv, recorded=None):
    """The database and the settings a seed with these flags would use (a recorded seed, where given)."""
    args = parser().parse_args(["seed", *argv])
    s = resolve(args, recorded)
    return args.db, s.scenario, s.seed, s.scale, s.end_date.isoformat()


RECORDED = {"scenario": "light", "seed": 1, "scale": 1.0, "end_date": "2025-01-31"}


def test_seed_takes_its_settings_from_seed_variables(seed_env):
    expected = ("sqlite:////tmp/from-env.sqlite", "chaos", 7, 0.5, "2026-03-31")
    assert _seed_args() == expected
    assert _seed_args(recorded=RECORDED) == expected  # a variable wins over what the database records


def test_a_flag_wins_over_its_variable(seed_env):
    flags = ("--db", "sqlite:////tmp/flag.sqlite", "--scenario", "light", "--seed", "3", "--scale", "2",
             "--end-date", "2026-10-31")
    assert _seed_args(*flags) == ("sqlite:////tmp/flag.sqlite", "light", 3, 2.0, "2026-10-31")


def test_verify_takes_its_database_from_the_variable(seed_env):
    assert parser().parse_args(["verify"]).db == "sqlite:////tmp/from-env.sqlite"


def test_the_dagster_settings_default_to_the_seed_variables(seed_env):
    assert SeedSettingsResource.from_env() == SeedSettingsResource(scenario="chaos", seed=7, scale=0.5, end_date="2026-03-31")


def _tick():
    return dg.build_schedule_context(scheduled_execution_time=dt.datetime(2026, 11, 2, 3, 0, tzinfo=dt.timezone.utc))


def test_the_staging_refresh_skips_without_a_staging_database(monkeypatch):
    monkeypatch.delenv("SEED_STAGING_DATABASE_URL", raising=False)
    result = staging_refresh(_tick())
    assert isinstance(result, dg.SkipReason)
    assert result.skip_message == "set SEED_STAGING_DATABASE_URL to the staging database URL to enable the refresh"


def test_the_staging_refresh_reseeds_staging_up_to_the_day_of_its_tick(monkeypatch):
    for name in ("SEED_SCENARIO", "SEED_SEED", "SEED_SCALE", "SEED_END_DATE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SEED_STAGING_DATABASE_URL", "sqlite:////tmp/staging.sqlite")
    request = staging_refresh(_tick())
    assert isinstance(request, dg.RunRequest) and request.run_key == "staging-2026-11-02"
    assert request.run_config["resources"]["seed_settings"] == {
        "config": {"scenario": "full", "seed": 42, "scale": 1.0, "end_date": "2026-11-02"}}
    assert request.run_config["resources"]["database"] == {"config": {"url": {"env": "SEED_STAGING_DATABASE_URL"}}}


def test_the_staging_refresh_seeds_with_the_seed_variables(seed_env):
    """Staging set to the light scenario stays light: the tick's run config carries every setting."""
    seed_env.setenv("SEED_STAGING_DATABASE_URL", "sqlite:////tmp/staging.sqlite")
    request = staging_refresh(_tick())
    assert request.run_config["resources"]["seed_settings"] == {
        "config": {"scenario": "chaos", "seed": 7, "scale": 0.5, "end_date": "2026-11-02"}}
