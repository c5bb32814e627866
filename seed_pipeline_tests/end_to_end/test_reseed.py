"""Seeding again converges: any change of settings gives, in one run, a fresh seed's content for
the tool's rows, and the users' rows stay byte for byte as they were.

A reseed starting from a fresh seed starts from a copy of the session's shared seed with those
settings (``seeded_copy``: the same bytes as seeding the empty file here, see test_seed_cli.py);
the fresh seeds the reseeds are compared with are the shared ones too (``fresh``)."""

import signal
from datetime import date, timedelta
import subprocess
import sys

import pytest

from seed_pipeline_tests.end_to_end.reseed import (END, LIGHT, add_users_rows, fresh, seed, settings_of,
                                                   tool_fingerprint, users_rows)
from seed_pipeline.cli.main import main
from seed_pipeline_tests.dbtools import fingerprint

CHANGES = {
    "next end date": ((), ("--end-date", "2026-11-01")),
    "another seed": ((), ("--seed", "3")),
    "another scenario": (("--scenario", "edge-cases"), ()),
    "another scale": ((), ("--scale", "2")),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_reseed_with_other_settings_converges_to_a_fresh_seed(seeded_copy, seeded_sqlite, change):
    before, after = CHANGES[change]
    url = seeded_copy(**settings_of(*before))
    assert seed(url, *after) == 0
    assert fingerprint(url) == fresh(seeded_sqlite, *after)


def test_another_seed_and_back_again(seeded_copy, seeded_sqlite):
    url = seeded_copy()
    assert seed(url, "--seed", "3") == 0
    assert seed(url) == 0
    assert fingerprint(url) == fresh(seeded_sqlite)


@pytest.mark.slow
def test_reseeds_converge_on_every_engine(db_url, seeded_sqlite):
    assert seed(db_url, "--scenario", "edge-cases") == 0
    assert seed(db_url, "--seed", "3") == 0
    assert fingerprint(db_url) == fresh(seeded_sqlite, "--seed", "3")
    assert seed(db_url, "--end-date", "2026-11-01") == 0
    assert fingerprint(db_url) == fresh(seeded_sqlite, "--end-date", "2026-11-01")


def test_users_rows_survive_an_identical_reseed_and_a_new_day(seeded_copy, seeded_sqlite):
    """Checks judge the tool's rows: a user's order without lines or a batch without metadata fails none."""
    sqlite_url = seeded_copy()
    add_users_rows(sqlite_url)
    made = users_rows(sqlite_url)
    assert all(made.values())
    assert main(["verify", "--db", sqlite_url]) == 0
    assert seed(sqlite_url) == 0
    assert users_rows(sqlite_url) == made
    assert tool_fingerprint(sqlite_url) == fresh(seeded_sqlite)
    assert seed(sqlite_url, "--end-date", "2026-11-01") == 0  # more batches: they go past the user's
    assert users_rows(sqlite_url) == made
    assert main(["verify", "--db", sqlite_url]) == 0


@pytest.mark.parametrize("stop, at", [(signal.SIGINT, 10), (signal.SIGKILL, 40), (signal.SIGKILL, 90)])
def test_a_stopped_run_and_a_rerun_converge(sqlite_url, seeded_sqlite, stop, at):
    """Ctrl-C says so in one line (exit 130); after it or kill -9 at any table, a rerun gives a fresh seed."""
    command = [sys.executable, "-m", "seed_pipeline.cli.main", "seed", "--db", sqlite_url, *LIGHT, "--end-date", END]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in run.stdout:  # stop once some tables are written
        if line.startswith(f"[{at:>3}/"):
            run.send_signal(stop)
            break
    _out, err = run.communicate(timeout=300)
    if stop == signal.SIGINT:
        assert run.returncode == 130, err
        assert [line for line in err.splitlines() if line.strip()] == [
            "seed-pipeline: error: interrupted; every table is as it was or complete (one transaction each): "
            "run the same command again to finish"]
    else:
        assert run.returncode == -signal.SIGKILL
    assert seed(sqlite_url) == 0
    assert fingerprint(sqlite_url) == fresh(seeded_sqlite)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["pg_url", "mysql_url"])
def test_a_killed_run_on_a_server_and_a_rerun_converge(request, engine, seeded_sqlite):
    """kill -9 in the middle of a seed on PostgreSQL and MariaDB: a rerun gives a fresh seed's content."""
    url = request.getfixturevalue(engine)
    command = [sys.executable, "-m", "seed_pipeline.cli.main", "seed", "--db", url, *LIGHT, "--end-date", END]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in run.stdout:
        if line.startswith("[ 60/"):
            run.send_signal(signal.SIGKILL)
            break
    run.communicate(timeout=300)
    assert run.returncode == -signal.SIGKILL
    assert seed(url) == 0
    assert fingerprint(url) == fresh(seeded_sqlite)


@pytest.mark.slow
def test_thirty_nightly_refreshes_on_one_database(sqlite_url, seeded_sqlite):
    """The staging schedule: each night the end date moves one day; every night verify is green.

    The suite's longest test (it bounds `make test`'s wall time): each night is a whole light seed
    through Dagster and a verify, so its cost is the seed's own; it starts first (slow tests do)."""
    first = date(2026, 10, 1)
    for night in range(30):
        end = (first + timedelta(days=night)).isoformat()
        assert seed(sqlite_url, "--end-date", end) == 0, end
        assert main(["verify", "--db", sqlite_url]) == 0, end
    assert fingerprint(sqlite_url) == fresh(seeded_sqlite, "--end-date", end)


@pytest.mark.slow
def test_two_concurrent_seeds_one_success_one_clean_refusal(sqlite_url, seeded_sqlite):
    """A second seed with other settings, started while the first writes, refuses in one line (exit 2)
    naming the first; the first finishes alone and the database is its fresh seed."""
    base = [sys.executable, "-m", "seed_pipeline.cli.main", "seed", "--db", sqlite_url, *LIGHT, "--end-date", END]
    first = subprocess.Popen(base, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in first.stdout:  # the first is writing tables
        if line.startswith("[  5/"):
            break
    second = subprocess.run([*base, "--seed", "3"], capture_output=True, text=True, timeout=300)
    _out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert second.returncode == 2
    lines = [line for line in second.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"is being seeded by another run (seed-pipeline pid {first.pid} on" in lines[0]
    assert fingerprint(sqlite_url) == fresh(seeded_sqlite)
