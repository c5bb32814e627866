"""TERP's own vocabularies, written once: the generators seed them and the checks expect them.

Places, product categories, grades, expense categories and the nine core accounts are what
the app seeds for itself; the rest (the accounts a working ledger adds, payment methods, batch
statuses, pricing defaults, document numbers, who may open what, who works there) is what a
cannabis distributor running on TERP needs around them.
"""

from dataclasses import dataclass

# --- places ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    site: str
    zone: str
    rack: str
    shelf: str
    bin: str


SITE = "Main Warehouse"
ZONES = ("Zone A", "Zone B", "Zone C")
SLOTS = (("Rack 1", "Shelf 1", "Bin 1"), ("Rack 1", "Shelf 1", "Bin 2"), ("Rack 1", "Shelf 2", "Bin 1"))
LOCATIONS = tuple(Location(SITE, zone, *slot) for zone in ZONES for slot in SLOTS)  # the app's nine

# --- products ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    name: str
    description: str
    subcategories: tuple[str, ...]
    default_margin: float  # percent of the sale price the pricing screen proposes


CATEGORIES = (
    Category("Flower", "Cured flower sold by the pound, priced by grow type",
             ("Outdoor", "Deps", "Indoor", "Smalls", "Trim"), 25.0),
    Category("Concentrates", "Extracts sold by the gram",
             ("Shatter", "Wax", "Live Resin", "Rosin", "Distillate", "Crumble", "Budder"), 30.0),
    Category("Vapes", "Filled cartridges and disposable pens", ("Cartridge", "All in One"), 30.0),
    Category("Bulk Oil", "Oil by the liter for manufacturers", (), 20.0),
    Category("Manufactured Products", "Packaged goods ready for retail shelves",
             ("Preroll", "Edible", "Tincture", "Topical", "Accessory"), 35.0),
)


@dataclass(frozen=True)
class Grade:
    name: str
    description: str


GRADES = (Grade("A", "Top shelf quality"), Grade("B", "Mid-tier quality"), Grade("C", "Budget quality"),
          Grade("D", "Economy quality"))


@dataclass(frozen=True)
class BatchStatus:
    """A workflow column of the inventory board; ``slug.upper()`` is the ``batches.batchStatus`` value."""

    slug: str
    name: str
    color: str


BATCH_STATUSES = (
    BatchStatus("awaiting_intake", "Awaiting Intake", "#F59E0B"),
    BatchStatus("live", "Live", "#10B981"),
    BatchStatus("photography_complete", "Photography Complete", "#3B82F6"),
    BatchStatus("on_hold", "On Hold", "#F97316"),
    BatchStatus("quarantined", "Quarantined", "#EF4444"),
    BatchStatus("sold_out", "Sold Out", "#8B5CF6"),
    BatchStatus("closed", "Closed", "#6B7280"),
)

# --- money -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    number: str
    name: str
    type: str  # accounts.accountType
    normal: str  # accounts.normalBalance
    description: str
    parent: str | None = None  # the parent's number; parents come first


ACCOUNTS = (
    Account("1000", "Cash", "ASSET", "DEBIT", "All cash and bank balances"),
    Account("1010", "Operating Checking", "ASSET", "DEBIT", "Main bank account: deposits and vendor payments", "1000"),
    Account("1020", "Payroll Checking", "ASSET", "DEBIT", "Bank account funding payroll", "1000"),
    Account("1030", "Cash Vault", "ASSET", "DEBIT", "Cash collected on deliveries, held on site", "1000"),
    Account("1100", "Accounts Receivable", "ASSET", "DEBIT", "Invoiced sales not yet collected"),
    Account("1150", "Allowance for Doubtful Accounts", "ASSET", "CREDIT",
            "Receivables not expected to be collected (contra asset)", "1100"),
    Account("1200", "Inventory", "ASSET", "DEBIT", "Goods owned by the company, at cost"),
    Account("2000", "Accounts Payable", "LIABILITY", "CREDIT", "Vendor bills not yet paid"),
    Account("2100", "Consignment Payable", "LIABILITY", "CREDIT", "Owed to vendors for consigned goods already sold"),
    Account("2200", "Sales Tax Payable", "LIABILITY", "CREDIT", "Taxes collected on sales, due to the state"),
    Account("2300", "Customer Credits", "LIABILITY", "CREDIT", "Credits issued to clients and not yet applied"),
    Account("2400", "Employee Reimbursements Payable", "LIABILITY", "CREDIT", "Expenses staff paid themselves, not yet repaid"),
    Account("3000", "Owner's Equity", "EQUITY", "CREDIT", "Capital contributed by the owners"),
    Account("3100", "Retained Earnings", "EQUITY", "CREDIT", "Accumulated profit of closed periods"),
    Account("4000", "Sales Revenue", "REVENUE", "CREDIT", "Wholesale sales"),
    Account("4100", "Sales Discounts", "REVENUE", "DEBIT", "Discounts given on sales (contra revenue)", "4000"),
    Account("4200", "Sales Returns and Refunds", "REVENUE", "DEBIT", "Returned goods and refunds (contra revenue)",
            "4000"),
    Account("5000", "Cost of Goods Sold", "EXPENSE", "DEBIT", "Cost of the goods sold, owned or consigned"),
    Account("5100", "Operating Expenses", "EXPENSE", "DEBIT", "Costs of running the business"),
    Account("5110", "Rent Expense", "EXPENSE", "DEBIT", "Warehouse and office rent", "5100"),
    Account("5120", "Utilities Expense", "EXPENSE", "DEBIT", "Power, water, gas, internet and phone", "5100"),
    Account("5130", "Payroll Expense", "EXPENSE", "DEBIT", "Salaries, benefits and payroll taxes", "5100"),
    Account("5140", "Marketing Expense", "EXPENSE", "DEBIT", "Advertising, events and sponsorships", "5100"),
    Account("5150", "Office Supplies Expense", "EXPENSE", "DEBIT", "Supplies and packaging materials", "5100"),
    Account("5160", "Insurance Expense", "EXPENSE", "DEBIT", "Liability, product and property insurance", "5100"),
    Account("5170", "Professional Fees", "EXPENSE", "DEBIT", "Legal, accounting and consulting", "5100"),
    Account("5180", "Travel Expense", "EXPENSE", "DEBIT", "Travel to growers and clients", "5100"),
    Account("5190", "Maintenance and Repairs", "EXPENSE", "DEBIT", "Vehicles, equipment and building upkeep", "5100"),
    Account("5200", "Bank Fees", "EXPENSE", "DEBIT", "Bank and payment processing charges"),
    Account("5300", "Bad Debt Expense", "EXPENSE", "DEBIT", "Receivables written off"),
)


@dataclass(frozen=True)
class ExpenseCategory:
    name: str
    account: str  # the ledger account its expenses post to; children post to their parent's
    children: tuple[str, ...] = ()


EXPENSE_CATEGORIES = (
    ExpenseCategory("Rent/Lease", "5110"),
    ExpenseCategory("Utilities", "5120", ("Electricity", "Water", "Gas", "Internet/Phone")),
    ExpenseCategory("Payroll/Wages", "5130", ("Salaries", "Benefits", "Payroll Taxes")),
    ExpenseCategory("Marketing/Advertising", "5140",
                    ("Digital Advertising", "Print Advertising", "Events & Sponsorships")),
    ExpenseCategory("Office Supplies", "5150"),
    ExpenseCategory("Insurance", "5160"),
    ExpenseCategory("Professional Services", "5170", ("Legal", "Accounting", "Consulting")),
    ExpenseCategory("Travel", "5180"),
    ExpenseCategory("Maintenance/Repairs", "5190"),
)


@dataclass(frozen=True)
class PaymentMethod:
    code: str  # a ``payments.paymentMethod`` value
    name: str
    description: str
    active: bool = True


PAYMENT_METHODS = (
    PaymentMethod("CASH", "Cash", "Collected on delivery and counted into the vault"),
    PaymentMethod("CHECK", "Check", "Business check, deposited within two days"),
    PaymentMethod("ACH", "ACH Transfer", "Bank transfer, settles in one to three days"),
    PaymentMethod("WIRE", "Wire Transfer", "Same-day bank wire for large balances"),
    PaymentMethod("DEBIT_CARD", "Debit Card", "Card payment through the cannabis-friendly processor"),
    PaymentMethod("CREDIT_CARD", "Credit Card", "Not accepted: card networks refuse cannabis sales", False),
)


@dataclass(frozen=True)
class DocumentSequence:
    prefix: str
    width: int


DOCUMENT_SEQUENCES = {  # the ``sequences.name`` of each numbered document, and its format
    "order": DocumentSequence("ORD-", 6),
    "quote": DocumentSequence("QTE-", 6),
    "invoice": DocumentSequence("INV-", 6),
    "bill": DocumentSequence("BILL-", 6),
    "payment": DocumentSequence("PAY-", 6),
    "expense": DocumentSequence("EXP-", 6),
    "credit": DocumentSequence("CR-", 6),
    "return": DocumentSequence("RET-", 6),
    "purchase_order": DocumentSequence("PO-", 6),
    "lot": DocumentSequence("LOT-", 5),
    "batch": DocumentSequence("BAT-", 6),
    "intake_session": DocumentSequence("INTAKE-", 5),
    "journal_entry": DocumentSequence("JE-", 7),
    "transaction": DocumentSequence("TXN-", 7),
}


def document_number(kind: str, n: int) -> str:
    """The n-th document of a kind as the app prints it: ``document_number("invoice", 42) == "INV-000042"``."""
    sequence = DOCUMENT_SEQUENCES[kind]
    return f"{sequence.prefix}{n:0{sequence.width}d}"


def count_of(n: int, noun: str) -> str:
    """A count as a person writes it: ``count_of(1, "batch") == "1 batch"``, ``count_of(3, "batch") == "3 batches"``."""
    n = int(n)
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun}es" if noun.endswith(("s", "sh", "ch", "x")) else f"{n} {noun}s"


# --- who may do what ---------------------------------------------------------------------------

_BASIC = ("access", "read", "create", "update", "delete")
MODULE_ACTIONS = {  # permission ``<module>:<action>``; ``access`` opens the module's screen
    "dashboard": ("access", "read", "customize"),
    "clients": _BASIC + ("export",),
    "vendors": _BASIC,
    "inventory": _BASIC + ("intake", "transfer", "adjust"),
    "orders": _BASIC + ("fulfill", "cancel", "export"),
    "invoices": _BASIC + ("send", "void"),
    "payments": _BASIC + ("refund",),
    "accounting": ("access", "read", "create", "update", "reconcile", "close_period", "export"),
    "calendar": _BASIC,
    "todos": _BASIC,
    "comments": _BASIC,
    "pricing": _BASIC + ("approve",),
    "samples": _BASIC + ("approve",),
    "matchmaking": ("access", "read", "create", "update"),
    "vip_portal": ("access", "read", "configure", "impersonate"),
    "settings": ("access", "read", "update"),
    "users": _BASIC + ("assign_roles",),
}
MODULE_LABELS = {"calendar": "calendar events", "todos": "to-do lists", "matchmaking": "client-vendor matches",
                 "vip_portal": "VIP portal"}
ACTION_PHRASES = {
    "access": "Can open the {} screen", "read": "Can view {}", "create": "Can create {}", "update": "Can edit {}",
    "delete": "Can delete {}", "export": "Can export {}", "customize": "Can customize the {} layout",
    "intake": "Can receive vendor intake into {}", "transfer": "Can move {} between locations",
    "adjust": "Can adjust {} quantities", "fulfill": "Can fulfill {}", "cancel": "Can cancel {}",
    "send": "Can send {} to clients", "void": "Can void {}", "refund": "Can refund {}",
    "reconcile": "Can reconcile {}", "close_period": "Can close {} periods", "approve": "Can approve {}",
    "configure": "Can configure the {}", "impersonate": "Can see the {} as a client sees it",
    "assign_roles": "Can assign roles to {}",
}
LEVELS = {"view": ("access", "read"), "work": ("access", "read", "create", "update")}  # "manage": every action


@dataclass(frozen=True)
class Permission:
    name: str
    module: str
    description: str


PERMISSIONS = tuple(
    Permission(f"{module}:{action}", module, ACTION_PHRASES[action].format(MODULE_LABELS.get(module, module)))
    for module, actions in MODULE_ACTIONS.items() for action in actions
)


@dataclass(frozen=True)
class Role:
    """A job: per module it opens, a level ("view", "work", "manage") and any single actions beyond it."""

    name: str
    description: str
    grants: dict[str, str]

    @property
    def permissions(self) -> frozenset[str]:
        granted = set()
        for module, spec in self.grants.items():
            for word in spec.split():
                actions = MODULE_ACTIONS[module] if word == "manage" else LEVELS.get(word, (word,))
                unknown = set(actions) - set(MODULE_ACTIONS[module])
                if unknown:
                    raise ValueError(f"{self.name}: {module} has no action {sorted(unknown)}")
                granted.update(f"{module}:{action}" for action in actions)
        return frozenset(granted)


_TEAMWORK = {"calendar": "work", "todos": "work", "comments": "work"}  # every job plans, tracks and discusses
ADMIN_ROLE = "Super Admin"
ROLES = (
    Role(ADMIN_ROLE, "Runs the system: every module, users, roles and settings",
         {module: "manage" for module in MODULE_ACTIONS}),
    Role("Owner/Executive", "Sees every number of the business; changes nothing but the dashboard",
         {module: "view" for module in MODULE_ACTIONS} | {"dashboard": "manage", "accounting": "view export"}),
    Role("Sales Manager", "Leads the sales team: clients, orders, pricing approvals and the VIP portal",
         {"dashboard": "manage", "clients": "manage", "orders": "manage", "invoices": "view send",
          "payments": "view", "inventory": "view", "vendors": "view", "pricing": "work approve",
          "samples": "manage", "matchmaking": "manage", "vip_portal": "view configure"} | _TEAMWORK),
    Role("Sales Rep", "Sells to its clients: orders, samples and matches",
         {"dashboard": "view customize", "clients": "work", "orders": "work", "invoices": "view",
          "inventory": "view", "pricing": "view", "samples": "work", "matchmaking": "work",
          "vip_portal": "view"} | _TEAMWORK),
    Role("Accountant", "Keeps the books: invoices, payments, bills, the ledger and period closes",
         {"dashboard": "view customize", "accounting": "manage", "invoices": "manage", "payments": "manage",
          "clients": "view", "vendors": "view", "orders": "view", "inventory": "view", "pricing": "view"}
         | _TEAMWORK),
    Role("Inventory Manager", "Runs the warehouse: intake, batches, locations and vendor supply",
         {"dashboard": "view customize", "inventory": "manage", "vendors": "work", "samples": "work approve",
          "orders": "view fulfill", "pricing": "view", "matchmaking": "view"} | _TEAMWORK),
    Role("Warehouse Staff", "Receives, moves and picks goods",
         {"dashboard": "view", "inventory": "work intake transfer", "orders": "view fulfill", "samples": "view",
          "calendar": "view", "todos": "work", "comments": "work"}),
    Role("Customer Service", "Answers clients: orders, returns and follow-ups",
         {"dashboard": "view", "clients": "work", "orders": "work cancel", "invoices": "view", "payments": "view",
          "samples": "work", "vip_portal": "view"} | _TEAMWORK),
    Role("Read-Only Auditor", "Reviews everything, changes nothing",
         {module: "view" for module in MODULE_ACTIONS}),
)
ROLE_PERMISSIONS = {role.name: role.permissions for role in ROLES}


def screens_for_role(role: str) -> set[str]:
    """The modules whose screen the role can open: it may both enter them and read their data."""
    granted = ROLE_PERMISSIONS[role]
    return {module for module in MODULE_ACTIONS if {f"{module}:access", f"{module}:read"} <= granted}


# --- the team ----------------------------------------------------------------------------------

EMAIL_DOMAIN = "terpdistribution.com"
LOGIN_METHODS = {"google": 0.6, "email": 0.3, "microsoft": 0.1}  # share of users
TEAM_FOR_SECOND_ADMIN = 12  # from this many users on, two people administer the system
HIRING = (  # (role, weight of its share beyond the first person), in the order a growing team fills them
    ("Sales Manager", 1), ("Sales Rep", 5), ("Accountant", 2), ("Inventory Manager", 1),
    ("Warehouse Staff", 4), ("Customer Service", 2), ("Owner/Executive", 0), ("Read-Only Auditor", 0),
)


def headcount(users: int) -> dict[str, int]:
    """People per role: the admins, one of each job in hiring order, the rest by weight (largest remainder)."""
    admins = min(users, 1 if users < TEAM_FOR_SECOND_ADMIN else 2)
    team = users - admins
    counts = {role: int(i < team) for i, (role, _) in enumerate(HIRING)}
    rest = team - sum(counts.values())
    total = sum(weight for _, weight in HIRING)
    quotas = {role: rest * weight / total for role, weight in HIRING}
    for role, quota in quotas.items():
        counts[role] += int(quota)
    by_remainder = sorted(quotas, key=lambda role: quotas[role] - int(quotas[role]), reverse=True)
    for role in by_remainder[: rest - sum(int(q) for q in quotas.values())]:
        counts[role] += 1
    return {ADMIN_ROLE: admins} | counts


def staff_roles(users: int) -> list[str]:
    """The role of each user in row order: admins first, then each job's people together."""
    return [role for role, count in headcount(users).items() for _ in range(count)]


@dataclass(frozen=True)
class Override:
    """A grant or revoke on top of a role, for the first person holding it."""

    role: str
    permission: str
    granted: bool


OVERRIDES = (
    Override("Sales Rep", "pricing:update", True),  # the senior rep negotiates prices
    Override("Accountant", "accounting:close_period", False),  # closing a period needs the admin
    Override("Warehouse Staff", "inventory:adjust", True),  # the shift lead corrects counts
    Override("Customer Service", "payments:refund", True),  # refunds on approved returns
    Override("Sales Manager", "clients:delete", False),  # clients are archived, only admins delete
    Override("Inventory Manager", "inventory:delete", False),  # batches are closed, not deleted
)
