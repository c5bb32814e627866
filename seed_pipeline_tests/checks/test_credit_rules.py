"""The credit rules on every engine, on a handful of hand-written rows.

The rule cases (``rule_cases/credit.py``) run on SQLite, whose LIKE ignores case and whose casts to a decimal
keep whatever digits a number has; PostgreSQL and MariaDB do neither, so what the rules read through a pattern
or a cast to cents is held here on each engine.
"""

from datetime import date, datetime

import sqlalchemy as sa

from seed_pipeline.checks import credit
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline.model import shared

END = date(2026, 10, 31)


def _bare(conn, *names: str) -> dict[str, sa.Table]:
    """The model's tables with their columns' names and types only (no key, constraint or enum type): just what
    the rules read."""
    metadata = sa.MetaData()
    made = {}
    for name in names:
        columns = [sa.Column(c.name, sa.String(30) if isinstance(c.type, sa.Enum) else c.type) for c in shared().tables[name].columns]
        made[name] = sa.Table(name, metadata, *columns)
    metadata.create_all(conn)
    return made


def _count(url: str, rule: str, rows: dict[str, list[dict]]) -> int:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            tables = _bare(conn, "creditApplications", *rows)  # the credit rules ask whether any application exists
            for name, values in rows.items():
                conn.execute(tables[name].insert(), values)
        with engine.connect() as conn:
            return credit.RULES[rule](conn, END)
    finally:
        engine.dispose()


def _unspent(note: str | None) -> dict[str, list[dict]]:
    """A credit of client 3 made on 2026-10-20, nothing of it spent, and client 3's invoice paid on 2026-10-29."""
    return {"credits": [{"id": 1, "clientId": 3, "creditAmount": "100.00", "amountUsed": "0.00", "amountRemaining": "100.00",
                         "createdAt": datetime(2026, 10, 20, 10), "expirationDate": datetime(2027, 1, 20, 23, 59, 59), "creditStatus": "ACTIVE"}],
            "invoices": [{"id": 43, "customerId": 3, "notes": note}],
            "payments": [{"id": 11, "invoiceId": 43, "paymentType": "RECEIVED", "paymentDate": date(2026, 10, 29)}]}


def test_a_refunded_invoice_is_none_a_credit_could_be_spent_on(db_url):
    # TERP notes a refund as "Refund of $..."; the note is read as written, on every engine
    assert _count(db_url, "credits_are_spent_where_they_can_be", _unspent("Refund of $1,955.52 issued 2026-10-30")) == 0
    assert _count(db_url, "credits_are_spent_where_they_can_be", _unspent(None)) == 1


def test_amounts_are_read_to_the_cent(db_url):
    # a credit whose remaining amount is a cent short of its amount less what was used, on every engine
    short = {"credits": [{"id": 1, "clientId": 3, "creditAmount": "212.80", "amountUsed": "0.00", "amountRemaining": "212.79",
                          "createdAt": datetime(2026, 10, 20, 10), "creditStatus": "ACTIVE"}]}
    assert _count(db_url, "credit_remaining_is_amount_less_used", short) == 1


def test_quantities_are_read_to_the_hundredth(db_url):
    # a sale of 1.26 lb where its order's line sold 1.25: not that line's sale, on every engine
    def sold(quantity: str) -> dict[str, list[dict]]:
        at = datetime(2026, 10, 1, 15, 33, 39)
        return {"orders": [{"id": 1, "client_id": 8, "created_at": at}],
                "order_line_items": [{"id": 1, "order_id": 1, "batch_id": 9, "quantity": 1.25, "unit_price": 2066.80}],
                "sales": [{"id": 1, "batchId": 9, "customerId": 8, "saleDate": at, "quantity": quantity, "salePrice": "2066.80"}]}
    assert _count(db_url, "sales_are_the_order_lines", sold("1.25")) == 0
    assert _count(db_url, "sales_are_the_order_lines", sold("1.26")) == 1
