"""Who may record what: the permission each audited action needs (RBAC in ``catalog.ROLES``).

The generators pick the people who did each thing among the jobs whose role grants the action's
permission; the rule checking the audit trail reads the same table of actions and looks the
permission up in the seeded roles, grants and overrides.
"""

from seed_pipeline.business.catalog import ADMIN_ROLE, ROLE_PERMISSIONS

# (table or entity, action) -> the permission it needs
NEEDS = {
    ("batch_status_history", "status"): "inventory:update",
    ("order_audit_log", "CREATE_DRAFT"): "orders:create",
    ("order_audit_log", "UPDATE_DRAFT"): "orders:update",
    ("order_audit_log", "FINALIZE"): "orders:update",
    ("order", "ORDER_CREATED"): "orders:create",
    ("order", "ORDER_SHIPPED"): "orders:fulfill",
    ("order", "ORDER_CANCELLED"): "orders:cancel",
    ("Batch", "STATUS_CHANGE"): "inventory:update",
    ("Batch", "QTY_ADJUST"): "inventory:adjust",
    ("invoice", "INVOICE_CREATED"): "invoices:create",
    ("invoice", "PAYMENT_RECORDED"): "payments:create",
    ("invoice", "INVOICE_VOIDED"): "invoices:void",
    ("client", "CLIENT_CREATED"): "clients:create",
    ("vendor", "VENDOR_CREATED"): "vendors:create",
    ("product", "PRODUCT_CREATED"): "inventory:create",
}


def jobs_allowed(permission: str) -> set[str]:
    """The jobs (not the admins, who may do anything but do not do the daily work) granted a permission."""
    return {role for role, granted in ROLE_PERMISSIONS.items() if permission in granted and role != ADMIN_ROLE}
