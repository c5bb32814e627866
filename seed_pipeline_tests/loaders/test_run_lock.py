"""One writer at a time: while another process holds a database's run lock, a seed refuses in
one line naming the holder and writes nothing; once it is released, the seed runs."""

import re
import subprocess
from contextlib import contextmanager
import sys

import dagster as dg
import pytest
from dagster._core.definitions.reconstruct import ReconstructableRepository

from seed_pipeline.cli.main import main
from seed_pipeline.loaders import SeedDatabase, SeedDatabaseError, lock
from seed_pipeline.graph import PHASES
from seed_pipeline_tests.dbtools import row_counts
from seed_pipeline_tests.shared import PROJECT_ROOT

HOLD = "import sys; from seed_pipeline.loaders import lock\n" \
       "lock.acquire(sys.argv[1], run=sys.argv[2] if len(sys.argv) > 2 else None)\n" \
       "print('held', flush=True); sys.stdin.read(); lock.release(sys.argv[1])"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.chdir(tmp_path)


@contextmanager
def held(url: str, *run: str):
    """Another process holding the run lock of ``url`` (for Dagster run ``run``, if given) in the block."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, url, *run], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    try:
        yield proc
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


@pytest.fixture
def holder(terp_url):
    """Another process holding the run lock of ``terp_url`` until the test ends."""
    with held(terp_url) as proc:
        yield proc


def named(url: str, holder) -> str:
    """How the refusal names the holder: its pid, or on MariaDB (which shows no client label) its connection."""
    return r"connection \d+, user root from" if url.startswith("mysql") else f"pid {holder.pid} on"


def test_a_second_run_refuses_naming_the_holder(terp_url, holder, capsys):
    assert main(["seed", "--db", terp_url, "--scenario", "light", "--end-date", "2026-10-31"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is being seeded by another run" in err[0]
    assert re.search(named(terp_url, holder), err[0])
    assert sum(row_counts(terp_url).values()) == 0
    with pytest.raises(SeedDatabaseError, match=named(terp_url, holder)):
        with SeedDatabase(url=terp_url).run_lock():
            pass


def test_the_lock_is_free_again_once_its_holder_ends(terp_url, holder):
    holder.stdin.close()
    holder.wait(timeout=30)
    database = SeedDatabase(url=terp_url)
    with database.run_lock(), database.run_lock():  # re-entrant within a process
        pass
    with database.run_lock():
        pass


def test_a_step_of_a_parallel_run_tells_whether_its_run_holds_the_lock(terp_url):
    """seed_all_parallel: the run's process holds the lock for the run, each step checks it is its run."""
    assert not lock.held_by_run(terp_url, "run-a")
    with held(terp_url, "run-a"):
        assert lock.held_by_run(terp_url, "run-a")
        assert not lock.held_by_run(terp_url, "run-b")
    assert not lock.held_by_run(terp_url, "run-a")


def test_a_parallel_run_refuses_while_another_run_holds_the_lock(sqlite_terp_url, tmp_path):
    keys = {dg.AssetKey(t) for t in PHASES["system_defaults"]}
    job = ReconstructableRepository.for_module("seed_pipeline.definitions", "defs", str(PROJECT_ROOT)
                                               ).get_reconstructable_job("seed_all_parallel").get_subset(asset_selection=keys)
    run_config = {"resources": {"database": {"config": {"url": sqlite_terp_url}},
                                "seed_settings": {"config": {"scenario": "light", "end_date": "2026-10-31"}}}}
    with held(sqlite_terp_url) as holder, dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        result = dg.execute_job(job, instance, run_config=run_config)  # not entered: that would set up its resources
        [failure] = [e for e in result.all_events if e.event_type_value == "PIPELINE_FAILURE"]
    assert not result.success and not [e for e in result.all_events if e.is_step_event]
    assert f"is being seeded by another run (seed-pipeline pid {holder.pid} on" in failure.event_specific_data.error.message
    assert sum(row_counts(sqlite_terp_url).values()) == 0
