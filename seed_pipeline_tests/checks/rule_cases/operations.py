"""Breaking cases of the warehouse, purchasing, order history and audit rules, and of their contract."""

ON_HOLD = "(SELECT id FROM workflow_statuses WHERE slug = 'on_hold')"
ACCOUNTANT = ("(SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.openId JOIN roles r ON r.id = ur.role_id "
              "WHERE r.name = 'Accountant' LIMIT 1)")

CASES = {
    "status_history_leads_to_the_status": ["UPDATE batches SET batchStatus = 'CLOSED' WHERE id = 1"],
    # the batch of the first line went on hold instead of live at inspection, so it sold while on hold
    "sold_only_while_sellable": [f"UPDATE batch_status_history SET toStatusId = {ON_HOLD} WHERE id = (SELECT h.id FROM "
                                 "batch_status_history h JOIN order_line_items l ON l.batch_id = h.batchId WHERE l.id = 1 "
                                 "AND h.fromStatusId IS NOT NULL ORDER BY h.createdAt LIMIT 1)"],
    "movements_replay_to_on_hand": ["DELETE FROM inventoryMovements WHERE id = (SELECT min(id) FROM inventoryMovements "
                                    "WHERE inventoryMovementType = 'SALE')"],
    "every_batch_with_stock_is_on_a_shelf": ["DELETE FROM batchLocations WHERE id = 1"],
    "purchase_orders_lead_to_their_lots": ["UPDATE purchaseOrderItems SET quantityReceived = quantityReceived + 1 "
                                           "WHERE id = (SELECT min(id) FROM purchaseOrderItems WHERE quantityReceived > 0)"],
    "order_history_follows_the_order": ["DELETE FROM order_status_history WHERE id = (SELECT max(id) FROM order_status_history)"],
    "audit_trail_in_time_order_by_permitted_users": [f"UPDATE auditLogs SET actorId = {ACCOUNTANT} "
                                                     "WHERE id = (SELECT min(id) FROM auditLogs WHERE entity = 'Batch')"],
    "alerts_fire_where_stock_says": ["INSERT INTO inventoryAlerts (inventoryAlertType, batchId, threshold, currentValue, "
                                     "alertSeverity, alertStatus, createdAt, updatedAt) SELECT 'LOW_STOCK', id, 10, onHandQty, "
                                     "'LOW', 'ACTIVE', updatedAt, updatedAt FROM batches WHERE CAST(onHandQty AS REAL) > 100 LIMIT 1"],
    "standing_orders_follow_their_clients": ["UPDATE recurring_orders SET last_generated_date = '2020-01-01' WHERE id = 1"],
    "order_audit_log_changes_reads_as_terp_expects": ["UPDATE order_audit_log SET changes = '{\"orderNumber\": 1}' WHERE id = 1"],
    "recurring_orders_order_template_reads_as_terp_expects": ["UPDATE recurring_orders SET order_template = '[]' WHERE id = 1"],
    "batches_batchStatus_has_every_counted_state": ["UPDATE batches SET batchStatus = 'LIVE' WHERE batchStatus = 'ON_HOLD'"],
    "inventoryMovements_inventoryMovementType_has_every_counted_state": [
        "UPDATE inventoryMovements SET inventoryMovementType = 'ADJUSTMENT' WHERE inventoryMovementType = 'TRANSFER'"],
    "purchaseOrders_purchaseOrderStatus_has_every_counted_state": [
        "UPDATE purchaseOrders SET purchaseOrderStatus = 'RECEIVED' WHERE purchaseOrderStatus = 'RECEIVING'"],
    "intake_sessions_status_has_every_counted_state": ["UPDATE intake_sessions SET status = 'COMPLETED'"],
    "inventoryAlerts_alertStatus_has_every_counted_state": ["UPDATE inventoryAlerts SET alertStatus = 'RESOLVED'"],
    "inventoryAlerts_inventoryAlertType_has_every_counted_state": [
        "UPDATE inventoryAlerts SET inventoryAlertType = 'OVERSTOCK' WHERE inventoryAlertType = 'LOW_STOCK'"],
    "order_status_history_fulfillmentStatus_has_every_counted_state": [
        "UPDATE order_status_history SET fulfillmentStatus = 'PENDING' WHERE fulfillmentStatus = 'PACKED'"],
}
