"""Great Expectations suites from the model: a seeded database passes them, and each kind of rule
catches its own breakage (made with plain SQL on a copy of a seeded SQLite database)."""

import contextlib
import inspect
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

import seed_pipeline.checks.catalog  # noqa: F401  (built on TERP's model, before a test's own model is in use)
from seed_pipeline.checks.expectations import (
    Validator,
    _dialect,
    _sql,
    _table_result,
    business_rules,
    business_suite,
    caller_frames,
    model_suite,
    sql_rules,
    table_suite,
    validate_all,
    validate_table,
)
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.engines import dispose
from seed_pipeline.schema import TABLES, references
from seed_pipeline_tests.dbtools import editable
from seed_pipeline_tests.loaders import samples

END = date(2026, 10, 31)
LIGHT = SeedSettings("light", 42, 1.0, END)
FULL = SeedSettings("full", 42, 1.0, END)


def _timed_validate_all(url: str, settings: SeedSettings, label: str):
    started = time.perf_counter()
    results = validate_all(url, settings)
    print(f"\nvalidate_all on a {label} seed: {time.perf_counter() - started:.1f} s for {len(results)} tables")
    return results


def _failing(results) -> list[str]:
    return [str(r) for r in results if not r.success]


@pytest.fixture(scope="module")
def light_sqlite(seeded_sqlite):
    """The light seed shared by the session; tests break copies of it."""
    return seeded_sqlite("light", 42, END.isoformat())


@pytest.fixture
def broken(light_sqlite, tmp_path):
    """(url, run SQL): a private copy of the light seed and a way to break it; no FK enforcement."""
    path = tmp_path / "broken.sqlite"
    shutil.copyfile(light_sqlite, path)
    yield from editable(path)


def _fails(url: str, table: str, kind: str, subject: str) -> None:
    result = validate_table(url, table, LIGHT)
    assert not result.success
    assert any(k == kind and s == subject for k, s, _ in result.failures), result.failures


# --- the suites -------------------------------------------------------------------------------


def test_importing_the_checks_does_not_import_great_expectations():
    code = "import sys, seed_pipeline.checks.expectations; assert 'great_expectations' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_suite_covers_every_kind_of_rule():
    kinds = {e.expectation_type for e in table_suite("orders", LIGHT)}
    assert kinds >= {
        "expect_column_values_to_not_be_null",
        "expect_column_values_to_be_unique",
        "expect_column_values_to_be_in_set",
        "expect_column_value_lengths_to_be_between",
        "expect_column_values_to_be_between",
        "unexpected_rows_expectation",
    }
    assert "expect_compound_columns_to_be_unique" in {e.expectation_type for e in table_suite("role_permissions", LIGHT)}


def test_the_suites_are_written_for_sqlite_unless_told_and_each_rule_says_what_it_guards():
    from seed_pipeline.checks.catalog import active_checks

    business = business_suite("ledgerEntries", LIGHT)  # no dialect named: SQLite's
    guards = {c.name: c.description for c in active_checks() if c.asset == "ledgerEntries" and c.rows is not None}
    assert {e.meta["rule"]: e.description for e in business} == guards
    assert [e.unexpected_rows_query for e in business] == [
        query for _, _, query in business_rules("ledgerEntries", LIGHT, _dialect("sqlite"))]
    rules = [e for e in model_suite("ledgerEntries", LIGHT) if e.expectation_type == "unexpected_rows_expectation"]
    assert [(e.description, e.unexpected_rows_query) for e in rules] == sql_rules("ledgerEntries", _dialect("sqlite"))
    assert all(e.meta["rule"] == e.description for e in rules)


def test_a_suite_for_postgresql_is_rendered_for_postgresql():
    # both parts: the enums checked by a rule (GE's value set compares a native enum with text, which PostgreSQL
    # rejects), and the business rules' SQL written in PostgreSQL's dialect, not SQLite's
    suite = table_suite("orders", LIGHT, "postgresql")
    assert "expect_column_values_to_be_in_set" not in {e.expectation_type for e in suite}
    rules = {(e.meta or {}).get("rule"): e.unexpected_rows_query for e in suite if e.expectation_type == "unexpected_rows_expectation"}
    assert "orders.paymentTerms outside its enum" in rules
    business = {check: query for check, _, query in business_rules("orders", LIGHT, _dialect("postgresql"))}
    on_sqlite = {check: query for check, _, query in business_rules("orders", LIGHT, _dialect("sqlite"))}
    assert business != on_sqlite
    assert {check: rules[check] for check in business} == business


@pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mysql"])
def test_light_seed_passes_every_table_on_every_engine(seeded_database, engine):
    url = seeded_database(engine, "light", 42, END.isoformat())  # shared with the other tests of the session
    results = _timed_validate_all(url, LIGHT, f"light {engine}")
    assert len(results) == len(TABLES) == 120
    assert _failing(results) == []


@pytest.mark.slow
@pytest.mark.xdist_group("full")
def test_full_seed_on_sqlite_passes_every_table(seeded_sqlite):
    url = f"sqlite:///{seeded_sqlite('full', 42, END.isoformat())}"
    assert _failing(_timed_validate_all(url, FULL, "full SQLite")) == []


def test_ge_learns_its_callers_from_caller_frames_as_inspect_stack_would_tell_them(tmp_path):
    """GE 1.24.1 asks ``util.stack()`` who called its Decimal conversion (a profiler?): the validator answers
    with each frame's file and function, in ``inspect.stack``'s order, without reading source files."""
    import great_expectations.util as gx_util

    def where():
        return caller_frames(), inspect.stack()

    def shown(frames):  # without mutmut's frames: it runs the tests, and calls every function through its own
        return [(f.filename, f.function) for f in frames if f"{os.sep}mutmut{os.sep}" not in f.filename]

    ours, theirs = where()
    assert shown(ours) == shown(theirs)
    assert shown(ours)[0][1] == "where" and len(shown(ours)) > 3
    Validator(f"sqlite:///{tmp_path / 'empty.sqlite'}", LIGHT)
    assert gx_util.stack is caller_frames
    assert "stack" in gx_util.convert_decimal_to_float.__code__.co_names  # what GE's conversion still asks
    lossy = Decimal("0.12345678901234567890")
    assert gx_util.convert_decimal_to_float(lossy) == float(lossy)


# --- each kind of rule catches its breakage --------------------------------------------------


def test_duplicate_and_null_where_the_database_does_not_enforce_them(broken):
    url, execute = broken
    # Rebuild orders without constraints (CREATE TABLE AS keeps columns and rows, drops the rest).
    execute(
        "CREATE TABLE orders_loose AS SELECT * FROM orders",
        "DROP TABLE orders",
        "ALTER TABLE orders_loose RENAME TO orders",
        "UPDATE orders SET order_number = (SELECT order_number FROM orders WHERE id = 1) WHERE id = 2",
        "UPDATE orders SET paymentTerms = NULL WHERE id = 3",
    )
    result = validate_table(url, "orders", LIGHT)
    assert ("expect_column_values_to_be_unique", "order_number", 2) in result.failures
    assert ("expect_column_values_to_not_be_null", "paymentTerms", 1) in result.failures


def test_value_outside_its_enum(broken):
    url, execute = broken
    execute("UPDATE orders SET paymentTerms = 'NET_999' WHERE id = 1")
    _fails(url, "orders", "expect_column_values_to_be_in_set", "paymentTerms")


def test_string_longer_than_declared(broken):
    url, execute = broken
    execute(f"UPDATE orders SET order_number = '{'X' * 51}' WHERE id = 1")  # String(50)
    _fails(url, "orders", "expect_column_value_lengths_to_be_between", "order_number")


def test_numeric_beyond_its_precision(broken):
    url, execute = broken
    execute("UPDATE orders SET avg_margin_percent = 1000 WHERE id = 1")  # Numeric(5, 2)
    _fails(url, "orders", "expect_column_values_to_be_between", "avg_margin_percent")


def test_dates_outside_the_window(broken):
    url, execute = broken
    execute(
        "UPDATE orders SET created_at = '2020-01-01 00:00:00' WHERE id = 1",
        "UPDATE invoices SET invoiceDate = '2027-01-01' WHERE id = 1",  # after the end: not a due date
    )
    _fails(url, "orders", "expect_column_values_to_be_between", "created_at")
    _fails(url, "invoices", "expect_column_values_to_be_between", "invoiceDate")


def test_future_due_dates_are_allowed(broken):
    url, execute = broken
    execute("UPDATE invoices SET dueDate = '2027-06-30' WHERE id = 1")
    assert validate_table(url, "invoices", LIGHT).success


@pytest.mark.parametrize(
    "table, column, kind",
    [("invoices", "customerId", "logical"), ("orders", "client_id", "declared")],
)
def test_reference_pointing_nowhere(broken, table, column, kind):
    url, execute = broken
    execute(f"UPDATE {table} SET {column} = 999999 WHERE id = 1")
    (ref,) = [r for r in references() if (r.table, r.column) == (table, column)]
    assert ref.kind == kind
    _fails(url, table, "unexpected_rows_expectation", f"orphan {ref}")


def test_polymorphic_id_pointing_nowhere(broken, light_sqlite):
    url, execute = broken
    with sqlite3.connect(light_sqlite) as conn:  # the first polymorphic reference the seed uses
        ref, row = next(
            (r, row)
            for r in references()
            if r.kind == "polymorphic"
            for row in conn.execute(f'SELECT id FROM "{r.table}" WHERE "{r.type_column}" = ? LIMIT 1', (r.type_value,))
        )
    conn.close()
    execute(f'UPDATE "{ref.table}" SET "{ref.column}" = 999999 WHERE id = {row[0]}')
    _fails(url, ref.table, "unexpected_rows_expectation", f"orphan {ref}")
    # the rule's SQL returns the row that breaks it: its key, the id pointing nowhere and the type naming the table
    (query,) = [q for rule, q in sql_rules(ref.table, _dialect("sqlite")) if rule == f"orphan {ref}"]
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        rows = conn.execute(query.format()).fetchall()  # GE's str.format gives the query back
    conn.close()
    assert rows == [(row[0], 999999, ref.type_value)]


def test_polymorphic_type_outside_its_vocabulary(broken):
    url, execute = broken
    execute("UPDATE invoices SET referenceType = 'NOWHERE' WHERE id = 1")
    _fails(url, "invoices", "unexpected_rows_expectation", "invoices.referenceType vocabulary")


# --- the business checks run by Great Expectations --------------------------------------------


def test_business_rules_and_figures_are_in_their_tables_suites():
    rules = {(e.meta or {}).get("rule") for table in ("ledgerEntries", "invoices") for e in table_suite(table, LIGHT)}
    assert {"journal_entries_balance", "trial_balance_is_zero", "receivables_control_equals_invoices",
            "overdue_share_on_target", "aged_share_on_target", "paid_plus_due_is_total"} <= rules
    assert "order_revenue_on_target" in {(e.meta or {}).get("rule") for e in table_suite("orders", LIGHT)}


@pytest.mark.parametrize("table, statement, rule, observed", [
    ("ledgerEntries", "UPDATE ledgerEntries SET debit = debit + 1 WHERE id = 1", "journal_entries_balance", "'imbalance'"),
    ("orders", "UPDATE orders SET total = total * 3", "order_revenue_on_target", "'observed'"),
    ("invoices", "UPDATE invoices SET dueDate = '2025-01-01' WHERE amountDue > 0", "aged_share_on_target", "'observed': 1.0"),
    ("bills", "UPDATE billLineItems SET lineTotal = lineTotal + 1 WHERE id = 1", "bill_is_sum_of_its_lines", "'lines'"),
    # the row names the order and both moments: order 1 is client 8's, on the books at 9:55:19 on 1 October
    ("orders", "UPDATE orders SET created_at = datetime((SELECT created_at FROM clients WHERE id = orders.client_id), "
               "'-1 second') WHERE id = 1", "order_after_client_exists",
     "1 rows, e.g. [{'id': 1, 'created_at': '2026-10-01 09:55:18', 'client_created_at': '2026-10-01 09:55:19'}]"),
])
def test_a_broken_business_rule_fails_its_expectation_with_the_rows_that_break_it(broken, table, statement, rule, observed):
    url, execute = broken
    execute(statement)
    result = validate_table(url, table, LIGHT)
    seen = [str(s) for k, r, s in result.failures if (k, r) == ("unexpected_rows_expectation", rule)]
    assert seen and observed in seen[0], result.failures


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql", "mysql"])
def test_a_query_with_braces_reaches_the_database_as_written(dialect):
    # GE fills the query in with str.format: a brace of the query itself must come back from it unchanged
    query = sa.select(sa.literal("{batch}").label("a"), sa.literal("}{").label("b"))
    written = str(query.compile(dialect=_dialect(dialect), compile_kwargs={"literal_binds": True}))
    assert "{batch}" in written
    assert _sql(query, _dialect(dialect)).format(batch="elsewhere") == written


def test_a_business_rule_broken_by_many_rows_shows_how_many_and_the_first_three(broken):
    url, execute = broken
    # one posting more by a dollar in each of four documents' days: four journal entries that do not balance
    execute("UPDATE ledgerEntries SET debit = debit + 1 WHERE id IN (SELECT MIN(id) FROM ledgerEntries "
            "GROUP BY referenceType, referenceId, entryDate ORDER BY 1 LIMIT 4)")
    result = validate_table(url, "ledgerEntries", LIGHT)
    (seen,) = [s for k, r, s in result.failures if r == "journal_entries_balance"]
    assert seen.startswith("4 rows, e.g. [{'referenceType': ")
    assert seen.count("'imbalance': ") == 3


BETWEEN = "expect_column_values_to_be_between"


@contextlib.contextmanager
def _sessions_on(url: str):
    """A function counting the other sessions open on ``url``'s database (none on SQLite, which has no server)."""
    engine = sa.create_engine(url)
    others = {"postgresql": "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
              "mysql": "SELECT count(*) FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()",
              "sqlite": "SELECT 0"}[engine.dialect.name]
    with engine.connect() as conn:
        yield lambda: conn.exec_driver_sql(others).scalar()
    engine.dispose()


def test_a_suite_judges_the_rows_the_tool_wrote_on_every_engine(terp_url):
    """A user's row past the window fails no suite, on any of GE's connections; a seeded row past it does."""
    users = TABLES["users"]
    SeedDatabase(url=terp_url).write_table("users", samples.users().assign(updatedAt=lambda f: f.createdAt), samples.PROVENANCE)
    settings = SeedSettings("full", 42, 1.0, date(2025, 3, 31))  # the samples are dated January 2025
    samples.insert(terp_url, "users", id=900001, openId="open-user", name="A user's user",
                   createdAt="2030-01-01 00:00:00", updatedAt="2030-01-01 00:00:00", lastSignedIn="2030-01-01 00:00:00")
    with _sessions_on(terp_url) as sessions:
        opened = sessions()
        assert str(validate_table(terp_url, "users", settings)) == "users: ok"
        assert sessions() == opened  # GE's connection, which holds the shadows, is closed, not left to the collector
    # a caller that knows which tables hold users' rows saves the question: told none do, it reads them whole
    whole = validate_table(terp_url, "users", settings, foreign=[])
    assert whole.failures == [(BETWEEN, column, 1) for column in ("createdAt", "updatedAt", "lastSignedIn")]
    with Validator(terp_url, settings) as validator:  # whichever connection GE's engine hands out, two at once too
        engine = validator.execution_engine.engine
        with engine.connect() as one, engine.connect() as two:
            counted = sa.select(sa.func.count()).select_from(users)
            assert [one.execute(counted).scalar(), two.execute(counted).scalar()] == [4, 4]
    engine = sa.create_engine(terp_url)
    with engine.begin() as conn:  # updatedAt kept: MariaDB would set it to now
        conn.execute(sa.update(users).where(users.c.id == 1).values(createdAt=datetime(2030, 1, 1), updatedAt=users.c.updatedAt))
    engine.dispose()
    assert validate_table(terp_url, "users", settings).failures == [(BETWEEN, "createdAt", 1)]


def test_the_data_source_logs_in_with_the_urls_password(pg_url):
    url = make_url(pg_url)
    url = url.set(password=url.password or "any")  # the test server trusts its local users: any password logs in
    validator = Validator(url.render_as_string(hide_password=False), LIGHT)
    assert validator.source.get_engine().url.password == url.password
    dispose(url.render_as_string(hide_password=False))


def test_an_expectation_that_raised_is_reported_by_its_message():
    # GE files an error under each metric that failed (as a missing column's, above), or, when the expectation
    # itself raised while validating, under the expectation: either way the failure reads "error: <message>"
    from great_expectations.core import ExpectationValidationResult
    from great_expectations.validator.exception_info import ExceptionInfo

    (expectation,) = [e for e in table_suite("orders", LIGHT)
                      if e.expectation_type == "expect_column_values_to_be_unique" and e.column == "order_number"]
    raised = ExpectationValidationResult(
        success=False, expectation_config=expectation.configuration,
        exception_info=ExceptionInfo(exception_traceback="Traceback ...", exception_message="ValueError: no such value"),
    )
    assert str(_table_result("orders", [raised])) == (
        "orders: expect_column_values_to_be_unique [order_number]: error: ValueError: no such value"
    )


def test_rows_given_as_a_frame_read_as_records():
    # GE's pandas and Spark engines give a query's unexpected rows as a frame, its SQL engines as a list of dicts
    from great_expectations.core import ExpectationValidationResult

    (expectation,) = [e for e in table_suite("ledgerEntries", LIGHT) if (e.meta or {}).get("rule") == "journal_entries_balance"]
    frame = pd.DataFrame({"entry": [1, 2, 3, 4], "imbalance": [1.0, 2.0, 3.0, 4.0]})
    as_frame, as_list = (
        ExpectationValidationResult(success=False, expectation_config=expectation.configuration,
                                    result={"observed_value": 4, "details": {"unexpected_rows": rows}})
        for rows in (frame, frame.to_dict("records"))
    )
    shown = "4 rows, e.g. [{'entry': 1, 'imbalance': 1.0}, {'entry': 2, 'imbalance': 2.0}, {'entry': 3, 'imbalance': 3.0}]"
    assert _table_result("ledgerEntries", [as_frame]).failures == [("unexpected_rows_expectation", "journal_entries_balance", shown)]
    assert _table_result("ledgerEntries", [as_list]).failures == [("unexpected_rows_expectation", "journal_entries_balance", shown)]
