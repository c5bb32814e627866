"""A broken rule of the books names the rows that break it: its queries return them, and the Great Expectations suites
show them in a failure (``UnexpectedRowsExpectation``), so each column is what a reader needs to find the fault.

Each case breaks the light seed as its rule's first rule case does (``rule_cases/ledger.py``); the rows expected are
read by plain SQL written here from the rule's statement, on the broken copy.
"""

import shutil
import sqlite3
from datetime import date, datetime
from decimal import Decimal

import pytest

from seed_pipeline.checks.ledger import SQL_RULES
from seed_pipeline.loaders.engines import make_engine

END = date(2026, 10, 31)
_AP, _AR = "(SELECT id FROM accounts WHERE accountNumber = '2000')", "(SELECT id FROM accounts WHERE accountNumber = '1100')"
_RECEIVED = "(SELECT min(id) FROM payments WHERE paymentType = 'RECEIVED')"
_ON_INVOICE = "(SELECT min(id) FROM payments WHERE invoiceId IS NOT NULL)"
_SHORT = "(SELECT min(id) FROM invoices WHERE amountDue > 10)"

# rule -> (statements breaking it, the rows it must return: SQL whose rows are dicts by column name, read on the broken copy)
CASES = {
    "journal_entries_balance": (
        ["UPDATE ledgerEntries SET debit = debit + 0.01 WHERE id = 1"],
        "SELECT referenceType, referenceId, entryDate, 0.01 AS imbalance FROM ledgerEntries WHERE id = 1"),
    "trial_balance_is_zero": (  # a credit too many: the period is a cent short on the debit side
        ["UPDATE ledgerEntries SET credit = credit + 0.01 WHERE id = 2"],
        "SELECT fiscalPeriodId, -0.01 AS imbalance FROM ledgerEntries WHERE id = 2"),
    "entry_in_its_fiscal_period": (
        ["UPDATE ledgerEntries SET entryDate = '2020-01-01' WHERE id = 1"],
        "SELECT e.id, e.entryDate, p.startDate, p.endDate FROM ledgerEntries e JOIN fiscalPeriods p ON p.id = e.fiscalPeriodId WHERE e.id = 1"),
    "receivables_control_equals_invoices": (
        ["UPDATE invoices SET amountDue = amountDue + 0.01 WHERE id = 1"],
        f"SELECT sum(debit - credit) AS ledger, (SELECT sum(amountDue) FROM invoices) AS invoices_due FROM ledgerEntries WHERE accountId = {_AR}"),
    "payables_control_equals_bills": (
        ["UPDATE bills SET amountDue = amountDue + 0.01 WHERE id = 1"],
        f"SELECT sum(credit - debit) AS ledger, (SELECT sum(amountDue) FROM bills) AS bills_due FROM ledgerEntries WHERE accountId = {_AP}"),
    "documents_reach_their_control_account": (  # the vendor payment, a cent more than Accounts Payable was debited
        ["UPDATE payments SET amount = amount + 0.01 WHERE id = 1"],
        "SELECT id, amount, amount - 0.01 AS posted FROM payments WHERE id = 1"),
    "expense_is_posted": (
        ["UPDATE expenses SET totalAmount = totalAmount + 0.01 WHERE id = 1"],
        "SELECT id, totalAmount, totalAmount - 0.01 AS posted FROM expenses WHERE id = 1"),
    "payments_add_up_to_amount_paid": (  # an invoice's payment lost, and the bill said paid a cent short
        [f"DELETE FROM payments WHERE id = {_RECEIVED}", "UPDATE bills SET amountPaid = amountPaid - 0.01 WHERE id = 1"],
        # the invoice paid though no payment received nor credit spent is left on it: it shows nothing paid
        ["SELECT id, amountPaid, 0 AS payments FROM invoices WHERE amountPaid > 0 AND id NOT IN (SELECT invoiceId FROM payments "
         "WHERE paymentType = 'RECEIVED' AND invoiceId IS NOT NULL) AND invoiceNumber NOT IN (SELECT json_extract(t.metadata, "
         "'$.invoiceNumber') FROM creditApplications a JOIN transactions t ON t.id = a.invoiceId)",
         "SELECT id, amountPaid, amountPaid + 0.01 AS payments FROM bills WHERE id = 1"]),
    "payment_follows_its_document": (  # before its invoice, before its bill, after the end date: one row of each query
        [f"UPDATE payments SET paymentDate = '2000-01-01' WHERE id = {_ON_INVOICE}",
         "UPDATE payments SET paymentDate = '2026-09-30' WHERE billId IS NOT NULL",
         "UPDATE payments SET paymentDate = '2026-11-01' WHERE id = (SELECT max(id) FROM payments)"],
        [f"SELECT p.id, p.paymentDate, i.invoiceDate FROM payments p JOIN invoices i ON i.id = p.invoiceId WHERE p.id = {_ON_INVOICE}",
         "SELECT p.id, p.paymentDate, b.billDate FROM payments p JOIN bills b ON b.id = p.billId",
         "SELECT id, paymentDate FROM payments WHERE id = (SELECT max(id) FROM payments)"]),
    "bill_is_sum_of_its_lines": (
        ["UPDATE billLineItems SET lineTotal = lineTotal + 0.01 WHERE id = 1"],
        "SELECT b.id, b.totalAmount, b.totalAmount + 0.01 AS lines FROM bills b WHERE b.id = (SELECT billId FROM billLineItems WHERE id = 1)"),
    "bank_balance_is_ledger_balance": (
        ["UPDATE bankAccounts SET currentBalance = currentBalance + 0.01"],
        "SELECT id, currentBalance, currentBalance - 0.01 AS ledger FROM bankAccounts"),
    "client_accounts_match_the_books": (  # statement line 1 a cent more than the client's books of its kind
        ["UPDATE client_transactions SET amount = amount + 0.01 WHERE id = 1"],
        "SELECT s.client_id AS id, s.transaction_type AS kind, sum(x.amount) - 0.01 AS books, sum(x.amount) AS listed "
        "FROM client_transactions s JOIN client_transactions x ON x.client_id = s.client_id AND x.transaction_type = s.transaction_type "
        "WHERE s.id = 1 GROUP BY s.client_id, s.transaction_type"),
    "write_offs_posted_to_bad_debt": (  # 10 written off, posted neither to Accounts Receivable nor to Bad Debt Expense
        [f"UPDATE invoices SET amountDue = amountDue - 10 WHERE id = {_SHORT}"],
        [f"SELECT id, 10 AS written_off, NULL AS posted FROM invoices WHERE id = {_SHORT}"] * 2),
    "bill_status_agrees": (
        ["UPDATE bills SET status = 'APPROVED' WHERE id = 1"],
        "SELECT id, status, 'PAID' AS expected FROM bills WHERE id = 1"),
    "reimbursements_settle_their_expense": (  # said reimbursed, with no date, and the payable still holding it
        ["UPDATE expenses SET isReimbursed = 1 WHERE id = (SELECT min(id) FROM expenses WHERE isReimbursable = 1)"],
        ["SELECT totalAmount AS ledger, NULL AS pending FROM expenses WHERE isReimbursable = 1",
         "SELECT id FROM expenses WHERE isReimbursable = 1"]),
}
# an account no entry reaches holds 0, not nothing: the expense still owed to the employee posted to the bank instead
NO_ENTRY = (["UPDATE ledgerEntries SET accountId = (SELECT id FROM accounts WHERE accountNumber = '1010') "
             "WHERE accountId = (SELECT id FROM accounts WHERE accountNumber = '2400')"],
            "SELECT 0 AS ledger, totalAmount AS pending FROM expenses WHERE isReimbursable = 1 AND isReimbursed = 0")
BROKEN = [(rule, case) for rule, case in sorted(CASES.items())] + [("reimbursements_settle_their_expense", NO_ENTRY)]


def _plain(value):
    """A value as the oracle's SQL gives it: money to the cent, dates as ISO text."""
    if isinstance(value, float | Decimal):
        return round(float(value), 2)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _rows(result) -> list[dict]:
    return [{k: _plain(v) for k, v in row._mapping.items()} for row in result]


@pytest.fixture(scope="module")
def seeded(seeded_sqlite):
    return seeded_sqlite("light", 42, END.isoformat())


def test_every_rule_of_the_books_written_as_sql_has_a_case():
    assert set(CASES) == set(SQL_RULES)


@pytest.mark.parametrize("rule, case", BROKEN, ids=[f"{rule}-{i}" for i, (rule, _) in enumerate(BROKEN)])
def test_a_broken_rule_of_the_books_returns_the_rows_that_break_it(seeded, tmp_path, rule, case):
    statements, oracle = case
    copy = tmp_path / "broken.sqlite"
    shutil.copy(seeded, copy)
    with sqlite3.connect(copy) as db:
        for statement in statements:
            assert db.execute(statement).rowcount > 0, statement
        db.row_factory = sqlite3.Row
        expected = [[{k: _plain(r[k]) for k in r.keys()} for r in db.execute(q)] for q in ([oracle] if isinstance(oracle, str) else oracle)]
    db.close()
    engine = make_engine(f"sqlite:///{copy}")
    try:
        with engine.connect() as conn:
            found = [_rows(conn.execute(q)) for q in SQL_RULES[rule](END)]
    finally:
        engine.dispose()
    assert [rows for rows in found if rows] == [rows for rows in expected if rows]
