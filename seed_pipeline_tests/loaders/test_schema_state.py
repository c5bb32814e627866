"""check / ensure_schema / create_schema on each engine: create only into an empty database,
accept only TERP's exact tables and columns, and refuse everything else in one line without
changing anything."""

import pytest
import sqlalchemy as sa

from seed_pipeline.loaders import DEFAULT_URL, SeedDatabase, SeedDatabaseError
from seed_pipeline.loaders.engines import make_engine, normalise_url
from seed_pipeline.loaders.ownership import BOOKKEEPING, KEYS, OWNERSHIP
from seed_pipeline.schema import TABLES, metadata
from seed_pipeline_tests.loaders.samples import execute, q


def table_names(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return set(sa.inspect(conn).get_table_names())
    finally:
        engine.dispose()


def columns(url: str) -> dict[str, list[str]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            found = sa.inspect(conn).get_multi_columns()
            return {name: [c["name"] for c in cols] for (_s, name), cols in found.items()}
    finally:
        engine.dispose()


def one_line_error(call) -> str:
    with pytest.raises(SeedDatabaseError) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_schema_is_created_once_with_all_120_tables(db_url):
    db = SeedDatabase(url=db_url)
    assert db.check() == "empty"
    assert db.row_counts(["users"]) == {"users": 0}  # no tables yet: nothing counted
    db.create_schema()
    assert table_names(db_url) == set(TABLES) | set(BOOKKEEPING)
    assert db.check() == "terp"
    assert db.ensure_schema() is False
    assert "already has TERP's tables" in one_line_error(db.create_schema)
    assert db.row_counts() == {t: 0 for t in sorted(TABLES)}


def test_terp_schema_without_bookkeeping_gets_it(db_url):
    """TERP's tables with none of the tool's (made as seed makes them, the bookkeeping then dropped)."""
    SeedDatabase(url=db_url).ensure_schema()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        for table in (OWNERSHIP, KEYS):
            table.drop(conn)
    engine.dispose()
    assert table_names(db_url) == set(TABLES)
    db = SeedDatabase(url=db_url)
    assert db.check() == "terp"
    assert db.ensure_schema() is False
    assert OWNERSHIP.name in table_names(db_url)


@pytest.mark.parametrize(
    "url, says",
    [
        ("postgresql://nobody@127.0.0.1:1/nowhere", "cannot connect to postgresql://nobody@127.0.0.1:1/nowhere"),
        ("mysql://root:secret@127.0.0.1:1/nowhere", "cannot connect to mysql://root:***@127.0.0.1:1/nowhere"),
        ("sqlite:////no/such/directory/x.sqlite", "cannot connect to sqlite:////no/such/directory/x.sqlite"),
    ],
)
def test_unreachable_database(url, says):
    assert says in one_line_error(SeedDatabase(url=url).check)


@pytest.mark.parametrize(
    "url, says",
    [
        ("not a url", "malformed database URL"),
        ("oracle://scott@db/orcl", "unknown database driver 'oracle'"),
        ("postgresql://root@127.0.0.1", "names no database"),
        ("sqlite://", "names no file"),
    ],
)
def test_malformed_url(url, says):
    assert says in one_line_error(SeedDatabase(url=url).check)


def test_urls_are_normalised():
    assert normalise_url("postgres://u@h/d").drivername == "postgresql+psycopg"
    assert normalise_url("postgresql://u@h/d").drivername == "postgresql+psycopg"
    mysql = normalise_url("mariadb://u@h/d")
    assert mysql.drivername == "mysql+pymysql" and mysql.query["local_infile"] == "1"
    assert normalise_url("mysql://u@h/d").drivername == "mysql+pymysql"
    assert normalise_url(DEFAULT_URL).database == "terp_seed.sqlite"


def test_foreign_keys_are_enforced_on_sqlite(sqlite_url):
    engine = SeedDatabase(url=sqlite_url).engine()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_table_with_other_columns_is_refused(db_url):
    db = SeedDatabase(url=db_url)
    db.ensure_schema()
    execute(db_url, f"ALTER TABLE users DROP COLUMN {q(db_url, 'loginMethod')}", "ALTER TABLE users ADD COLUMN nickname VARCHAR(20)")
    before = columns(db_url)
    message = one_line_error(db.check)
    assert message.endswith(
        "differs from the model: TERP has moved on: the database has what the model lacks, the model is older; "
        "it also lacks some of the model's: 2 differences: "
        "users.nickname is a column the model lacks (varchar(20)); "
        "users.loginMethod is a column of the model the database lacks (varchar(64)): "
        "`seed-pipeline schema diff --db URL` lists them one per line; --follow-live-schema seeds a newer TERP as it is")
    one_line_error(db.ensure_schema)
    assert columns(db_url) == before


def test_a_partial_schema_is_refused(db_url):
    engine = make_engine(db_url)
    metadata.create_all(engine, tables=[TABLES["users"], TABLES["roles"]])
    engine.dispose()
    db = SeedDatabase(url=db_url)
    message = one_line_error(db.check)
    assert "has 2 of TERP's 120 tables" in message and "missing: " in message
    one_line_error(db.ensure_schema)
    one_line_error(db.create_schema)
    assert table_names(db_url) == {"users", "roles"}


def test_unknown_tables_are_ignored(db_url):
    execute(db_url, "CREATE TABLE app_extra (id INTEGER PRIMARY KEY)")
    db = SeedDatabase(url=db_url)
    assert db.check() == "empty"
    assert db.ensure_schema() is True
    assert db.check() == "terp"


def test_a_failed_create_on_mariadb_removes_only_the_tables_it_made(mysql_url):
    """MariaDB commits each CREATE TABLE: when one fails halfway (a view already holds a TERP table's
    name), the tables made before it go, and what stood before (the view, a table of the user's) stays."""
    execute(mysql_url, "CREATE TABLE users_own_notes (id INT PRIMARY KEY)",
            "CREATE VIEW vip_portal_configurations AS SELECT id FROM users_own_notes")
    message = one_line_error(lambda: SeedDatabase(url=mysql_url).ensure_schema())
    assert "vip_portal_configurations" in message or "already exists" in message
    engine = make_engine(mysql_url)
    try:
        with engine.connect() as conn:
            inspector = sa.inspect(conn)
            assert (set(inspector.get_table_names()), set(inspector.get_view_names())) == (
                {"users_own_notes"}, {"vip_portal_configurations"})
    finally:
        engine.dispose()


def test_sqlite_schema_is_recognised_by_its_create_statements_and_anything_else_reflected(sqlite_url, monkeypatch):
    """A schema the tool created is known by the text SQLite keeps of each CREATE statement, without
    reflecting a table; one statement more (a table the model ignores) or one changed sends it to the full
    comparison, which gives the same answers as before."""
    from seed_pipeline.loaders import schema_state

    reflected = []
    live_metadata = schema_state.live_metadata
    monkeypatch.setattr(schema_state, "live_metadata", lambda conn: reflected.append(1) or live_metadata(conn))
    SeedDatabase(url=sqlite_url).ensure_schema()

    def state() -> str:
        engine = make_engine(sqlite_url)
        try:
            with engine.connect() as conn:
                return schema_state.state(conn, "the database")
        finally:
            engine.dispose()

    assert (state(), len(reflected)) == ("terp", 0)
    execute(sqlite_url, "CREATE TABLE app_extra (id INTEGER PRIMARY KEY)")
    assert (state(), len(reflected)) == ("terp", 1)
    execute(sqlite_url, "DROP TABLE app_extra")
    assert (state(), len(reflected)) == ("terp", 1)
    execute(sqlite_url, "CREATE INDEX users_by_name ON users (name)")
    assert (state(), len(reflected)) == ("terp", 2)  # an index TERP lacks is no difference drift counts
    execute(sqlite_url, "DROP INDEX users_by_name", "ALTER TABLE users ADD COLUMN nickname VARCHAR(20)")
    with pytest.raises(SeedDatabaseError, match="users.nickname is a column the model lacks"):
        state()
    assert len(reflected) == 3
