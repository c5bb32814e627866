"""``consistency.some_buyers_lapsed`` at its edges, and the rows the rules written as SQL report, on copies of the
light seed.

The light seed's history is October 2026 alone, too short to ask for lapsed buyers (the rule holds on it);
each case makes it longer by moving the top buyer's first order back, then places other buyers' last sales.
Lapsed is TERP's ``getLapsedBuyers``: whole days since the last SALE, from the end of the end date, 90 or more.
The end date is 2026-10-31, so its end is 2026-11-01 00:00: 2026-08-03 00:00 is exactly 90 days back, and a
history from 2026-07-03 00:00 exactly 121 (a season: a lapse and a month), from 2026-07-02 00:00 122.
"""

import sqlite3
from datetime import date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

from seed_pipeline.checks import consistency
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline_tests.dbtools import planted

END = date(2026, 10, 31)
TOP = "(SELECT client_id FROM orders GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1)"  # client 2, 17 orders
FEWEST = "(SELECT client_id FROM orders GROUP BY client_id ORDER BY count(*), client_id LIMIT 1)"  # client 3, 3 sales
QUOTING = ("(SELECT client_id FROM orders GROUP BY client_id HAVING sum(orderType = 'QUOTE') > 0 "
           "ORDER BY count(*), client_id LIMIT 1)")  # client 9: 3 sales and 2 quotes


def _top_first(moment: str) -> str:
    """The top buyer's first order moved to ``moment``: the history starts there, and that buyer still buys in October."""
    return f"UPDATE orders SET created_at = '{moment}' WHERE id = (SELECT min(id) FROM orders WHERE client_id = {TOP})"


LONG = _top_first("2026-01-05 10:00:00")


@pytest.fixture(scope="module")
def seeded(seeded_sqlite):
    return seeded_sqlite("light", 42, END.isoformat())


@pytest.fixture
def lapsed(seeded, tmp_path):
    """Runs the statements on a copy of the seed, then the rule on it."""
    def run(*statements: str) -> int:
        copy = planted(seeded, tmp_path / "lapsed.sqlite", statements)
        engine = make_engine(f"sqlite:///{copy}")
        try:
            with engine.connect() as c:
                return consistency.some_buyers_lapsed(c, END)
        finally:
            engine.dispose()

    return run


@pytest.mark.parametrize("statements, violations", [
    ((), 0),  # a month of history: not asked
    ((LONG,), 1),  # a long history, every buyer bought in October: none lapsed
    # a buyer whose last sale is exactly 90 days back has lapsed; a second later, 89 days and a rest, not yet
    ((LONG, f"UPDATE orders SET created_at = '2026-08-03 00:00:00' WHERE client_id = {FEWEST}"), 0),
    ((LONG, f"UPDATE orders SET created_at = '2026-08-03 00:00:01' WHERE client_id = {FEWEST}"), 1),
    # a buyer whose sales are all long past lapsed, though it asked for quotes in October: a quote is no purchase
    ((LONG, f"UPDATE orders SET created_at = '2026-07-01 10:00:00' WHERE client_id = {QUOTING} AND orderType = 'SALE'"), 0),
    # a history of exactly a season is not asked yet; a day longer, it is (none lapsed)
    ((_top_first("2026-07-03 00:00:00"),), 0),
    ((_top_first("2026-07-02 00:00:00"),), 1),
    # no order at all: nothing to ask
    (("DELETE FROM orders",), 0),
], ids=["short", "none-lapsed", "exactly-90-days", "a-second-short", "quotes-are-no-purchase", "a-season",
        "a-day-over-a-season", "no-order"])
def test_some_buyers_lapsed_at_its_edges(lapsed, statements, violations):
    assert lapsed(*statements) == violations


# Each rule written as SQL returns the rows that break it, which is what a failure shows (the asset check's count,
# the Great Expectations suite's unexpected rows): each row names the record and sets side by side the values that
# disagree. The expected row is read from the sound seed with plain SQL, then changed as the statement changes it.
ROWS = {
    "order_total_is_sum_of_lines": (
        "UPDATE orders SET total = total + 0.01 WHERE id = 1",
        "SELECT id, total + 0.01, (SELECT sum(line_total) FROM order_line_items WHERE order_id = 1) FROM orders WHERE id = 1"),
    "one_invoice_per_order": (  # invoice 2 moved to order 1: order 1 has two, order 2 none
        "UPDATE invoices SET referenceId = 1 WHERE id = 2", "SELECT 1, 2 UNION ALL SELECT 2, NULL"),
    "invoice_total_is_order_total": (
        "UPDATE invoices SET totalAmount = totalAmount + 0.01 WHERE id = 1",
        "SELECT i.id, i.totalAmount + 0.01, o.total FROM invoices i JOIN orders o ON o.id = i.referenceId WHERE i.id = 1"),
    "paid_plus_due_is_total": (
        "UPDATE invoices SET amountPaid = amountPaid + 0.01 WHERE id = 1",
        "SELECT id, amountPaid + 0.01, amountDue, totalAmount FROM invoices WHERE id = 1"),
    "client_running_totals": (  # what client 1's sales that stand add up to, and what its invoices leave due
        "UPDATE clients SET total_spent = total_spent + 0.01 WHERE id = 1",
        "SELECT c.id, c.total_spent + 0.01, (SELECT sum(total) FROM orders WHERE client_id = 1 AND orderType = 'SALE' "
        "AND NOT is_draft AND coalesce(saleStatus, '') <> 'CANCELLED'), c.total_owed, "
        "(SELECT sum(amountDue) FROM invoices WHERE customerId = 1) FROM clients c WHERE c.id = 1"),
    "return_after_delivery": (
        "UPDATE returns SET processed_at = (SELECT shipped_at FROM orders WHERE id = returns.order_id) WHERE id = 1",
        "SELECT r.id, o.shipped_at, o.shipped_at FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.id = 1"),
}


def _plain(value):
    """A value as the seed's SQLite text gives it: amounts to the cent, moments as text."""
    if isinstance(value, float | Decimal):
        return round(float(value), 2)
    return str(value) if isinstance(value, datetime) else value


@pytest.mark.parametrize("rule", sorted(ROWS))
def test_sql_rule_reports_the_rows_that_break_it(seeded, tmp_path, rule):
    statement, expected_sql = ROWS[rule]
    with sqlite3.connect(seeded) as sound:
        expected = sorted(tuple(_plain(v) for v in row) for row in sound.execute(expected_sql))
    copy = planted(seeded, tmp_path / "broken.sqlite", [statement])
    engine = make_engine(f"sqlite:///{copy}")
    try:
        with engine.connect() as c:
            seen = sorted(tuple(_plain(v) for v in row) for q in consistency.SQL_RULES[rule](END) for row in c.execute(q))
    finally:
        engine.dispose()
    assert seen == expected


def test_returned_goods_are_read_from_json_text(seeded, monkeypatch):
    """A driver may give a JSON column as its text (MariaDB's JSON is LONGTEXT, which a followed live schema reflects
    as text): the returns are decoded all the same, so the seed's return of batch 3 still adds up (the rule holds)."""
    as_text = sa.Table("returns", sa.MetaData(), sa.Column("id", sa.Integer), sa.Column("items", sa.Text))
    monkeypatch.setattr(consistency, "returns_", as_text)
    engine = make_engine(f"sqlite:///{seeded}")
    try:
        with engine.connect() as c:
            assert isinstance(c.execute(sa.select(as_text.c["items"])).scalar(), str)
            assert consistency.on_hand_is_received_less_sold_sampled_plus_returned(c, END) == 0
    finally:
        engine.dispose()
