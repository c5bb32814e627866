"""Breaking cases of the rules of store credits, credit limits, invoice lines, vendor payment history and batch costs.

The light seed holds two credits of client 2: credit 1 (650.00, all of it applied on 2026-10-27 15:39:51 to
INV-000008, whose client transaction is 9, FULLY_USED, made 2026-10-21 15:42:29, expiring 2027-01-19) and credit 2
(212.80, nothing used, ACTIVE, made 2026-10-27 09:07:13, expiring 2027-04-25); the Customer Credits account (2300)
holds credit 2's 212.80. Each case breaks one clause of its rule alone, or puts a row exactly on its boundary (0).
"""

from seed_pipeline_tests.checks.rule_cases import case

CREDIT_1, CREDIT_2 = "UPDATE credits SET {} WHERE id = 1", "UPDATE credits SET {} WHERE id = 2"
APPLIED = "UPDATE creditApplications SET {} WHERE id = 1"  # credit 1's one application, to INV-000008
# a second application, of credit 2 to INV-000008 (paid 8585.60: 7935.60 in cash and credit 1's 650.00)
APPLY_2 = ("INSERT INTO creditApplications (creditId, invoiceId, amountApplied, appliedDate, appliedBy, createdAt) "
           "VALUES (2, 9, '{}', '2026-10-27 15:39:51', 4, '2026-10-27 15:39:51')")
# credits_are_spent_where_they_can_be on client 3, who paid one invoice (INV-000043, on 2026-10-29), and no credit spent
UNSPENT_AT_3 = ("DELETE FROM creditApplications", "UPDATE credits SET clientId = 3")
PAYMENT_OF_3 = "UPDATE payments SET {} WHERE id = 11"
ACCOUNT_2300 = "(SELECT id FROM accounts WHERE accountNumber = '2300')"
POST_2300 = ("INSERT INTO ledgerEntries (entryNumber, entryDate, accountId, debit, credit, description, fiscalPeriodId, "
             "isManual, isPosted, createdBy, createdAt) SELECT 'JE-TEST-1', entryDate, accountId, {}, {}, description, "
             "fiscalPeriodId, isManual, isPosted, createdBy, createdAt FROM ledgerEntries WHERE id = 246")
LINE_OF_1 = "UPDATE invoiceLineItems SET {} WHERE id = 1"  # INV-000001's first line: batch 9, 1.25 at 2066.80
INVOICE_1 = "UPDATE invoices SET {} WHERE id = 1"
COPY_ORDER_LINE_1 = (
    "INSERT INTO order_line_items (order_id, batch_id, product_display_name, quantity, cogs_per_unit, original_cogs_per_unit, "
    "is_cogs_overridden, margin_percent, margin_dollar, is_margin_overridden, margin_source, unit_price, line_total, is_sample, "
    "created_at, updated_at) SELECT order_id, batch_id, product_display_name, quantity, cogs_per_unit, original_cogs_per_unit, "
    "is_cogs_overridden, margin_percent, margin_dollar, is_margin_overridden, margin_source, unit_price, line_total, is_sample, "
    "created_at, updated_at FROM order_line_items WHERE id = 1")
SALE_1 = "UPDATE sales SET {} WHERE id = 1"  # order 1's first line: batch 9, client 8, 1.25 at 2066.80, 2026-10-01 15:33:39
COPY_SALE_1 = ("INSERT INTO sales (batchId, productId, quantity, cogsAtSale, salePrice, cogsOverride, customerId, saleDate, "
               "notes, createdBy, createdAt, updatedAt) SELECT batchId, productId, quantity, cogsAtSale, salePrice, cogsOverride, "
               "customerId, saleDate, notes, createdBy, createdAt, updatedAt FROM sales WHERE id = 1")
# vendor 2 was paid 808,527.74 on 2026-10-01 (bill 1), which the history splits over eight of its batches that day
PAY_VENDOR = ("INSERT INTO payments (paymentNumber, paymentType, paymentDate, amount, paymentMethod, vendorId, billId, "
              "isReconciled, createdBy, createdAt, updatedAt) VALUES ('PAY-TEST-{0}', 'SENT', '{1}', {2}, 'ACH', {0}, {3}, 0, 4, "
              "'{1}', '{1}')")
LOG_VENDOR = ("INSERT INTO paymentHistory (batchId, vendorId, amount, paymentDate, recordedBy, createdAt) "
              "VALUES ({}, {}, '{}', '{}', 1, '{}')")
HISTORY_1 = "UPDATE paymentHistory SET {} WHERE id = 1"
# batch 1's one cost revision: 2.98 to 2.79 (its cost) on 2026-10-07 14:00:07, before any of its sales
REVISE_1 = ("INSERT INTO cogsHistory (batchId, oldCogs, newCogs, changeType, affectedSalesCount, changedBy, createdAt) "
            "VALUES (1, '{}', '{}', 'prospective', 0, 4, '{}')")
REVISION_1 = "UPDATE cogsHistory SET {} WHERE id = 1"
# batch 10's revision 4 (2026-10-10 08:27:44) counts its 5 sales before it; sale 25 is its next, on 2026-10-12
SALE_25 = "UPDATE sales SET saleDate = '{}' WHERE id = 25"
# client 1's limit: calculated as 12079.91 on 2026-10-31 06:35:16, on file so; a later event sets it anew
LIMIT_EVENT = ("INSERT INTO credit_audit_log (client_id, event_type, old_value, new_value, created_at) "
               "VALUES (1, '{}', {}, {}, '{}')")
ON_FILE_1 = "UPDATE client_credit_limits SET credit_limit = {} WHERE client_id = 1"


def limit_event(kind: str, old, new, at: str = "2026-10-31 07:00:00") -> tuple[str, str]:
    """Client 1's limit moved by one more event, the limit on file following it."""
    return LIMIT_EVENT.format(kind, old, new, at), ON_FILE_1.format(new)


CASES = {
    "credit_remaining_is_amount_less_used": (
        case(1, CREDIT_1.format("amountRemaining = '1.00'")),
        case(1, CREDIT_2.format("amountRemaining = '212.79'")),  # a cent short of its amount less nothing used
        # more used than the amount, the remaining amount saying so: that clause alone
        case(1, CREDIT_1.format("amountUsed = '650.01', amountRemaining = '-0.01'")),
        case(1, CREDIT_2.format("amountUsed = '-0.01', amountRemaining = '212.81'")),  # a negative use
        # as text, '999.00' sorts above '1000.00': all of a credit of 1,000 used and nothing left holds
        case(0, CREDIT_1.format("creditAmount = '1000.00', amountUsed = '999.00', amountRemaining = '1.00'")),
        case(0, CREDIT_1.format("creditStatus = 'VOID', amountRemaining = '1.00'")),  # a voided credit's amounts say nothing
    ),
    "credit_used_is_sum_of_applications": (
        case(1, APPLIED.format("amountApplied = '1.00'")),
        case(1, CREDIT_2.format("amountUsed = '0.01', amountRemaining = '212.79'")),  # used, with no application at all
        # credit 2 applied too (10.00, which it says it used): each credit's own applications, not all of them
        case(0, APPLY_2.format("10.00"), CREDIT_2.format("amountUsed = '10.00', amountRemaining = '202.80'")),
        # credit 1's 650.00 in two applications of 600.00 and 50.00: their sum
        case(0, APPLIED.format("amountApplied = '600.00'"), APPLY_2.format("50.00").replace("VALUES (2,", "VALUES (1,")),
    ),
    "credit_applied_to_a_later_invoice_of_its_client": (
        case(1, APPLIED.format("appliedDate = '2000-01-01 00:00:00'")),
        case(1, "UPDATE transactions SET transactionType = 'PAYMENT' WHERE id = 9"),  # applied to a payment
        case(1, CREDIT_1.format("clientId = 1")),  # the invoice is another client's
        # the credit made the very second it was applied (holds), and a second later
        case(0, CREDIT_1.format("createdAt = '2026-10-27 15:39:51'")),
        case(1, CREDIT_1.format("createdAt = '2026-10-27 15:39:52'")),
        case(0, "UPDATE transactions SET transactionDate = '2026-10-27 15:39:51' WHERE id = 9"),
        case(1, "UPDATE transactions SET transactionDate = '2026-10-27 15:39:52' WHERE id = 9"),
        # the credit expiring the very second it was applied (holds), and a second before
        case(0, CREDIT_1.format("expirationDate = '2026-10-27 15:39:51'")),
        case(1, CREDIT_1.format("expirationDate = '2026-10-27 15:39:50'")),
        # applied in the end date's last second (holds), and the second after
        case(0, APPLIED.format("appliedDate = '2026-10-31 23:59:59'")),
        case(1, APPLIED.format("appliedDate = '2026-11-01 00:00:00'")),
        case(1, APPLIED.format("amountApplied = '0.00'")),  # nothing applied
        case(0, APPLIED.format("amountApplied = '0.01'")),  # a cent applied is something (holds)
        # the invoice paid exactly the credit spent on it (holds), and a cent less
        case(0, "UPDATE invoices SET amountPaid = 650.00 WHERE id = 8"),
        case(1, "UPDATE invoices SET amountPaid = 649.99 WHERE id = 8"),
        # the transaction naming INV-000007, on which nothing was paid
        case(1, "UPDATE transactions SET metadata = '{\"invoiceNumber\": \"INV-000007\"}' WHERE id = 9"),
        # credit 2 spent on INV-000008 too: the two applications take all it was paid (holds), or a cent more
        case(0, APPLY_2.format("7935.60")),
        case(1, APPLY_2.format("7935.61")),
        # credit 2's 212.80 spent on INV-000011 instead, each invoice paid exactly its own credit (holds)
        case(0, APPLY_2.format("212.80").replace("(2, 9,", "(2, 10,"), "UPDATE invoices SET amountPaid = 650.00 WHERE id = 8",
             "UPDATE invoices SET amountPaid = 212.80 WHERE id = 11"),
    ),
    # no credit spent although the history has one whose client paid a later invoice: the history is the one row
    "credits_are_spent_where_they_can_be": (
        case(1, "DELETE FROM creditApplications"),
        # client 3 paid on 2026-10-29: a credit made the day before could be spent then, one made that day not
        case(1, *UNSPENT_AT_3, "UPDATE credits SET createdAt = '2026-10-28 23:59:59'"),
        case(0, *UNSPENT_AT_3, "UPDATE credits SET createdAt = '2026-10-29 00:00:00'"),
        # a credit expiring on the day of the payment could be spent on it, one expiring the day before not
        case(1, *UNSPENT_AT_3, "UPDATE credits SET expirationDate = '2026-10-29 00:00:00'"),
        case(0, *UNSPENT_AT_3, "UPDATE credits SET expirationDate = '2026-10-28 23:59:59'"),
        # the invoice refunded (no credit is spent on it), or merely noted
        case(0, *UNSPENT_AT_3, "UPDATE invoices SET notes = 'Refund of $1,955.52 issued 2026-10-30' WHERE id = 43"),
        case(1, *UNSPENT_AT_3, "UPDATE invoices SET notes = 'Paid by check' WHERE id = 43"),
        case(0, *UNSPENT_AT_3, PAYMENT_OF_3.format("paymentType = 'SENT'")),  # money sent to the client, not paid by it
        case(0, *UNSPENT_AT_3, "UPDATE invoices SET customerId = 4 WHERE id = 43"),  # the invoice another client's
    ),
    "credit_status_agrees": (
        case(1, "UPDATE credits SET creditStatus = 'FULLY_USED' WHERE id = (SELECT max(id) FROM credits)"),
        # open past its expiry: expiring the day before the end date, and on it (holds)
        case(1, CREDIT_2.format("expirationDate = '2026-10-30 23:59:59'")),
        case(0, CREDIT_2.format("expirationDate = '2026-10-31 00:00:00'")),
        case(1, CREDIT_2.format("creditStatus = 'PARTIALLY_USED', amountUsed = '10.00', amountRemaining = '202.80', "
                                "expirationDate = '2026-10-30 23:59:59'")),
        case(0, CREDIT_2.format("creditStatus = 'PARTIALLY_USED', amountUsed = '10.00', amountRemaining = '202.80'")),
        # EXPIRED before its expiry, and after it (holds)
        case(1, CREDIT_2.format("creditStatus = 'EXPIRED'")),
        case(0, CREDIT_2.format("creditStatus = 'EXPIRED', expirationDate = '2026-10-30 23:59:59'")),
        case(1, CREDIT_1.format("amountRemaining = '0.01'")),  # FULLY_USED with a cent left
        # nothing left, yet partly used, or active; voided (holds)
        case(1, CREDIT_1.format("creditStatus = 'PARTIALLY_USED'")),
        case(1, CREDIT_2.format("amountRemaining = '0.00'")),
        case(0, CREDIT_1.format("creditStatus = 'VOID'")),
        case(1, CREDIT_2.format("amountUsed = '0.01', amountRemaining = '212.79'")),  # ACTIVE with a cent used
        case(1, CREDIT_2.format("creditStatus = 'PARTIALLY_USED'")),  # partly used with nothing used
    ),
    "customer_credits_account_is_open_credits": (
        case(1, "UPDATE credits SET amountRemaining = '0.00', amountUsed = creditAmount WHERE id = (SELECT max(id) FROM credits)"),
        case(0, CREDIT_2.format("creditStatus = 'PARTIALLY_USED'")),  # still open
        case(0, CREDIT_1.format("creditStatus = 'EXPIRED', amountRemaining = '5.00'")),  # what a closed credit has is not owed
        case(1, POST_2300.format("0.01", "0")),  # the account a cent short
        # no open credit and nothing posted to the account (holds)
        case(0, f"DELETE FROM ledgerEntries WHERE accountId = {ACCOUNT_2300}", CREDIT_2.format("creditStatus = 'EXPIRED'")),
    ),
    "invoice_lines_mirror_order_lines": (
        case(1, LINE_OF_1.format("quantity = quantity + 1")),
        case(1, INVOICE_1.format("totalAmount = totalAmount + 0.01")),  # the lines a cent short of the total
        case(1, COPY_ORDER_LINE_1),  # the order has a line more than its invoice, all else alike
        case(1, "DELETE FROM invoiceLineItems WHERE invoiceId = 1"),  # an invoice with no line
        # each line's own batch, quantity, price and total (the invoice's total following its line)
        case(1, LINE_OF_1.format("batchId = 14")),
        case(1, LINE_OF_1.format("quantity = quantity - 0.01")),
        case(1, LINE_OF_1.format("unitPrice = unitPrice + 0.01")),
        case(1, LINE_OF_1.format("lineTotal = lineTotal + 0.01"), INVOICE_1.format("totalAmount = totalAmount + 0.01")),
        # the line made order 2's first line (3.75 of batch 9 at 2082.17), the invoice's total following: not its order's
        case(1, LINE_OF_1.format("quantity = 3.75, unitPrice = 2082.17, lineTotal = 7808.14"),
             INVOICE_1.format("totalAmount = 25953.03 - 2583.50 + 7808.14")),
        # order 3 has one line: its invoice without it, for nothing, lacks a line
        case(1, "DELETE FROM invoiceLineItems WHERE invoiceId = 3", "UPDATE invoices SET totalAmount = 0 WHERE id = 3"),
        # an invoice of no order and no line: its lines add up to nothing, not to its 25,953.03; for nothing it holds
        case(1, INVOICE_1.format("referenceType = NULL, referenceId = NULL"), "DELETE FROM invoiceLineItems WHERE invoiceId = 1"),
        case(0, INVOICE_1.format("referenceType = NULL, referenceId = NULL, totalAmount = 0"),
             "DELETE FROM invoiceLineItems WHERE invoiceId = 1"),
    ),
    "sales_are_the_order_lines": (
        case(1, SALE_1.format("salePrice = '1.00'")),
        case(1, SALE_1.format("salePrice = '2066.81'")),  # a cent more
        case(1, SALE_1.format("batchId = 14")),
        case(1, SALE_1.format("customerId = 1")),
        case(1, SALE_1.format("saleDate = '2026-10-01 15:33:40'")),
        case(1, SALE_1.format("quantity = '1.26'")),
        case(1, COPY_SALE_1),  # a sale more than there are lines, itself like its line
    ),
    "payment_history_is_vendor_payments": (
        case(1,   # a payment to a vendor that the payments do not hold
             "INSERT INTO paymentHistory (batchId, vendorId, amount, paymentDate, recordedBy, createdAt) "
             "SELECT b.id, l.vendorId, '100.00', '2026-10-15 10:00:00', 1, '2026-10-15 10:00:00' "
             "FROM batches b JOIN lots l ON l.id = b.lotId WHERE b.id = 1"),
        case(1, PAY_VENDOR.format(2, "2026-10-15", "100.00", 1)),  # a payment of a bill the history does not hold
        case(0, PAY_VENDOR.format(2, "2026-10-15", "100.00", "NULL")),  # a payment of no bill is not the history's
        # the day's history a cent over its payments: that vendor's day, seen from both sides
        case(2, HISTORY_1.format("amount = '76961.77'")),
        # paid late on the payment's day (holds), or at the next midnight: both days off from both sides, but the
        # payments' side has no payment on the second day
        case(0, HISTORY_1.format("paymentDate = '2026-10-01 23:59:59'")),
        case(3, HISTORY_1.format("paymentDate = '2026-10-02 00:00:00'")),
        case(1, HISTORY_1.format("batchId = 1")),  # batch 1 is of lot 2, which vendor 3 supplied
        # vendor 3 paid 100.00 the same day, its history saying so (holds): each vendor's day is its own
        case(0, PAY_VENDOR.format(3, "2026-10-01", "100.00", 1),
             LOG_VENDOR.format(1, 3, "100.00", "2026-10-01 12:00:00", "2026-10-01 12:00:00")),
    ),
    "cogs_history_follows_batch_costs": (
        case(1, REVISION_1.format("newCogs = '1.00'")),
        # a revision after it to 2.50, the batch still at 2.79: a second later, and the same second with a higher id
        case(1, REVISE_1.format("2.79", "2.50", "2026-10-07 14:00:08")),
        case(1, REVISE_1.format("2.79", "2.50", "2026-10-07 14:00:07")),
        case(0, REVISE_1.format("3.10", "2.98", "2026-10-07 14:00:06")),  # one before it is not the latest (holds)
        # 2.98 to 2.50, then 2.50 to 2.79 in the same second (the later id is the latest, holds)
        case(0, REVISION_1.format("newCogs = '2.50'"), REVISE_1.format("2.50", "2.79", "2026-10-07 14:00:07")),
        # a revision keyed after it but made a second before it (3.10 to 2.79) is not the latest: it, at 2.50, is
        case(1, REVISION_1.format("newCogs = '2.50'"), REVISE_1.format("3.10", "2.79", "2026-10-07 14:00:06")),
        case(1, REVISION_1.format("oldCogs = newCogs")),  # a revision that changes nothing
        case(0, REVISION_1.format("oldCogs = '2.80'")),  # a change of a cent (holds)
        case(1, "UPDATE cogsHistory SET affectedSalesCount = 4 WHERE id = 4"),
        case(1, REVISION_1.format("affectedSalesCount = 1")),  # a sale counted before a revision that had none
        # batch 1's sale made a second before its revision, which counts it; batch 10's revision its own five (holds)
        case(0, "UPDATE sales SET saleDate = '2026-10-07 14:00:06' WHERE id = 64", REVISION_1.format("affectedSalesCount = 1")),
        # batch 10's next sale made the very second of its revision (not before it: holds), and a second before
        case(0, SALE_25.format("2026-10-10 08:27:44")),
        case(1, SALE_25.format("2026-10-10 08:27:43")),
        case(1, "UPDATE sales SET cogsAtSale = '1358.99' WHERE id = 4"),  # a sale a cent off its batch's cost
    ),
    "limit_changes_chain": (
        case(1, "UPDATE client_credit_limits SET credit_limit = credit_limit + 100 WHERE id = 1"),
        case(1, "UPDATE credit_audit_log SET event_type = 'LIMIT_INCREASED' WHERE id = 1"),  # not first calculated
        case(1, "UPDATE credit_audit_log SET old_value = 1 WHERE id = 1"),  # a first calculation from a limit
        case(0, *limit_event("LIMIT_INCREASED", 12079.91, 13000)),
        case(1, *limit_event("LIMIT_INCREASED", 12079.91, 12000)),
        case(1, *limit_event("LIMIT_INCREASED", 12079.91, 12079.91)),
        case(0, *limit_event("LIMIT_DECREASED", 12079.91, 12000)),
        case(1, *limit_event("LIMIT_DECREASED", 12079.91, 13000)),
        case(1, *limit_event("LIMIT_DECREASED", 12079.91, 12079.91)),
        case(1, *limit_event("LIMIT_INCREASED", 12079.90, 13000)),  # from a cent off the limit before it
        case(1, *limit_event("LIMIT_CALCULATED", "NULL", 13000)),  # calculated twice
        # an increase made the very second of the calculation comes after it (holds); a second before, it is first
        case(0, *limit_event("LIMIT_INCREASED", 12079.91, 13000, "2026-10-31 06:35:16")),
        case(1, LIMIT_EVENT.format("LIMIT_INCREASED", 12000, 12079.91, "2026-10-31 06:35:15")),
        # a client breaking it twice is one client
        case(1, *limit_event("LIMIT_INCREASED", 12079.90, 13000), *limit_event("LIMIT_DECREASED", 13000, 13500, "2026-10-31 08:00:00")),
        case(1, "DELETE FROM credit_audit_log WHERE id = 1"),  # a limit on file that no event set
        case(1, "DELETE FROM client_credit_limits WHERE client_id = 1"),  # a limit set and not on file
        case(2, "UPDATE client_credit_limits SET credit_limit = credit_limit + 0.01 WHERE client_id IN (1, 2)"),
    ),
    "credits_creditStatus_has_every_counted_state": case(1, "UPDATE credits SET creditStatus = 'FULLY_USED'"),
    "credit_signal_history_calculation_metadata_reads_as_terp_expects": case(1,
        "UPDATE credit_signal_history SET calculation_metadata = '{\"limit\": 1}' WHERE id = 1"),
    "credit_audit_log_metadata_reads_as_terp_expects": case(1, "UPDATE credit_audit_log SET metadata = '[1, 2]' WHERE id = 1"),
}
