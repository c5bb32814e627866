"""How many rows each table gets, as data: one spec per table, read by ``rows``.

System tables have the small fixed sizes the app itself seeds; business tables follow the
scenario (clients, vendors, orders, months); every other table is proportional to the table
whose rows it hangs off, so a scaled scenario keeps its shape.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from seed_pipeline.business import catalog
from seed_pipeline.business.books.postings import BANK_ACCOUNTS
from seed_pipeline.business.catalogue.tags import GROUPS as TAG_GROUPS
from seed_pipeline.business.catalogue.tags import vocabulary
from seed_pipeline.business.commercial import pricing
from seed_pipeline.model import current
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
TAGS = vocabulary()

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
    "calendar_events": Per("orders", 2.0),  # a delivery per order, plus AR, meetings, intake, the team's own
    "calendar_event_participants": Per("calendar_events", 0.3),  # meetings only
    "calendar_event_invitations": Per("calendar_event_participants", 0.8),
    "calendar_invitation_history": Per("calendar_event_invitations", 2.9),
    "calendar_invitation_settings": Per("users"),
    "calendar_reminders": Per("calendar_events", 1.3),
    "calendar_event_history": Per("calendar_events", 2),
    "calendar_event_attachments": Per("calendar_events", 0.05),
    "calendar_event_permissions": Per("calendar_events", 0.012),
    "calendar_recurrence_rules": Fixed(3),  # the weekly series
    "calendar_recurrence_instances": Monthly(11),
    "calendar_views": Per("users", 2),
    "comments": Per("orders", 0.4),
    "comment_mentions": Per("comments", 0.2),
    "freeform_notes": Per("clients", 2.6),
    "note_comments": Per("freeform_notes", 0.45),
    "note_activity": Per("freeform_notes", 4),
    "scratch_pad_notes": Per("users", 4),
    "client_notes": Per("clients", 0.9),
    "vendorNotes": Per("lots"),
    "todo_lists": Per("users", 1.2),
    "todo_list_members": Per("todo_lists", 2.5),
    "todo_tasks": Per("orders", 1.1),
    "todo_task_activity": Per("todo_tasks", 3.2),
    "inbox_items": Per("todo_tasks", 0.9),
    "userDashboardPreferences": Per("users"),
    "dashboard_widget_layouts": Per("users", 3.8),
    "dashboard_kpi_configs": Fixed(8),
    "client_activity": Per("invoices", 2),
    "client_communications": Per("orders", 0.66),
    "client_meeting_history": Per("calendar_events", 0.065),
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
    "batch_status_history": Per("batches", 2.4),
    "batchLocations": Per("batches", 1.2),
    "inventoryMovements": Per("order_line_items", 1.06),
    "inventoryAlerts": Per("batches", 1.3),
    "alert_configurations": Per("batches", 0.55),
    "order_status_history": Per("orders", 3.0),
    "order_audit_log": Per("orders", 2.3),
    "recurring_orders": Per("clients", 0.88),
    "pricing_profiles": Fixed(len(pricing.PROFILES)),
    "pricing_rules": Fixed(len(pricing.RULES)),
    "client_price_alerts": Per("orders", 0.07),
    "purchaseOrders": Per("lots"),
    "purchaseOrderItems": Per("purchaseOrders", 2.4),
    "intake_sessions": Per("lots", 0.93),
    "intake_session_batches": Per("batches"),
    "vendor_supply": Per("lots", 0.85),  # an offer before most lots, a few open or lapsed
    "client_needs": Per("orders", 0.1),
    "match_records": Per("client_needs", 1),
    "sampleRequests": Per("orders", 0.08),
    "sampleAllocations": Per("sampleRequests", 0.85),
    "sample_inventory_log": Per("batches", 2.1),
    "client_interest_lists": Per("orders", 0.09),
    "client_interest_list_items": Per("client_interest_lists", 3),
    "client_draft_interests": Per("clients", 0.35),
    "client_catalog_views": Per("clients", 0.2),
    "sales_sheet_templates": Per("sales_sheet_history", 0.17),
    "salesSheetVersions": Per("sales_sheet_templates", 3.3),
    "sales_sheet_history": Per("orders", 0.07),
    # phase 4: polish
    "productMedia": Per("batches", 0.9),  # about 4.75 files for each of the 30% of flower batches photographed
    "productSynonyms": Per("products", 2.5),
    "tags": Fixed(len(TAGS)),
    "productTags": Per("products", 8),
    "tagGroups": Fixed(len(TAG_GROUPS)),
    "tagGroupMembers": Per("tags"),
    "tagHierarchy": Fixed(sum(1 for t in TAGS if t.parent)),
    "auditLogs": Per("orders", 4.3),
    "inventoryViews": Per("users", 1.5),
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
        spec = current().volumes[table]
    except KeyError:
        raise KeyError(f"no volume spec for table {table!r}; add one to {__name__}.VOLUMES") from None
    return max(1, round(_size(spec, scenario, parent_counts or {})))


def total_rows(scenario: Scenario) -> int:
    return sum(rows(t, scenario) for t in current().volumes)
