"""Rules of the books: balanced journals, control accounts equal to their subledgers, payments after their documents.

Which account a document must reach, and on which side, is read from the same journal table the
ledger is built from (``business/books/postings.py``).
"""

from collections.abc import Callable
from datetime import date

import sqlalchemy as sa

from seed_pipeline.business.books.postings import JOURNALS, PAYABLE, RECEIVABLE
from seed_pipeline.schema import TABLES

T = TABLES
ledger, accounts, periods = T["ledgerEntries"], T["accounts"], T["fiscalPeriods"]
invoices, bills, bill_lines, payments, expenses = T["invoices"], T["bills"], T["billLineItems"], T["payments"], T["expenses"]
banks = T["bankAccounts"]
CENT = 0.005


def _count(conn, query) -> int:
    return int(conn.execute(query).scalar() or 0)


def _net(side: str = "debit"):
    net = ledger.c.debit - ledger.c.credit
    return sa.func.coalesce(sa.func.sum(net if side == "debit" else -net), 0)


def _account_balance(number: str, side: str):
    """What the ledger holds on one account, on its normal side."""
    on = ledger.join(accounts, accounts.c.id == ledger.c.accountId)
    return sa.select(_net(side)).select_from(on).where(accounts.c.accountNumber == number).scalar_subquery()


def journal_entries_balance(conn, as_of) -> int:
    """Every document's postings on each date balance (debits = credits); the company's own entries too."""
    groups = (sa.select(sa.literal(1)).select_from(ledger).group_by(ledger.c.referenceType, ledger.c.referenceId, ledger.c.entryDate)
              .having(sa.func.abs(_net()) > CENT).subquery())
    return _count(conn, sa.select(sa.func.count()).select_from(groups))


def trial_balance_is_zero(conn, as_of) -> int:
    """Debits equal credits in every fiscal period (and so in the whole ledger)."""
    groups = sa.select(sa.literal(1)).select_from(ledger).group_by(ledger.c.fiscalPeriodId).having(sa.func.abs(_net()) > CENT).subquery()
    return _count(conn, sa.select(sa.func.count()).select_from(groups))


def entry_in_its_fiscal_period(conn, as_of) -> int:
    """An entry's date falls inside its fiscal period, and no entry is dated after the end date."""
    joined = ledger.join(periods, periods.c.id == ledger.c.fiscalPeriodId)
    return _count(conn, sa.select(sa.func.count()).select_from(joined).where(sa.or_(
        ledger.c.entryDate < periods.c.startDate, ledger.c.entryDate > periods.c.endDate, ledger.c.entryDate > as_of)))


def receivables_control_equals_invoices(conn, as_of) -> int:
    """The Accounts Receivable account holds exactly what the invoices say is still due."""
    due = sa.select(sa.func.coalesce(sa.func.sum(invoices.c.amountDue), 0)).scalar_subquery()
    return _count(conn, sa.select(sa.case((sa.func.abs(_account_balance(RECEIVABLE, "debit") - due) > CENT, 1), else_=0)))


def payables_control_equals_bills(conn, as_of) -> int:
    """The Accounts Payable account holds exactly what the vendor bills say is still due."""
    due = sa.select(sa.func.coalesce(sa.func.sum(bills.c.amountDue), 0)).scalar_subquery()
    return _count(conn, sa.select(sa.case((sa.func.abs(_account_balance(PAYABLE, "credit") - due) > CENT, 1), else_=0)))


# each journal that posts a document's full amount to a fixed control account, and which documents it posts
CONTROLLED = {
    "sale": (invoices, invoices.c.totalAmount, sa.true()),
    "receipt": (payments, payments.c.amount, payments.c.paymentType == "RECEIVED"),
    "refund": (payments, payments.c.amount, sa.and_(payments.c.paymentType == "SENT", payments.c.invoiceId.is_not(None))),
    "vendor payment": (payments, payments.c.amount, payments.c.billId.is_not(None)),
    "purchase": (bills, bills.c.totalAmount, sa.true()),
}


def _postings(reference: str, side: str, account=None):
    """Per document id, what its journals put on one account (by number, or the account column given)."""
    on = ledger.join(accounts, accounts.c.id == ledger.c.accountId)
    query = sa.select(ledger.c.referenceId.label("ref"), ledger.c.accountId.label("account"), _net(side).label("amount"))
    if isinstance(account, str):
        query = query.where(accounts.c.accountNumber == account)
    return (query.select_from(on).where(ledger.c.referenceType == reference)
            .group_by(ledger.c.referenceId, ledger.c.accountId).subquery())


def _mismatched(table, amount, which, sums, on) -> sa.Select:
    joined = table.outerjoin(sums, on)
    return sa.select(sa.func.count()).select_from(joined).where(which, sa.func.abs(sa.func.coalesce(sums.c.amount, 0) - amount) > CENT)


def documents_reach_their_control_account(conn, as_of) -> int:
    """Every invoice, payment and bill is posted, for its full amount, to its control account on the right side."""
    bad = 0
    for kind, (table, amount, which) in CONTROLLED.items():
        journal = JOURNALS[kind]
        sums = _postings(journal.reference, journal.control.side, journal.control.account)
        bad += _count(conn, _mismatched(table, amount, which, sums, sums.c.ref == table.c.id))
    return bad


def payments_add_up_to_amount_paid(conn, as_of) -> int:
    """What an invoice or a bill says is paid is the sum of the payments made on it."""
    received = (sa.select(payments.c.invoiceId.label("doc"), sa.func.sum(payments.c.amount).label("amount"))
                .where(payments.c.paymentType == "RECEIVED").group_by(payments.c.invoiceId).subquery())
    settled = (sa.select(payments.c.billId.label("doc"), sa.func.sum(payments.c.amount).label("amount"))
               .where(payments.c.billId.is_not(None)).group_by(payments.c.billId).subquery())
    return (_count(conn, _mismatched(invoices, invoices.c.amountPaid, sa.true(), received, received.c.doc == invoices.c.id))
            + _count(conn, _mismatched(bills, bills.c.amountPaid, sa.true(), settled, settled.c.doc == bills.c.id)))


def payment_follows_its_document(conn, as_of) -> int:
    """A payment or refund comes on or after its invoice or bill, and not after the end date."""
    on_invoice = payments.join(invoices, invoices.c.id == payments.c.invoiceId)
    on_bill = payments.join(bills, bills.c.id == payments.c.billId)
    return (_count(conn, sa.select(sa.func.count()).select_from(on_invoice).where(payments.c.paymentDate < invoices.c.invoiceDate))
            + _count(conn, sa.select(sa.func.count()).select_from(on_bill).where(payments.c.paymentDate < bills.c.billDate))
            + _count(conn, sa.select(sa.func.count()).select_from(payments).where(payments.c.paymentDate > as_of)))


def bill_is_sum_of_its_lines(conn, as_of) -> int:
    """A bill's total is what its lines add up to, and paid + due = total."""
    line_sum = sa.select(sa.func.coalesce(sa.func.sum(bill_lines.c.lineTotal), 0)).where(bill_lines.c.billId == bills.c.id).scalar_subquery()
    return _count(conn, sa.select(sa.func.count()).select_from(bills).where(sa.or_(
        sa.func.abs(bills.c.totalAmount - line_sum) > CENT,
        sa.func.abs(bills.c.amountPaid + bills.c.amountDue - bills.c.totalAmount) > CENT)))


def bank_balance_is_ledger_balance(conn, as_of) -> int:
    """A bank account's balance is what the ledger holds on its ledger account."""
    on = ledger.join(accounts, accounts.c.id == ledger.c.accountId)
    held = sa.select(_net("debit")).select_from(on).where(accounts.c.id == banks.c.ledgerAccountId).scalar_subquery()
    return _count(conn, sa.select(sa.func.count()).select_from(banks).where(
        banks.c.ledgerAccountId.is_not(None), sa.func.abs(banks.c.currentBalance - held) > CENT))


def expense_is_posted(conn, as_of) -> int:
    """Every expense is posted for its total, debited to its category's ledger account."""
    categories = T["expenseCategories"]
    sums = _postings(JOURNALS["expense"].reference, "debit")
    joined = expenses.join(categories, categories.c.id == expenses.c.categoryId)
    return _count(conn, _mismatched(joined, expenses.c.totalAmount, sa.true(), sums,
                                    sa.and_(sums.c.ref == expenses.c.id, sums.c.account == categories.c.ledgerAccountId)))


def _per_client(client, amount, *where) -> sa.Subquery:
    return sa.select(client.label("client"), sa.func.sum(amount).label("amount")).where(*where).group_by(client).subquery()


def client_accounts_match_the_books(conn, as_of) -> int:
    """Each client's transactions and statement list exactly its invoices, payments received and refunds."""
    txn, statement, clients = T["transactions"], T["client_transactions"], T["clients"]
    books = {
        "INVOICE": _per_client(invoices.c.customerId, invoices.c.totalAmount),
        "PAYMENT": _per_client(payments.c.customerId, payments.c.amount, payments.c.paymentType == "RECEIVED"),
        "REFUND": _per_client(payments.c.customerId, payments.c.amount, payments.c.paymentType == "SENT",
                              payments.c.customerId.is_not(None)),
    }
    bad = 0
    for kind, booked in books.items():
        for listed in (_per_client(txn.c.clientId, sa.cast(txn.c.amount, sa.Numeric(15, 2)), txn.c.transactionType == kind),
                       _per_client(statement.c.client_id, statement.c.amount, statement.c.transaction_type == kind)):
            joined = clients.outerjoin(booked, booked.c.client == clients.c.id).outerjoin(listed, listed.c.client == clients.c.id)
            bad += _count(conn, sa.select(sa.func.count()).select_from(joined).where(
                sa.func.abs(sa.func.coalesce(booked.c.amount, 0) - sa.func.coalesce(listed.c.amount, 0)) > CENT))
    return bad


RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    f.__name__: f for f in (
        journal_entries_balance, trial_balance_is_zero, entry_in_its_fiscal_period,
        receivables_control_equals_invoices, payables_control_equals_bills, documents_reach_their_control_account,
        payments_add_up_to_amount_paid, payment_follows_its_document, bill_is_sum_of_its_lines,
        bank_balance_is_ledger_balance, expense_is_posted, client_accounts_match_the_books,
    )
}
