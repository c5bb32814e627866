"""Breaking cases of the warehouse, purchasing, order history and audit rules, and of their contract."""

from seed_pipeline_tests.checks.rule_cases import case

ON_HOLD = "(SELECT id FROM workflow_statuses WHERE slug = 'on_hold')"
LIVE = "(SELECT id FROM workflow_statuses WHERE slug = 'live')"
ACCOUNTANT = ("(SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.openId JOIN roles r ON r.id = ur.role_id "
              "WHERE r.name = 'Accountant' LIMIT 1)")

CLOSED = "(SELECT id FROM workflow_statuses WHERE slug = 'closed')"
QUARANTINED = "(SELECT id FROM workflow_statuses WHERE slug = 'quarantined')"
FIRST_OF_1 = "(SELECT min(id) FROM batch_status_history WHERE batchId = 1)"  # batch 1: received, then made live
LAST_OF_1 = "(SELECT max(id) FROM batch_status_history WHERE batchId = 1)"
LIVE_OF_9 = "(SELECT max(id) FROM batch_status_history WHERE batchId = 9)"  # batch 9: received, then made live
LAST_OF_2 = "(SELECT max(id) FROM batch_status_history WHERE batchId = 2)"  # batch 2: ... on hold, then live again
INTAKE_OF_17 = "(SELECT id FROM inventoryMovements WHERE batchId = 17 AND inventoryMovementType = 'INTAKE')"
SAMPLE_OF_17 = "(SELECT id FROM inventoryMovements WHERE batchId = 17 AND inventoryMovementType = 'SAMPLE')"

PO = "(SELECT min(id) FROM purchaseOrders)"  # received through session 1
PO_SESSION = f"(SELECT intakeSessionId FROM purchaseOrders WHERE id = {PO})"
PO_ITEM = f"(SELECT min(id) FROM purchaseOrderItems WHERE purchaseOrderId = {PO})"
PO_ITEMS_BATCH = (f"intake_session_id = {PO_SESSION} AND batch_id IN (SELECT id FROM batches WHERE productId = "
                  f"(SELECT productId FROM purchaseOrderItems WHERE id = {PO_ITEM}))")  # the session's batch of that item
ALERTED_SALE = "(SELECT id FROM inventoryMovements WHERE batchId = 1 AND inventoryMovementType = 'SALE')"  # batch 1's one sale
SOLD_1 = f"(SELECT createdAt FROM inventoryMovements WHERE id = {ALERTED_SALE})"
SLOW_AFTER_10_DAYS = "UPDATE alert_configurations SET threshold_value = 10 WHERE alert_type = 'CUSTOM'"


def _slow(batch: int, since: str) -> str:
    """A slow-moving alert of 10 days on ``batch``, fired 10 days after ``since`` (SQL on that batch's row)."""
    return ("INSERT INTO inventoryAlerts (inventoryAlertType, batchId, threshold, currentValue, alertSeverity, alertStatus, "
            f"createdAt, updatedAt) SELECT 'SLOW_MOVING', id, 10, onHandQty, 'LOW', 'ACTIVE', datetime({since}, '+10 days'), "
            f"datetime({since}, '+10 days') FROM batches WHERE id = {batch}")


CASES = {
    "status_history_leads_to_the_status": (
        case(1, "UPDATE batches SET batchStatus = 'CLOSED' WHERE id = 1"),
        # made live in the end date's last second (holds), and the second after it
        case(0, f"UPDATE batch_status_history SET createdAt = '2026-10-31 23:59:59' WHERE id = {LAST_OF_1}"),
        case(1, f"UPDATE batch_status_history SET createdAt = '2026-11-01 00:00:00' WHERE id = {LAST_OF_1}"),
        # awaiting intake a second before the batch was received (the seed holds the very second)
        case(1, f"UPDATE batch_status_history SET createdAt = datetime(createdAt, '-1 second') WHERE id = {FIRST_OF_1}"),
        # a history starting live, not awaiting intake (its next step then also leaves a status it never had: one batch)
        case(1, f"UPDATE batch_status_history SET toStatusId = {LIVE} WHERE id = {FIRST_OF_1}"),
        # the same with that step gone: live from the second it was received, every step else in order
        case(1, f"DELETE FROM batch_status_history WHERE id = {LAST_OF_1}",
             f"UPDATE batch_status_history SET toStatusId = {LIVE} WHERE id = {FIRST_OF_1}"),
        # awaiting intake to closed, which TERP does not allow; the batch is closed, so the history ends in its status
        case(1, f"UPDATE batch_status_history SET toStatusId = {CLOSED} WHERE id = {LAST_OF_1}",
             "UPDATE batches SET batchStatus = 'CLOSED' WHERE id = 1"),
        # quarantined to live is allowed, but the batch was on hold, not quarantined
        case(1, f"UPDATE batch_status_history SET fromStatusId = {QUARANTINED} WHERE id = {LAST_OF_2}"),
        # a step out of a status TERP's transitions do not know (a recalled batch): no move leaves it
        case(1, "INSERT INTO workflow_statuses (name, slug) VALUES ('Recalled', 'recalled')",
             f"UPDATE batch_status_history SET fromStatusId = (SELECT id FROM workflow_statuses WHERE slug = 'recalled') "
             f"WHERE id = {LAST_OF_2}"),
        # a batch with no history at all ends in no status
        case(1, "DELETE FROM batch_status_history WHERE batchId = 1"),
    ),
    # the batch of the first line is on hold from the second its order was placed to the next one: that line sold on hold
    "sold_only_while_sellable": (case(1, *(
        f"INSERT INTO batch_status_history (batchId, fromStatusId, toStatusId, changedBy, notes, createdAt) "
        f"SELECT l.batch_id, {src}, {dst}, o.created_by, 'hold', datetime(o.created_at, '{shift}') "
        "FROM order_line_items l JOIN orders o ON o.id = l.order_id WHERE l.id = (SELECT min(l2.id) FROM order_line_items l2 "
        "JOIN orders o2 ON o2.id = l2.order_id WHERE NOT EXISTS (SELECT 1 FROM order_line_items l3 JOIN orders o3 "
        "ON o3.id = l3.order_id WHERE l3.batch_id = l2.batch_id AND o3.created_at = o2.created_at AND l3.id <> l2.id))"
        # the only line sold from its batch at that moment
        for src, dst, shift in ((LIVE, ON_HOLD, "+0 seconds"), (ON_HOLD, LIVE, "+1 second")))),
        # batch 9 made live the very second the first order sold two lines from it (holds), and a second after: both
        # lines then sold a batch still awaiting intake
        case(0, f"UPDATE batch_status_history SET createdAt = '2026-10-01 15:33:39' WHERE id = {LIVE_OF_9}"),
        case(2, f"UPDATE batch_status_history SET createdAt = '2026-10-01 15:33:40' WHERE id = {LIVE_OF_9}"),
    ),
    "movements_replay_to_on_hand": (
        case(1, "DELETE FROM inventoryMovements WHERE id = (SELECT min(id) FROM inventoryMovements "
                "WHERE inventoryMovementType = 'SALE')"),
        # batch 1's sample starts a pound short of where its intake ended (its own arithmetic holds)
        case(1, "UPDATE inventoryMovements SET quantityBefore = CAST(quantityBefore AS REAL) - 1, "
                "quantityChange = CAST(quantityChange AS REAL) + 1 WHERE id = "
                "(SELECT min(id) FROM inventoryMovements WHERE batchId = 1 AND inventoryMovementType = 'SAMPLE')"),
        # an order line selling a unit more than its sale's movement took
        case(1, "UPDATE order_line_items SET quantity = quantity + 1 WHERE id = 1"),
        # batch 17 (never sold: received, then samples pulled) with stock and no movement at all
        case(1, "DELETE FROM inventoryMovements WHERE batchId = 17"),
        # its samples pulled a second before it was received: the replay goes below zero, though each step and the
        # end hold
        case(1, f"UPDATE inventoryMovements SET createdAt = '2026-10-08 11:41:48', quantityBefore = '0', "
                f"quantityAfter = '-6' WHERE id = {SAMPLE_OF_17}",
             f"UPDATE inventoryMovements SET quantityBefore = '-6', quantityAfter = '1438' WHERE id = {INTAKE_OF_17}"),
        # its intake keyed last (the highest id) yet made first: the replay follows time, not keying (holds)
        case(0, f"UPDATE inventoryMovements SET id = 999999 WHERE id = {INTAKE_OF_17}"),
        # its intake starting at one unit, not at nothing (its own arithmetic holds)
        case(1, f"UPDATE inventoryMovements SET quantityBefore = '1', quantityChange = '+1443' WHERE id = {INTAKE_OF_17}"),
        # batch 1's one sale moved as an adjustment: the replay holds, but its order lines sold with no sale movement
        case(1, "UPDATE inventoryMovements SET inventoryMovementType = 'ADJUSTMENT' "
                "WHERE batchId = 1 AND inventoryMovementType = 'SALE'"),
        # batch 17's samples a sale of one unit instead (replay and stock kept whole), with no order line selling it
        case(1, f"UPDATE inventoryMovements SET inventoryMovementType = 'SALE', quantityChange = '-1', "
                f"quantityAfter = '1443' WHERE id = {SAMPLE_OF_17}", "UPDATE batches SET onHandQty = '1443' WHERE id = 17"),
        # its samples took all of it: a replay ending at zero, as the batch does, holds
        case(0, f"UPDATE inventoryMovements SET quantityChange = '-1444', quantityAfter = '0' WHERE id = {SAMPLE_OF_17}",
             "UPDATE batches SET onHandQty = '0' WHERE id = 17"),
    ),
    "every_batch_with_stock_is_on_a_shelf": (
        case(1, "DELETE FROM batchLocations WHERE id = 1"),
        # a shelf holding two hundredths more than the batch has
        case(1, "UPDATE batchLocations SET qty = CAST(qty AS REAL) + 0.02 WHERE id = 1"),
        # all of a batch's stock in a bin the warehouse does not have
        case(1, "UPDATE batchLocations SET bin = 'Bin 99' WHERE id = 1"),
        # batch 17 emptied and off its shelf: a batch without stock needs none (holds)
        case(0, "UPDATE batches SET onHandQty = '0' WHERE id = 17", "DELETE FROM batchLocations WHERE batchId = 17"),
    ),
    "purchase_orders_lead_to_their_lots": (
        case(1, "UPDATE purchaseOrderItems SET quantityReceived = quantityReceived + 1 "
                "WHERE id = (SELECT min(id) FROM purchaseOrderItems WHERE quantityReceived > 0)"),
        # purchase order 1 (received through session 1): delivered a day after the session received it, its session
        # still in progress, or another vendor's
        case(1, f"UPDATE purchaseOrders SET actualDeliveryDate = date(actualDeliveryDate, '+1 day') WHERE id = {PO}"),
        case(1, f"UPDATE intake_sessions SET status = 'IN_PROGRESS' WHERE id = {PO_SESSION}"),
        case(1, f"UPDATE intake_sessions SET vendor_id = (SELECT vendor_id FROM intake_sessions WHERE vendor_id <> "
                f"(SELECT vendor_id FROM intake_sessions WHERE id = {PO_SESSION}) LIMIT 1) WHERE id = {PO_SESSION}"),
        # a sent order, not received, with a delivery date
        case(1, "UPDATE purchaseOrders SET actualDeliveryDate = '2026-10-20' WHERE purchaseOrderStatus = 'SENT'"),
        # its first item a single unit, received as a single unit (holds)
        case(0, f"UPDATE purchaseOrderItems SET quantityReceived = 1 WHERE id = {PO_ITEM}",
             f"UPDATE intake_session_batches SET received_qty = 1 WHERE {PO_ITEMS_BATCH}"),
        # its first item's product one the session never received; and not on the order at all
        case(1, f"UPDATE purchaseOrderItems SET productId = (SELECT max(id) FROM products) WHERE id = {PO_ITEM}"),
        case(1, f"DELETE FROM purchaseOrderItems WHERE id = {PO_ITEM}"),
        # its first item one unit at a dollar, with no batch in the session
        case(1, f"UPDATE purchaseOrderItems SET quantityReceived = 1, unitCost = 1 WHERE id = {PO_ITEM}",
             f"DELETE FROM intake_session_batches WHERE {PO_ITEMS_BATCH}"),
        # two of its items a unit over: one order
        case(1, "UPDATE purchaseOrderItems SET quantityReceived = quantityReceived + 1 WHERE id IN "
                f"(SELECT id FROM purchaseOrderItems WHERE purchaseOrderId = {PO} ORDER BY id LIMIT 2)"),
    ),
    "order_history_follows_the_order": (
        case(1, "DELETE FROM order_status_history WHERE id = (SELECT max(id) FROM order_status_history)"),
        # the first order's PENDING step gone, its PACKED step a second after it was packed
        case(1, "DELETE FROM order_status_history WHERE id = (SELECT min(id) FROM order_status_history)"),
        case(1, "UPDATE order_status_history SET changed_at = datetime(changed_at, '+1 second') WHERE id = "
                "(SELECT min(id) FROM order_status_history WHERE fulfillmentStatus = 'PACKED')"),
        # a cancelled sale, never fulfilled, with a PENDING step
        case(1, "INSERT INTO order_status_history (order_id, fulfillmentStatus, changed_by, changed_at) "
                "SELECT id, 'PENDING', created_by, created_at FROM orders WHERE saleStatus = 'CANCELLED'"),
    ),
    "audit_trail_in_time_order_by_permitted_users": (
        case(1, f"UPDATE auditLogs SET actorId = {ACCOUNTANT} WHERE id = (SELECT min(id) FROM auditLogs WHERE entity = 'Batch')"),
        # the same entry's author allowed by an override of its own (holds)
        case(0, f"UPDATE auditLogs SET actorId = {ACCOUNTANT} WHERE id = (SELECT min(id) FROM auditLogs WHERE entity = 'Batch')",
             "INSERT INTO user_permission_overrides (user_id, permission_id, granted, created_at) SELECT openId, "
             f"(SELECT id FROM permissions WHERE name = 'inventory:update'), 1, '2026-10-01 00:00:00' FROM users WHERE id = {ACCOUNTANT}"),
        # the one who voided an invoice (their only entry needing it) denied invoices:void by an override
        case(1, "INSERT INTO user_permission_overrides (user_id, permission_id, granted, created_at) SELECT u.openId, "
                "(SELECT id FROM permissions WHERE name = 'invoices:void'), 0, '2026-10-01 00:00:00' FROM users u "
                "WHERE u.id = (SELECT actorId FROM auditLogs WHERE action = 'INVOICE_VOIDED')"),
        # an entry a second before the one numbered before it
        case(1, "UPDATE auditLogs SET createdAt = (SELECT datetime(p.createdAt, '-1 second') FROM auditLogs p "
                "WHERE p.id = auditLogs.id - 1) WHERE id = (SELECT max(id) FROM auditLogs)"),
        # the last entry in the end date's last second (holds), and at the next midnight
        case(0, "UPDATE auditLogs SET createdAt = '2026-10-31 23:59:59' WHERE id = (SELECT max(id) FROM auditLogs)"),
        case(1, "UPDATE auditLogs SET createdAt = '2026-11-01 00:00:00' WHERE id = (SELECT max(id) FROM auditLogs)"),
        # the first batch's entry's batch made a second after it
        case(1, "UPDATE batches SET createdAt = datetime(createdAt, '+1 second') WHERE id = "
                "(SELECT entityId FROM auditLogs WHERE id = (SELECT min(id) FROM auditLogs WHERE entity = 'Batch'))"),
        # an order's audit entry and a batch's status change by the accountant, who may do neither
        case(1, f"UPDATE order_audit_log SET user_id = {ACCOUNTANT} WHERE id = (SELECT min(id) FROM order_audit_log)"),
        case(1, f"UPDATE batch_status_history SET changedBy = {ACCOUNTANT} WHERE id = (SELECT min(id) FROM batch_status_history)"),
    ),
    "alerts_fire_where_stock_says": (
        case(1, "INSERT INTO inventoryAlerts (inventoryAlertType, batchId, threshold, currentValue, "
                "alertSeverity, alertStatus, createdAt, updatedAt) SELECT 'LOW_STOCK', id, 10, onHandQty, "
                "'LOW', 'ACTIVE', updatedAt, updatedAt FROM batches WHERE CAST(onHandQty AS REAL) > 100 LIMIT 1"),
        case(0, "DELETE FROM inventoryAlerts"),  # no alert at all (holds)
        # alert 1 (batch 1 below 361: 259 left on its sale of 19 October, and now): fired at exactly 361, open at
        # exactly 361, resolved at 361 (holds), its threshold another product's setting, its setting switched off
        case(1, f"UPDATE inventoryMovements SET quantityAfter = 361 WHERE id = {ALERTED_SALE}"),
        case(1, "UPDATE batches SET onHandQty = 361 WHERE id = 1"),
        case(0, "UPDATE batches SET onHandQty = 361 WHERE id = 1",
             "UPDATE inventoryAlerts SET alertStatus = 'RESOLVED' WHERE id = 1"),
        case(1, "UPDATE inventoryAlerts SET threshold = 1648 WHERE id = 1"),
        case(1, "UPDATE alert_configurations SET is_active = 0 WHERE alert_type = 'LOW_STOCK' AND target_id = 143"),
        # alert 2's setting (14.75, product 80) made one for every product, or 14.751, which the alert's two
        # decimals keep as 14.75 (both hold)
        case(0, "UPDATE alert_configurations SET target_type = 'GLOBAL', target_id = NULL WHERE alert_type = 'LOW_STOCK' "
                "AND target_id = 80"),
        case(0, "UPDATE alert_configurations SET threshold_value = 14.751 WHERE alert_type = 'LOW_STOCK' AND target_id = 80"),
        # slow after 10 days: batch 1, last sold on 19 October, 10 days later (holds) and a second less; batch 17,
        # never sold, 10 days after it came in (holds) and a second less
        case(0, SLOW_AFTER_10_DAYS, _slow(1, SOLD_1)),
        case(1, SLOW_AFTER_10_DAYS, _slow(1, f"datetime({SOLD_1}, '-1 second')")),
        case(0, SLOW_AFTER_10_DAYS, _slow(17, "createdAt")),
        case(1, SLOW_AFTER_10_DAYS, _slow(17, "datetime(createdAt, '-1 second')")),
    ),
    "standing_orders_follow_their_clients": (
        case(1, "UPDATE recurring_orders SET last_generated_date = '2020-01-01' WHERE id = 1"),
        # client 1's standing order naming a product others bought and client 1 never did
        case(1, "UPDATE recurring_orders SET order_template = json_set(order_template, '$.items[0].productId', "
                "(SELECT min(b.productId) FROM order_line_items li JOIN batches b ON b.id = li.batch_id WHERE b.productId "
                "NOT IN (SELECT b1.productId FROM order_line_items l1 JOIN batches b1 ON b1.id = l1.batch_id "
                "JOIN orders o1 ON o1.id = l1.order_id WHERE o1.client_id = 1))) WHERE id = 1"),
    ),
    "order_audit_log_changes_reads_as_terp_expects": case(1, "UPDATE order_audit_log SET changes = '{\"orderNumber\": 1}' WHERE id = 1"),
    "recurring_orders_order_template_reads_as_terp_expects": case(1, "UPDATE recurring_orders SET order_template = '[]' WHERE id = 1"),
    "batches_batchStatus_has_every_counted_state": case(1, "UPDATE batches SET batchStatus = 'LIVE' WHERE batchStatus = 'ON_HOLD'"),
    "inventoryMovements_inventoryMovementType_has_every_counted_state": case(1, 
        "UPDATE inventoryMovements SET inventoryMovementType = 'ADJUSTMENT' WHERE inventoryMovementType = 'TRANSFER'"),
    "purchaseOrders_purchaseOrderStatus_has_every_counted_state": case(1, 
        "UPDATE purchaseOrders SET purchaseOrderStatus = 'RECEIVED' WHERE purchaseOrderStatus = 'RECEIVING'"),
    "intake_sessions_status_has_every_counted_state": case(1, "UPDATE intake_sessions SET status = 'COMPLETED'"),
    "inventoryAlerts_alertStatus_has_every_counted_state": case(1, "UPDATE inventoryAlerts SET alertStatus = 'RESOLVED'"),
    "inventoryAlerts_inventoryAlertType_has_every_counted_state": case(1, 
        "UPDATE inventoryAlerts SET inventoryAlertType = 'OVERSTOCK' WHERE inventoryAlertType = 'LOW_STOCK'"),
    "order_status_history_fulfillmentStatus_has_every_counted_state": case(1, 
        "UPDATE order_status_history SET fulfillmentStatus = 'PENDING' WHERE fulfillmentStatus = 'PACKED'"),
}
