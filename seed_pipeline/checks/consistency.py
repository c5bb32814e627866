"""Rules that tie the core tables together, each counted as violating rows in the database.

Totals and keys are SQL returning the rows that break them (run by Great Expectations too);
rules about dates, statuses and running stock fetch the few columns they need and apply the same
business functions the generators use.
"""

import json
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.rules import LAPSED_DAYS, invoice_status
from seed_pipeline.checks.unsold import LIVE, STANDS
from seed_pipeline.checks.violations import CENT, by_name, counted, fetch_frame
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
orders, lines, invoices, batches = T["orders"], T["order_line_items"], T["invoices"], T["batches"]
clients, returns_ = T["clients"], T["returns"]
SALE = STANDS  # the sales that stand: quotes, drafts and cancelled sales have no lines, invoice or stock of their own


def _count(conn, query) -> int:
    return int(conn.execute(query).scalar() or 0)


def order_total_is_sum_of_lines(as_of) -> list[sa.Select]:
    """An order's total is the sum of its lines."""
    line_sum = sa.select(lines.c.order_id, sa.func.sum(lines.c.line_total).label("lines")).group_by(lines.c.order_id).subquery()
    return [sa.select(orders.c.id, orders.c.total, line_sum.c.lines)
            .select_from(orders.outerjoin(line_sum, line_sum.c.order_id == orders.c.id))
            .where(SALE, sa.func.abs(orders.c.total - sa.func.coalesce(line_sum.c.lines, 0)) > CENT)]


def one_invoice_per_order(as_of) -> list[sa.Select]:
    """Every sale that stands has exactly one invoice, besides any voided and re-issued."""
    per_order = (sa.select(invoices.c.referenceId.label("order_id"), sa.func.count().label("n"))
                 .where(invoices.c.referenceType == "ORDER", LIVE).group_by(invoices.c.referenceId).subquery())
    joined = orders.outerjoin(per_order, per_order.c.order_id == orders.c.id)
    return [sa.select(orders.c.id, per_order.c.n.label("invoices")).select_from(joined)
            .where(SALE, sa.func.coalesce(per_order.c.n, 0) != 1)]


def invoice_total_is_order_total(as_of) -> list[sa.Select]:
    """An invoice is for its order's total and its order's client."""
    joined = invoices.join(orders, sa.and_(invoices.c.referenceType == "ORDER", invoices.c.referenceId == orders.c.id))
    return [sa.select(invoices.c.id, invoices.c.totalAmount, orders.c.total).select_from(joined).where(
        sa.or_(sa.func.abs(invoices.c.totalAmount - orders.c.total) > CENT, invoices.c.customerId != orders.c.client_id))]


def paid_plus_due_is_total(as_of) -> list[sa.Select]:
    """What is paid on an invoice and what is due add up to its total; only a VOID (written-off) invoice has a rest."""
    gap = invoices.c.totalAmount - invoices.c.amountPaid - invoices.c.amountDue
    return [sa.select(invoices.c.id, invoices.c.amountPaid, invoices.c.amountDue, invoices.c.totalAmount).where(
        sa.or_(gap < -CENT, sa.and_(gap > CENT, invoices.c.status != "VOID"), sa.and_(gap <= CENT, invoices.c.status == "VOID")))]


def invoice_follows_order(conn, as_of) -> int:
    """An invoice is dated on or after its order's day and is due on or after it is issued."""
    f = fetch_frame(conn, sa.select(invoices.c.invoiceDate, invoices.c.dueDate, orders.c.created_at)
               .select_from(invoices.join(orders, invoices.c.referenceId == orders.c.id))
               .where(invoices.c.referenceType == "ORDER"))
    issued, due = pd.to_datetime(f["invoiceDate"]), pd.to_datetime(f["dueDate"])
    return int(((issued < pd.to_datetime(f["created_at"]).dt.normalize()) | (due < issued)).sum())


def invoice_status_agrees(conn, as_of) -> int:
    """An invoice's status is what its amounts and due date say (``rules.invoice_status``): never VIEWED, which AR ignores."""
    f = fetch_frame(conn, sa.select(invoices.c.totalAmount, invoices.c.amountPaid, invoices.c.amountDue, invoices.c.dueDate,
                                    invoices.c.status))
    total, paid, due = (f[c].astype(float) for c in ("totalAmount", "amountPaid", "amountDue"))
    written_off = (total - paid - due).round(2).clip(lower=0)
    expected = invoice_status(total, paid, pd.to_datetime(f["dueDate"]), as_of, written_off)
    return int((expected != f["status"]).sum())


def line_batch_in_stock_on_order_date(conn, as_of) -> int:
    """A line's batch was received before the order, and no batch ever sold more than it had."""
    joined = lines.join(orders, orders.c.id == lines.c.order_id).join(batches, batches.c.id == lines.c.batch_id)
    early = _count(conn, sa.select(sa.func.count()).select_from(joined).where(batches.c.createdAt > orders.c.created_at))
    sales = fetch_frame(conn, sa.select(lines.c.batch_id, lines.c.quantity, orders.c.created_at)
                   .select_from(lines.join(orders, orders.c.id == lines.c.order_id)))
    stock = fetch_frame(conn, sa.select(batches.c.id, batches.c.metadata, batches.c.sampleQty))
    available = pd.Series([json.loads(m)["receivedQty"] for m in stock["metadata"]], index=stock["id"]) - stock["sampleQty"].astype(float).to_numpy()
    sales = sales.astype({"quantity": float}).sort_values("created_at", kind="stable")
    running = sales.groupby("batch_id")["quantity"].cumsum()
    oversold = running > available.reindex(sales["batch_id"]).to_numpy() + CENT
    return early + int(oversold.sum())


def on_hand_is_received_less_sold_sampled_plus_returned(conn, as_of) -> int:
    """A batch's stock on hand is received - sold - sampled + returned, and never negative."""
    stock = fetch_frame(conn, sa.select(batches.c.id, batches.c.metadata, batches.c.sampleQty, batches.c.onHandQty))
    sold = fetch_frame(conn, sa.select(lines.c.batch_id, sa.func.sum(lines.c.quantity).label("q")).group_by(lines.c.batch_id))
    returned = pd.Series(0.0, index=stock["id"])
    for (items,) in conn.execute(sa.select(returns_.c["items"])):
        for item in json.loads(items) if isinstance(items, str) else items:
            returned[item["batchId"]] += item["quantity"]
    received = np.array([json.loads(m)["receivedQty"] for m in stock["metadata"]])
    sold_q = sold.set_index("batch_id")["q"].astype(float).reindex(stock["id"], fill_value=0.0).to_numpy() if len(sold) else 0.0
    expected = received - sold_q - stock["sampleQty"].astype(float).to_numpy() + returned.to_numpy()
    on_hand = stock["onHandQty"].astype(float).to_numpy()
    return int(((np.abs(on_hand - expected) > 0.011) | (on_hand < 0)).sum())


def client_running_totals(as_of) -> list[sa.Select]:
    """A client's total spent and total owed are what its orders and invoices say."""
    spent = (sa.select(orders.c.client_id.label("key"), sa.func.sum(orders.c.total).label("amount")).where(SALE)
             .group_by(orders.c.client_id).subquery())
    owed = (sa.select(invoices.c.customerId.label("key"), sa.func.sum(invoices.c.amountDue).label("amount"))
            .group_by(invoices.c.customerId).subquery())
    joined = clients.outerjoin(spent, spent.c.key == clients.c.id).outerjoin(owed, owed.c.key == clients.c.id)
    return [sa.select(clients.c.id, clients.c.total_spent, spent.c.amount.label("orders"), clients.c.total_owed,
                      owed.c.amount.label("invoices_due")).select_from(joined).where(sa.or_(
        sa.func.abs(clients.c.total_spent - sa.func.coalesce(spent.c.amount, 0)) > CENT,
        sa.func.abs(clients.c.total_owed - sa.func.coalesce(owed.c.amount, 0)) > CENT))]


def fulfilment_follows_order(conn, as_of) -> int:
    """An order is confirmed, packed and shipped in that order, and its fulfilment status says how far it got."""
    f = fetch_frame(conn, sa.select(orders.c.created_at, orders.c.confirmed_at, orders.c.packed_at, orders.c.shipped_at, orders.c.fulfillmentStatus))
    t = {c: pd.to_datetime(f[c]) for c in ("created_at", "confirmed_at", "packed_at", "shipped_at")}
    order = (t["confirmed_at"] < t["created_at"]) | (t["packed_at"] < t["confirmed_at"]) | (t["shipped_at"] < t["packed_at"])
    status = np.where(t["shipped_at"].notna(), "SHIPPED", np.where(t["packed_at"].notna(), "PACKED", "PENDING"))
    return int((order | (status != f["fulfillmentStatus"])).sum())


def return_after_delivery(as_of) -> list[sa.Select]:
    """Goods come back only from a delivered order, after it was shipped."""
    joined = returns_.join(orders, orders.c.id == returns_.c.order_id)
    return [sa.select(returns_.c.id, returns_.c.processed_at, orders.c.shipped_at).select_from(joined).where(
        sa.or_(orders.c.shipped_at.is_(None), returns_.c.processed_at <= orders.c.shipped_at))]


def some_buyers_lapsed(conn, as_of) -> int:
    """Once the history is longer than a season, some buyers have lapsed: no order for 90+ days, as TERP's
    lapsed-buyer screens (historicalAnalysis.getLapsedBuyers) count them. 1 when none has. A season is a lapse
    and a month (121 days), the least history in which a buyer can have bought and then lapsed; days are whole
    days to the end of the end date, and a last sale exactly 90 of them back has lapsed (TERP: ``>= 90``)."""
    last = fetch_frame(conn, sa.select(orders.c.client_id, sa.func.max(orders.c.created_at).label("last"))
                       .where(SALE).group_by(orders.c.client_id))
    if last.empty:
        return 0
    end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    first = fetch_frame(conn, sa.select(sa.func.min(orders.c.created_at).label("first")))["first"].iloc[0]
    if (end - pd.Timestamp(first)).days <= LAPSED_DAYS + 31:
        return 0
    return int(((end - pd.to_datetime(last["last"])).dt.days < LAPSED_DAYS).all())


SQL_RULES = by_name(
    order_total_is_sum_of_lines, one_invoice_per_order, invoice_total_is_order_total, paid_plus_due_is_total,
    client_running_totals, return_after_delivery,
)
RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    **{name: counted(rule) for name, rule in SQL_RULES.items()},
    **{f.__name__: f for f in (invoice_follows_order, invoice_status_agrees, line_batch_in_stock_on_order_date,
                               on_hand_is_received_less_sold_sampled_plus_returned, fulfilment_follows_order,
                               some_buyers_lapsed)},
}


# Where each rule is checked: the table it guards, and the other tables it reads.
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "order_total_is_sum_of_lines": ("orders", ("order_line_items",)),
    "one_invoice_per_order": ("invoices", ("orders",)),
    "invoice_total_is_order_total": ("invoices", ("orders",)),
    "paid_plus_due_is_total": ("invoices", ()),
    "invoice_follows_order": ("invoices", ("orders",)),
    "invoice_status_agrees": ("invoices", ()),
    "line_batch_in_stock_on_order_date": ("order_line_items", ("orders", "batches")),
    "on_hand_is_received_less_sold_sampled_plus_returned": ("batches", ("order_line_items", "returns")),
    "client_running_totals": ("clients", ("orders", "invoices")),
    "fulfilment_follows_order": ("orders", ()),
    "return_after_delivery": ("returns", ("orders",)),
    "some_buyers_lapsed": ("clients", ("orders",)),
}
