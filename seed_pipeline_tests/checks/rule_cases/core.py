"""Breaking cases of the rules of the core, the books, the calendar and the comments."""

from seed_pipeline_tests.checks.rule_cases import case

_EVENT = "FROM calendar_events e WHERE e.id = event_id"  # a reminder's event
_SUBJECT_CREATED = {"client": ("clients", "created_at"), "vendor": ("vendors", "createdAt"), "order": ("orders", "created_at"),
                    "batch": ("batches", "createdAt"), "invoice": ("invoices", "createdAt"),
                    "product": ("products", "createdAt"), "calendar_event": ("calendar_events", "created_at"),
                    "lot": ("lots", "createdAt")}  # when each kind of record a comment or event is about was made
_COMMENTED = ("client", "vendor", "order", "batch", "invoice", "product", "calendar_event")
_FIRST_ABOUT = "id = (SELECT min(id) FROM calendar_events WHERE entity_type = '{kind}')"
_UNSHIPPED_DELIVERY = ("(SELECT min(e.id) FROM calendar_events e JOIN orders o ON o.id = e.entity_id "
                       "WHERE e.event_type = 'DELIVERY' AND e.entity_type = 'order' AND o.shipped_at IS NULL)")
_SEPTEMBER_ORDER = "UPDATE orders SET created_at = '2026-09-30 23:59:59' WHERE id = (SELECT min(id) FROM orders)"


def _event_on_first_vendor(shift: str) -> str:
    """The first event about no record made about the first vendor, ``shift`` from the vendor's creation."""
    return ("UPDATE calendar_events SET entity_type = 'vendor', entity_id = (SELECT min(id) FROM vendors), "
            f"created_at = (SELECT datetime(createdAt, '{shift}') FROM vendors WHERE id = (SELECT min(id) FROM vendors)) "
            "WHERE id = (SELECT min(id) FROM calendar_events WHERE entity_type IS NULL)")


def _comment_on(kind: str, shift: str) -> str:
    """The first comment made about the first subject of that kind, written ``shift`` from the subject's creation."""
    table, column = _SUBJECT_CREATED[kind]
    return (f"UPDATE comments SET commentable_type = '{kind}', commentable_id = (SELECT min(id) FROM {table}), "
            f"created_at = (SELECT datetime({column}, '{shift}') FROM {table} WHERE id = (SELECT min(id) FROM {table})) "
            "WHERE id = 1")


CASES = {
    "order_total_is_sum_of_lines": (
        case(1, "UPDATE orders SET total = total + 0.01 WHERE id = 1"),
        # a sale with no line: its total is off an empty sum, unless it is 0 (which holds)
        case(1, "DELETE FROM order_line_items WHERE order_id = 1"),
        case(0, "DELETE FROM order_line_items WHERE order_id = 1", "UPDATE orders SET total = 0 WHERE id = 1")),
    "one_invoice_per_order": (  # order 1 now has two invoices, invoice 2's order none; then a sale with no invoice
        case(2, "UPDATE invoices SET referenceId = (SELECT id FROM orders WHERE id = 1) WHERE id = 2"),
        case(1, "DELETE FROM invoices WHERE id = 1"),
        # ... or whose one invoice is not an order's (invoice 1 made a contract's)
        case(1, "UPDATE invoices SET referenceType = 'CONTRACT' WHERE id = 1")),
    "invoice_total_is_order_total": (  # the amount, then the client
        case(1, "UPDATE invoices SET totalAmount = totalAmount + 0.01, amountDue = amountDue + 0.01 WHERE id = 1"),
        case(1, "UPDATE invoices SET customerId = (SELECT min(id) FROM clients WHERE id <> invoices.customerId) WHERE id = 1"),
        # an invoice not of an order whose id is an order's is not that order's (holds)
        case(0, "UPDATE invoices SET referenceType = 'CONTRACT', totalAmount = totalAmount + 1, amountDue = amountDue + 1, "
                "customerId = (SELECT min(id) FROM clients WHERE id <> invoices.customerId) WHERE id = 1")),
    "paid_plus_due_is_total": (  # paid and due a cent over the total; a cent under, not written off; written off with no rest
        case(1, "UPDATE invoices SET amountPaid = amountPaid + 0.01 WHERE id = 1"),
        case(1, "UPDATE invoices SET amountDue = amountDue - 0.01 WHERE id = 1"),
        case(1, "UPDATE invoices SET amountDue = totalAmount - amountPaid WHERE status = 'VOID'")),
    "invoice_follows_order": (  # issued the day before its order, then due the day before it was issued
        case(1, "UPDATE invoices SET invoiceDate = (SELECT date(created_at, '-1 day') FROM orders WHERE id = invoices.referenceId) "
                "WHERE id = 1"),
        case(1, "UPDATE invoices SET dueDate = date(invoiceDate, '-1 day') WHERE id = 1"),
        # an invoice not of an order, dated before the order its id names (holds)
        case(0, "UPDATE invoices SET referenceType = 'CONTRACT', invoiceDate = (SELECT date(created_at, '-1 day') FROM orders "
                "WHERE id = invoices.referenceId) WHERE id = 1")),
    "invoice_status_agrees": (
        case(1, "UPDATE invoices SET status = CASE status WHEN 'PAID' THEN 'OVERDUE' ELSE 'PAID' END WHERE id = 1"),
        # an invoice paid in full still showing 5 due is PAID: what is paid and due beyond its total is no negative
        # write-off (paid_plus_due_is_total reports it)
        case(0, "UPDATE invoices SET amountDue = 5 WHERE id = (SELECT min(id) FROM invoices WHERE status = 'PAID')")),
    # the last sale of the first batch sold takes 0.01 more than the batch had left: only that line is oversold
    "line_batch_in_stock_on_order_date": (case(1, (
        "UPDATE order_line_items SET quantity = quantity + 0.01 + (SELECT json_extract(b.metadata, '$.receivedQty') - b.sampleQty "
        "FROM batches b WHERE b.id = order_line_items.batch_id) - (SELECT sum(x.quantity) FROM order_line_items x "
        "WHERE x.batch_id = order_line_items.batch_id) WHERE id = (SELECT l.id FROM order_line_items l JOIN orders o "
        "ON o.id = l.order_id ORDER BY l.batch_id, o.created_at DESC, l.id DESC LIMIT 1)")),
        # the same line taking exactly what the batch had left (holds)
        case(0, (
        "UPDATE order_line_items SET quantity = quantity + (SELECT json_extract(b.metadata, '$.receivedQty') - b.sampleQty "
        "FROM batches b WHERE b.id = order_line_items.batch_id) - (SELECT sum(x.quantity) FROM order_line_items x "
        "WHERE x.batch_id = order_line_items.batch_id) WHERE id = (SELECT l.id FROM order_line_items l JOIN orders o "
        "ON o.id = l.order_id ORDER BY l.batch_id, o.created_at DESC, l.id DESC LIMIT 1)")),
        # the first batch arrives a second after its first sale was ordered: that one line sold it early
        case(1, "UPDATE batches SET createdAt = (SELECT datetime(min(o.created_at), '+1 second') FROM order_line_items l "
                "JOIN orders o ON o.id = l.order_id WHERE l.batch_id = batches.id) WHERE id = (SELECT min(batch_id) FROM order_line_items)"),
        # ... and the very second it was ordered (holds)
        case(0, "UPDATE batches SET createdAt = (SELECT min(o.created_at) FROM order_line_items l "
                "JOIN orders o ON o.id = l.order_id WHERE l.batch_id = batches.id) WHERE id = (SELECT min(batch_id) FROM order_line_items)")),
    "on_hand_is_received_less_sold_sampled_plus_returned": (
        case(1, "UPDATE batches SET onHandQty = onHandQty + 0.02 WHERE id = 1"),
        # below zero, as its movements say (one more sampled than it had)
        case(1, "UPDATE batches SET sampleQty = sampleQty + onHandQty + 1, onHandQty = -1 WHERE id = 1"),
        # a batch never sold, two hundredths over
        case(1, "UPDATE batches SET onHandQty = onHandQty + 0.02 "
                "WHERE id = (SELECT min(id) FROM batches WHERE id NOT IN (SELECT batch_id FROM order_line_items))"),
        # emptied exactly, as its movements say (holds)
        case(0, "UPDATE batches SET sampleQty = sampleQty + onHandQty, onHandQty = 0 WHERE id = 1"),
        # the seed's return (32 of batch 3) split into two items of that batch: both come back (holds)
        case(0, "UPDATE returns SET items = '[{\"batchId\": 3, \"quantity\": 30.0, \"reason\": \"DEFECTIVE\"}, "
                "{\"batchId\": 3, \"quantity\": 2.0, \"reason\": \"DEFECTIVE\"}]' WHERE id = 1"),
        # nothing sold at all, each batch's stock what it received less its samples plus its returns (holds)
        case(0, "UPDATE batches SET onHandQty = onHandQty + (SELECT coalesce(sum(l.quantity), 0) FROM order_line_items l "
                "WHERE l.batch_id = batches.id)", "DELETE FROM order_line_items")),
    "client_running_totals": (case(1, "UPDATE clients SET total_spent = total_spent + 0.01 WHERE id = 1"),
                              case(1, "UPDATE clients SET total_owed = total_owed + 0.01 WHERE id = 1"),
                              # a client with no order spent a cent; one with no invoice owes a cent
                              case(1, "UPDATE clients SET total_spent = 0.01 "
                                      "WHERE id = (SELECT min(id) FROM clients WHERE id NOT IN (SELECT client_id FROM orders))"),
                              case(1, "UPDATE clients SET total_owed = 0.01 "
                                      "WHERE id = (SELECT min(id) FROM clients WHERE id NOT IN (SELECT customerId FROM invoices))")),
    "fulfilment_follows_order": (  # shipped a second before it was packed, then a status that is not how far it got
        # confirmed a second before it was made, packed a second before it was confirmed; all in one second (holds)
        case(1, "UPDATE orders SET confirmed_at = datetime(created_at, '-1 second') WHERE id = 1"),
        case(1, "UPDATE orders SET packed_at = datetime(confirmed_at, '-1 second') WHERE id = 1"),
        case(0, "UPDATE orders SET confirmed_at = created_at, packed_at = created_at, shipped_at = created_at WHERE id = 1"),
        case(1, "UPDATE orders SET shipped_at = datetime(packed_at, '-1 second') WHERE id = (SELECT min(id) FROM orders WHERE shipped_at IS NOT NULL)"),
        case(1, "UPDATE orders SET fulfillmentStatus = 'PACKED' WHERE id = (SELECT min(id) FROM orders WHERE shipped_at IS NOT NULL)")),
    "return_after_delivery": (  # processed the very second its order shipped, then from an order never shipped
        case(1, "UPDATE returns SET processed_at = (SELECT shipped_at FROM orders WHERE id = returns.order_id) WHERE id = 1"),
        case(1, "UPDATE orders SET shipped_at = NULL WHERE id = (SELECT order_id FROM returns WHERE id = 1)")),
    "reminder_before_its_event": (
        case(1, "UPDATE calendar_reminders SET reminder_time = '2030-01-01 00:00:00' WHERE id = 1"),
        # firing the very second its event starts (holds), and a second after
        case(0, f"UPDATE calendar_reminders SET reminder_time = (SELECT e.start_date || ' ' || e.start_time {_EVENT}) WHERE id = 1"),
        case(1, f"UPDATE calendar_reminders SET reminder_time = (SELECT datetime(e.start_date || ' ' || e.start_time, "
                f"'+1 second') {_EVENT}) WHERE id = 1"),
        # firing the very second its event was made (holds), and a second before
        case(0, f"UPDATE calendar_reminders SET reminder_time = (SELECT e.created_at {_EVENT}) WHERE id = 1"),
        case(1, f"UPDATE calendar_reminders SET reminder_time = (SELECT datetime(e.created_at, '-1 second') {_EVENT}) "
                "WHERE id = 1"),
        # made a second before its event (the seed's first, the very second: holds)
        case(1, f"UPDATE calendar_reminders SET created_at = (SELECT datetime(e.created_at, '-1 second') {_EVENT}) WHERE id = 1"),
    ),
    "comment_after_its_subject": (
        case(1, "UPDATE comments SET created_at = '2000-01-01 00:00:00' WHERE id = 1"),
        # written in the end date's last second (holds), and the second after
        case(0, "UPDATE comments SET created_at = '2026-10-31 23:59:59' WHERE id = 1"),
        case(1, "UPDATE comments SET created_at = '2026-11-01 00:00:00' WHERE id = 1"),
        # resolved a second before it was written (the seed resolves one the very second: holds)
        case(1, "UPDATE comments SET resolved_at = datetime(created_at, '-1 second') "
                "WHERE id = (SELECT min(id) FROM comments WHERE resolved_at IS NOT NULL)"),
        # about each kind of subject, written a second before it was, and the very second (holds)
        *(case(1, _comment_on(kind, "-1 second")) for kind in _COMMENTED),
        case(0, _comment_on("client", "+0 seconds")),
        # broken twice, counted once; two comments broken
        case(1, "UPDATE comments SET created_at = '2000-01-01 00:00:00', resolved_at = '1999-01-01 00:00:00' WHERE id = 1"),
        case(2, "UPDATE comments SET created_at = '2000-01-01 00:00:00' WHERE id IN (1, 2)"),
    ),
    "calendar_covers_every_month": (
        case(1, "DELETE FROM calendar_events WHERE start_date < '2026-11-01'"),  # the light history: October 2026 alone
        # the first order in September's last second: September is bare; an event moved there covers it, unless deleted
        case(1, _SEPTEMBER_ORDER),
        case(0, _SEPTEMBER_ORDER, "UPDATE calendar_events SET start_date = '2026-09-30', end_date = '2026-09-30' WHERE id = 1"),
        case(1, _SEPTEMBER_ORDER, "UPDATE calendar_events SET start_date = '2026-09-30', end_date = '2026-09-30', "
                                  "deleted_at = created_at WHERE id = 1"),
        # no order and no event: the end date's month is bare; the first order after the end date leaves it asked
        case(1, "DELETE FROM orders", "DELETE FROM calendar_events"),
        case(1, "UPDATE orders SET created_at = '2026-11-01 00:00:00'", "DELETE FROM calendar_events WHERE start_date < '2026-11-01'"),
    ),
    "event_follows_its_subject": (
        case(1, "UPDATE calendar_events SET start_date = date(start_date, '+1 day'), end_date = date(end_date, '+1 day') "
                "WHERE id = (SELECT min(id) FROM calendar_events WHERE event_type = 'DELIVERY')"),
        # an event about each kind of record made a second before the record (a vendor's: none in the seed, one made so)
        *(case(1, f"UPDATE calendar_events SET created_at = (SELECT datetime(s.{column}, '-1 second') FROM {table} s "
                  f"WHERE s.id = calendar_events.entity_id) WHERE {_FIRST_ABOUT.format(kind=kind)}")
          for kind in ("client", "order", "batch", "invoice", "lot") for table, column in [_SUBJECT_CREATED[kind]]),
        case(1, _event_on_first_vendor("-1 second")),
        case(0, _event_on_first_vendor("+0 seconds")),
        # with another client or vendor than its record's, or none
        *(case(1, f"UPDATE calendar_events SET {party} = (SELECT min(id) FROM {parties} WHERE id <> calendar_events.{party}) "
                  f"WHERE {_FIRST_ABOUT.format(kind=kind)}")
          for kind, party, parties in (("client", "client_id", "clients"), ("order", "client_id", "clients"),
                                       ("invoice", "client_id", "clients"), ("lot", "vendor_id", "vendors"))),
        case(1, f"UPDATE calendar_events SET client_id = NULL WHERE {_FIRST_ABOUT.format(kind='order')}"),
        # the delivery of an order not shipped: done, or on the end date (the day after holds)
        case(1, f"UPDATE calendar_events SET status = 'COMPLETED' WHERE id = {_UNSHIPPED_DELIVERY}"),
        case(1, f"UPDATE calendar_events SET start_date = '2026-10-31', end_date = '2026-10-31' WHERE id = {_UNSHIPPED_DELIVERY}"),
        case(0, f"UPDATE calendar_events SET start_date = '2026-11-01', end_date = '2026-11-01' WHERE id = {_UNSHIPPED_DELIVERY}"),
        # a delivery is its order's by what it is about: the order no longer naming it as its event (holds), and a
        # delivery about no record, still scheduled after the end date, with a shipped order's id (holds)
        case(0, "UPDATE orders SET intake_event_id = NULL WHERE id = (SELECT min(id) FROM orders WHERE shipped_at IS NOT NULL "
                "AND intake_event_id IS NOT NULL)"),
        case(0, "UPDATE calendar_events SET entity_type = NULL, entity_id = (SELECT min(id) FROM orders WHERE shipped_at "
                f"IS NOT NULL) WHERE id = {_UNSHIPPED_DELIVERY}"),
    ),
    # the core and the books as TERP's screens read them
    "some_buyers_lapsed": case(1, "UPDATE orders SET created_at = '2026-01-05 10:00:00' WHERE id = (SELECT min(id) FROM orders WHERE client_id = "
                           "(SELECT client_id FROM orders GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1))"),
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
