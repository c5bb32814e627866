"""`seed --follow-live-schema` on a newer TERP made from TERP's own DDL (schema/drifted.py): every live
table filled, zero orphans over the live foreign keys (counted here with plain SQL from the reflected
schema, not with the tool's checks), every check green, the model as it was afterwards; verify and
teardown follow the live schema too; the same settings give the same rows. A followed run has a model of
its own, so a followed seed and a normal one share a process without either seeing the other's model."""

import sqlite3
import subprocess
import sys

import pytest
import sqlalchemy as sa

from seed_pipeline.cli.main import main
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.schema import drifted
from seed_pipeline_tests.schema.test_schema_diff import build

END = "2026-10-31"
NULL_NEW = [("users", "deleted_at"), ("orders", "metadata"), ("batches", "archived_at")]
# the one check reading a column the newer TERP dropped (drifted.REMOVED_COLUMNS)
VENDOR_PHONES = "  not applicable: clients:parties_in_california: reads vendors.contactPhone, which the database lacks\n"
NOT_NULL_NEW = [(t, c) for t, c, definition, *_ in drifted.NEWER_COLUMNS if "NOT NULL" in definition]


@pytest.fixture(autouse=True)
def _own_dagster_home(tmp_path, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.chdir(tmp_path)


def live_facts(url: str) -> dict:
    """What the database holds, read through its own reflected schema."""
    engine = make_engine(url)
    try:
        live = sa.MetaData()
        live.reflect(engine, only=lambda name, _m: not name.startswith("seed_pipeline_"))
        with engine.connect() as conn:
            count = lambda query: conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()  # noqa: E731
            empty = [t.name for t in live.tables.values() if not count(sa.select(t))]
            orphans = {}
            for table in live.tables.values():
                for fk in table.foreign_key_constraints:
                    (column,), (element,) = fk.columns, fk.elements
                    parent = element.column.table.alias("parent")
                    missing = sa.select(table).where(column.is_not(None), ~sa.exists().where(
                        parent.c[element.column.name] == column))
                    if n := count(missing):
                        orphans[f"{table.name}.{column.name}"] = n
            cells = lambda t, c, null: count(sa.select(live.tables[t]).where(  # noqa: E731
                live.tables[t].c[c].is_(None) if null else live.tables[t].c[c].is_not(None)))
            return {
                "tables": len(live.tables),
                "empty": empty,
                "orphans": orphans,
                "filled new nullable": {f"{t}.{c}": cells(t, c, False) for t, c in NULL_NEW},
                "null new required": {f"{t}.{c}": cells(t, c, True) for t, c in NOT_NULL_NEW},
                "removed enum values": sum(  # as text: PostgreSQL will not compare its enum with a value outside it
                    count(sa.select(live.tables[t]).where(sa.cast(live.tables[t].c[c], sa.String) == v))
                    for t, c, _added, removed in drifted.ENUM_EDITS for v in removed),
                "declared order lines": count(sa.select(live.tables["order_line_items"])),
            }
    finally:
        engine.dispose()


def cli(*args: str) -> subprocess.CompletedProcess:
    """A run in a fresh process, as the command line runs it: nothing of another run in this one."""
    return subprocess.run([sys.executable, "-m", "seed_pipeline.cli.main", *args], capture_output=True, text=True)


def rows_dump(url: str) -> list[str]:
    with sqlite3.connect(sa.make_url(url).database) as conn:
        return [line for line in conn.iterdump() if line.startswith("INSERT")]


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["sqlite", "mysql", "pg"])
def test_a_newer_terp_is_seeded_as_it_is(engine, request, tmp_path):
    url = request.getfixturevalue(f"{engine}_url")
    build(engine, url, drifted.newer())
    run = cli("seed", "--db", url, "--scenario", "light", "--end-date", END, "--follow-live-schema")
    assert run.returncode == 0, run.stderr[-2000:]
    assert f"{len(drifted.NEW_TABLES)} new tables" in run.stderr and f", 0 failed, 1 not applicable\n{VENDOR_PHONES}" in run.stdout
    facts = live_facts(url)
    assert facts["tables"] == 120 + len(drifted.NEW_TABLES)
    assert facts["empty"] == [] and facts["orphans"] == {}
    assert set(facts["filled new nullable"].values()) == {0}
    assert set(facts["null new required"].values()) == {0}
    assert facts["declared order lines"] > 0
    if engine != "sqlite":  # SQLite keeps an enum as text, so its database cannot say which values TERP dropped
        assert facts["removed enum values"] == 0
    if engine == "sqlite":  # same settings, same rows: a second copy seeded alike dumps the same
        again = f"sqlite:///{tmp_path / 'again.sqlite'}"
        build(engine, again, drifted.newer())
        assert cli("seed", "--db", again, "--scenario", "light", "--end-date", END, "--follow-live-schema").returncode == 0
        assert rows_dump(again) == rows_dump(url)
    # verify and teardown follow it too: every check again, then exactly the seeded rows removed
    verified = cli("verify", "--db", url, "--follow-live-schema")
    assert verified.returncode == 0 and ", 0 failed, 1 not applicable" in verified.stdout
    assert "not applicable clients:parties_in_california: reads vendors.contactPhone, which" in verified.stdout
    assert cli("teardown", "--db", url, "--follow-live-schema").returncode == 0
    assert len(live_facts(url)["empty"]) == 120 + len(drifted.NEW_TABLES)


@pytest.fixture(scope="module")
def fresh_normal_seed(tmp_path_factory):
    """The normal light seed made by a process that ran nothing else."""
    path = tmp_path_factory.mktemp("fresh") / "fresh.sqlite"
    assert cli("seed", "--db", f"sqlite:///{path}", "--scenario", "light", "--end-date", END).returncode == 0
    return path.read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("first", ["followed", "normal"])
def test_a_followed_seed_and_a_normal_seed_share_a_process(first, fresh_normal_seed, tmp_path, capsys):
    """Both orders in this process; the normal seed gives the file a fresh process gives, byte for byte."""
    normal, newer = tmp_path / "normal.sqlite", tmp_path / "newer.sqlite"
    build("sqlite", f"sqlite:///{newer}", drifted.newer())
    seeds = {"followed": ["--db", f"sqlite:///{newer}", "--follow-live-schema"], "normal": ["--db", f"sqlite:///{normal}"]}
    for which in sorted(seeds, key=lambda n: n != first):
        assert main(["seed", *seeds[which], "--scenario", "light", "--end-date", END]) == 0, which
        assert ", 0 failed" + (f", 1 not applicable\n{VENDOR_PHONES}" if which == "followed" else "\n") in capsys.readouterr().out
    assert normal.read_bytes() == fresh_normal_seed
    facts = live_facts(f"sqlite:///{newer}")
    assert facts["tables"] == 120 + len(drifted.NEW_TABLES) and facts["empty"] == [] and facts["orphans"] == {}
    assert set(facts["null new required"].values()) == {0}  # removed enum values: SQLite's text cannot say (above)


def test_an_older_terp_cannot_be_followed(sqlite_url, capsys):
    build("sqlite", sqlite_url, drifted.older())
    assert main(["seed", "--db", sqlite_url, "--scenario", "light", "--follow-live-schema"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.endswith("cannot be followed: calendar_views is a table of the model the database lacks; "
                         "client_price_alerts lacks the model's foreign key (client_id) -> clients(id): the model's "
                         "generators need these; migrate the database to TERP's current schema or seed another --db")
    assert "calendar_views" in TABLES


def test_following_seeds_every_table_or_none(sqlite_url, capsys):
    build("sqlite", sqlite_url, drifted.newer())
    assert main(["seed", "--db", sqlite_url, "--select", "users", "--follow-live-schema"]) == 2
    assert capsys.readouterr().err == "seed-pipeline: error: --follow-live-schema seeds every table: leave out --select\n"
