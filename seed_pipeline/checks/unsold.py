"""Rules of the sales that do not stand: drafts, sales cancelled before they were packed, invoices voided.

What stands is written once (``rules.stands``, ``rules.cancelled``); ``stands_sql`` and ``cancelled_sql`` are the
same rule as SQL, for the figures and the rules that count only what was sold. A voided invoice is one whose
notes say it was re-issued (``rules.VOID_NOTE``): it counts in no revenue, balance or client statement.
"""

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business import hours
from seed_pipeline.business.history.unsold import drafts_since
from seed_pipeline.business.rules import VOID_NOTE, cancelled, unsold_counts
from seed_pipeline.checks.quotes import touched
from seed_pipeline.checks.violations import CENT, fetch_frame, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
orders, invoices, ledger, payments = T["orders"], T["invoices"], T["ledgerEntries"], T["payments"]


def cancelled_sql(o: sa.Table = orders):
    """``rules.cancelled`` in SQL: CANCELLED and never shipped."""
    return sa.and_(o.c.saleStatus == "CANCELLED", o.c.shipped_at.is_(None))


def stands_sql(o: sa.Table = orders):
    """``rules.stands`` in SQL: a SALE, not a draft, not cancelled before it shipped."""
    return sa.and_(o.c.orderType == "SALE", sa.not_(o.c.is_draft), sa.not_(sa.func.coalesce(cancelled_sql(o), False)))


STANDS = stands_sql()
VOIDED = invoices.c.notes.like(f"{VOID_NOTE}%")
LIVE = sa.or_(invoices.c.notes.is_(None), sa.not_(VOIDED))  # every invoice but the voided ones


def _orders(conn) -> pd.DataFrame:
    o = fetch_frame(conn, sa.select(orders.c.id, orders.c.orderType, orders.c.is_draft, orders.c.saleStatus,
                                    orders.c.created_at, orders.c.confirmed_at, orders.c.packed_at, orders.c.shipped_at,
                                    orders.c.updated_at, orders.c.cash_payment, orders.c.invoice_id))
    o["is_draft"] = o["is_draft"].astype(bool)
    o["kind"] = np.select([o["orderType"] != "SALE", o["is_draft"], cancelled(o["saleStatus"], o["shipped_at"])],
                          ["QUOTE", "DRAFT", "CANCELLED"], "STANDS")
    return o


def unsold_sales_move_no_stock_nor_money(conn, as_of: date) -> int:
    """A draft or cancelled sale has no lines, invoice, stock movement or return, and was never packed or shipped;
    a cancelled one was confirmed and took no cash, a draft has no sale status and was never confirmed.
    Counts the sales that break it."""
    o = _orders(conn)
    unsold = o[o["kind"].isin(["DRAFT", "CANCELLED"])]
    draft = unsold["kind"] == "DRAFT"
    wrong = unsold["packed_at"].notna() | unsold["shipped_at"].notna() | unsold["invoice_id"].notna()
    wrong |= draft & (unsold["saleStatus"].notna() | unsold["confirmed_at"].notna())
    wrong |= ~draft & (unsold["confirmed_at"].isna() | (unsold["cash_payment"].astype(float).abs() > CENT))
    ids = sa.select(orders.c.id).where(sa.or_(orders.c.is_draft, cancelled_sql()), orders.c.orderType == "SALE")
    return len(set(unsold["id"][wrong]) | touched(conn, ids))


def unsold_sales_dated_in_the_history(conn, as_of: date) -> int:
    """A cancelled sale was confirmed after it was entered and cancelled (its last update) after it was confirmed,
    by the end date; a draft was entered in the last ``DRAFT_SALE_DAYS`` working days and not changed since."""
    o = _orders(conn)
    end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    made, confirmed, changed = moments(o["created_at"]), moments(o["confirmed_at"]), moments(o["updated_at"])
    gone = (o["kind"] == "CANCELLED").to_numpy()
    wrong = gone & ~((made <= confirmed) & (confirmed < changed) & (changed < end)).to_numpy()
    draft = (o["kind"] == "DRAFT").to_numpy()
    since = drafts_since(end - pd.Timedelta(seconds=1))
    wrong |= draft & ((hours.to_working(made) < since) | (made >= end) | (changed != made)).to_numpy()
    return int(wrong.sum())


def unsold_counts_are_exact(conn, as_of: date) -> int:
    """The history holds ``rules.unsold_counts`` of its standing sales: cancelled sales, draft sales and voided
    invoices, each exactly. Counts the kinds whose number is off."""
    kinds = _orders(conn)["kind"].value_counts()
    voided = conn.execute(sa.select(sa.func.count()).select_from(invoices).where(VOIDED)).scalar()
    found = {"CANCELLED": kinds.get("CANCELLED", 0), "DRAFT": kinds.get("DRAFT", 0), "VOIDED": voided}
    return sum(int(found[k] != n) for k, n in unsold_counts(int(kinds.get("STANDS", 0))).items())


def voided_invoice_is_reversed_and_reissued(conn, as_of: date) -> int:
    """A voided invoice is VOID with nothing paid, due or received, voided (its last update) after it was keyed
    and by the end date; its journals are reversed (INVOICE_REVERSAL) on every account, on or after its date
    and by the end date; its order's invoice is another one, for the same client and total, keyed after the
    void and named in its notes. Only a voided invoice is reversed. Counts the invoices that break it."""
    i = fetch_frame(conn, sa.select(invoices.c.id, invoices.c.invoiceNumber, invoices.c.customerId, invoices.c.invoiceDate,
                                    invoices.c.totalAmount, invoices.c.amountPaid, invoices.c.amountDue, invoices.c.status,
                                    invoices.c.notes, invoices.c.referenceId, invoices.c.createdAt, invoices.c.updatedAt))
    void = i[i["notes"].fillna("").str.startswith(VOID_NOTE)].set_index("id")
    named = pd.Series(fetch_frame(conn, sa.select(orders.c.id, orders.c.invoice_id)).set_index("id")["invoice_id"])
    again = i.set_index("id").reindex(named.reindex(void["referenceId"]).to_numpy())
    received = set(conn.execute(sa.select(payments.c.invoiceId).where(payments.c.invoiceId.in_(void.index.tolist()))).scalars())
    wrong = ((void["status"] != "VOID") | (void[["amountPaid", "amountDue"]].astype(float).abs() > CENT).any(axis=1)
             | void.index.isin(received) | ~(moments(void["createdAt"]) < moments(void["updatedAt"])).to_numpy()
             | (moments(void["updatedAt"]) >= pd.Timestamp(as_of) + pd.Timedelta(days=1)).to_numpy())
    wrong |= ((again.index.to_numpy() == void.index.to_numpy()) | (again["customerId"].to_numpy() != void["customerId"].to_numpy())
              | (np.abs(again["totalAmount"].astype(float).to_numpy() - void["totalAmount"].astype(float).to_numpy()) > CENT)
              | ~(moments(again["createdAt"]).to_numpy() >= moments(void["updatedAt"]).to_numpy())
              | np.array([not str(n).startswith(f"{VOID_NOTE}{r}:") for n, r in zip(void["notes"], again["invoiceNumber"])]))
    e = fetch_frame(conn, sa.select(ledger.c.referenceType, ledger.c.referenceId, ledger.c.accountId, ledger.c.entryDate,
                                    (ledger.c.debit - ledger.c.credit).label("net"))
                    .where(ledger.c.referenceType.in_(["INVOICE", "INVOICE_REVERSAL"])))
    e["net"] = e["net"].astype(float)
    reversal = e[e["referenceType"] == "INVOICE_REVERSAL"]
    net = e[e["referenceId"].isin(void.index)].groupby(["referenceId", "accountId"])["net"].sum().abs() > CENT
    reversed_on = moments(reversal["entryDate"]).groupby(reversal["referenceId"].to_numpy())
    early = moments(void["invoiceDate"]).reindex(void.index).to_numpy() > reversed_on.min().reindex(void.index).to_numpy()
    late = reversed_on.max().reindex(void.index) > pd.Timestamp(as_of)
    missing = ~void.index.isin(reversal["referenceId"])
    bad = set(void.index[wrong.to_numpy() | early | late.to_numpy() | missing]) | set(net[net].index.get_level_values(0))
    return len(bad | set(reversal["referenceId"][~reversal["referenceId"].isin(void.index)]))


RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    f.__name__: f for f in (unsold_sales_move_no_stock_nor_money, unsold_sales_dated_in_the_history, unsold_counts_are_exact,
                            voided_invoice_is_reversed_and_reissued)
}
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    # on the movements, the last of the tables it reads: a run seeding only the core checks it with them
    "unsold_sales_move_no_stock_nor_money": ("inventoryMovements", ("orders", "order_line_items", "invoices", "returns")),
    "unsold_sales_dated_in_the_history": ("orders", ()),
    "unsold_counts_are_exact": ("invoices", ("orders",)),
    "voided_invoice_is_reversed_and_reissued": ("ledgerEntries", ("invoices", "orders", "payments")),
}
