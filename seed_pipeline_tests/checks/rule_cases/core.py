"""Breaking cases of the rules of the core, the books, the calendar and the comments."""

CASES = {
    "order_total_is_sum_of_lines": ["UPDATE orders SET total = total + 10 WHERE id = 1"],
    "one_invoice_per_order": ["UPDATE invoices SET referenceId = (SELECT id FROM orders WHERE id = 1) WHERE id = 2"],
    "invoice_total_is_order_total": ["UPDATE invoices SET totalAmount = totalAmount + 10, amountDue = amountDue + 10 WHERE id = 1"],
    "paid_plus_due_is_total": ["UPDATE invoices SET amountPaid = amountPaid + 1 WHERE id = 1"],
    "invoice_follows_order": ["UPDATE invoices SET invoiceDate = '2020-01-01' WHERE id = 1"],
    "invoice_status_agrees": ["UPDATE invoices SET status = CASE status WHEN 'PAID' THEN 'OVERDUE' ELSE 'PAID' END WHERE id = 1"],
    "line_batch_in_stock_on_order_date": ["UPDATE order_line_items SET quantity = quantity * 1000 WHERE id = 1"],
    "on_hand_is_received_less_sold_sampled_plus_returned": ["UPDATE batches SET onHandQty = '-5' WHERE id = 1"],
    "client_running_totals": ["UPDATE clients SET total_spent = total_spent + 100 WHERE id = 1"],
    "fulfilment_follows_order": ["UPDATE orders SET shipped_at = '2000-01-01 00:00:00' WHERE shipped_at IS NOT NULL AND id = (SELECT min(id) FROM orders WHERE shipped_at IS NOT NULL)"],
    "return_after_delivery": ["UPDATE returns SET processed_at = '2000-01-01 00:00:00' WHERE id = 1"],
    "journal_entries_balance": ["UPDATE ledgerEntries SET debit = debit + 1 WHERE id = (SELECT min(id) FROM ledgerEntries WHERE debit > 0)"],
    "trial_balance_is_zero": ["UPDATE ledgerEntries SET credit = credit + 5 WHERE id = (SELECT max(id) FROM ledgerEntries WHERE credit > 0)"],
    "entry_in_its_fiscal_period": ["UPDATE ledgerEntries SET entryDate = '2020-01-01' WHERE id = 1"],
    "receivables_control_equals_invoices": ["UPDATE invoices SET amountDue = amountDue + 50 WHERE id = 1"],
    "payables_control_equals_bills": ["UPDATE bills SET amountDue = amountDue + 50 WHERE id = 1"],
    "documents_reach_their_control_account": ["UPDATE payments SET amount = amount + 1 WHERE id = 1"],
    "expense_is_posted": ["UPDATE expenses SET totalAmount = totalAmount + 1 WHERE id = 1"],
    "payments_add_up_to_amount_paid": ["DELETE FROM payments WHERE id = (SELECT min(id) FROM payments WHERE paymentType = 'RECEIVED')"],
    "payment_follows_its_document": ["UPDATE payments SET paymentDate = '2000-01-01' WHERE id = (SELECT min(id) FROM payments WHERE invoiceId IS NOT NULL)"],
    "bill_is_sum_of_its_lines": ["UPDATE billLineItems SET lineTotal = lineTotal + 1 WHERE id = 1"],
    "bank_balance_is_ledger_balance": ["UPDATE bankAccounts SET currentBalance = currentBalance + 1"],
    "client_accounts_match_the_books": ["UPDATE client_transactions SET amount = amount + 1 WHERE id = 1"],
    "reminder_before_its_event": ["UPDATE calendar_reminders SET reminder_time = '2030-01-01 00:00:00' WHERE id = 1"],
    "comment_after_its_subject": ["UPDATE comments SET created_at = '2000-01-01 00:00:00' WHERE id = 1"],
    "calendar_covers_every_month": ["DELETE FROM calendar_events WHERE start_date < '2026-11-01'"],
    "event_follows_its_subject": ["UPDATE calendar_events SET start_date = date(start_date, '+1 day'), end_date = date(end_date, '+1 day') "
                                  "WHERE id = (SELECT min(id) FROM calendar_events WHERE event_type = 'DELIVERY')"],
    # the core and the books as TERP's screens read them
    "some_buyers_lapsed": ["UPDATE orders SET created_at = '2026-01-05 10:00:00' WHERE id = (SELECT min(id) FROM orders WHERE client_id = "
                           "(SELECT client_id FROM orders GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1))"],
    "write_offs_posted_to_bad_debt": ["UPDATE invoices SET amountDue = amountDue - 10, status = 'VOID' "
                                      "WHERE id = (SELECT min(id) FROM invoices WHERE amountDue > 10)"],
    "write_off_only_when_hopeless": ["UPDATE ledgerEntries SET referenceType = 'WRITE_OFF' "
                                     "WHERE id = (SELECT min(id) FROM ledgerEntries WHERE referenceType = 'INVOICE')"],
    "bill_status_agrees": ["UPDATE bills SET status = 'APPROVED' WHERE id = 1"],
    "reimbursements_settle_their_expense": ["UPDATE expenses SET isReimbursed = 1 WHERE id = (SELECT min(id) FROM expenses WHERE isReimbursable = 1)"],
    "orders_items_reads_as_terp_expects": ["UPDATE orders SET items = '[{\"batchCode\": \"B-000001\", \"quantity\": 1}]' WHERE id = 1"],
    "returns_items_reads_as_terp_expects": ["UPDATE returns SET items = '[{\"batchId\": 1, \"quantity\": 1}]' WHERE id = 1"],
    "batches_metadata_reads_as_terp_expects": ["UPDATE batches SET metadata = '{\"receivedQty\": \"lots\"}' WHERE id = 1"],
    "transactions_metadata_reads_as_terp_expects": ["UPDATE transactions SET metadata = '{\"writeOffType\": \"BAD\"}' WHERE id = 1"],
    "client_transactions_metadata_reads_as_terp_expects": ["UPDATE client_transactions SET metadata = '{\"invoice\": 1}' WHERE id = 1"],
    "invoices_status_has_every_counted_state": ["UPDATE invoices SET status = 'VIEWED' WHERE status = 'SENT'"],
    "strains_category_has_every_counted_state": ["UPDATE strains SET category = 'hybrid' WHERE category = 'sativa'"],
    "products_category_has_every_counted_state": ["UPDATE products SET category = 'Flower' WHERE category = 'Vapes'"],
    "orders_saleStatus_has_every_counted_state": ["UPDATE orders SET saleStatus = 'PAID' WHERE saleStatus = 'PENDING'"],
    # a longer history (its first order months earlier) that still holds only the one bill of a month
    "bills_status_has_every_counted_state": ["UPDATE orders SET created_at = '2026-01-05 10:00:00' WHERE id = 1"],
    "payments_paymentType_has_every_counted_state": ["UPDATE payments SET paymentType = 'RECEIVED' WHERE paymentType = 'SENT'"],
    "transactions_transactionStatus_has_every_counted_state": [
        "UPDATE transactions SET transactionStatus = 'PENDING' WHERE transactionStatus = 'OVERDUE'"],
    "client_transactions_payment_status_has_every_counted_state": [
        "UPDATE client_transactions SET payment_status = 'PAID' WHERE payment_status = 'PARTIAL'"],
    "bankTransactions_transactionType_has_every_counted_state": ["UPDATE bankTransactions SET transactionType = 'DEPOSIT'"],
    "client_transactions_transaction_type_has_every_counted_state": ["DELETE FROM client_transactions WHERE transaction_type = 'PAYMENT'"],
}
