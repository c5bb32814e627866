"""Rules of the books: balanced journals, control accounts equal to their subledgers, payments after their documents,
bills' statuses, bad debts written off and employees' reimbursements.

Each rule (but the write-off's timing, a date difference) is SQL returning the rows (documents, journals, accounts) that break it. Which account
a document must reach, and on which side, is read from the same journal table the ledger is
built from (``business/books/postings.py``).
"""

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.books.postings import BAD_DEBT, JOURNALS, PAYABLE, RECEIVABLE, REIMBURSEMENTS_PAYABLE
from seed_pipeline.business.rules import AGED_DAYS
from seed_pipeline.checks.credit import credit_spent_per_invoice
from seed_pipeline.checks.unsold import LIVE
from seed_pipeline.checks.violations import CENT, by_name, counted, fetch_frame
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
ledger, accounts, periods = T["ledgerEntries"], T["accounts"], T["fiscalPeriods"]
invoices, bills, bill_lines, payments, expenses = T["invoices"], T["bills"], T["billLineItems"], T["payments"], T["expenses"]
banks, clients, txn, statement = T["bankAccounts"], T["clients"], T["transactions"], T["client_transactions"]
WRITE_OFF = JOURNALS["write-off"].reference
BAD_DEBT_MARK = '%"writeOffType":%"BAD_DEBT"%'  # how TERP finds a write-off among the transactions


def _is_write_off(metadata):
    return sa.func.coalesce(sa.cast(metadata, sa.Text), "").like(BAD_DEBT_MARK)


def _net(side: str = "debit"):
    net = ledger.c.debit - ledger.c.credit
    return sa.func.coalesce(sa.func.sum(net if side == "debit" else -net), 0)


def _off(left, right):
    return sa.func.abs(sa.func.coalesce(left, 0) - sa.func.coalesce(right, 0)) > CENT


def _account_balance(number: str, side: str):
    """What the ledger holds on one account, on its normal side."""
    on = ledger.join(accounts, accounts.c.id == ledger.c.accountId)
    return sa.select(_net(side)).select_from(on).where(accounts.c.accountNumber == number).scalar_subquery()


def _postings(reference: str, side: str, account=None) -> sa.Subquery:
    """Per document id (and account), what its journals put on one account (by number), or on every account."""
    on = ledger.join(accounts, accounts.c.id == ledger.c.accountId)
    query = sa.select(ledger.c.referenceId.label("ref"), ledger.c.accountId.label("account"), _net(side).label("amount"))
    if account is not None:
        query = query.where(accounts.c.accountNumber == account)
    return (query.select_from(on).where(ledger.c.referenceType == reference)
            .group_by(ledger.c.referenceId, ledger.c.accountId).subquery())


def _per(key, amount, *where) -> sa.Subquery:
    return sa.select(key.label("key"), sa.func.sum(amount).label("amount")).where(*where).group_by(key).subquery()


def journal_entries_balance(as_of) -> list[sa.Select]:
    """Every document's postings on each date balance (debits = credits); the company's own entries too."""
    return [sa.select(ledger.c.referenceType, ledger.c.referenceId, ledger.c.entryDate, _net().label("imbalance"))
            .group_by(ledger.c.referenceType, ledger.c.referenceId, ledger.c.entryDate).having(sa.func.abs(_net()) > CENT)]


def trial_balance_is_zero(as_of) -> list[sa.Select]:
    """Debits equal credits in every fiscal period (and so in the whole ledger)."""
    return [sa.select(ledger.c.fiscalPeriodId, _net().label("imbalance"))
            .group_by(ledger.c.fiscalPeriodId).having(sa.func.abs(_net()) > CENT)]


def entry_in_its_fiscal_period(as_of) -> list[sa.Select]:
    """An entry's date falls inside its fiscal period, and no entry is dated after the end date."""
    joined = ledger.join(periods, periods.c.id == ledger.c.fiscalPeriodId)
    return [sa.select(ledger.c.id, ledger.c.entryDate, periods.c.startDate, periods.c.endDate).select_from(joined).where(
        sa.or_(ledger.c.entryDate < periods.c.startDate, ledger.c.entryDate > periods.c.endDate, ledger.c.entryDate > as_of))]


def receivables_control_equals_invoices(as_of) -> list[sa.Select]:
    """The Accounts Receivable account holds exactly what the invoices say is still due."""
    due = sa.select(sa.func.sum(invoices.c.amountDue)).scalar_subquery()
    held = _account_balance(RECEIVABLE, "debit")
    return [sa.select(held.label("ledger"), due.label("invoices_due")).where(_off(held, due))]


def payables_control_equals_bills(as_of) -> list[sa.Select]:
    """The Accounts Payable account holds exactly what the vendor bills say is still due."""
    due = sa.select(sa.func.sum(bills.c.amountDue)).scalar_subquery()
    held = _account_balance(PAYABLE, "credit")
    return [sa.select(held.label("ledger"), due.label("bills_due")).where(_off(held, due))]


# each journal that posts a document's full amount to a fixed control account, and which documents it posts
CONTROLLED = {
    "sale": (invoices, invoices.c.totalAmount, sa.true()),
    "receipt": (payments, payments.c.amount, payments.c.paymentType == "RECEIVED"),
    "refund": (payments, payments.c.amount, sa.and_(payments.c.paymentType == "SENT", payments.c.invoiceId.is_not(None))),
    "vendor payment": (payments, payments.c.amount, payments.c.billId.is_not(None)),
    "purchase": (bills, bills.c.totalAmount, sa.true()),
}


def documents_reach_their_control_account(as_of) -> list[sa.Select]:
    """Every invoice, payment and bill is posted, for its full amount, to its control account on the right side."""
    queries = []
    for kind, (table, amount, which) in CONTROLLED.items():
        journal = JOURNALS[kind]
        posted = _postings(journal.reference, journal.control.side, journal.control.account)
        queries.append(sa.select(table.c.id, amount.label("amount"), posted.c.amount.label("posted"))
                       .select_from(table.outerjoin(posted, posted.c.ref == table.c.id)).where(which, _off(posted.c.amount, amount)))
    return queries


def expense_is_posted(as_of) -> list[sa.Select]:
    """Every expense is posted for its total, debited to its category's ledger account."""
    categories = T["expenseCategories"]
    posted = _postings(JOURNALS["expense"].reference, "debit")
    joined = (expenses.join(categories, categories.c.id == expenses.c.categoryId)
              .outerjoin(posted, sa.and_(posted.c.ref == expenses.c.id, posted.c.account == categories.c.ledgerAccountId)))
    return [sa.select(expenses.c.id, expenses.c.totalAmount, posted.c.amount.label("posted")).select_from(joined)
            .where(_off(posted.c.amount, expenses.c.totalAmount))]


def payments_add_up_to_amount_paid(as_of) -> list[sa.Select]:
    """What an invoice or a bill says is paid is the sum of the payments made on it (on an invoice, with the store
    credit spent on it)."""
    received = _per(payments.c.invoiceId, payments.c.amount, payments.c.paymentType == "RECEIVED")
    credited = credit_spent_per_invoice()
    on_invoice = sa.func.coalesce(received.c.amount, 0) + sa.func.coalesce(credited.c.amount, 0)
    settled = _per(payments.c.billId, payments.c.amount, payments.c.billId.is_not(None))
    joined = invoices.outerjoin(received, received.c.key == invoices.c.id).outerjoin(credited, credited.c.key == invoices.c.id)
    return [sa.select(invoices.c.id, invoices.c.amountPaid, on_invoice.label("payments")).select_from(joined)
            .where(_off(on_invoice, invoices.c.amountPaid)),
            sa.select(bills.c.id, bills.c.amountPaid, settled.c.amount.label("payments"))
            .select_from(bills.outerjoin(settled, settled.c.key == bills.c.id)).where(_off(settled.c.amount, bills.c.amountPaid))]


def payment_follows_its_document(as_of) -> list[sa.Select]:
    """A payment or refund comes on or after its invoice or bill, and not after the end date."""
    return [
        sa.select(payments.c.id, payments.c.paymentDate, invoices.c.invoiceDate)
        .select_from(payments.join(invoices, invoices.c.id == payments.c.invoiceId))
        .where(payments.c.paymentDate < invoices.c.invoiceDate),
        sa.select(payments.c.id, payments.c.paymentDate, bills.c.billDate)
        .select_from(payments.join(bills, bills.c.id == payments.c.billId)).where(payments.c.paymentDate < bills.c.billDate),
        sa.select(payments.c.id, payments.c.paymentDate).where(payments.c.paymentDate > as_of),
    ]


def bill_is_sum_of_its_lines(as_of) -> list[sa.Select]:
    """A bill's total is what its lines add up to, and paid + due = total."""
    line_sum = _per(bill_lines.c.billId, bill_lines.c.lineTotal)
    return [sa.select(bills.c.id, bills.c.totalAmount, line_sum.c.amount.label("lines"))
            .select_from(bills.outerjoin(line_sum, line_sum.c.key == bills.c.id))
            .where(sa.or_(_off(line_sum.c.amount, bills.c.totalAmount),
                          _off(bills.c.amountPaid + bills.c.amountDue, bills.c.totalAmount)))]


def bank_balance_is_ledger_balance(as_of) -> list[sa.Select]:
    """A bank account's balance is what the ledger holds on its ledger account."""
    held = _per(ledger.c.accountId, ledger.c.debit - ledger.c.credit)
    return [sa.select(banks.c.id, banks.c.currentBalance, held.c.amount.label("ledger"))
            .select_from(banks.outerjoin(held, held.c.key == banks.c.ledgerAccountId))
            .where(banks.c.ledgerAccountId.is_not(None), _off(held.c.amount, banks.c.currentBalance))]


def _written_off():
    """Per customer, what its invoices say was neither paid nor is due: the debt written off (a voided invoice
    was re-issued, not written off)."""
    return _per(invoices.c.customerId, invoices.c.totalAmount - invoices.c.amountPaid - invoices.c.amountDue, LIVE)


def client_accounts_match_the_books(as_of) -> list[sa.Select]:
    """Each client's transactions and statement list exactly its invoices (but the voided ones), payments received,
    refunds and write-offs."""
    books = {
        "INVOICE": _per(invoices.c.customerId, invoices.c.totalAmount, LIVE),
        "PAYMENT": _per(payments.c.customerId, payments.c.amount, payments.c.paymentType == "RECEIVED"),
        "REFUND": _per(payments.c.customerId, payments.c.amount, payments.c.paymentType == "SENT",
                       payments.c.customerId.is_not(None)),
        "WRITE_OFF": _written_off(),
    }
    amount = sa.cast(txn.c.amount, sa.Numeric(15, 2))
    listed = {
        "INVOICE": (_per(txn.c.clientId, amount, txn.c.transactionType == "INVOICE"),
                    _per(statement.c.client_id, statement.c.amount, statement.c.transaction_type == "INVOICE")),
        "PAYMENT": (_per(txn.c.clientId, amount, txn.c.transactionType == "PAYMENT"),
                    _per(statement.c.client_id, statement.c.amount, statement.c.transaction_type == "PAYMENT")),
        "REFUND": (_per(txn.c.clientId, amount, txn.c.transactionType == "REFUND", ~_is_write_off(txn.c.metadata)),
                   _per(statement.c.client_id, statement.c.amount, statement.c.transaction_type == "REFUND")),
        "WRITE_OFF": (_per(txn.c.clientId, amount, txn.c.transactionType == "REFUND", _is_write_off(txn.c.metadata)),
                      _per(statement.c.client_id, statement.c.amount, statement.c.transaction_type == "CREDIT",
                           _is_write_off(statement.c.metadata))),
    }
    queries = []
    for kind, booked in books.items():
        for shown in listed[kind]:
            joined = clients.outerjoin(booked, booked.c.key == clients.c.id).outerjoin(shown, shown.c.key == clients.c.id)
            queries.append(sa.select(clients.c.id, sa.literal(kind).label("kind"), booked.c.amount.label("books"),
                                     shown.c.amount.label("listed")).select_from(joined)
                           .where(_off(booked.c.amount, shown.c.amount)))
    return queries


def write_offs_posted_to_bad_debt(as_of) -> list[sa.Select]:
    """A debt written off (what an invoice but a voided one says was neither paid nor is due) is posted to Bad
    Debt Expense against Accounts Receivable."""
    gap = invoices.c.totalAmount - invoices.c.amountPaid - invoices.c.amountDue
    queries = []
    for account, side in ((RECEIVABLE, "credit"), (BAD_DEBT, "debit")):
        posted = _postings(WRITE_OFF, side, account)
        queries.append(sa.select(invoices.c.id, gap.label("written_off"), posted.c.amount.label("posted"))
                       .select_from(invoices.outerjoin(posted, posted.c.ref == invoices.c.id)).where(LIVE, _off(posted.c.amount, gap)))
    return queries


def write_off_only_when_hopeless(conn, as_of) -> int:
    """A debt is written off only once it is 120+ days past due, and not after the end date."""
    f = fetch_frame(conn, sa.select(ledger.c.entryDate, invoices.c.dueDate)
                    .select_from(ledger.join(invoices, invoices.c.id == ledger.c.referenceId)).where(ledger.c.referenceType == WRITE_OFF))
    waited = (pd.to_datetime(f["entryDate"]) - pd.to_datetime(f["dueDate"])).dt.days
    return int(((waited < AGED_DAYS) | (pd.to_datetime(f["entryDate"]) > pd.Timestamp(as_of))).sum())


def bill_status_agrees(as_of) -> list[sa.Select]:
    """A bill's status is what its dates and payments say: PAID once nothing is due; while open, OVERDUE past
    its due date, PARTIAL when part is paid, else PENDING (the states TERP's payables and AP aging count)."""
    expected = sa.case((bills.c.amountDue <= CENT, "PAID"), (bills.c.dueDate < as_of, "OVERDUE"),
                       (bills.c.amountPaid > CENT, "PARTIAL"), else_="PENDING")
    return [sa.select(bills.c.id, bills.c.status, expected.label("expected")).where(sa.cast(bills.c.status, sa.String) != expected)]


def reimbursements_settle_their_expense(as_of) -> list[sa.Select]:
    """Only a reimbursable expense is reimbursed, after it was incurred and by the end date; the Employee
    Reimbursements Payable account holds exactly the reimbursable expenses still pending (TERP's pending list)."""
    pending = sa.select(sa.func.sum(expenses.c.totalAmount)).where(
        expenses.c.isReimbursable.is_(True), expenses.c.isReimbursed.is_(False)).scalar_subquery()
    held = _account_balance(REIMBURSEMENTS_PAYABLE, "credit")
    reimbursed_at = sa.func.date(expenses.c.reimbursedAt)
    return [
        sa.select(held.label("ledger"), pending.label("pending")).where(_off(held, pending)),
        sa.select(expenses.c.id).where(sa.or_(
            sa.and_(expenses.c.isReimbursed.is_(True), sa.or_(expenses.c.isReimbursable.is_(False), expenses.c.reimbursedAt.is_(None),
                                                           reimbursed_at < expenses.c.expenseDate, reimbursed_at > as_of)),
            sa.and_(expenses.c.isReimbursed.is_(False), expenses.c.reimbursedAt.is_not(None)))),
    ]


SQL_RULES = by_name(
    journal_entries_balance, trial_balance_is_zero, entry_in_its_fiscal_period,
    receivables_control_equals_invoices, payables_control_equals_bills, documents_reach_their_control_account,
    expense_is_posted, payments_add_up_to_amount_paid, payment_follows_its_document, bill_is_sum_of_its_lines,
    bank_balance_is_ledger_balance, client_accounts_match_the_books, write_offs_posted_to_bad_debt, bill_status_agrees,
    reimbursements_settle_their_expense,
)
RULES = {**{name: counted(rule) for name, rule in SQL_RULES.items()}, "write_off_only_when_hopeless": write_off_only_when_hopeless}


# Where each rule is checked: the table it guards, and the other tables it reads.
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "journal_entries_balance": ("ledgerEntries", ()),
    "trial_balance_is_zero": ("ledgerEntries", ()),
    "entry_in_its_fiscal_period": ("ledgerEntries", ("fiscalPeriods",)),
    "receivables_control_equals_invoices": ("ledgerEntries", ("accounts", "invoices")),
    "payables_control_equals_bills": ("ledgerEntries", ("accounts", "bills")),
    "documents_reach_their_control_account": ("ledgerEntries", ("accounts", "invoices", "payments", "bills")),
    "expense_is_posted": ("expenses", ("ledgerEntries", "expenseCategories")),
    "payments_add_up_to_amount_paid": ("payments", ("invoices", "bills", "creditApplications", "transactions")),
    "payment_follows_its_document": ("payments", ("invoices", "bills")),
    "bill_is_sum_of_its_lines": ("bills", ("billLineItems",)),
    "bank_balance_is_ledger_balance": ("bankAccounts", ("ledgerEntries", "accounts")),
    "client_accounts_match_the_books": ("transactions", ("client_transactions", "clients", "invoices", "payments")),
    "write_offs_posted_to_bad_debt": ("ledgerEntries", ("accounts", "invoices")),
    "write_off_only_when_hopeless": ("ledgerEntries", ("invoices",)),
    "bill_status_agrees": ("bills", ()),
    "reimbursements_settle_their_expense": ("expenses", ("ledgerEntries", "accounts")),
}
