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
        case(1, f"UPDATE orders SET confirmed_at = NULL WHERE {CANCELLED}"),  # cancelled, yet never confirmed
        case(1, f"UPDATE orders SET packed_at = updated_at WHERE {CANCELLED}"),  # packed, then cancelled
        case(1, f"UPDATE orders SET shipped_at = created_at WHERE {DRAFT}"),  # a draft shipped
        case(1, f"UPDATE orders SET invoice_id = 1 WHERE {DRAFT}"),  # a draft naming an invoice
        case(1, f"UPDATE orders SET saleStatus = 'PENDING' WHERE {DRAFT}"),  # a draft with a sale status
        case(1, f"UPDATE orders SET cash_payment = -0.01 WHERE {CANCELLED}"),  # a cent handed back is money moved too
        # a line on the draft quote breaks the quotes' rule, not this one: it is about sales
        case(0, "UPDATE order_line_items SET order_id = (SELECT id FROM orders WHERE orderType = 'QUOTE' AND is_draft = 1) "
                "WHERE id = 1")),
    "unsold_sales_dated_in_the_history": (
        case(1, f"UPDATE orders SET updated_at = confirmed_at WHERE {CANCELLED}"),  # cancelled the second it was confirmed
        case(1, f"UPDATE orders SET updated_at = '2026-11-01 00:00:00' WHERE {CANCELLED}"),  # after the end date
        case(1, f"UPDATE orders SET confirmed_at = datetime(created_at, '-1 second') WHERE {CANCELLED}"),
        # three working days before the end date's last working second (Friday 17:59:59) is Tuesday 17:59:59
        case(1, f"UPDATE orders SET created_at = '2026-10-27 17:59:58', updated_at = '2026-10-27 17:59:58' WHERE {DRAFT}"),
        case(1, f"UPDATE orders SET updated_at = datetime(created_at, '+1 second') WHERE {DRAFT}"),
        case(0, f"UPDATE orders SET confirmed_at = created_at WHERE {CANCELLED}"),  # confirmed the second it was entered
        case(0, f"UPDATE orders SET updated_at = '2026-10-31 23:59:59' WHERE {CANCELLED}"),  # the end date's last second
        case(0, f"UPDATE orders SET created_at = '2026-10-27 17:59:59', updated_at = '2026-10-27 17:59:59' WHERE {DRAFT}"),
        case(0, f"UPDATE orders SET created_at = '2026-10-31 23:59:59', updated_at = '2026-10-31 23:59:59' WHERE {DRAFT}"),
        case(1, f"UPDATE orders SET created_at = '2026-11-01 00:00:00', updated_at = '2026-11-01 00:00:00' WHERE {DRAFT}")),
    "unsold_counts_are_exact": (
        case(1, "UPDATE orders SET orderType = 'SALE', quoteStatus = NULL WHERE quoteStatus = 'DRAFT'"),  # two drafts
        case(1, f"UPDATE invoices SET notes = NULL WHERE {VOIDED}"),  # no voided invoice
        # a second sale cancelled before it shipped: 49 stand, which still asks for one cancelled sale (2% of 49 is 1)
        case(1, "UPDATE orders SET saleStatus = 'CANCELLED' WHERE id = (SELECT min(id) FROM orders WHERE orderType = 'SALE' "
                "AND shipped_at IS NULL AND is_draft = 0 AND saleStatus <> 'CANCELLED')"),
        # no cancelled sale left (51 stand, which ask for one), then no draft sale (the draft made a quote)
        case(1, f"UPDATE orders SET saleStatus = 'PENDING' WHERE {CANCELLED}"),
        case(1, f"UPDATE orders SET orderType = 'QUOTE', quoteStatus = 'DRAFT' WHERE {DRAFT}"),
        # every standing sale entered twice: 100 stand, which ask for two cancelled sales (one draft, one voided invoice)
        case(1, "INSERT INTO orders (id, order_number, orderType, is_draft, saleStatus, client_id, items, subtotal, total, "
                "paymentTerms, created_by, created_at, confirmed_at, shipped_at, updated_at) "
                "SELECT id + 1000, order_number || '-2', orderType, is_draft, saleStatus, client_id, items, subtotal, total, "
                "paymentTerms, created_by, created_at, confirmed_at, shipped_at, updated_at FROM orders "
                "WHERE orderType = 'SALE' AND is_draft = 0 AND saleStatus <> 'CANCELLED'"),
        # no sale stands (they became quotes): each kind is still held to at least one, which the history has
        case(0, "UPDATE orders SET orderType = 'QUOTE' WHERE orderType = 'SALE' AND is_draft = 0 AND saleStatus <> 'CANCELLED'")),
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
                "WHERE referenceType = 'INVOICE_REVERSAL')"),
        case(1, f"UPDATE invoices SET status = 'PAID' WHERE {VOIDED}"),
        case(1, f"UPDATE invoices SET amountPaid = -0.01 WHERE {VOIDED}"),
        case(1, f"UPDATE invoices SET updatedAt = createdAt WHERE {VOIDED}"),  # voided the second it was keyed
        # voided, and re-keyed, in the end date's last second: on time; the next second is after the history
        case(0, f"UPDATE invoices SET updatedAt = '2026-10-31 23:59:59' WHERE {VOIDED}",
             f"UPDATE invoices SET createdAt = '2026-10-31 23:59:59' WHERE id = {REISSUED}"),
        case(1, f"UPDATE invoices SET updatedAt = '2026-11-01 00:00:00' WHERE {VOIDED}",
             f"UPDATE invoices SET createdAt = '2026-11-01 00:00:00' WHERE id = {REISSUED}"),
        case(1, f"UPDATE orders SET invoice_id = (SELECT id FROM invoices WHERE {VOIDED}) WHERE invoice_id = {REISSUED}"),
        case(1, f"UPDATE invoices SET customerId = customerId + 1 WHERE id = {REISSUED}"),  # re-issued to another client
        case(1, f"UPDATE invoices SET totalAmount = totalAmount + 0.01 WHERE id = {REISSUED}"),  # for a cent more
        case(1, f"UPDATE invoices SET notes = replace(notes, 'as INV-', 'as INV-9') WHERE {VOIDED}"),  # names another
        case(1, "UPDATE ledgerEntries SET entryDate = '2026-11-01' WHERE id = (SELECT max(id) FROM ledgerEntries "
                "WHERE referenceType = 'INVOICE_REVERSAL')"),  # one reversing line after the end date
        case(0, "UPDATE ledgerEntries SET entryDate = '2026-10-31' WHERE referenceType = 'INVOICE_REVERSAL'"),  # on it: on time
        case(1, "DELETE FROM ledgerEntries WHERE referenceType = 'INVOICE_REVERSAL'"),  # never reversed
        # a second voided invoice of the same order, journals and reversal copied, sound; then the first paid a cent:
        # only the first breaks the rule (the light seed holds one voided invoice, where one and all are the same)
        case(1, "INSERT INTO ledgerEntries (id, entryNumber, entryDate, accountId, debit, credit, description, referenceType, "
                "referenceId, fiscalPeriodId, isManual, isPosted, postedAt, postedBy, createdBy, createdAt) "
                "SELECT id + 100000, entryNumber || '-2', entryDate, accountId, debit, credit, description, referenceType, "
                "referenceId + 100000, fiscalPeriodId, isManual, isPosted, postedAt, postedBy, createdBy, createdAt "
                f"FROM ledgerEntries WHERE referenceId = (SELECT id FROM invoices WHERE {VOIDED}) "
                "AND referenceType IN ('INVOICE', 'INVOICE_REVERSAL')",
             "INSERT INTO invoices (id, invoiceNumber, customerId, invoiceDate, dueDate, subtotal, taxAmount, discountAmount, "
             "totalAmount, amountPaid, amountDue, status, paymentTerms, notes, referenceType, referenceId, createdBy, createdAt, "
             "updatedAt) SELECT id + 100000, invoiceNumber || '-2', customerId, invoiceDate, dueDate, subtotal, taxAmount, "
             "discountAmount, totalAmount, amountPaid, amountDue, status, paymentTerms, notes, referenceType, referenceId, "
             f"createdBy, createdAt, updatedAt FROM invoices WHERE {VOIDED}",
             f"UPDATE invoices SET amountPaid = 0.01 WHERE {VOIDED} AND id < 100000")),
}
