"""Breaking cases of the rules of the sales that do not stand: drafts, cancelled sales, voided invoices.

The light seed (50 sales, end date 2026-10-31, a Saturday) holds one cancelled sale, one draft sale and one
voided invoice (2% and 0.5% of 50 sales, 1% of their invoices: at least one each).
"""

from seed_pipeline_tests.checks.rule_cases import case

CANCELLED = "saleStatus = 'CANCELLED' AND shipped_at IS NULL"
DRAFT = "orderType = 'SALE' AND is_draft = 1"
VOIDED = "notes LIKE 'Voided, re-issued as %'"
REISSUED = f"(SELECT o.invoice_id FROM orders o JOIN invoices v ON v.referenceId = o.id WHERE v.{VOIDED})"

CASES = {
    "unsold_sales_move_no_stock_nor_money": (
        case(1, f"UPDATE order_line_items SET order_id = (SELECT id FROM orders WHERE {CANCELLED}) WHERE id = 1"),
        case(1, f"UPDATE inventoryMovements SET referenceId = (SELECT id FROM orders WHERE {DRAFT}) "
                "WHERE id = (SELECT min(id) FROM inventoryMovements WHERE referenceType = 'ORDER')"),
        case(1, f"UPDATE invoices SET referenceId = (SELECT id FROM orders WHERE {CANCELLED}) WHERE id = 1"),
        case(1, f"UPDATE orders SET confirmed_at = created_at WHERE {DRAFT}"),  # a draft confirmed
        case(1, f"UPDATE orders SET cash_payment = 0.01 WHERE {CANCELLED}"),  # a cancelled sale took a cent
        case(1, f"UPDATE orders SET confirmed_at = NULL WHERE {CANCELLED}")),  # cancelled, yet never confirmed
    "unsold_sales_dated_in_the_history": (
        case(1, f"UPDATE orders SET updated_at = confirmed_at WHERE {CANCELLED}"),  # cancelled the second it was confirmed
        case(1, f"UPDATE orders SET updated_at = '2026-11-01 00:00:00' WHERE {CANCELLED}"),  # after the end date
        case(1, f"UPDATE orders SET confirmed_at = datetime(created_at, '-1 second') WHERE {CANCELLED}"),
        # three working days before the end date's last working second (Friday 17:59:59) is Tuesday 17:59:59
        case(1, f"UPDATE orders SET created_at = '2026-10-27 17:59:58', updated_at = '2026-10-27 17:59:58' WHERE {DRAFT}"),
        case(1, f"UPDATE orders SET updated_at = datetime(created_at, '+1 second') WHERE {DRAFT}")),
    "unsold_counts_are_exact": (
        case(1, "UPDATE orders SET orderType = 'SALE', quoteStatus = NULL WHERE quoteStatus = 'DRAFT'"),  # two drafts
        case(1, f"UPDATE invoices SET notes = NULL WHERE {VOIDED}")),  # no voided invoice
    "voided_invoice_is_reversed_and_reissued": (
        case(1, "UPDATE ledgerEntries SET debit = debit + 0.01 WHERE id = (SELECT min(id) FROM ledgerEntries "
                "WHERE referenceType = 'INVOICE_REVERSAL' AND debit > 0)"),
        case(1, "UPDATE ledgerEntries SET entryDate = date(entryDate, '-1 day') WHERE referenceType = 'INVOICE_REVERSAL'"),
        case(1, f"UPDATE invoices SET amountDue = 0.01 WHERE {VOIDED}"),
        case(1, f"UPDATE invoices SET createdAt = (SELECT datetime(v.updatedAt, '-1 second') FROM invoices v WHERE v.{VOIDED}) "
                f"WHERE id = {REISSUED}"),  # re-keyed a second before the wrong one was voided
        case(1, f"UPDATE payments SET invoiceId = (SELECT id FROM invoices WHERE {VOIDED}) "
                "WHERE id = (SELECT min(id) FROM payments WHERE invoiceId IS NOT NULL)"),
        # one reversing line moved onto invoice 1: the voided invoice is no longer reversed, invoice 1 is
        case(2, "UPDATE ledgerEntries SET referenceId = 1 WHERE id = (SELECT min(id) FROM ledgerEntries "
                "WHERE referenceType = 'INVOICE_REVERSAL')")),
}
