"""Rules of the store credits, the credit limits, invoice lines, sales, vendor payment history and batch costs.

Each is written independently of the simulation that made the data (``business/credit/``,
``business/cogs.py``): SQL returning the rows that break it, or, for the audit log's chain of
limits, a few columns compared in Python.
"""

from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.books.postings import CUSTOMER_CREDITS
from seed_pipeline.checks.violations import CENT, by_name, counted, fetch_frame, json_text
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
credits, applications, txn = T["credits"], T["creditApplications"], T["transactions"]
invoices, orders, order_lines, lines = T["invoices"], T["orders"], T["order_line_items"], T["invoiceLineItems"]
payments, history, batches, lots, sales = T["payments"], T["paymentHistory"], T["batches"], T["lots"], T["sales"]
ledger, accounts = T["ledgerEntries"], T["accounts"]
OPEN = ("ACTIVE", "PARTIALLY_USED")
LIMIT_EVENTS = ("LIMIT_CALCULATED", "LIMIT_INCREASED", "LIMIT_DECREASED")


def _money(column):
    return sa.cast(column, sa.Numeric(15, 2))


def _off(left, right):
    return sa.func.abs(sa.func.coalesce(left, 0) - sa.func.coalesce(right, 0)) > CENT


def credit_spent_per_invoice() -> sa.Subquery:
    """Store credit applied to each invoice: an application names the invoice's client transaction,
    whose metadata names the invoice (its ``invoiceNumber``)."""
    on = applications.join(txn, txn.c.id == applications.c.invoiceId).join(
        invoices, json_text(txn.c.metadata, "invoiceNumber") == invoices.c.invoiceNumber)
    return (sa.select(invoices.c.id.label("key"), sa.func.sum(_money(applications.c.amountApplied)).label("amount"))
            .select_from(on).group_by(invoices.c.id).subquery())


def credit_remaining_is_amount_less_used(as_of) -> list[sa.Select]:
    """A credit's remaining amount is its amount less what was used, and never more is used than the amount."""
    amount, used, left = _money(credits.c.creditAmount), _money(credits.c.amountUsed), _money(credits.c.amountRemaining)
    return [sa.select(credits.c.id, amount, used, left).where(
        credits.c.creditStatus != "VOID", sa.or_(_off(left, amount - used), used > amount + CENT, used < 0))]


def credit_used_is_sum_of_applications(as_of) -> list[sa.Select]:
    """What a credit says is used is the sum of its applications to invoices."""
    applied = (sa.select(applications.c.creditId.label("key"), sa.func.sum(_money(applications.c.amountApplied)).label("amount"))
               .group_by(applications.c.creditId).subquery())
    return [sa.select(credits.c.id, credits.c.amountUsed, applied.c.amount.label("applied"))
            .select_from(credits.outerjoin(applied, applied.c.key == credits.c.id))
            .where(_off(applied.c.amount, _money(credits.c.amountUsed)))]


def credit_applied_to_a_later_invoice_of_its_client(as_of) -> list[sa.Select]:
    """An application is to an invoice of the credit's client, on or after both were issued, before the
    credit expired and not after the end date; an invoice never takes more credit than was settled on it."""
    joined = applications.join(credits, credits.c.id == applications.c.creditId).join(txn, txn.c.id == applications.c.invoiceId)
    spent = credit_spent_per_invoice()
    return [
        sa.select(applications.c.id, applications.c.appliedDate).select_from(joined).where(sa.or_(
            txn.c.transactionType != "INVOICE", txn.c.clientId != credits.c.clientId,
            applications.c.appliedDate < credits.c.createdAt, applications.c.appliedDate < txn.c.transactionDate,
            applications.c.appliedDate > credits.c.expirationDate, sa.func.date(applications.c.appliedDate) > as_of,
            _money(applications.c.amountApplied) <= 0)),
        sa.select(invoices.c.id, invoices.c.amountPaid, spent.c.amount.label("credit"))
        .select_from(invoices.join(spent, spent.c.key == invoices.c.id)).where(spent.c.amount > invoices.c.amountPaid + CENT),
    ]


def credits_are_spent_where_they_can_be(as_of) -> list[sa.Select]:
    """Some credit is applied to an invoice wherever one could be: a credit's client paid an invoice (not refunded)
    on a day after the credit was issued and before it expired (one row: the history)."""
    paid_on = sa.func.date(payments.c.paymentDate)
    later = (sa.select(credits.c.id).select_from(
                credits.join(invoices, invoices.c.customerId == credits.c.clientId)
                .join(payments, sa.and_(payments.c.invoiceId == invoices.c.id, payments.c.paymentType == "RECEIVED")))
             .where(paid_on > sa.func.date(credits.c.createdAt), paid_on <= sa.func.date(credits.c.expirationDate),
                    sa.or_(invoices.c.notes.is_(None), invoices.c.notes.not_like("Refund of $%"))))
    return [sa.select(sa.literal(1).label("history")).where(sa.exists(later), ~sa.exists(sa.select(applications.c.id)))]


def credit_status_agrees(as_of) -> list[sa.Select]:
    """TERP's credit status is what the amounts and the expiry say on the end date: no open credit past
    its expiry, nothing left on a fully used one, used but not spent on a partly used one."""
    used, left = _money(credits.c.amountUsed), _money(credits.c.amountRemaining)
    lapsed = sa.func.date(credits.c.expirationDate) < as_of
    status = credits.c.creditStatus
    return [sa.select(credits.c.id, status, used, left, credits.c.expirationDate).where(sa.or_(
        sa.and_(status.in_(OPEN), lapsed),
        sa.and_(status == "EXPIRED", sa.not_(lapsed)),
        sa.and_(status == "FULLY_USED", left > CENT),
        sa.and_(status != "FULLY_USED", status != "VOID", left <= CENT),
        sa.and_(status == "ACTIVE", used > CENT),
        sa.and_(status == "PARTIALLY_USED", used <= CENT)))]


def customer_credits_account_is_open_credits(as_of) -> list[sa.Select]:
    """The ledger's Customer Credits account holds what the open credits still have to spend."""
    on = ledger.join(accounts, accounts.c.id == ledger.c.accountId)
    held = (sa.select(sa.func.coalesce(sa.func.sum(ledger.c.credit - ledger.c.debit), 0)).select_from(on)
            .where(accounts.c.accountNumber == CUSTOMER_CREDITS).scalar_subquery())
    owed = sa.select(sa.func.sum(_money(credits.c.amountRemaining))).where(credits.c.creditStatus.in_(OPEN)).scalar_subquery()
    return [sa.select(held.label("ledger"), owed.label("open_credits")).where(_off(held, owed))]


def invoice_lines_mirror_order_lines(as_of) -> list[sa.Select]:
    """An invoice's lines add up to its total, and are its order's lines: batch, quantity, price and total."""
    line_sum = (sa.select(lines.c.invoiceId.label("key"), sa.func.sum(lines.c.lineTotal).label("amount"), sa.func.count().label("n"))
                .group_by(lines.c.invoiceId).subquery())
    order_count = (sa.select(order_lines.c.order_id.label("key"), sa.func.count().label("n"))
                   .group_by(order_lines.c.order_id).subquery())
    by_order = invoices.outerjoin(line_sum, line_sum.c.key == invoices.c.id).outerjoin(
        order_count, order_count.c.key == invoices.c.referenceId)
    of_order = invoices.join(lines, lines.c.invoiceId == invoices.c.id)
    match = sa.exists().where(order_lines.c.order_id == invoices.c.referenceId, order_lines.c.batch_id == lines.c.batchId,
                              sa.func.abs(order_lines.c.quantity - lines.c.quantity) < CENT,
                              sa.func.abs(order_lines.c.unit_price - lines.c.unitPrice) < CENT,
                              sa.func.abs(order_lines.c.line_total - lines.c.lineTotal) < CENT)
    return [
        sa.select(invoices.c.id, invoices.c.totalAmount, line_sum.c.amount.label("lines")).select_from(by_order)
        # every invoice's lines add up to its total, one of no order too (it then has no order's count to differ from)
        .where(sa.or_(_off(line_sum.c.amount, invoices.c.totalAmount), sa.func.coalesce(line_sum.c.n, 0) != order_count.c.n)),
        sa.select(lines.c.id).select_from(of_order).where(sa.not_(match)),
    ]


def sales_are_the_order_lines(as_of) -> list[sa.Select]:
    """TERP's sales register holds one sale per order line: its batch, client, quantity and price, on the order's time."""
    match = sa.exists().select_from(order_lines.join(orders, orders.c.id == order_lines.c.order_id)).where(
        order_lines.c.batch_id == sales.c.batchId, orders.c.client_id == sales.c.customerId,
        orders.c.created_at == sales.c.saleDate,
        sa.func.abs(order_lines.c.quantity - sa.cast(sales.c.quantity, sa.Numeric(15, 2))) < CENT,
        sa.func.abs(order_lines.c.unit_price - _money(sales.c.salePrice)) < CENT)
    counts = sa.select(sa.select(sa.func.count()).select_from(sales).scalar_subquery().label("sales"),
                       sa.select(sa.func.count()).select_from(order_lines).scalar_subquery().label("lines")).subquery()
    return [sa.select(sales.c.id).where(sa.not_(match)), sa.select(counts).where(counts.c.sales != counts.c.lines)]


def payment_history_is_vendor_payments(as_of) -> list[sa.Select]:
    """What the payment history says was paid to each vendor on each day is what the payments to that vendor's
    bills say, and each batch paid for is of a lot that vendor supplied."""
    day = sa.func.date(history.c.paymentDate)
    logged = sa.select(history.c.vendorId.label("vendor"), day.label("day"), sa.func.sum(_money(history.c.amount)).label("amount")) \
        .group_by(history.c.vendorId, day).subquery()
    paid_day = sa.func.date(payments.c.paymentDate)
    paid = sa.select(payments.c.vendorId.label("vendor"), paid_day.label("day"), sa.func.sum(payments.c.amount).label("amount")) \
        .where(payments.c.billId.is_not(None)).group_by(payments.c.vendorId, paid_day).subquery()
    of_lot = history.join(batches, batches.c.id == history.c.batchId).join(lots, lots.c.id == batches.c.lotId)
    return [
        sa.select(logged.c.vendor, logged.c.day, logged.c.amount, paid.c.amount.label("paid"))
        .select_from(logged.outerjoin(paid, sa.and_(paid.c.vendor == logged.c.vendor, paid.c.day == logged.c.day)))
        .where(_off(logged.c.amount, paid.c.amount)),
        sa.select(paid.c.vendor, paid.c.day, paid.c.amount, logged.c.amount.label("logged"))
        .select_from(paid.outerjoin(logged, sa.and_(paid.c.vendor == logged.c.vendor, paid.c.day == logged.c.day)))
        .where(_off(logged.c.amount, paid.c.amount)),
        sa.select(history.c.id).select_from(of_lot).where(lots.c.vendorId != history.c.vendorId),
    ]


def cogs_history_follows_batch_costs(as_of) -> list[sa.Select]:
    """A batch's latest cost revision ends at its cost, a revision changes the cost, counts the batch's sales
    before it, and every sale carries its batch's cost."""
    cogs = T["cogsHistory"]
    later = cogs.alias("later")
    latest = sa.not_(sa.exists().where(later.c.batchId == cogs.c.batchId, sa.or_(
        later.c.createdAt > cogs.c.createdAt, sa.and_(later.c.createdAt == cogs.c.createdAt, later.c.id > cogs.c.id))))
    # the sales before each revision, as a join (SQLite scanned every sale for each revision of a correlated count)
    revision = cogs.alias("revision")
    before = (sa.select(revision.c.id.label("key"), sa.func.count().label("sales"))
              .select_from(revision.join(sales, sa.and_(sales.c.batchId == revision.c.batchId, sales.c.saleDate < revision.c.createdAt)))
              .group_by(revision.c.id).subquery())
    with_batch = cogs.join(batches, batches.c.id == cogs.c.batchId)
    return [
        sa.select(cogs.c.id, cogs.c.newCogs, batches.c.unitCogs).select_from(with_batch)
        .where(latest, _off(_money(cogs.c.newCogs), _money(batches.c.unitCogs))),
        sa.select(cogs.c.id).select_from(cogs.outerjoin(before, before.c.key == cogs.c.id))
        .where(sa.or_(sa.func.abs(_money(cogs.c.oldCogs) - _money(cogs.c.newCogs)) < CENT,
                      cogs.c.affectedSalesCount != sa.func.coalesce(before.c.sales, 0))),
        sa.select(sales.c.id, sales.c.cogsAtSale, batches.c.unitCogs).select_from(sales.join(batches, batches.c.id == sales.c.batchId))
        .where(_off(_money(sales.c.cogsAtSale), _money(batches.c.unitCogs))),
    ]


def limit_changes_chain(conn, as_of: date) -> int:
    """A client's limit events start with the first calculation; each increase or decrease starts from the limit the
    previous one set and goes its own way; the last one set the limit on file. Counts the clients breaking it."""
    audit, limits = T["credit_audit_log"], T["client_credit_limits"]
    log = fetch_frame(conn, sa.select(audit.c.id, audit.c.client_id, audit.c.event_type, audit.c.old_value, audit.c.new_value,
                                      audit.c.created_at).where(audit.c.event_type.in_(LIMIT_EVENTS)))
    on_file = fetch_frame(conn, sa.select(limits.c.client_id, limits.c.credit_limit)).set_index("client_id")["credit_limit"]
    log = log.sort_values(["client_id", "created_at", "id"], kind="stable")
    old, new = log["old_value"].astype(float), log["new_value"].astype(float)
    previous = new.groupby(log["client_id"]).shift()
    first = previous.isna().to_numpy()
    wrong = np.where(first, (log["event_type"] != "LIMIT_CALCULATED") | old.notna(),
                     ((old - previous).abs() > CENT)
                     | ((log["event_type"] == "LIMIT_INCREASED") & ~(new > old))
                     | ((log["event_type"] == "LIMIT_DECREASED") & ~(new < old))
                     | (log["event_type"] == "LIMIT_CALCULATED"))
    last = new.groupby(log["client_id"]).last()
    unmatched = pd.Index(on_file.index).symmetric_difference(last.index)
    off = (last.reindex(on_file.index) - on_file.astype(float)).abs() > CENT
    return int(log.loc[wrong, "client_id"].nunique() + len(unmatched) + off.sum())


SQL_RULES = by_name(
    credit_remaining_is_amount_less_used, credit_used_is_sum_of_applications, credit_applied_to_a_later_invoice_of_its_client,
    credits_are_spent_where_they_can_be, credit_status_agrees, customer_credits_account_is_open_credits, invoice_lines_mirror_order_lines,
    sales_are_the_order_lines, payment_history_is_vendor_payments, cogs_history_follows_batch_costs,
)
RULES = {name: counted(rule) for name, rule in SQL_RULES.items()} | {"limit_changes_chain": limit_changes_chain}

HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "credit_remaining_is_amount_less_used": ("credits", ()),
    "credit_used_is_sum_of_applications": ("credits", ("creditApplications",)),
    "credit_applied_to_a_later_invoice_of_its_client": ("creditApplications", ("credits", "transactions", "invoices")),
    "credits_are_spent_where_they_can_be": ("creditApplications", ("credits", "invoices", "payments")),
    "credit_status_agrees": ("credits", ()),
    "customer_credits_account_is_open_credits": ("ledgerEntries", ("accounts", "credits")),
    "invoice_lines_mirror_order_lines": ("invoiceLineItems", ("invoices", "order_line_items")),
    "sales_are_the_order_lines": ("sales", ("order_line_items", "orders")),
    "payment_history_is_vendor_payments": ("paymentHistory", ("payments", "batches", "lots")),
    "cogs_history_follows_batch_costs": ("cogsHistory", ("batches", "sales")),
    "limit_changes_chain": ("credit_audit_log", ("client_credit_limits",)),
}
