"""`seed-pipeline teardown` removes exactly the tool's rows, refuses while users' rows point at
them, and backs up what it touches; a database left with only users' rows is not seeded unasked."""

import pandas as pd
import pytest

from seed_pipeline.cli.main import main
from seed_pipeline_tests.dbtools import fingerprint, row_counts
from seed_pipeline_tests.end_to_end.reseed import USERS_ID, add_users_rows
from seed_pipeline_tests.loaders.samples import execute, scalar

USERS_CLIENT = f"INSERT INTO clients (id, teri_code, name) VALUES ({USERS_ID + 1}, 'USER-C-1', 'A client of the user')"


@pytest.fixture
def seeded(seeded_copy):
    return seeded_copy()


def test_teardown_removes_exactly_the_tools_rows_and_backs_up(seeded, tmp_path, capsys):
    execute(seeded, USERS_CLIENT)  # points at nothing seeded
    before = row_counts(seeded)
    assert main(["teardown", "--db", seeded, "--backup", str(tmp_path / "backup")]) == 0
    assert {t: n for t, n in row_counts(seeded).items() if n} == {"clients": 1}
    assert scalar(seeded, "SELECT teri_code FROM clients") == "USER-C-1"
    backed_up = {t: len(pd.read_csv(tmp_path / "backup" / f"{t}.csv")) for t in before}
    assert backed_up == before
    assert scalar(seeded, "SELECT count(*) FROM seed_pipeline_ownership") == 0
    capsys.readouterr()
    assert main(["seed", "--db", seeded, "--scenario", "light", "--end-date", "2026-10-31"]) == 2
    assert "--alongside-existing-rows" in capsys.readouterr().err  # no seed record, someone's rows


def test_teardown_refuses_while_users_rows_point_at_seeded_rows(seeded, capsys):
    add_users_rows(seeded)
    before = fingerprint(seeded)
    assert main(["teardown", "--db", seeded]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"calendar_reminders {USERS_ID} (event_id -> calendar_events 1)" in err[0]
    assert fingerprint(seeded) == before
