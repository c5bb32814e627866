"""Breaking cases of the rules of the core, the books, the calendar and the comments."""

from seed_pipeline_tests.checks.rule_cases import case

# the light seed writes nothing off: an invoice's first journal line made a write-off, dated and due as a case says
_WRITE_OFF = ("UPDATE ledgerEntries SET referenceType = 'WRITE_OFF' "
              "WHERE id = (SELECT min(id) FROM ledgerEntries WHERE referenceType = 'INVOICE')")
_WRITTEN = "referenceType = 'WRITE_OFF'"

CASES = {
    "order_total_is_sum_of_lines": case(1, "UPDATE orders SET total = total + 0.01 WHERE id = 1"),
    "one_invoice_per_order": case(  # order 1 now has two invoices, invoice 2's order none
        2, "UPDATE invoices SET referenceId = (SELECT id FROM orders WHERE id = 1) WHERE id = 2"),
    "invoice_total_is_order_total": (  # the amount, then the client
        case(1, "UPDATE invoices SET totalAmount = totalAmount + 0.01, amountDue = amountDue + 0.01 WHERE id = 1"),
        case(1, "UPDATE invoices SET customerId = (SELECT min(id) FROM clients WHERE id <> invoices.customerId) WHERE id = 1")),
    "paid_plus_due_is_total": case(1, "UPDATE invoices SET amountPaid = amountPaid + 0.01 WHERE id = 1"),
    "invoice_follows_order": (  # issued the day before its order, then due the day before it was issued
        case(1, "UPDATE invoices SET invoiceDate = (SELECT date(created_at, '-1 day') FROM orders WHERE id = invoices.referenceId) "
                "WHERE id = 1"),
        case(1, "UPDATE invoices SET dueDate = date(invoiceDate, '-1 day') WHERE id = 1")),
    "invoice_status_agrees": case(1, "UPDATE invoices SET status = CASE status WHEN 'PAID' THEN 'OVERDUE' ELSE 'PAID' END WHERE id = 1"),
    # the last sale of the first batch sold takes 0.01 more than the batch had left: only that line is oversold
    "line_batch_in_stock_on_order_date": (case(1, (
        "UPDATE order_line_items SET quantity = quantity + 0.01 + (SELECT json_extract(b.metadata, '$.receivedQty') - b.sampleQty "
        "FROM batches b WHERE b.id = order_line_items.batch_id) - (SELECT sum(x.quantity) FROM order_line_items x "
        "WHERE x.batch_id = order_line_items.batch_id) WHERE id = (SELECT l.id FROM order_line_items l JOIN orders o "
        "ON o.id = l.order_id ORDER BY l.batch_id, o.created_at DESC, l.id DESC LIMIT 1)")),
        # the first batch arrives a second after its first sale was ordered: that one line sold it early
        case(1, "UPDATE batches SET createdAt = (SELECT datetime(min(o.created_at), '+1 second') FROM order_line_items l "
                "JOIN orders o ON o.id = l.order_id WHERE l.batch_id = batches.id) WHERE id = (SELECT min(batch_id) FROM order_line_items)")),
    "on_hand_is_received_less_sold_sampled_plus_returned": case(1, "UPDATE batches SET onHandQty = onHandQty + 0.02 WHERE id = 1"),
    "client_running_totals": (case(1, "UPDATE clients SET total_spent = total_spent + 0.01 WHERE id = 1"),
                              case(1, "UPDATE clients SET total_owed = total_owed + 0.01 WHERE id = 1")),
    "fulfilment_follows_order": (  # shipped a second before it was packed, then a status that is not how far it got
        case(1, "UPDATE orders SET shipped_at = datetime(packed_at, '-1 second') WHERE id = (SELECT min(id) FROM orders WHERE shipped_at IS NOT NULL)"),
        case(1, "UPDATE orders SET fulfillmentStatus = 'PACKED' WHERE id = (SELECT min(id) FROM orders WHERE shipped_at IS NOT NULL)")),
    "return_after_delivery": (  # processed the very second its order shipped, then from an order never shipped
        case(1, "UPDATE returns SET processed_at = (SELECT shipped_at FROM orders WHERE id = returns.order_id) WHERE id = 1"),
        case(1, "UPDATE orders SET shipped_at = NULL WHERE id = (SELECT order_id FROM returns WHERE id = 1)")),
    "journal_entries_balance": case(1, "UPDATE ledgerEntries SET debit = debit + 0.01 WHERE id = (SELECT min(id) FROM ledgerEntries WHERE debit > 0)"),
    "trial_balance_is_zero": case(1, "UPDATE ledgerEntries SET credit = credit + 0.01 WHERE id = (SELECT max(id) FROM ledgerEntries WHERE credit > 0)"),
    "entry_in_its_fiscal_period": case(1, "UPDATE ledgerEntries SET entryDate = '2020-01-01' WHERE id = 1"),
    "receivables_control_equals_invoices": case(1, "UPDATE invoices SET amountDue = amountDue + 0.01 WHERE id = 1"),
    "payables_control_equals_bills": case(1, "UPDATE bills SET amountDue = amountDue + 0.01 WHERE id = 1"),
    "documents_reach_their_control_account": case(1, "UPDATE payments SET amount = amount + 0.01 WHERE id = 1"),
    "expense_is_posted": case(1, "UPDATE expenses SET totalAmount = totalAmount + 0.01 WHERE id = 1"),
    "payments_add_up_to_amount_paid": case(1, "DELETE FROM payments WHERE id = (SELECT min(id) FROM payments WHERE paymentType = 'RECEIVED')"),
    "payment_follows_its_document": case(1, "UPDATE payments SET paymentDate = '2000-01-01' WHERE id = (SELECT min(id) FROM payments WHERE invoiceId IS NOT NULL)"),
    "bill_is_sum_of_its_lines": case(1, "UPDATE billLineItems SET lineTotal = lineTotal + 0.01 WHERE id = 1"),
    "bank_balance_is_ledger_balance": case(1, "UPDATE bankAccounts SET currentBalance = currentBalance + 0.01"),
    "client_accounts_match_the_books": case(1, "UPDATE client_transactions SET amount = amount + 0.01 WHERE id = 1"),
    "reminder_before_its_event": case(1, "UPDATE calendar_reminders SET reminder_time = '2030-01-01 00:00:00' WHERE id = 1"),
    "comment_after_its_subject": case(1, "UPDATE comments SET created_at = '2000-01-01 00:00:00' WHERE id = 1"),
    "calendar_covers_every_month": case(  # the light history is October 2026 alone: one month bare
        1, "DELETE FROM calendar_events WHERE start_date < '2026-11-01'"),
    "event_follows_its_subject": case(1, "UPDATE calendar_events SET start_date = date(start_date, '+1 day'), end_date = date(end_date, '+1 day') "
                                  "WHERE id = (SELECT min(id) FROM calendar_events WHERE event_type = 'DELIVERY')"),
    # the core and the books as TERP's screens read them
    "some_buyers_lapsed": case(1, "UPDATE orders SET created_at = '2026-01-05 10:00:00' WHERE id = (SELECT min(id) FROM orders WHERE client_id = "
                           "(SELECT client_id FROM orders GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1))"),
    "write_offs_posted_to_bad_debt": case(  # the invoice misses both sides of its write-off: AR and bad debt
        2, "UPDATE invoices SET amountDue = amountDue - 10, status = 'VOID' "
                                      "WHERE id = (SELECT min(id) FROM invoices WHERE amountDue > 10)"),
    "write_off_only_when_hopeless": (  # 2026-07-03 to 2026-10-31 is exactly 120 days
        case(1, _WRITE_OFF),
        case(0, _WRITE_OFF, f"UPDATE ledgerEntries SET entryDate = '2026-10-31' WHERE {_WRITTEN}",  # on the end date, 120 days
             f"UPDATE invoices SET dueDate = '2026-07-03' WHERE id = (SELECT referenceId FROM ledgerEntries WHERE {_WRITTEN})"),
        case(1, _WRITE_OFF, f"UPDATE ledgerEntries SET entryDate = '2026-11-01' WHERE {_WRITTEN}",  # the day after it
             f"UPDATE invoices SET dueDate = '2026-07-01' WHERE id = (SELECT referenceId FROM ledgerEntries WHERE {_WRITTEN})"),
        case(1, _WRITE_OFF, f"UPDATE ledgerEntries SET entryDate = '2026-10-31' WHERE {_WRITTEN}",  # 119 days past due
             f"UPDATE invoices SET dueDate = '2026-07-04' WHERE id = (SELECT referenceId FROM ledgerEntries WHERE {_WRITTEN})")),
    "bill_status_agrees": case(1, "UPDATE bills SET status = 'APPROVED' WHERE id = 1"),
    "reimbursements_settle_their_expense": case(  # the payable account no longer matches, and the expense has no date
        2, "UPDATE expenses SET isReimbursed = 1 WHERE id = (SELECT min(id) FROM expenses WHERE isReimbursable = 1)"),
    "orders_items_reads_as_terp_expects": case(1, "UPDATE orders SET items = '[{\"batchCode\": \"B-000001\", \"quantity\": 1}]' WHERE id = 1"),
    "returns_items_reads_as_terp_expects": case(1, "UPDATE returns SET items = '[{\"batchId\": 1, \"quantity\": 1}]' WHERE id = 1"),
    "batches_metadata_reads_as_terp_expects": case(1, "UPDATE batches SET metadata = '{\"receivedQty\": \"lots\"}' WHERE id = 1"),
    "transactions_metadata_reads_as_terp_expects": case(1, "UPDATE transactions SET metadata = '{\"writeOffType\": \"BAD\"}' WHERE id = 1"),
    "client_transactions_metadata_reads_as_terp_expects": case(1, "UPDATE client_transactions SET metadata = '{\"invoice\": 1}' WHERE id = 1"),
    "invoices_status_has_every_counted_state": case(1, "UPDATE invoices SET status = 'VIEWED' WHERE status = 'SENT'"),
    "strains_category_has_every_counted_state": case(1, "UPDATE strains SET category = 'hybrid' WHERE category = 'sativa'"),
    "products_category_has_every_counted_state": case(1, "UPDATE products SET category = 'Flower' WHERE category = 'Vapes'"),
    "orders_saleStatus_has_every_counted_state": case(1, "UPDATE orders SET saleStatus = 'PAID' WHERE saleStatus = 'PENDING'"),
    # a longer history (its first order months earlier) that still holds only the one bill of a month
    # the one bill present shows one of the four states AP counts: three are missing
    "bills_status_has_every_counted_state": case(3, "UPDATE orders SET created_at = '2026-01-05 10:00:00' WHERE id = 1"),
    "payments_paymentType_has_every_counted_state": case(1, "UPDATE payments SET paymentType = 'RECEIVED' WHERE paymentType = 'SENT'"),
    "transactions_transactionStatus_has_every_counted_state": case(1, 
        "UPDATE transactions SET transactionStatus = 'PENDING' WHERE transactionStatus = 'OVERDUE'"),
    "client_transactions_payment_status_has_every_counted_state": case(1, 
        "UPDATE client_transactions SET payment_status = 'PAID' WHERE payment_status = 'PARTIAL'"),
    "bankTransactions_transactionType_has_every_counted_state": case(1, "UPDATE bankTransactions SET transactionType = 'DEPOSIT'"),
    "client_transactions_transaction_type_has_every_counted_state": case(1, "DELETE FROM client_transactions WHERE transaction_type = 'PAYMENT'"),
}
