"""One writer at a time: while another process holds a database's run lock, a seed refuses in
one line naming the holder and writes nothing; once it is released, the seed runs."""

import re
import subprocess
import sys

import pytest

from seed_pipeline.cli.main import main
from seed_pipeline.loaders import SeedDatabase, SeedDatabaseError
from seed_pipeline_tests.dbtools import row_counts

HOLD = "import sys, time; from seed_pipeline.loaders import SeedDatabase\n" \
       "with SeedDatabase(url=sys.argv[1]).run_lock():\n    print('held', flush=True); sys.stdin.read()"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def holder(terp_url):
    """Another process holding the run lock of ``terp_url`` until the test ends."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, terp_url], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    yield proc
    proc.stdin.close()
    proc.wait(timeout=30)


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
