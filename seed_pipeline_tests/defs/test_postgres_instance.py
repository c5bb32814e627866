"""The shared Dagster instance of deploy/postgres/dagster.yaml, with the URL as documented
(``postgresql://``): a seed records its run, materialisations and checks in PostgreSQL, and the
staging schedule, switched on, evaluates a tick and queues its run there."""

import datetime as dt
import logging

import sqlalchemy as sa
from dagster._core.test_utils import create_test_daemon_workspace_context
from dagster._core.workspace.load_target import ModuleTarget
from dagster._scheduler.scheduler import launch_scheduled_runs

from seed_pipeline.cli.main import main
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline_tests.shared import PROJECT_ROOT

END = "2026-10-31"


def rows(url: str, sql: str) -> list[tuple]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.text(sql))]
    finally:
        engine.dispose()


def test_a_seed_is_recorded_in_postgresql(pg_instance, sqlite_url):
    _, storage = pg_instance
    assert main(["seed", "--db", sqlite_url, "--scenario", "light", "--end-date", END, "--select", "group:system_defaults"]) == 0
    [(run_id, status, job)] = rows(storage, "SELECT run_id, status, pipeline_name FROM runs")
    assert (status, job) == ("SUCCESS", "seed_all")
    materialised = rows(storage, "SELECT DISTINCT asset_key FROM event_logs "
                                  f"WHERE run_id = '{run_id}' AND dagster_event_type = 'ASSET_MATERIALIZATION'")
    assert len(materialised) == 17  # the system_defaults phase
    checks = rows(storage, f"SELECT check_name, execution_status FROM asset_check_executions WHERE run_id = '{run_id}'")
    assert checks and {status for _, status in checks} == {"SUCCEEDED"}
    assert ("users_integrity", "SUCCEEDED") in checks
    [(target,)] = rows(storage, f"SELECT value FROM run_tags WHERE run_id = '{run_id}' AND key = 'seed_pipeline/database'")
    assert target == sqlite_url


def test_the_staging_schedule_ticks_and_queues_its_run(pg_instance, tmp_path, monkeypatch):
    instance, storage = pg_instance
    monkeypatch.setenv("SEED_STAGING_DATABASE_URL", f"sqlite:///{tmp_path / 'staging.sqlite'}")
    target = ModuleTarget(module_name="seed_pipeline.definitions", attribute=None,
                          working_directory=str(PROJECT_ROOT), location_name="seed_pipeline")
    with create_test_daemon_workspace_context(target, instance) as context:
        location = context.create_request_context().get_code_location("seed_pipeline")
        schedule = next(iter(location.get_repositories().values())).get_schedule("staging_refresh")
        instance.start_schedule(schedule)
        tomorrow = dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=1)
        after_tick = dt.datetime.combine(tomorrow, dt.time(3, 0, 30), tzinfo=dt.timezone.utc)
        list(launch_scheduled_runs(context, logging.getLogger("test"), after_tick, {}))
    [(status,)] = rows(storage, "SELECT status FROM job_ticks")
    assert status == "SUCCESS"
    [(run_id, run_status)] = rows(storage, "SELECT run_id, status FROM runs")
    assert run_status == "QUEUED"
    tags = dict(rows(storage, f"SELECT key, value FROM run_tags WHERE run_id = '{run_id}'"))
    assert tags["seed_pipeline/target"] == "staging" and tags["dagster/schedule_name"] == "staging_refresh"
    assert tags["dagster/run_key"] == f"staging-{tomorrow.isoformat()}"
