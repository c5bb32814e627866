"""The seeding plan's phase groups, in the order a business would fill them.

Within a group, tables are listed in business order (a lot before its batches, an order before
its invoice). The dependency graph uses this order only to choose which edge of a cycle is
filled by a later update: the one pointing forward in this list.
"""

PHASES: dict[str, tuple[str, ...]] = {
    "system_defaults": (
        "users", "roles", "permissions", "role_permissions", "user_roles", "user_permission_overrides",
        "locations", "categories", "subcategories", "grades", "accounts", "expenseCategories",
        "paymentMethods", "workflow_statuses", "credit_system_settings", "pricing_defaults", "sequences",
    ),
    "core": (
        "clients", "vendors", "brands", "strains", "products", "lots", "batches",
        "orders", "order_line_items", "invoices", "returns",
    ),
    "phase1_ux": (
        "calendar_events", "calendar_event_participants", "calendar_event_invitations",
        "calendar_invitation_history", "calendar_invitation_settings", "calendar_reminders",
        "calendar_event_history", "calendar_event_attachments", "calendar_event_permissions",
        "calendar_recurrence_rules", "calendar_recurrence_instances", "calendar_views",
        "comments", "comment_mentions", "freeform_notes", "note_comments", "note_activity",
        "scratch_pad_notes", "client_notes", "vendorNotes", "todo_lists", "todo_list_members",
        "todo_tasks", "todo_task_activity", "inbox_items", "userDashboardPreferences",
        "dashboard_widget_layouts", "dashboard_kpi_configs", "client_activity",
        "client_communications", "client_meeting_history",
    ),
    "phase2_financial": (
        "fiscalPeriods", "bankAccounts", "invoiceLineItems", "bills", "billLineItems", "payments",
        "paymentHistory", "bankTransactions", "expenses", "ledgerEntries", "transactions",
        "transactionLinks", "client_transactions", "credits", "creditApplications", "credit_audit_log",
        "client_credit_limits", "credit_signal_history", "cogsHistory", "cogs_rules", "sales",
    ),
    "phase3_operational": (
        "batch_status_history", "batchLocations", "inventoryMovements", "inventoryAlerts",
        "alert_configurations", "order_status_history", "order_audit_log", "recurring_orders",
        "pricing_profiles", "pricing_rules", "client_price_alerts", "purchaseOrders",
        "purchaseOrderItems", "intake_sessions", "intake_session_batches", "vendor_supply",
        "client_needs", "match_records", "sampleRequests", "sampleAllocations", "sample_inventory_log",
        "client_interest_lists", "client_interest_list_items", "client_draft_interests",
        "client_catalog_views", "sales_sheet_templates", "salesSheetVersions", "sales_sheet_history",
    ),
    "phase4_polish": (
        "productMedia", "productSynonyms", "tags", "productTags", "tagGroups", "tagGroupMembers",
        "tagHierarchy", "auditLogs", "inventoryViews", "vip_portal_auth", "vip_portal_configurations",
        "deployments",
    ),
}

GROUP_OF: dict[str, str] = {table: group for group, tables in PHASES.items() for table in tables}

