"""`schema diff` lists exactly the differences a drifted copy of TERP's DDL has, on MariaDB, PostgreSQL and SQLite;
TERP's own DDL and the model created on every engine have none; `seed` refuses a drifted database
naming every difference, and leaves it as it was."""

import json
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from seed_pipeline.cli.main import main
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline_tests.loaders.test_mariadb_ddl import run_ddl
from seed_pipeline_tests.schema import drifted


def build(engine: str, url: str, ddl: drifted.DDL) -> None:
    if engine == "sqlite":
        with sqlite3.connect(sa.make_url(url).database) as conn:
            conn.executescript(ddl.sqlite())
    elif engine == "pg":
        engine_ = make_engine(url)
        with engine_.begin() as conn:
            for statement in ddl.postgresql().split(";\n"):
                if statement.strip():
                    conn.exec_driver_sql(statement)
        engine_.dispose()
    else:
        run_ddl(url, ddl.mysql())


@pytest.fixture(params=["sqlite", "mysql", "pg"])
def engine_url(request):
    return request.param, request.getfixturevalue(f"{request.param}_url")


def diff(url: str, capsys) -> tuple[int, dict, str]:
    code = main(["schema", "diff", "--db", url, "--json"])
    report = json.loads(capsys.readouterr().out)
    assert main(["schema", "diff", "--db", url]) == code
    return code, report, capsys.readouterr().out


def as_tuples(report: dict) -> set[tuple]:
    return {(d["table"], d["kind"], d["column"] or "", d["model"] or "", d["live"] or "") for d in report["differences"]}


def test_terps_own_ddl_has_no_differences(engine_url, capsys):
    engine, url = engine_url
    build(engine, url, drifted.DDL.terp())
    code, report, text = diff(url, capsys)
    assert (code, report["differences"]) == (0, [])
    assert text.strip().endswith("no differences")


def test_the_model_created_on_each_engine_has_no_differences(db_url):
    """As `seed` and `schema create` create it (on MariaDB, each table's indexes inside its CREATE TABLE)."""
    assert SeedDatabase(url=db_url).ensure_schema() is True
    assert SeedDatabase(url=db_url).schema_differences() == []


def test_a_newer_terp_is_listed_in_full(engine_url, capsys):
    engine, url = engine_url
    build(engine, url, drifted.newer())
    code, report, text = diff(url, capsys)
    expected = drifted.expected_newer(engine)
    assert code == 1
    assert as_tuples(report) == expected
    assert len(report["differences"]) == len(expected) > 35
    enum_edits = 0 if engine == "sqlite" else 2  # SQLite keeps no enum values: their edits are invisible there
    added = len(drifted.NEWER_COLUMNS) + len(drifted.NEW_TABLES) + 1 + enum_edits
    removed, changed = len(drifted.REMOVED_COLUMNS) + enum_edits, len(drifted.RETYPED) + len(drifted.NULLABLE_NOW)
    lines = text.splitlines()
    assert lines[0].endswith(f"TERP has moved on: the database has what the model lacks, the model is older; "
                             f"it also lacks some of the model's; {len(expected)} differences ({added} +, {removed} -, {changed} ~)")
    assert len(lines) == 1 + len(expected) and "more" not in text
    assert "  + vehicles is a table the model lacks (3 columns; references delivery_routes)" in lines
    assert "  ~ paymentHistory.amount is decimal(15,2) in the database, varchar(20) in the model" in lines
    assert "  - orders.notes is a column of the model the database lacks (text)" in lines


def test_an_older_terp_is_listed_as_older(engine_url, capsys):
    engine, url = engine_url
    build(engine, url, drifted.older())
    code, report, text = diff(url, capsys)
    assert code == 1 and as_tuples(report) == drifted.expected_older()
    assert report["verdict"].startswith("the database is older than the model")
    assert "  - calendar_views is a table of the model the database lacks" in text.splitlines()


def test_seed_refuses_a_newer_terp_naming_every_difference(sqlite_url, capsys):
    build("sqlite", sqlite_url, drifted.newer())
    path = Path(sa.make_url(sqlite_url).database)
    before = path.read_bytes()
    assert main(["seed", "--db", sqlite_url, "--scenario", "light"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    expected = drifted.expected_newer("sqlite")
    assert "TERP has moved on" in line and f": {len(expected)} differences: " in line
    assert all(f"{table}.{column} " in line for table, kind, column, *_ in expected if column)
    assert all(f"{table} is a table the model lacks" in line for table, kind, *_ in expected if kind == "table_added")
    assert path.read_bytes() == before


def test_another_applications_table_is_listed_but_does_not_stop_a_seed(sqlite_url, capsys):
    ddl = drifted.DDL.terp()
    ddl.tables["app_settings"] = ["`key` varchar(50) NOT NULL", "`value` text", "CONSTRAINT `app_settings_key` PRIMARY KEY(`key`)"]
    build("sqlite", sqlite_url, ddl)
    code, report, _text = diff(sqlite_url, capsys)
    assert code == 1 and as_tuples(report) == {("app_settings", "table_added", "", "", "2 columns")}
    assert SeedDatabase(url=sqlite_url).check() == "terp"
