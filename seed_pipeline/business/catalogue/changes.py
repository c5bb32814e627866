"""The changes TERP's developers ship, as conventional commits about the software itself.

Each is (type, scope, subject); a feature bumps the minor version, anything else the patch. A failed
build names what broke and the commit that repaired it.
"""

FEATURES = (
    ("inventory", "saved views on the inventory screen"), ("calendar", "recurring events with exceptions"),
    ("orders", "convert quotes to sales orders"), ("vip-portal", "live catalog with price alerts"),
    ("accounting", "AR aging report by client"), ("clients", "credit limit signals on the client profile"),
    ("pricing", "pricing profiles per client"), ("matchmaking", "match client needs to vendor supply"),
    ("samples", "sample requests with allocations"), ("dashboard", "drag-and-drop widget layout"),
    ("inventory", "photography workflow status"), ("sales-sheets", "versioned sales sheets"),
    ("todos", "shared to-do lists"), ("inbox", "mentions in comments create inbox items"),
    ("accounting", "bank statement reconciliation"), ("intake", "multi-batch intake sessions"),
    ("purchasing", "purchase orders to vendors"), ("auth", "role-based permissions with overrides"),
    ("reports", "COGS report by vendor"), ("inventory", "low-stock alerts per product"),
    ("tags", "tag groups and hierarchy"), ("clients", "communication timeline"), ("orders", "recurring orders"),
    ("accounting", "fiscal period close"), ("vip-portal", "marketplace needs and supply"),
    ("calendar", "event invitations with RSVP"), ("inventory", "batch location transfers"),
    ("credits", "credit memos applied to invoices"), ("search", "global search across clients and batches"),
    ("dashboard", "KPI cards per role"),
)
FIXES = (
    ("orders", "line totals rounded twice on invoice PDFs"), ("accounting", "AR aging bucket off by one day"),
    ("calendar", "events shifted an hour after the DST change"), ("inventory", "negative on-hand after partial returns"),
    ("vip-portal", "session expiry not checked on refresh"), ("auth", "permission cache kept after a role change"),
    ("pricing", "margin shown as 0% for consignment batches"), ("dashboard", "KPI cards empty on first login"),
    ("clients", "search ignores accented names"), ("intake", "duplicate lot codes on double submit"),
    ("orders", "cannot remove the last line of a draft"), ("accounting", "trial balance export drops zero rows"),
    ("inventory", "status filter resets after paging"), ("calendar", "reminders sent twice for recurring events"),
    ("payments", "partial payment marks invoice paid"), ("samples", "allocation exceeds batch quantity"),
    ("vip-portal", "overdue invoices not highlighted"), ("todos", "completed tasks reappear after reload"),
    ("clients", "total owed not refreshed after a refund"), ("sales-sheets", "prices ignore the client's profile"),
    ("inventory", "COGS range lost when editing a batch"), ("orders", "packed time earlier than confirmation"),
    ("auth", "logout does not clear the session cookie"), ("reports", "CSV export breaks on commas in names"),
    ("matchmaking", "expired needs still matched"), ("tags", "merging tags leaves duplicate product links"),
    ("inbox", "unread count off after archiving"), ("credits", "remaining amount not updated on void"),
    ("accounting", "bill due dates ignore NET terms"), ("dashboard", "widget layout lost on window resize"),
)
PERFORMANCE = (
    ("orders", "index orders by client and date"), ("inventory", "cursor pagination on the batch list"),
    ("dashboard", "cache KPI queries for 60 seconds"), ("accounting", "compute AR aging in one query"),
    ("clients", "load the client list without N+1 queries"), ("search", "full-text index on product names"),
    ("calendar", "fetch a month of events in one request"), ("vip-portal", "paginate the live catalog"),
    ("reports", "stream large CSV exports"), ("inventory", "batch dashboard stats in SQL"),
)
CHORES = (
    ("deps", "bump drizzle-orm"), ("deps", "bump vite"), ("deps", "bump @trpc/server"), ("deps", "bump zod"),
    ("ci", "run the typecheck before deploying"), ("db", "add migration for credit signal history"),
    ("lint", "enable strict null checks in server/"), ("deps", "bump mysql2"), ("ci", "cache node_modules"),
    ("db", "add indexes for the inventory views"), ("logging", "structured logs with pino"),
    ("deps", "bump react-query"), ("test", "cover the pricing engine"), ("docs", "document the deployment runbook"),
)
KINDS = {"feat": FEATURES, "fix": FIXES, "perf": PERFORMANCE, "chore": CHORES}
FIRST_RELEASE = ("feat", "app", "first production release for the distribution team")
BREAKING = ("accounting", "double-entry ledger replaces the simple AR and AP tables")
FAILURES = (  # what a failed build logged, and the commit that fixed it
    ("Build failed: TS2345 in server/routers/orders.ts: Argument of type 'string' is not assignable to 'number'",
     ("fix", "build", "type of unitPrice in the order line mapper")),
    ("Build failed: npm ci: package-lock.json is out of sync with package.json",
     ("chore", "deps", "regenerate package-lock.json")),
    ("Deploy failed: migration 0042 failed: Duplicate column name 'deleted_at'",
     ("fix", "db", "make migration 0042 idempotent")),
    ("Deploy failed: health check /health returned 502 for 120 seconds",
     ("fix", "server", "listen on the PORT the platform provides")),
    ("Build failed: vite build: JavaScript heap out of memory",
     ("chore", "build", "raise the Node heap for the client build")),
)


def message(kind: str, scope: str, subject: str, pr: int, breaking: bool = False) -> str:
    """A squash-merge commit message, as GitHub writes it."""
    return f"{kind}({scope}){'!' if breaking else ''}: {subject} (#{pr})"
