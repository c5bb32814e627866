"""The asset graph, unchanged, on a dagster-celery worker: RabbitMQ as broker, Dagster's storage
on PostgreSQL, the worker a separate process that rebuilds the job from seed_pipeline.defs.celery."""

import os
import secrets
import socket
import subprocess
import sys
import time

import dagster as dg
import pytest
from dagster._core.definitions.reconstruct import ReconstructableRepository
from sqlalchemy.engine import make_url

from seed_pipeline.graph import PHASES
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline_tests.dbtools import fingerprint
from seed_pipeline_tests.defs.test_postgres_instance import rows
from seed_pipeline_tests.shared import PROJECT_ROOT, must_not_skip

END = "2026-10-31"
BROKER = os.environ.get("SEED_TEST_CELERY_BROKER", "pyamqp://guest:guest@127.0.0.1:5672//")
WORKER_READY_SECONDS = 120


@pytest.fixture
def broker():
    """The broker's URL; skipped locally (failed in CI) when nothing answers there."""
    url = make_url(BROKER.replace("pyamqp://", "amqp://"))
    try:
        socket.create_connection((url.host, url.port or 5672), timeout=3).close()
    except OSError as exc:
        reason = f"RabbitMQ not reachable at {url.host}:{url.port}: {exc}"
        if must_not_skip():
            pytest.fail(reason + " (CI or SEED_TEST_REQUIRE_SERVERS is set)")
        pytest.skip(reason)
    return BROKER


@pytest.fixture
def queue():
    """A queue of this test's own, so no other worker on the broker takes its tasks."""
    return f"seedtest_{secrets.token_hex(4)}"


@pytest.fixture
def worker(pg_instance, broker, queue, tmp_path):
    """A Celery worker process on ``queue``, with the test's DAGSTER_HOME and PostgreSQL storage."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    log = tmp_path / "worker.log"
    args = [sys.executable, "-m", "celery", "-A", "dagster_celery.app", "-b", broker, "worker", "-Q", queue,
            "--pool", "solo", "--prefetch-multiplier", "1", "-n", f"seedtest-{os.getpid()}@%h", "--loglevel", "INFO"]
    with open(log, "w") as out:
        process = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=PROJECT_ROOT)
    try:
        deadline = time.monotonic() + WORKER_READY_SECONDS
        while "ready." not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the Celery worker did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield log
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_a_phase_seeded_through_a_celery_worker_equals_the_in_process_seed(pg_instance, broker, queue, worker,
                                                                          sqlite_terp_url, seeded_sqlite):
    instance, storage = pg_instance
    job = ReconstructableRepository.for_module("seed_pipeline.defs.celery", "defs", str(PROJECT_ROOT)
                                               ).get_reconstructable_job("seed_1_system_defaults")
    run_config = {
        "execution": {"config": {"broker": broker, "config_source": {"task_default_queue": queue}}},
        "resources": {"database": {"config": {"url": sqlite_terp_url}},
                      "seed_settings": {"config": {"scenario": "light", "end_date": END}}},
    }
    with dg.execute_job(job, instance, run_config=run_config) as result:
        assert result.success
    assert "Executing steps system_defaults_tables in celery worker" in "".join(
        r[0] for r in rows(storage, f"SELECT event FROM event_logs WHERE run_id = '{result.run_id}'"))
    tables = sorted(PHASES["system_defaults"])
    assert fingerprint(sqlite_terp_url, tables) == fingerprint(f"sqlite:///{seeded_sqlite('light', 42, END)}", tables)
    assert SeedDatabase(url=sqlite_terp_url).row_counts(tables)["users"] > 0
