"""Each declaration of a model, held at its edges by the suites derived from it: a table of the test's own,
one column or index of each kind, a row exactly on each edge (which passes) and a row just past it (which
fails that declaration alone, with its count). Also what validating leaves around it: the terminal, a GE
project in the working directory, a session's time zone.

The database's copy is created without constraints, so that every breakage can be written. The light
scenario's history is October 2026: dates from 1 October to 31 October 23:59:59 are in it."""

import sqlite3
from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

import seed_pipeline.checks.catalog  # noqa: F401  (built on TERP's model, before a test's own model is in use)
from seed_pipeline.checks.expectations import _dialect, sql_rules, validate_all, validate_table
from seed_pipeline.generation.context import HistoryWindow, SeedSettings
from seed_pipeline.loaders.engines import dispose
from seed_pipeline.model import Model, shared, using
from seed_pipeline.schema.types import Timestamp
from seed_pipeline_tests.dbtools import editable

END = date(2026, 10, 31)
LIGHT = SeedSettings("light", 42, 1.0, END)


# A model of two tables, one declaring one of each kind (named in camelCase, as many of TERP's are: PostgreSQL
# keeps its case).
PROBE_TABLE = (
    "CREATE TABLE probeRows (id INTEGER, code VARCHAR(5), kind VARCHAR(1), note TEXT, amount NUMERIC(5, 2), "
    "units NUMERIC(3), made_at TIMESTAMP, day DATE, due_date DATE, shelf INTEGER, bin INTEGER, tag INTEGER, "
    "parent_id INTEGER)"
)
# every value on its edge, or NULL where the column may be NULL; a unique pair with a NULL is no duplicate
PROBE_ROWS = [
    (1, "ABCDE", "A", "x" * 300, 999.99, 999, "2026-10-01 00:00:00", "2026-10-01", "2027-10-31", 1, None, 1, 7),
    (2, "B", "B", None, -999.99, -999, "2026-10-31 23:59:59", "2026-10-31", None, 1, None, 2, None),
    (3, "C", None, None, None, None, None, None, None, None, None, None, None),
]
ORPHAN = "orphan probeRows.parent_id -> parent.id (declared)"


def _probe_metadata() -> sa.MetaData:
    metadata = sa.MetaData()
    sa.Table("parent", metadata, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table(
        "probeRows", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(5), nullable=False, unique=True),
        sa.Column("kind", sa.Enum("A", "B", name="probe_kind")),
        sa.Column("note", sa.Text),  # no length to hold
        sa.Column("amount", sa.Numeric(5, 2)),  # |amount| < 1000
        sa.Column("units", sa.Numeric(3)),  # no scale: |units| < 1000
        sa.Column("made_at", Timestamp),
        sa.Column("day", sa.Date),
        sa.Column("due_date", sa.Date),  # may be after the end date
        sa.Column("shelf", sa.Integer),
        sa.Column("bin", sa.Integer),
        sa.Column("tag", sa.Integer),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("parent.id")),
        sa.UniqueConstraint("shelf", "bin"),
        sa.Index("probe_tag", "tag", unique=True),
    )
    return metadata


@pytest.fixture
def probe_model():
    """The two tables as the current model (the catalog is imported first, on TERP's own)."""
    assert HistoryWindow.ending(END, LIGHT.resolved.months) == HistoryWindow(date(2026, 10, 1), END)
    base = shared()
    with using(Model(_probe_metadata(), base.phases, base.volumes)) as model:
        yield model


@pytest.fixture
def probe(probe_model, tmp_path):
    """(url, run SQL): a SQLite database holding the rows on every edge, and a way to change them."""
    path = tmp_path / "probe.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute(PROBE_TABLE)
        conn.execute("CREATE TABLE parent (id INTEGER)")
        conn.execute("INSERT INTO parent VALUES (7)")
        conn.executemany(f"INSERT INTO probeRows VALUES ({', '.join('?' * 13)})", PROBE_ROWS)
    conn.close()
    yield from editable(path)


def _row(**values) -> str:
    """An INSERT of a fourth row, sound but for ``values``."""
    row = {"id": 4, "code": "D", **values}
    return f"INSERT INTO probeRows ({', '.join(row)}) VALUES ({', '.join(repr(v) if v is not None else 'NULL' for v in row.values())})"


def test_every_declaration_holds_on_its_edge(probe):
    url, _ = probe
    result = validate_table(url, "probeRows", LIGHT)
    assert (result.success, result.failures, str(result)) == (True, [], "probeRows: ok")


BETWEEN, UNIQUE = "expect_column_values_to_be_between", "expect_column_values_to_be_unique"


@pytest.mark.parametrize("statement, failure", [
    (_row(code=None), ("expect_column_values_to_not_be_null", "code", 1)),
    (_row(code="ABCDEF"), ("expect_column_value_lengths_to_be_between", "code", 1)),  # String(5)
    (_row(kind="C"), ("expect_column_values_to_be_in_set", "kind", 1)),
    (_row(amount=1000), (BETWEEN, "amount", 1)),  # Numeric(5, 2): three digits before the point
    (_row(amount=-1000), (BETWEEN, "amount", 1)),
    (_row(units=1000), (BETWEEN, "units", 1)),  # Numeric(3): no scale, three digits
    (_row(units=-1000), (BETWEEN, "units", 1)),
    (_row(made_at="2026-09-30 23:59:59"), (BETWEEN, "made_at", 1)),  # the second before the history
    (_row(made_at="2026-11-01 00:00:00"), (BETWEEN, "made_at", 1)),  # the second after it
    (_row(day="2026-09-30"), (BETWEEN, "day", 1)),
    (_row(day="2026-11-01"), (BETWEEN, "day", 1)),
    (_row(due_date="2026-09-30"), (BETWEEN, "due_date", 1)),  # a due date may be late, never early
    (_row(id=1), (UNIQUE, "id", 2)),  # the primary key
    (_row(code="ABCDE"), (UNIQUE, "code", 2)),  # a unique column
    (_row(tag=1), (UNIQUE, "tag", 2)),  # a unique index
    (_row(shelf=5, bin=6), None),  # a new pair
    ("UPDATE probeRows SET bin = 3 WHERE id IN (1, 2)", ("expect_compound_columns_to_be_unique", "shelf,bin", 2)),
    (_row(parent_id=8), ("unexpected_rows_expectation", ORPHAN, 1)),
    ("ALTER TABLE probeRows DROP COLUMN tag",
     (UNIQUE, "tag", 'error: Error: The column "tag" in BatchData does not exist.')),
], ids=lambda v: None if isinstance(v, str) else str(v and v[1]))
def test_each_declaration_fails_on_the_row_just_past_its_edge_alone(probe, statement, failure):
    url, execute = probe
    execute(statement)
    result = validate_table(url, "probeRows", LIGHT)
    assert result.failures == ([failure] if failure else [])
    assert str(result) == (f"probeRows: {failure[0]} [{failure[1]}]: {failure[2]}" if failure else "probeRows: ok")


def test_a_row_breaking_three_declarations_is_reported_by_each(probe):
    url, execute = probe
    execute(_row(id=1, code=None, kind="C"))
    text = str(validate_table(url, "probeRows", LIGHT))
    assert text.startswith("probeRows: ")
    assert sorted(text.removeprefix("probeRows: ").split("; ")) == [
        "expect_column_values_to_be_in_set [kind]: 1",
        "expect_column_values_to_be_unique [id]: 2",
        "expect_column_values_to_not_be_null [code]: 1",
    ]


def test_validate_all_takes_every_table_in_name_order_or_those_named_in_their_order(probe):
    url, _ = probe
    assert [(r.table, r.success) for r in validate_all(url, LIGHT)] == [("parent", True), ("probeRows", True)]
    assert [(r.table, r.success) for r in validate_all(url, LIGHT, ["probeRows", "parent"])] == [("probeRows", True), ("parent", True)]


def _create_probe(model: Model, url: str, *statements: str) -> None:
    engine = sa.create_engine(url)
    try:
        model.metadata.create_all(engine)
        with engine.begin() as conn:
            for sql in statements:
                conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def test_a_value_outside_a_native_enum_on_postgresql(probe_model, pg_url):
    # PostgreSQL keeps an enum's values in its own type: a value the model does not know is one the type gained
    _create_probe(probe_model, pg_url, """INSERT INTO "probeRows" (id, code, kind) VALUES (1, 'A', 'A'), (2, 'B', 'B')""")
    engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("ALTER TYPE probe_kind ADD VALUE 'C'")
        conn.exec_driver_sql("""UPDATE "probeRows" SET kind = 'C' WHERE id = 2""")
    engine.dispose()
    result = validate_table(pg_url, "probeRows", LIGHT)
    assert result.failures == [("unexpected_rows_expectation", "probeRows.kind outside its enum", 1)]
    # the rule's SQL returns the row that breaks it: its key and the value outside the enum
    with using(probe_model):
        (query,) = [q for rule, q in sql_rules("probeRows", _dialect("postgresql")) if rule.endswith("outside its enum")]
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        assert [tuple(r) for r in conn.exec_driver_sql(query.format())] == [(2, "C")]
    engine.dispose()


def test_mysql_timestamps_are_read_in_utc_whatever_the_sessions_time_zone(probe_model, mysql_url):
    # the loaders write TIMESTAMPs in UTC: the last second of the history, read five hours ahead, would be past it
    _create_probe(probe_model, mysql_url, "SET time_zone = '+00:00'",
                  "INSERT INTO probeRows (id, code, made_at) VALUES (1, 'A', '2026-10-31 23:59:59')")
    ahead = make_url(mysql_url).update_query_dict({"init_command": "SET time_zone = '+05:00'"})
    url = ahead.render_as_string(hide_password=False)
    engine = sa.create_engine(url)
    with engine.connect() as conn:  # the session's own zone does apply on this URL
        assert str(conn.exec_driver_sql("SELECT made_at FROM probeRows").scalar()) == "2026-11-01 04:59:59"
    engine.dispose()
    result = validate_table(url, "probeRows", LIGHT)
    assert (result.success, result.failures) == (True, [])
    dispose(url)


def test_validating_writes_nothing_to_the_terminal(probe, capsys):
    # neither GE's progress bars nor its hint for a query without {batch}; a failing suite runs twice
    url, execute = probe
    execute(_row(kind="C"))
    assert not validate_table(url, "probeRows", LIGHT).success
    assert capsys.readouterr() == ("", "")


def test_the_runner_keeps_its_context_in_memory_beside_a_ge_project(probe, tmp_path, monkeypatch):
    # run from a directory holding a GE project, the runner neither reads it nor adds its data source to it
    import great_expectations as gx

    project = tmp_path / "project"
    project.mkdir()
    gx.get_context(mode="file", project_root_dir=project)
    config = (project / "gx" / "great_expectations.yml").read_text()
    monkeypatch.chdir(project)
    url, _ = probe
    assert validate_table(url, "probeRows", LIGHT).success
    assert validate_table(url, "probeRows", LIGHT).success
    assert (project / "gx" / "great_expectations.yml").read_text() == config
