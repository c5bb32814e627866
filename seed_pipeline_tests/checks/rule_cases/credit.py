"""Breaking cases of the rules of store credits, credit limits, invoice lines, vendor payment history and batch costs."""

from seed_pipeline_tests.checks.rule_cases import case

CASES = {
    "credit_remaining_is_amount_less_used": case(1, "UPDATE credits SET amountRemaining = '1.00' WHERE id = 1"),
    "credit_used_is_sum_of_applications": case(1, "UPDATE creditApplications SET amountApplied = '1.00' WHERE id = 1"),
    "credit_applied_to_a_later_invoice_of_its_client": case(1, 
        "UPDATE creditApplications SET appliedDate = '2000-01-01 00:00:00' WHERE id = 1"),
    # no credit spent although the history has one whose client paid a later invoice: the history is the one row
    "credits_are_spent_where_they_can_be": case(1, "DELETE FROM creditApplications"),
    "credit_status_agrees": case(1, "UPDATE credits SET creditStatus = 'FULLY_USED' WHERE id = (SELECT max(id) FROM credits)"),
    "customer_credits_account_is_open_credits": case(1, "UPDATE credits SET amountRemaining = '0.00', amountUsed = creditAmount "
                                                 "WHERE id = (SELECT max(id) FROM credits)"),
    "invoice_lines_mirror_order_lines": case(1, "UPDATE invoiceLineItems SET quantity = quantity + 1 WHERE id = 1"),
    "sales_are_the_order_lines": case(1, "UPDATE sales SET salePrice = '1.00' WHERE id = 1"),
    "payment_history_is_vendor_payments": case(1,   # a payment to a vendor that the payments do not hold
        "INSERT INTO paymentHistory (batchId, vendorId, amount, paymentDate, recordedBy, createdAt) "
        "SELECT b.id, l.vendorId, '100.00', '2026-10-15 10:00:00', 1, '2026-10-15 10:00:00' "
        "FROM batches b JOIN lots l ON l.id = b.lotId WHERE b.id = 1"),
    "cogs_history_follows_batch_costs": case(1, "UPDATE cogsHistory SET newCogs = '1.00' WHERE id = 1"),
    "limit_changes_chain": case(1, "UPDATE client_credit_limits SET credit_limit = credit_limit + 100 WHERE id = 1"),
    "credits_creditStatus_has_every_counted_state": case(1, "UPDATE credits SET creditStatus = 'FULLY_USED'"),
    "credit_signal_history_calculation_metadata_reads_as_terp_expects": case(1, 
        "UPDATE credit_signal_history SET calculation_metadata = '{\"limit\": 1}' WHERE id = 1"),
    "credit_audit_log_metadata_reads_as_terp_expects": case(1, "UPDATE credit_audit_log SET metadata = '[1, 2]' WHERE id = 1"),
}
