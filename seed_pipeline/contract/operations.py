"""Contract of the workflow, inventory, purchasing, intake, order history and audit tables."""

from seed_pipeline.contract.model import JsonColumn, Shape, StateColumn


class OrderAuditChanges(Shape):
    """What ``orderAuditService`` stores per action (ordersEnhancedV2: creation, update, finalization)."""

    refers = {"clientId": "clients"}

    orderType: str | None = None
    clientId: int | None = None
    lineItemCount: int | None = None
    total: float | None = None
    finalTotal: float | None = None
    finalizedAt: str | None = None


class RecurringItem(Shape):
    """An item of ``recurring_orders.order_template.items`` (orderEnhancements router's input)."""

    refers = {"productId": "products"}

    productId: int
    quantity: float
    notes: str | None = None


class RecurringTemplate(Shape):
    items: list[RecurringItem]


JSON: tuple[JsonColumn, ...] = (
    JsonColumn("order_audit_log", "changes", OrderAuditChanges,
               ("server/services/orderAuditService.ts", "server/routers/ordersEnhancedV2.ts"), many=False),
    JsonColumn("recurring_orders", "order_template", RecurringTemplate,
               ("server/routers/orderEnhancements.ts", "server/recurringOrdersDb.ts"), many=False),
)

WORKFLOW = "inventory dashboard status counts (server/dataCardMetricsDb.ts, server/inventoryDb.ts)"
STATES: tuple[StateColumn, ...] = (
    StateColumn("batches", "batchStatus", {
        "AWAITING_INTAKE": f"intake queue: {WORKFLOW}",
        "LIVE": "live catalog, sales sheets, alerts (server/services/liveCatalogService.ts, server/salesSheetsDb.ts)",
        "PHOTOGRAPHY_COMPLETE": "live catalog, sales sheets (server/services/liveCatalogService.ts)",
        "ON_HOLD": f"hold queue: {WORKFLOW}",
        "QUARANTINED": f"quarantine queue: {WORKFLOW}",
        "SOLD_OUT": "inventory status counts (server/inventoryDb.ts)",
        "CLOSED": "inventory status counts (server/inventoryDb.ts)",
    }, shares={"LIVE": 0.7, "PHOTOGRAPHY_COMPLETE": 0.2, "ON_HOLD": 0.03, "QUARANTINED": 0.01,
               "AWAITING_INTAKE": 0.01, "SOLD_OUT": 0.02, "CLOSED": 0.02},
        min_months={"SOLD_OUT": 12, "CLOSED": 12}),
    StateColumn("inventoryMovements", "inventoryMovementType", {
        "INTAKE": "movement history (server/inventoryMovementsDb.ts)",
        "SALE": "movement history (server/inventoryMovementsDb.ts)",
        "TRANSFER": "warehouse transfers (server/routers/warehouseTransfers.ts)",
    }),
    StateColumn("purchaseOrders", "purchaseOrderStatus", {
        "DRAFT": "purchase orders list (server/routers/purchaseOrders.ts)",
        "SENT": "purchase orders list (server/routers/purchaseOrders.ts)",
        "CONFIRMED": "PO receiving (server/routers/poReceiving.ts)",
        "RECEIVING": "PO receiving (server/routers/poReceiving.ts)",
        "RECEIVED": "purchase orders list (server/routers/purchaseOrders.ts)",
        "CANCELLED": "purchase orders list (server/routers/purchaseOrders.ts)",
    }),
    StateColumn("intake_sessions", "status", {
        "IN_PROGRESS": "open intake sessions (server/productIntakeDb.ts)",
        "COMPLETED": "PO receiving completes them (server/routers/poReceiving.ts)",
    }),
    StateColumn("inventoryAlerts", "inventoryAlertType", {
        "LOW_STOCK": "alert summary by type (server/inventoryAlerts.ts getAlertSummary)",
        "SLOW_MOVING": "alert summary by type (server/inventoryAlerts.ts getAlertSummary)",
    }, min_months={"SLOW_MOVING": 6}),
    StateColumn("inventoryAlerts", "alertStatus", {
        "ACTIVE": "active alerts and the alert summary (server/inventoryAlerts.ts getActiveInventoryAlerts, getAlertSummary)",
    }),
    StateColumn("order_status_history", "fulfillmentStatus", {
        "PENDING": "order status timeline (server/ordersDb.ts)",
        "PACKED": "order status timeline (server/ordersDb.ts)",
        "SHIPPED": "order status timeline (server/ordersDb.ts)",
    }),
)
