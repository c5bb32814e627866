"""Great Expectations suites from the model: a seeded database passes them, and each kind of rule
catches its own breakage (made with plain SQL on a copy of a seeded SQLite database)."""

import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date

import pytest

from seed_pipeline.checks.expectations import table_suite, validate_all, validate_table
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.loaders.engines import dispose
from seed_pipeline.schema import TABLES, references

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

    def execute(*statements: str) -> None:
        with sqlite3.connect(path) as conn:
            for sql in statements:
                conn.execute(sql)
        conn.close()

    yield f"sqlite:///{path}", execute
    dispose(f"sqlite:///{path}")


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
