"""Bad input ends in one clear line, a non-zero exit, and an untouched database."""

from pathlib import Path

import pytest
import sqlalchemy as sa

from seed_pipeline.cli.main import main
from seed_pipeline.schema import TABLES, metadata
from seed_pipeline_tests.dbtools import fingerprint


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("seed-pipeline: error: ")
    return err[0]


@pytest.mark.parametrize(
    "args, says",
    [
        (["--scenario", "huge"], "unknown scenario 'huge'"),
        (["--end-date", "2026-13-01"], "YYYY-MM-DD"),
        (["--seed", "abc"], "seed must be a whole number"),
        (["--scale", "0"], "scale must be above 0"),
        (["--select", "no_such_table"], "matches no table"),
    ],
)
def test_bad_settings_are_refused_before_anything_is_written(tmp_path, capsys, args, says):
    target = tmp_path / "target.sqlite"
    assert main(["seed", "--db", f"sqlite:///{target}", *args]) == 2
    assert says in one_error_line(capsys)
    assert not target.exists()


def test_unreachable_database(capsys):
    assert main(["seed", "--db", "postgresql://nobody@127.0.0.1:1/nowhere"]) == 2
    one_error_line(capsys)


def test_malformed_url(capsys):
    assert main(["seed", "--db", "not a url"]) == 2
    one_error_line(capsys)


def test_tables_with_other_columns_are_left_alone(tmp_path, capsys):
    """All of TERP's tables are there, but `clients` is not TERP's `clients`."""
    url = f"sqlite:///{tmp_path / 'other.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        metadata.create_all(conn, tables=[t for name, t in TABLES.items() if name != "clients"])
        conn.execute(sa.text("CREATE TABLE clients (id INTEGER PRIMARY KEY, nickname TEXT)"))
        conn.execute(sa.text("INSERT INTO clients VALUES (1, 'keep me')"))
    engine.dispose()
    before = Path(tmp_path / "other.sqlite").read_bytes()
    assert main(["seed", "--db", url, "--scenario", "light"]) == 2
    assert "clients" in one_error_line(capsys)
    assert Path(tmp_path / "other.sqlite").read_bytes() == before


def test_plan_writes_nothing(tmp_path, capsys):
    assert main(["plan", "--scenario", "light", "--end-date", "2026-10-31"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "nothing is written" in out[0]
    assert len(out) == 1 + 120
    assert list(tmp_path.iterdir()) == []


def test_schema_create_refuses_a_database_that_has_tables(sqlite_url, capsys):
    assert main(["schema", "create", "--db", sqlite_url]) == 0
    capsys.readouterr()
    before = fingerprint(sqlite_url)
    assert main(["schema", "create", "--db", sqlite_url]) == 2
    one_error_line(capsys)
    assert fingerprint(sqlite_url) == before


@pytest.mark.parametrize(
    "args, env, says",
    [
        (["--seed=-5"], {}, "seed must be 0 or more, got -5 (--seed)"),
        (["--end-date", "2040-01-01"], {}, "end date must lie between"),
        (["--scenario", "light"], {"SEED_SEED": "abc"}, "got 'abc' (environment variable SEED_SEED)"),
        (["--db", "mysql://root@127.0.0.1:abc/x"], {}, "malformed database URL"),
    ],
)
def test_bad_settings_and_variables_are_one_line(tmp_path, capsys, monkeypatch, args, env, says):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    target = tmp_path / "target.sqlite"
    assert main(["seed", "--db", f"sqlite:///{target}", *args]) == 2
    assert says in one_error_line(capsys)
    assert not target.exists()


def test_the_flag_wins_over_a_bad_variable(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SEED_SEED", "abc")
    assert main(["seed", "--db", f"sqlite:///{tmp_path / 't.sqlite'}", "--seed", "4", "--select", "no_such_table"]) == 2
    assert "matches no table" in one_error_line(capsys)  # got past the variable: the flag was used


def test_a_column_of_another_type_is_refused(tmp_path, capsys):
    """orders.total as INTEGER would round every total: refused before anything is written."""
    url = f"sqlite:///{tmp_path / 'typed.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        metadata.create_all(conn)
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.exec_driver_sql("ALTER TABLE orders RENAME COLUMN total TO total_old")
        conn.exec_driver_sql("ALTER TABLE orders ADD COLUMN total INTEGER NOT NULL DEFAULT 0")
        conn.exec_driver_sql("ALTER TABLE orders DROP COLUMN total_old")
    engine.dispose()
    before = fingerprint(url)
    assert main(["seed", "--db", url, "--scenario", "light"]) == 2
    assert "1 difference: orders.total is int in the database, decimal(15,2) in the model: " in one_error_line(capsys)
    assert fingerprint(url) == before


def test_verify_on_a_missing_file_creates_nothing(tmp_path, capsys):
    assert main(["verify", "--db", f"sqlite:///{tmp_path / 'missing.sqlite'}"]) == 2
    assert "does not exist" in one_error_line(capsys)
    assert list(tmp_path.glob("missing*")) == []
