"""Rules and figures the checks share with the generators, held to a formulation written here.

``rules.invoice_status`` decides an invoice's status in the generator and in the check
``invoice_status_agrees``, so a bug in it would pass both: here it meets hand-computed cases at its
boundaries, and the seeded statuses meet the same rule written in SQL. The figures the checks
compute (``checks/figures.py``) meet plain SQL written here, on the shared light seed.
"""

import sqlite3
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from seed_pipeline.business.rules import invoice_status
from seed_pipeline.checks import figures, unsold
from seed_pipeline.scenarios import SCENARIOS
from seed_pipeline_tests.dbtools import planted

END = date(2026, 10, 31)

# (total, paid, due, written off) -> status, as of END: a debt written off is VOID whatever else; nothing
# due is PAID whatever the date; a balance past its due date (the day after it, not the day itself) is
# OVERDUE; else part paid is PARTIAL, and nothing paid SENT
CASES = [
    ((100.0, 100.0, "2026-01-01", 0.0), "PAID"),
    ((100.0, 99.996, "2026-01-01", 0.0), "PAID"),  # under half a cent left: nothing due
    ((100.0, 99.99, "2026-10-30", 0.0), "OVERDUE"),
    ((100.0, 0.0, "2026-10-30", 0.0), "OVERDUE"),
    ((100.0, 0.0, "2026-10-31", 0.0), "SENT"),  # due today is not yet late
    ((100.0, 40.0, "2026-10-31", 0.0), "PARTIAL"),
    ((100.0, 40.0, "2026-11-30", 0.0), "PARTIAL"),
    ((100.0, 0.0, "2026-11-30", 0.0), "SENT"),
    ((100.0, 20.0, "2026-01-01", 80.0), "VOID"),  # the rest written off: nothing due, yet not paid
    ((100.0, 0.0, "2025-06-01", 0.01), "VOID"),
]


def test_invoice_status_on_hand_computed_cases():
    frame = pd.DataFrame([inputs for inputs, _ in CASES], columns=["total", "paid", "due", "written_off"])
    got = invoice_status(frame["total"], frame["paid"], pd.to_datetime(frame["due"]), END, frame["written_off"])
    assert list(got) == [status for _, status in CASES]


@pytest.fixture(scope="module")
def db(seeded_sqlite):
    path = seeded_sqlite("light", 42, END.isoformat())
    conn = sqlite3.connect(path)
    yield conn, path
    conn.close()


STATUS_SQL = f"""
SELECT status, CASE
    WHEN round(totalAmount - amountPaid - amountDue, 2) > 0 THEN 'VOID'
    WHEN round(totalAmount - amountPaid, 2) <= 0 THEN 'PAID'
    WHEN date(dueDate) < '{END.isoformat()}' THEN 'OVERDUE'
    WHEN amountPaid > 0 THEN 'PARTIAL'
    ELSE 'SENT' END
FROM invoices"""


def test_seeded_invoice_statuses_follow_the_rule_written_in_sql(db):
    conn, _ = db
    pairs = conn.execute(STATUS_SQL).fetchall()
    assert [p for p in pairs if p[0] != p[1]] == []
    assert {"PAID", "OVERDUE", "SENT"} <= {stored for stored, _ in pairs}  # the rule is exercised, not vacuous


def _top_two_share(conn) -> float:  # the light scenario's 2 whales
    spent = sorted((s for (s,) in conn.execute(f"SELECT sum(total) FROM orders WHERE {SOLD} GROUP BY client_id")), reverse=True)
    return sum(spent[:2]) / sum(spent)


# TERP's dashboards count sales by their invoices: quotes, drafts and cancelled sales have none, and no revenue;
# an invoice counts when its order names it (a voided one was re-issued, and its order names the new one)
SOLD = "orderType = 'SALE' AND id IN (SELECT referenceId FROM invoices WHERE referenceType = 'ORDER')"
GOODS = "FROM order_line_items l JOIN batches b ON b.id = l.batch_id JOIN products p ON p.id = b.productId"
OWED = "FROM invoices WHERE amountDue > 0"  # what clients owe: the positive balances (a credit is not owed)
LATE = f"date(dueDate) < '{END.isoformat()}'"  # due yesterday or before: due today is not yet late
AGED = f"julianday('{END.isoformat()}') - julianday(date(dueDate)) >= 120"  # 120 days or more past due
GROWN = {"indoor": "Indoor", "greenhouse": "Deps", "outdoor": "Outdoor"}  # the app's Flower subcategories


def _one(sql: str):
    return lambda c: c.execute(sql).fetchone()[0]


def _share(part: str, whole: str):
    """part / whole, 0 when the whole is 0 (no receivable, nothing overdue: a share of 0)."""
    return lambda c: (lambda p, w: p / w if w else 0.0)(_one(part)(c), _one(whole)(c))


ORACLES = {
    "order_revenue": _one(f"SELECT total(total) FROM orders WHERE {SOLD}"),
    "invoice_revenue": _one("SELECT total(totalAmount) FROM invoices WHERE id IN (SELECT invoice_id FROM orders)"),
    "orders": _one(f"SELECT count(*) FROM orders WHERE {SOLD}"),
    "lines": _one("SELECT count(*) FROM order_line_items"),
    "buying_clients": _one(f"SELECT count(DISTINCT client_id) FROM orders WHERE {SOLD}"),
    "supplying_vendors": _one("SELECT count(DISTINCT vendorId) FROM lots"),
    "lots_per_month": _one("SELECT count(*) / 1.0 FROM lots"),  # the light scenario is one month long
    "returns_share": _one(f"SELECT (SELECT count(*) FROM returns) * 1.0 / count(*) FROM orders WHERE {SOLD}"),
    "refunds_share": _one("SELECT (SELECT count(*) FROM invoices WHERE notes LIKE 'Refund of $%') * 1.0 / count(*) "
                          f"FROM orders WHERE {SOLD}"),
    "whale_share": _top_two_share,
    "flower_share": _one(f"SELECT sum(CASE WHEN p.category = 'Flower' THEN l.line_total ELSE 0 END) / sum(l.line_total) {GOODS}"),
    "margin": _one(f"SELECT 1 - sum(l.quantity * l.cogs_per_unit) / sum(l.line_total) {GOODS}"),
    "consignment_sale_share": _one(f"SELECT avg(paymentTerms = 'CONSIGNMENT') FROM orders WHERE {SOLD}"),
    # a lot's batches share its terms
    "consignment_intake_share": _one("SELECT avg(paymentTerms = 'CONSIGNMENT') FROM (SELECT DISTINCT lotId, paymentTerms FROM batches)"),
    "receivable": _one(f"SELECT total(amountDue) {OWED}"),
    "overdue": _one(f"SELECT total(amountDue) {OWED} AND {LATE}"),
    "aged": _one(f"SELECT total(amountDue) {OWED} AND {AGED}"),
    "overdue_share": _share(f"SELECT total(amountDue) {OWED} AND {LATE}", f"SELECT total(amountDue) {OWED}"),
    "aged_share": _share(f"SELECT total(amountDue) {OWED} AND {AGED}", f"SELECT total(amountDue) {OWED} AND {LATE}"),
    **{f"price_per_lb_{grow}_{grade}": _one(f"SELECT sum(l.line_total) / sum(l.quantity) {GOODS} "
                                            f"WHERE p.subcategory = '{subcategory}' AND b.grade = '{grade}'")
       for grow, subcategory in GROWN.items() for grade in "ABCD"},
}


def _read(path, read):
    """read(connection) on the SQLite file at path, through SQLAlchemy as the checks read."""
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as sa_conn:
            return read(sa_conn)
    finally:
        engine.dispose()


def _figure(path, name: str):
    return _read(path, lambda c: figures.figure(c, name, SCENARIOS["light"], END))


def _planted(seeded, tmp_path, statements) -> tuple:
    """A copy of the seed with the statements run on it, and every figure's oracle there."""
    path = planted(seeded, tmp_path / "planted.sqlite", statements)
    conn = sqlite3.connect(path)
    expected = {name: oracle(conn) for name, oracle in ORACLES.items()}
    conn.close()
    return path, expected


def test_every_figure_has_its_oracle():
    assert set(ORACLES) == set(figures.FIGURES)


@pytest.mark.parametrize("figure", sorted(ORACLES))
def test_figure_is_what_plain_sql_says(db, figure):
    conn, path = db
    assert _figure(path, figure) == pytest.approx(ORACLES[figure](conn), rel=1e-9)


@pytest.mark.parametrize("grow, grade", [(grow, grade) for grow in GROWN for grade in "ABCD"])
def test_price_of_a_pound_is_each_cells_own(db, grow, grade):
    """Each cell's query built here, at test time: ``FIGURES`` is built once, when the module is imported, which
    under mutmut is before a mutant is switched on (so only a query built now runs a mutant of it)."""
    conn, path = db
    measured = _read(path, lambda c: c.execute(figures._price_per_lb(GROWN[grow], grade)(SCENARIOS["light"], END)).scalar())
    assert measured == pytest.approx(ORACLES[f"price_per_lb_{grow}_{grade}"](conn), rel=1e-9)


def test_all_figures_are_the_measured_ones(db, tmp_path):
    """A price cell nothing was sold in (indoor grade D's lines gone) has no figure; every other is there."""
    gone = ("DELETE FROM order_line_items WHERE batch_id IN (SELECT b.id FROM batches b JOIN products p ON p.id = b.productId "
            "WHERE p.subcategory = 'Indoor' AND b.grade = 'D')")
    path, expected = _planted(db[1], tmp_path, [gone])
    measured = _read(path, lambda c: figures.all_figures(c, SCENARIOS["light"], END))
    assert expected.pop("price_per_lb_indoor_D") is None
    assert measured == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("expected, tolerance, rows", [
    (+1, 0.5, 1), (-1, 0.5, 1),  # the sales counted one short of, or one past, a target half a sale wide
    (+1, 1.0, 0), (-1, 1.0, 0),  # exactly on either edge of a target one sale wide: it holds
])
def test_off_target_is_a_row_only_past_either_edge(db, expected, tolerance, rows):
    """The SQL form of a figure's check (the Great Expectations suites run it) on the light seed's number of sales,
    held to targets around it: one row when the figure misses, none when it holds."""
    conn, path = db
    sales = ORACLES["orders"](conn)
    target = figures.Target("orders", sales + expected, tolerance)
    assert len(_read(path, lambda c: c.execute(figures.off_target(target, SCENARIOS["light"], END)).all())) == rows


# Rows moved to the figures' edges on a copy of the seed (the seed itself has no debt 120 days old, nor a balance
# due exactly today): open invoices due today, yesterday, exactly 120 days ago and 119, a balance of fifty cents and a
# credit, and the buyers' ids reversed (the seed's two biggest buyers are clients 1 and 2, which a query that forgot
# to rank them would pick too); then nothing overdue at all; then nothing owed at all.
OPEN = "SELECT id FROM invoices WHERE amountDue > 0 ORDER BY id LIMIT 1 OFFSET {}"
PLANTED = {
    "edges": [f"UPDATE invoices SET dueDate = '{due}' WHERE id = ({OPEN.format(i)})"
              for i, due in enumerate(["2026-10-31", "2026-10-30", "2026-07-03", "2026-07-04"])]
             + [f"UPDATE invoices SET amountDue = 0.5 WHERE id = ({OPEN.format(4)})",
                f"UPDATE invoices SET amountDue = -10 WHERE id = ({OPEN.format(5)})",
                "UPDATE orders SET client_id = 11 - client_id WHERE client_id BETWEEN 1 AND 10"],
    "nothing_overdue": ["UPDATE invoices SET dueDate = '2026-10-31' WHERE amountDue > 0"],
    "nothing_owed": ["UPDATE invoices SET amountDue = 0"],
}


@pytest.mark.parametrize("plant", sorted(PLANTED))
def test_figures_at_their_edges_are_what_plain_sql_says(db, tmp_path, plant):
    path, expected = _planted(db[1], tmp_path, PLANTED[plant])
    assert {name: _figure(path, name) for name in ORACLES} == pytest.approx(expected, rel=1e-9)


def test_the_edges_hold_debt_120_days_old_and_a_balance_due_today():
    """The planted edges are not vacuous: one invoice is exactly 120 days past due, one due on the end date."""
    due = [statement.split("'")[1] for statement in PLANTED["edges"][:4]]
    assert [(END - date.fromisoformat(d)).days for d in due] == [0, 1, 120, 119]


def test_monthly_revenue_is_each_calendar_months_sales(db, tmp_path):
    """One sale moved back to the last second of September: two months, each its own sum."""
    moved = f"UPDATE orders SET created_at = '2026-09-30 23:59:59' WHERE id = (SELECT min(id) FROM orders WHERE {SOLD})"
    path, _ = _planted(db[1], tmp_path, [moved])
    conn = sqlite3.connect(path)
    expected = dict(conn.execute(f"SELECT strftime('%Y-%m', created_at), sum(total) FROM orders WHERE {SOLD} GROUP BY 1"))
    conn.close()
    measured = _read(path, figures.monthly_revenue)
    assert len(expected) == 2
    assert {str(month): total for month, total in measured.items()} == pytest.approx(expected, rel=1e-9)


def test_the_sales_that_stand_are_the_invoiced_ones(db, tmp_path):
    """``stands_sql`` built here, at test time (``STANDS`` is built on import, before mutmut switches a mutant on),
    picks the sales TERP's dashboards count: those with an invoice. A sale written off after it shipped is CANCELLED
    yet stands (it was sold), and so does a confirmed sale not yet shipped with no sale status; the draft, the sale
    cancelled before it shipped and the quotes have no invoice."""
    first = "(SELECT min(id) FROM orders WHERE invoice_id IS NOT NULL AND shipped_at IS {} NULL)"
    path, _ = _planted(db[1], tmp_path, [f"UPDATE orders SET saleStatus = 'CANCELLED' WHERE id = {first.format('NOT')}",
                                         f"UPDATE orders SET saleStatus = NULL WHERE id = {first.format('')}"])
    conn = sqlite3.connect(path)
    expected = {i for (i,) in conn.execute(f"SELECT id FROM orders WHERE {SOLD}")}
    conn.close()
    orders = unsold.orders
    standing = _read(path, lambda c: set(c.execute(sa.select(orders.c.id).where(unsold.stands_sql())).scalars()))
    assert len(expected) == 50 and standing == expected


# An empty book, worked out by hand: what is summed or counted is 0, a share of nothing (no sales, no lines, no lots)
# is not measured, and the receivable's shares are 0 (nothing owed is nothing overdue)
EMPTY = {"order_revenue": 0.0, "invoice_revenue": 0.0, "orders": 0.0, "lines": 0.0, "buying_clients": 0.0,
         "supplying_vendors": 0.0, "lots_per_month": 0.0, "returns_share": None, "refunds_share": None, "whale_share": None,
         "flower_share": None, "margin": None, "consignment_sale_share": None, "consignment_intake_share": None,
         "receivable": 0.0, "overdue": 0.0, "aged": 0.0, "overdue_share": 0.0, "aged_share": 0.0,
         **{f"price_per_lb_{grow}_{grade}": None for grow in GROWN for grade in "ABCD"}}


def test_figures_of_an_empty_book_divide_by_nothing(terp_url):
    """On every engine: PostgreSQL fails a division by zero where SQLite and MariaDB return NULL."""
    engine = sa.create_engine(terp_url)
    try:
        with engine.connect() as conn:
            measured = {name: figures.figure(conn, name, SCENARIOS["light"], END) for name in EMPTY}
    finally:
        engine.dispose()
    assert measured == EMPTY
