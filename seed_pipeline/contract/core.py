"""Contract of the orders, lots, batches, invoices, returns tables.

Ids inside JSON (``batchId``, ``productId``) are the rows' real keys, as in the tables' own
reference columns, whatever ids the users' rows already hold (``Shape.refers``).
"""

from typing import Literal

from seed_pipeline.contract.model import JsonColumn, Shape, StateColumn


class OrderItem(Shape):
    """A line of ``orders.items``: ordersDb's ``OrderItem`` plus the keys the analytics read off it."""

    refers = {"batchId": "batches", "productId": "products"}

    batchId: int  # ordersDb (inventory, returns), inventoryDb (batch profitability)
    productId: int  # productRecommendations (recommendations, frequently bought together)
    displayName: str
    originalName: str
    quantity: float
    unitPrice: float
    isSample: bool
    unitCogs: float
    cogsMode: Literal["FIXED", "RANGE"]
    cogsSource: Literal["FIXED", "MIDPOINT", "CLIENT_ADJUSTMENT", "RULE", "MANUAL"]
    unitMargin: float
    marginPercent: float
    lineTotal: float
    lineCogs: float
    lineMargin: float
    # historicalAnalysis (purchase patterns, lapsed buyers' opportunities): what kind of goods it was
    strain: str | None = None
    category: str
    subcategory: str | None = None
    grade: str | None = None
    price: float


class ReturnItem(Shape):
    """An element of ``returns.items``: the batch of the order sent back, how much, and why."""

    refers = {"batchId": "batches"}

    batchId: int
    quantity: float
    reason: Literal["DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED", "CUSTOMER_CHANGED_MIND", "OTHER"]


class BatchMetadata(Shape):
    """``batches.metadata``: what was received; inventoryAlerts reads an expiration date when there is one."""

    receivedQty: float
    unit: str
    line: str
    expirationDate: str | None = None


ORDER_ITEMS = JsonColumn("orders", "items", OrderItem, (
    "server/ordersDb.ts", "server/productRecommendations.ts", "server/historicalAnalysis.ts", "server/inventoryDb.ts"))
RETURN_ITEMS = JsonColumn("returns", "items", ReturnItem, ("server/ordersDb.ts",))
BATCH_METADATA = JsonColumn("batches", "metadata", BatchMetadata, ("server/inventoryAlerts.ts",), many=False)

WRITE_OFF_MONTHS = 5  # a debt 120+ days past due, written off, needs about this much history
# shares: what the full scenario (22 months, 15% of the receivable overdue) holds at its end date

JSON: tuple[JsonColumn, ...] = (ORDER_ITEMS, RETURN_ITEMS, BATCH_METADATA)
STATES: tuple[StateColumn, ...] = (
    StateColumn("strains", "category", {
        kind: "strain list filtered by type (inventoryDb.getAllStrains)" for kind in ("indica", "sativa", "hybrid")},
        shares={"hybrid": 0.5, "indica": 0.3, "sativa": 0.2}),
    StateColumn("products", "category", {
        category: "inventory filtered by category (inventoryDb.getBatchesWithDetails)"
        for category in ("Flower", "Concentrates", "Vapes", "Bulk Oil", "Manufactured Products")}),
    StateColumn("invoices", "status", {
        "SENT": "receivables and AR aging (arApDb.getOutstandingReceivables, calculateARAging)",
        "PARTIAL": "receivables and AR aging (arApDb.ts)",
        "OVERDUE": "receivables and AR aging (arApDb.ts)",
        "PAID": "invoice list filtered by status (arApDb.getInvoices)",
        "VOID": "invoice list filtered by status: debts written off, invoices voided and re-issued (arApDb.getInvoices)",
    }, shares={"PAID": 0.92, "SENT": 0.04, "PARTIAL": 0.01, "OVERDUE": 0.01, "VOID": 0.02}),
    StateColumn("orders", "saleStatus", {
        "PENDING": "orders filtered by sale status (ordersDb.getAllOrders)",
        "PARTIAL": "orders filtered by sale status (ordersDb.getAllOrders)",
        "PAID": "orders filtered by sale status (ordersDb.getAllOrders)",
        "OVERDUE": "orders filtered by sale status (ordersDb.getAllOrders)",
        "CANCELLED": "orders filtered by sale status: sales cancelled before packing, sales written off (ordersDb.getAllOrders)",
    }, shares={"PAID": 0.91, "PENDING": 0.04, "PARTIAL": 0.01, "OVERDUE": 0.01, "CANCELLED": 0.03}),
    StateColumn("orders", "orderType", {
        "SALE": "sales performance and order metrics (dashboardAnalytics.getSalesPerformance, dataCardMetricsDb.ts)",
        "QUOTE": "orders filtered by type: quotes (ordersDb.getAllOrders)",
    }, shares={"SALE": 0.85, "QUOTE": 0.15}),
    StateColumn("orders", "quoteStatus", {
        **{state: "orders filtered by quote status (ordersDb.getAllOrders)" for state in (
            "DRAFT", "SENT", "VIEWED", "ACCEPTED", "REJECTED", "EXPIRED")},
        "CONVERTED": "quotes converted to sales (ordersDb.convertQuoteToSale)",
    }, shares={"CONVERTED": 0.57, "EXPIRED": 0.23, "REJECTED": 0.11, "DRAFT": 0.03, "SENT": 0.02, "VIEWED": 0.02,
               "ACCEPTED": 0.02}),
)
