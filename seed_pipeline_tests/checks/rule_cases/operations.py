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
    "purchase_orders_lead_to_their_lots": case(1, "UPDATE purchaseOrderItems SET quantityReceived = quantityReceived + 1 "
                                           "WHERE id = (SELECT min(id) FROM purchaseOrderItems WHERE quantityReceived > 0)"),
    "order_history_follows_the_order": case(1, "DELETE FROM order_status_history WHERE id = (SELECT max(id) FROM order_status_history)"),
    "audit_trail_in_time_order_by_permitted_users": case(1, f"UPDATE auditLogs SET actorId = {ACCOUNTANT} "
                                                     "WHERE id = (SELECT min(id) FROM auditLogs WHERE entity = 'Batch')"),
    "alerts_fire_where_stock_says": case(1, "INSERT INTO inventoryAlerts (inventoryAlertType, batchId, threshold, currentValue, "
                                     "alertSeverity, alertStatus, createdAt, updatedAt) SELECT 'LOW_STOCK', id, 10, onHandQty, "
                                     "'LOW', 'ACTIVE', updatedAt, updatedAt FROM batches WHERE CAST(onHandQty AS REAL) > 100 LIMIT 1"),
    "standing_orders_follow_their_clients": case(1, "UPDATE recurring_orders SET last_generated_date = '2020-01-01' WHERE id = 1"),
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
