"""Partial runs (--select) keep what they do not own: deferred references filled by tables outside
the selection, settings recorded by the seed; and refuse in one line, before writing, what would
leave the database inconsistent."""

import pandas as pd
import pytest

from seed_pipeline.cli.main import main
from seed_pipeline_tests.dbtools import fingerprint, row_counts


@pytest.fixture
def seeded(seeded_copy):
    return seeded_copy(seed=3)  # not the default 42


def error_line(capsys) -> str:
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("seed-pipeline")]
    assert len(err) == 1, err
    return err[0]


@pytest.mark.parametrize("select", ["orders", "group:core"])
def test_a_partial_run_with_the_recorded_settings_changes_nothing(seeded, select):
    before = fingerprint(seeded)
    assert main(["seed", "--db", seeded, "--select", select]) == 0  # no flags: the recorded seed 3, light, end date
    assert fingerprint(seeded) == before  # orders.invoice_id, clients.pricing_profile_id, ... kept


def test_a_group_whose_upstream_is_empty_is_refused(sqlite_url, capsys):
    assert main(["schema", "create", "--db", sqlite_url]) == 0
    capsys.readouterr()
    assert main(["seed", "--db", sqlite_url, "--scenario", "light", "--select", "group:core"]) == 2
    assert "not seeded in this database yet: run a full seed first" in error_line(capsys)
    assert sum(row_counts(sqlite_url).values()) == 0


@pytest.mark.parametrize("select, says", [
    ("orders", "were seeded with scenario light, seed 3"),
    ("users", "would leave"),
])
def test_other_settings_that_would_leave_tables_disagreeing_are_refused(seeded, capsys, select, says):
    before = fingerprint(seeded)
    assert main(["seed", "--db", seeded, "--seed", "4", "--select", select]) == 2
    line = error_line(capsys)
    assert says in line
    assert fingerprint(seeded) == before


def test_the_refusal_suggests_the_selection_with_its_descendants(seeded, capsys):
    assert main(["seed", "--db", seeded, "--end-date", "2026-11-01", "--select", "users"]) == 2
    assert "--select 'users+'" in error_line(capsys)


def test_a_run_backs_up_the_tables_it_touches_before_writing(seeded, tmp_path):
    """--backup DIR: the selected table, the tables below it (their seeded rows may go with it) and the
    tables whose deferred references it fills, whole, with the bookkeeping; not the tables it only reads."""
    before = row_counts(seeded)
    backup = tmp_path / "backup"
    assert main(["seed", "--db", seeded, "--select", "orders", "--backup", str(backup)]) == 0
    saved = {path.stem: len(pd.read_csv(path)) for path in backup.glob("*.csv")}
    assert {"orders", "order_line_items", "invoices", "seed_pipeline_ownership", "seed_pipeline_keys"} <= set(saved)
    assert not {"users", "clients", "strains"} & set(saved)
    assert all(saved[t] == before[t] for t in saved if t in before)
