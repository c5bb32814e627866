"""Breaking cases of the rules of the books (``checks/ledger.py``), each clause broken alone, and the boundaries it allows.

The light seed has one fiscal period (October 2026, the end date's month), one bill (paid on its day, 1 October),
one vendor payment (payment 1, the bill's), no write-off and one reimbursable expense, never reimbursed; a case
that needs more adds it with the fewest rows its rule reads.
"""

from seed_pipeline_tests.checks.rule_cases import case

# the light seed writes nothing off: an invoice's first journal line made a write-off, dated and due as a case says
_WRITE_OFF = ("UPDATE ledgerEntries SET referenceType = 'WRITE_OFF' "
              "WHERE id = (SELECT min(id) FROM ledgerEntries WHERE referenceType = 'INVOICE')")
_WRITTEN = "referenceType = 'WRITE_OFF'"
_ENTRY = ("(entryNumber, entryDate, accountId, debit, credit, description, referenceType, referenceId, fiscalPeriodId, "
          "isManual, isPosted, createdBy, createdAt)")
_ACCOUNT = "(SELECT id FROM accounts WHERE accountNumber = '{}')"

# 12.34 of an open invoice written off as TERP does it, soundly: the invoice's due drops by it, the ledger posts it to
# Bad Debt Expense (5300) against Accounts Receivable (1100), and the client's transactions and statement list it
_OPEN = "(SELECT min(id) FROM invoices WHERE amountDue > 100 AND notes IS NULL)"
_WRITTEN_OFF = (
    f"UPDATE invoices SET amountDue = amountDue - 12.34 WHERE id = {_OPEN}",
    f"INSERT INTO ledgerEntries {_ENTRY} SELECT 'JE-WO-1', '2026-10-31', {_ACCOUNT.format('1100')}, 0, 12.34, 'Bad debt', "
    f"'WRITE_OFF', {_OPEN}, 1, 0, 1, 1, '2026-10-31 10:00:00'",
    f"INSERT INTO ledgerEntries {_ENTRY} SELECT 'JE-WO-2', '2026-10-31', {_ACCOUNT.format('5300')}, 12.34, 0, 'Bad debt', "
    f"'WRITE_OFF', {_OPEN}, 1, 0, 1, 1, '2026-10-31 10:00:00'",
    "INSERT INTO transactions (transactionNumber, transactionType, clientId, transactionDate, amount, transactionStatus, "
    f"metadata, createdBy) SELECT 'TXN-WO-1', 'REFUND', customerId, '2026-10-31 10:00:00', '12.34', 'COMPLETED', "
    f"'{{\"writeOffType\": \"BAD_DEBT\", \"invoiceNumber\": \"' || invoiceNumber || '\"}}', 1 FROM invoices WHERE id = {_OPEN}",
    "INSERT INTO client_transactions (client_id, transaction_type, transaction_number, transaction_date, amount, metadata) "
    f"SELECT customerId, 'CREDIT', 'WO-1', '2026-10-31', 12.34, '{{\"writeOffType\": \"BAD_DEBT\"}}' FROM invoices WHERE id = {_OPEN}",
)
_SECOND_PERIOD = ("INSERT INTO fiscalPeriods (periodName, startDate, endDate, fiscalYear, status, createdAt, updatedAt) "
                  "VALUES ('September 2026', '2026-09-01', '2026-09-30', 2026, 'CLOSED', '2026-09-01 00:00:00', '2026-09-01 00:00:00')")
_VENDOR_PAYMENT = "(SELECT min(id) FROM payments WHERE billId IS NOT NULL)"
_SHORT_PAID = "UPDATE bills SET amountPaid = amountPaid - 100, amountDue = 100 WHERE id = 1"  # the bill has 100 still due
_OPEN_BILL = "UPDATE bills SET amountPaid = {paid}, amountDue = totalAmount - {paid}, dueDate = '{due}', status = '{status}' WHERE id = 1"
_REIMBURSABLE = "(SELECT min(id) FROM expenses WHERE isReimbursable = 1)"
_REIMBURSED = (  # the employee paid back at the moment given, and the reimbursement posted (2400 debited, the bank credited)
    "UPDATE expenses SET isReimbursed = 1, reimbursedAt = {at} WHERE id = " + _REIMBURSABLE,
    f"INSERT INTO ledgerEntries {_ENTRY} SELECT 'JE-RE-1', date({{at}}), {_ACCOUNT.format('2400')}, totalAmount, 0, "
    f"'Employee reimbursed', 'EXPENSE', id, 1, 0, 1, 1, {{at}} FROM expenses WHERE id = {_REIMBURSABLE}",
    f"INSERT INTO ledgerEntries {_ENTRY} SELECT 'JE-RE-2', date({{at}}), {_ACCOUNT.format('1010')}, 0, totalAmount, "
    f"'Employee reimbursed', 'EXPENSE', id, 1, 0, 1, 1, {{at}} FROM expenses WHERE id = {_REIMBURSABLE}",
)


def _reimbursed(at: str) -> tuple[str, ...]:
    return tuple(s.replace("{at}", at) for s in _REIMBURSED)


CASES = {
    "journal_entries_balance": (
        case(1, "UPDATE ledgerEntries SET debit = debit + 0.01 WHERE id = (SELECT min(id) FROM ledgerEntries WHERE debit > 0)"),
        # the vendor payment's cash line booked under the bill of the same id and day (both 1, on 1 October): each is off
        case(2, "UPDATE ledgerEntries SET referenceType = 'BILL' WHERE referenceType = 'PAYMENT' AND referenceId = 1 AND credit > 0"),
        # payment 3's receivable line booked under payment 4, received the same day: each is off
        case(2, "UPDATE ledgerEntries SET referenceId = 4 WHERE id = (SELECT min(id) FROM ledgerEntries "
                "WHERE referenceType = 'PAYMENT' AND referenceId = 3)"),
        # one line of the bill's journal dated the next day: the journal is off on each of its two days
        case(2, "UPDATE ledgerEntries SET entryDate = '2026-10-02' WHERE id = (SELECT min(id) FROM ledgerEntries WHERE referenceType = 'BILL')"),
    ),
    "trial_balance_is_zero": (
        case(1, "UPDATE ledgerEntries SET credit = credit + 0.01 WHERE id = (SELECT max(id) FROM ledgerEntries WHERE credit > 0)"),
        # the opening capital's credit put in a period of its own: each period is off, the whole ledger is not
        case(2, _SECOND_PERIOD, "UPDATE ledgerEntries SET fiscalPeriodId = (SELECT max(id) FROM fiscalPeriods) "
                                "WHERE id = (SELECT min(id) FROM ledgerEntries WHERE referenceType IS NULL AND credit > 0)"),
    ),
    "entry_in_its_fiscal_period": (
        case(1, "UPDATE ledgerEntries SET entryDate = '2020-01-01' WHERE id = 1"),  # before its period
        # in September's period, dated 1 October: after its period's end, not after the end date
        case(1, _SECOND_PERIOD, "UPDATE ledgerEntries SET fiscalPeriodId = (SELECT max(id) FROM fiscalPeriods) WHERE id = 1"),
        # October's period stretched to November, an entry on 1 November: inside its period, after the end date
        case(1, "UPDATE fiscalPeriods SET endDate = '2026-11-30'", "UPDATE ledgerEntries SET entryDate = '2026-11-01' WHERE id = 1"),
        case(0, "UPDATE ledgerEntries SET entryDate = '2026-10-31' WHERE id = 1"),  # its period's last day and the end date
    ),
    "receivables_control_equals_invoices": case(1, "UPDATE invoices SET amountDue = amountDue + 0.01 WHERE id = 1"),
    "payables_control_equals_bills": (
        case(1, "UPDATE bills SET amountDue = amountDue + 0.01 WHERE id = 1"),
        # the vendor paid 100 short, as the bill and Accounts Payable both say
        case(0, _SHORT_PAID, "UPDATE ledgerEntries SET debit = debit - 100 WHERE referenceType = 'PAYMENT' "
                             f"AND referenceId = {_VENDOR_PAYMENT} AND debit > 0"),
    ),
    "documents_reach_their_control_account": case(1, "UPDATE payments SET amount = amount + 0.01 WHERE id = 1"),
    "expense_is_posted": case(1, "UPDATE expenses SET totalAmount = totalAmount + 0.01 WHERE id = 1"),
    "payments_add_up_to_amount_paid": (
        case(1, "DELETE FROM payments WHERE id = (SELECT min(id) FROM payments WHERE paymentType = 'RECEIVED')"),
        case(1, "UPDATE bills SET amountPaid = amountPaid - 0.01 WHERE id = 1"),  # a bill paid a cent less than it says
        # the invoice the store credit was spent on paid by that credit alone: its payments received deleted
        case(0, "UPDATE invoices SET amountPaid = amountPaid - (SELECT sum(amount) FROM payments WHERE invoiceId = invoices.id "
                "AND paymentType = 'RECEIVED') WHERE invoiceNumber = (SELECT json_extract(t.metadata, '$.invoiceNumber') "
                "FROM creditApplications a JOIN transactions t ON t.id = a.invoiceId WHERE a.id = 1)",
             "DELETE FROM payments WHERE paymentType = 'RECEIVED' AND invoiceId = (SELECT i.id FROM invoices i "
             "JOIN transactions t ON json_extract(t.metadata, '$.invoiceNumber') = i.invoiceNumber "
             "JOIN creditApplications a ON a.invoiceId = t.id WHERE a.id = 1)"),
    ),
    "payment_follows_its_document": (
        case(1, "UPDATE payments SET paymentDate = '2000-01-01' WHERE id = (SELECT min(id) FROM payments WHERE invoiceId IS NOT NULL)"),
        case(1, "UPDATE payments SET paymentDate = '2026-09-30' WHERE billId IS NOT NULL"),  # the day before its bill
        case(1, "UPDATE payments SET paymentDate = '2026-11-01' WHERE id = (SELECT max(id) FROM payments)"),  # after the end date
        case(0, "UPDATE payments SET paymentDate = '2026-10-31' WHERE id = (SELECT max(id) FROM payments)"),  # on it
        case(0, "UPDATE payments SET paymentDate = (SELECT invoiceDate FROM invoices WHERE id = payments.invoiceId) "  # its invoice's day
                "WHERE id = (SELECT max(id) FROM payments WHERE invoiceId IS NOT NULL)"),
    ),
    "bill_is_sum_of_its_lines": (
        case(1, "UPDATE billLineItems SET lineTotal = lineTotal + 0.01 WHERE id = 1"),
        case(1, "UPDATE bills SET amountPaid = amountPaid - 0.01 WHERE id = 1"),  # paid + due a cent short of the total
        case(0, _SHORT_PAID),  # part paid, the rest due
    ),
    "bank_balance_is_ledger_balance": (
        case(1, "UPDATE bankAccounts SET currentBalance = currentBalance + 0.01"),
        case(0, "UPDATE bankAccounts SET ledgerAccountId = NULL"),  # no ledger account: nothing to hold it to
    ),
    "client_accounts_match_the_books": (
        case(1, "UPDATE client_transactions SET amount = amount + 0.01 WHERE id = 1"),
        case(0, *_WRITTEN_OFF),  # a write-off listed as TERP lists it: a REFUND marked BAD_DEBT, and a CREDIT on the statement
        case(1, *_WRITTEN_OFF[:-1]),  # the statement does not list it
        # a refund whose metadata is empty is a refund; an invoice or a statement's invoice marked BAD_DEBT is no write-off
        case(0, "UPDATE transactions SET metadata = NULL WHERE id = (SELECT min(id) FROM transactions WHERE transactionType = 'REFUND')"),
        case(0, "UPDATE transactions SET metadata = '{\"writeOffType\": \"BAD_DEBT\"}' WHERE id = (SELECT min(id) FROM transactions "
                "WHERE transactionType = 'INVOICE')",
             "UPDATE client_transactions SET metadata = '{\"writeOffType\": \"BAD_DEBT\"}' WHERE id = (SELECT min(id) "
             "FROM client_transactions WHERE transaction_type = 'INVOICE')"),
        # a statement's CREDIT that is no write-off (no BAD_DEBT mark) is none of the kinds listed
        case(0, "INSERT INTO client_transactions (client_id, transaction_type, transaction_number, transaction_date, amount) "
                "SELECT min(id), 'CREDIT', 'CR-1', '2026-10-31', 12.34 FROM clients"),
    ),
    "write_offs_posted_to_bad_debt": (
        case(  # the invoice misses both sides of its write-off: AR and bad debt
            2, "UPDATE invoices SET amountDue = amountDue - 10, status = 'VOID' WHERE id = (SELECT min(id) FROM invoices WHERE amountDue > 10)"),
        case(0, *_WRITTEN_OFF[:3]),  # posted as it should be
        case(1, *_WRITTEN_OFF[:2]),  # Bad Debt Expense not debited
    ),
    "write_off_only_when_hopeless": (  # 2026-07-03 to 2026-10-31 is exactly 120 days
        case(1, _WRITE_OFF),
        case(0, _WRITE_OFF, f"UPDATE ledgerEntries SET entryDate = '2026-10-31' WHERE {_WRITTEN}",  # on the end date, 120 days
             f"UPDATE invoices SET dueDate = '2026-07-03' WHERE id = (SELECT referenceId FROM ledgerEntries WHERE {_WRITTEN})"),
        case(1, _WRITE_OFF, f"UPDATE ledgerEntries SET entryDate = '2026-11-01' WHERE {_WRITTEN}",  # the day after it
             f"UPDATE invoices SET dueDate = '2026-07-01' WHERE id = (SELECT referenceId FROM ledgerEntries WHERE {_WRITTEN})"),
        case(1, _WRITE_OFF, f"UPDATE ledgerEntries SET entryDate = '2026-10-31' WHERE {_WRITTEN}",  # 119 days past due
             f"UPDATE invoices SET dueDate = '2026-07-04' WHERE id = (SELECT referenceId FROM ledgerEntries WHERE {_WRITTEN})")),
    "bill_status_agrees": (
        case(1, "UPDATE bills SET status = 'APPROVED' WHERE id = 1"),
        case(0, _OPEN_BILL.format(paid=0, due="2026-11-01", status="PENDING")),  # nothing paid, due after the end date
        case(1, _OPEN_BILL.format(paid=0, due="2026-11-01", status="OVERDUE")),  # not due yet, said OVERDUE
        case(0, _OPEN_BILL.format(paid=0, due="2026-10-31", status="PENDING")),  # due on the end date: not past due yet
        case(1, _OPEN_BILL.format(paid=0, due="2026-10-30", status="PENDING")),  # past due, still PENDING
        case(0, _OPEN_BILL.format(paid=0, due="2026-10-30", status="OVERDUE")),
        case(0, _OPEN_BILL.format(paid=100, due="2026-11-01", status="PARTIAL")),  # part paid, not due yet
    ),
    "reimbursements_settle_their_expense": (
        case(  # the payable account no longer matches, and the expense has no date
            2, f"UPDATE expenses SET isReimbursed = 1 WHERE id = {_REIMBURSABLE}"),
        case(0, *_reimbursed("(SELECT expenseDate || ' 17:00:00' FROM expenses WHERE id = " + _REIMBURSABLE + ")")),  # the day incurred
        case(0, *_reimbursed("'2026-10-31 23:59:59'")),  # the end date's last second
        case(1, *_reimbursed("(SELECT date(expenseDate, '-1 day') || ' 17:00:00' FROM expenses WHERE id = " + _REIMBURSABLE + ")")),
        case(1, *_reimbursed("'2026-11-01 09:00:00'")),  # after the end date
        # the company paid it, not an employee: reimbursed though not reimbursable (on the day, no payable touched)
        case(1, "UPDATE expenses SET isReimbursed = 1, reimbursedAt = expenseDate || ' 17:00:00' "
                "WHERE id = (SELECT min(id) FROM expenses WHERE isReimbursable = 0)"),
        case(1, "UPDATE expenses SET reimbursedAt = '2026-10-20 10:00:00' WHERE id = (SELECT min(id) FROM expenses)"),  # not reimbursed
        # nothing reimbursable: the expense paid from the bank, so the payable holds nothing and nothing is pending
        case(0, f"UPDATE ledgerEntries SET accountId = {_ACCOUNT.format('1010')} WHERE accountId = {_ACCOUNT.format('2400')}",
             "UPDATE expenses SET isReimbursable = 0"),
    ),
}
