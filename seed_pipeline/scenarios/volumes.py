"""How many rows each table gets, as data: one spec per table, read by ``rows``.

System tables have the small fixed sizes the app itself seeds; business tables follow the
scenario (clients, vendors, orders, months); every other table is proportional to the table
whose rows it hangs off, so a scaled scenario keeps its shape.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from seed_pipeline.business import catalog
from seed_pipeline.business.books.postings import BANK_ACCOUNTS
from seed_pipeline.scenarios.config import Scenario


@dataclass(frozen=True)
class Fixed:
    rows: int


@dataclass(frozen=True)
class Given:
    """A count the scenario states by name."""

    attribute: str


@dataclass(frozen=True)
class Monthly:
    """``per_month`` rows for each month of history; a string names a scenario attribute."""

    per_month: float | str


@dataclass(frozen=True)
class Per:
    """``ratio`` rows per row of ``parent``; a string ratio names a scenario attribute (a share, months)."""

    parent: str
    ratio: float | str = 1.0


Spec = Fixed | Given | Monthly | Per

VOLUMES: dict[str, Spec] = {
    # system defaults: what the app seeds for itself
    "users": Given("users"),
    "roles": Fixed(len(catalog.ROLES)),
    "permissions": Fixed(len(catalog.PERMISSIONS)),
    "role_permissions": Fixed(sum(len(role.permissions) for role in catalog.ROLES)),
    "user_roles": Per("users", 1),
    "user_permission_overrides": Fixed(len(catalog.OVERRIDES)),
    "locations": Fixed(len(catalog.LOCATIONS)),
    "categories": Fixed(len(catalog.CATEGORIES)),
    "subcategories": Fixed(sum(len(c.subcategories) for c in catalog.CATEGORIES)),
    "grades": Fixed(len(catalog.GRADES)),
    "accounts": Fixed(len(catalog.ACCOUNTS)),
    "expenseCategories": Fixed(sum(1 + len(e.children) for e in catalog.EXPENSE_CATEGORIES)),
    "paymentMethods": Fixed(len(catalog.PAYMENT_METHODS)),
    "workflow_statuses": Fixed(len(catalog.BATCH_STATUSES)),
    "credit_system_settings": Fixed(1),
    "pricing_defaults": Fixed(len(catalog.CATEGORIES)),
    "sequences": Fixed(len(catalog.DOCUMENT_SEQUENCES)),
    # core business
    "clients": Given("clients"),
    "vendors": Given("vendors"),
    "brands": Per("vendors", 2),
    "strains": Given("strains"),
    "products": Per("strains", 2.5),
    "lots": Monthly("lots_per_month"),
    "batches": Per("lots", 3),
    "orders": Given("orders"),
    "order_line_items": Per("orders", "lines_per_order"),
    "invoices": Per("orders"),
    "returns": Per("orders", "returns_share"),
    # phase 1: calendar, collaboration, CRM
    "calendar_events": Per("orders", 1.8),  # a delivery per order, plus AR, meetings, intake
    "calendar_event_participants": Per("calendar_events", 2),
    "calendar_event_invitations": Per("calendar_events", 1),
    "calendar_invitation_history": Per("calendar_event_invitations", 2),
    "calendar_invitation_settings": Per("users"),
    "calendar_reminders": Per("calendar_events", 1.3),
    "calendar_event_history": Per("calendar_events", 2),
    "calendar_event_attachments": Per("calendar_events", 0.2),
    "calendar_event_permissions": Per("calendar_events", 0.5),
    "calendar_recurrence_rules": Per("calendar_events", 0.1),
    "calendar_recurrence_instances": Per("calendar_recurrence_rules", 6),
    "calendar_views": Per("users", 2),
    "comments": Per("orders", 0.4),
    "comment_mentions": Per("comments", 0.3),
    "freeform_notes": Per("users", 8),
    "note_comments": Per("freeform_notes", 1.5),
    "note_activity": Per("freeform_notes", 3),
    "scratch_pad_notes": Per("users", 5),
    "client_notes": Per("clients", 2),
    "vendorNotes": Per("vendors", 5),
    "todo_lists": Per("users", 2),
    "todo_list_members": Per("todo_lists", 2),
    "todo_tasks": Per("todo_lists", 10),
    "todo_task_activity": Per("todo_tasks", 2),
    "inbox_items": Per("users", 20),
    "userDashboardPreferences": Per("users"),
    "dashboard_widget_layouts": Per("users", 6),
    "dashboard_kpi_configs": Fixed(12),
    "client_activity": Per("clients", 20),
    "client_communications": Per("clients", 12),
    "client_meeting_history": Per("calendar_events", 0.2),
    # phase 2: money
    "fiscalPeriods": Monthly(1),
    "bankAccounts": Fixed(len(BANK_ACCOUNTS)),
    "invoiceLineItems": Per("invoices", "lines_per_order"),
    "bills": Per("lots", 2.9),  # a bill per owned lot, a monthly settlement per consigned lot selling
    "billLineItems": Per("bills", 1.8),
    "payments": Per("invoices", 1.1),
    "paymentHistory": Per("batches", 1.7),  # a consigned batch is settled once a month it sells
    "bankTransactions": Per("payments", 1.03),
    "expenses": Monthly(17),
    "ledgerEntries": Per("invoices", 6.9),
    "transactions": Per("orders", 2),
    "transactionLinks": Per("transactions", 0.5),
    "client_transactions": Per("orders", 2),
    "credits": Per("orders", 0.025),
    "creditApplications": Per("credits", 0.8),
    "credit_audit_log": Per("credit_signal_history", 0.7),
    "client_credit_limits": Per("clients"),
    "credit_signal_history": Per("clients", "months"),
    "cogsHistory": Per("batches", 0.3),
    "cogs_rules": Fixed(5),
    "sales": Per("order_line_items"),
    # phase 3: operations
    "batch_status_history": Per("batches", 3),
    "batchLocations": Per("batches"),
    "inventoryMovements": Per("order_line_items", 1.1),
    "inventoryAlerts": Per("batches", 0.2),
    "alert_configurations": Per("users", 2),
    "order_status_history": Per("orders", 2.5),
    "order_audit_log": Per("orders", 2),
    "recurring_orders": Per("clients", 0.2),
    "pricing_profiles": Fixed(5),
    "pricing_rules": Fixed(12),
    "client_price_alerts": Per("clients", 2),
    "purchaseOrders": Per("lots"),
    "purchaseOrderItems": Per("purchaseOrders", 3),
    "intake_sessions": Per("lots"),
    "intake_session_batches": Per("batches"),
    "vendor_supply": Per("vendors", 10),
    "client_needs": Per("clients", 4),
    "match_records": Per("client_needs", 2),
    "sampleRequests": Per("orders", "refunds_share"),
    "sampleAllocations": Per("clients", "months"),
    "sample_inventory_log": Per("sampleRequests", 2),
    "client_interest_lists": Per("clients", 3),
    "client_interest_list_items": Per("client_interest_lists", 4),
    "client_draft_interests": Per("clients", 3),
    "client_catalog_views": Per("clients"),
    "sales_sheet_templates": Per("clients", 0.5),
    "salesSheetVersions": Per("sales_sheet_templates", 3),
    "sales_sheet_history": Per("clients", 5),
    # phase 4: polish
    "productMedia": Per("products", 2),
    "productSynonyms": Per("products"),
    "tags": Fixed(30),
    "productTags": Per("products", 2),
    "tagGroups": Fixed(6),
    "tagGroupMembers": Per("tags"),
    "tagHierarchy": Per("tags", 0.5),
    "auditLogs": Per("orders", 3),
    "inventoryViews": Per("users"),
    "vip_portal_auth": Per("clients", 0.3),
    "vip_portal_configurations": Per("clients", 0.3),
    "deployments": Monthly(8),
}


def _value(number: float | str, scenario: Scenario) -> float:
    return getattr(scenario, number) if isinstance(number, str) else number


def _size(spec: Spec, scenario: Scenario, counts: Mapping[str, int]) -> float:
    if isinstance(spec, Fixed):
        return spec.rows
    if isinstance(spec, Given):
        return getattr(scenario, spec.attribute)
    if isinstance(spec, Monthly):
        return _value(spec.per_month, scenario) * scenario.months
    ratio = _value(spec.ratio, scenario)
    parent = counts[spec.parent] if spec.parent in counts else rows(spec.parent, scenario)
    return parent * ratio


def rows(table: str, scenario: Scenario, parent_counts: Mapping[str, int] | None = None) -> int:
    """The row count of ``table``: from the actual parent sizes when given, else from their specs."""
    try:
        spec = VOLUMES[table]
    except KeyError:
        raise KeyError(f"no volume spec for table {table!r}; add one to {__name__}.VOLUMES") from None
    return max(1, round(_size(spec, scenario, parent_counts or {})))


def total_rows(scenario: Scenario) -> int:
    return sum(rows(t, scenario) for t in VOLUMES)
