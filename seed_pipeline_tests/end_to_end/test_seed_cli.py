"""`seed-pipeline seed` end to end: the real CLI, the real Dagster run, a real database."""

import shutil
import subprocess
import sys

import pytest

from seed_pipeline.cli.main import main
from seed_pipeline_tests.dbtools import fingerprint, integrity_violations, row_counts

END = "2026-10-31"


def seed(url: str, *extra: str) -> int:
    return main(["seed", "--db", url, "--end-date", END, *extra])


def assert_sound(url: str) -> None:
    counts = row_counts(url)
    assert [t for t, n in counts.items() if n == 0] == []
    assert integrity_violations(url) == []


@pytest.mark.slow
@pytest.mark.xdist_group("full")
def test_full_scenario_on_sqlite_fills_every_table_soundly(seeded_sqlite):
    assert_sound(f"sqlite:///{seeded_sqlite('full', 42, END)}")  # the seed exited 0: every check passed


@pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mysql"])
def test_light_scenario_on_every_engine(seeded_database, engine):
    assert_sound(seeded_database(engine, "light", 42, END))  # the seed exited 0: every check passed


def test_same_settings_give_the_same_data_and_another_seed_does_not(seeded_sqlite, tmp_path, capsys):
    a = f"sqlite:///{seeded_sqlite('light', 42, END)}"  # seeded once for the session, in another directory
    b, c = (f"sqlite:///{tmp_path / name}.sqlite" for name in "bc")
    assert seed(b, "--scenario", "light", "--seed", "42") == 0
    assert "seeded 120 tables" in capsys.readouterr().out
    assert seed(c, "--scenario", "light", "--seed", "4") == 0
    assert fingerprint(a) == fingerprint(b)
    assert fingerprint(a) != fingerprint(c)


def test_reseeding_and_rematerialising_one_table_change_nothing(seeded_sqlite, tmp_path):
    shutil.copyfile(seeded_sqlite("light", 42, END), tmp_path / "copy.sqlite")
    sqlite_url = f"sqlite:///{tmp_path / 'copy.sqlite'}"
    before = fingerprint(sqlite_url)
    assert seed(sqlite_url, "--scenario", "light", "--select", "calendar_events") == 0
    assert fingerprint(sqlite_url) == before
    assert seed(sqlite_url, "--scenario", "light") == 0
    assert fingerprint(sqlite_url) == before


def test_same_settings_give_byte_identical_sqlite_files(seeded_sqlite, tmp_path):
    """The second seed runs in another interpreter: what differs between processes (the order of
    objects in sets, clocks, run ids) must not reach the file."""
    a, b = seeded_sqlite("light", 9, END), tmp_path / "b.sqlite"
    command = [sys.executable, "-m", "seed_pipeline.cli.main", "seed", "--db", f"sqlite:///{b}",
               "--scenario", "light", "--seed", "9", "--end-date", END]
    subprocess.run(command, check=True, capture_output=True)
    assert a.read_bytes() == b.read_bytes()
