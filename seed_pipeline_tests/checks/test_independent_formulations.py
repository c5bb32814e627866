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
from seed_pipeline.checks import figures
from seed_pipeline.scenarios import SCENARIOS

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
ORACLES = {
    "order_revenue": lambda c: c.execute(f"SELECT sum(total) FROM orders WHERE {SOLD}").fetchone()[0],
    "invoice_revenue": lambda c: c.execute(
        "SELECT sum(totalAmount) FROM invoices WHERE id IN (SELECT invoice_id FROM orders)").fetchone()[0],
    "orders": lambda c: c.execute(f"SELECT count(*) FROM orders WHERE {SOLD}").fetchone()[0],
    "buying_clients": lambda c: c.execute(f"SELECT count(DISTINCT client_id) FROM orders WHERE {SOLD}").fetchone()[0],
    "whale_share": _top_two_share,
    "flower_share": lambda c: c.execute(
        f"SELECT sum(CASE WHEN p.category = 'Flower' THEN l.line_total ELSE 0 END) / sum(l.line_total) {GOODS}").fetchone()[0],
    "margin": lambda c: c.execute(f"SELECT 1 - sum(l.quantity * l.cogs_per_unit) / sum(l.line_total) {GOODS}").fetchone()[0],
    "consignment_sale_share": lambda c: c.execute(
        f"SELECT avg(paymentTerms = 'CONSIGNMENT') FROM orders WHERE {SOLD}").fetchone()[0],
    "overdue_share": lambda c: c.execute(
        f"SELECT sum(CASE WHEN date(dueDate) < '{END.isoformat()}' THEN amountDue ELSE 0 END) / sum(amountDue) "
        "FROM invoices WHERE amountDue > 0").fetchone()[0],
}


@pytest.mark.parametrize("figure", sorted(ORACLES))
def test_figure_is_what_plain_sql_says(db, figure):
    conn, path = db
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as sa_conn:
            measured = figures.figure(sa_conn, figure, SCENARIOS["light"], END)
    finally:
        engine.dispose()
    assert measured == pytest.approx(ORACLES[figure](conn), rel=1e-9)
