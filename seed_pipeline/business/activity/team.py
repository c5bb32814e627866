"""Who works with whom, and what each job keeps on its own screens in TERP.

The team is the users frame in ``staff_roles`` order (admins first). Each person has a lead (the
first holder of the lead's job, else the first admin), each client an account rep (the sales
people in turn), and each job its calendar view, dashboard layout and widgets, as data.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import ADMIN_ROLE, staff_roles

SALES_JOBS = ("Sales Rep", "Sales Manager")
LEAD_OF = {  # whose one-to-one and tasks a job gets
    "Sales Rep": "Sales Manager", "Customer Service": "Sales Manager", "Warehouse Staff": "Inventory Manager",
    "Sales Manager": "Owner/Executive", "Inventory Manager": "Owner/Executive", "Accountant": "Owner/Executive",
    "Read-Only Auditor": "Owner/Executive", "Owner/Executive": ADMIN_ROLE,
}


def team(users: pd.DataFrame) -> pd.DataFrame:
    """One row per user: real id, name, job, whether an admin, and the real id of their lead (0 for the first admin)."""
    jobs = np.array(staff_roles(len(users)))
    ids = users["id"].to_numpy()
    first = {job: ids[np.flatnonzero(jobs == job)[0]] for job in dict.fromkeys(jobs)}
    admin = first[ADMIN_ROLE]
    lead = np.array([first.get(LEAD_OF.get(job, ADMIN_ROLE), admin) for job in jobs])
    lead = np.where(lead == ids, np.where(ids == admin, 0, admin), lead)
    return pd.DataFrame({"id": ids, "name": users["name"].to_numpy(), "job": jobs,
                         "admin": jobs == ADMIN_ROLE, "lead": lead})


def first_of(crew: pd.DataFrame, jobs, fallback: int | None = None) -> int:
    """The real id of the first person doing one of ``jobs`` (else ``fallback``, else the first admin)."""
    doing = crew["id"][crew["job"].isin(list(jobs))]
    return int(doing.iloc[0]) if len(doing) else int(fallback if fallback is not None else crew["id"].iloc[0])


def in_turn(crew: pd.DataFrame, jobs, n: int, offset: int = 0) -> np.ndarray:
    """Real ids of the people doing ``jobs``, taken in turn for ``n`` pieces of work (everyone gets some once n >= people)."""
    doing = crew["id"][crew["job"].isin(list(jobs))].to_numpy()
    doing = doing if len(doing) else crew["id"].to_numpy()
    return doing[(np.arange(n) + offset) % len(doing)]


def account_reps(crew: pd.DataFrame, n_clients: int) -> np.ndarray:
    """The sales person who looks after each client (by local client key - 1), sales people in turn."""
    return in_turn(crew, SALES_JOBS, n_clients)


@dataclass(frozen=True)
class Screens:
    """What one job keeps on its own screens: calendar view, dashboard preset and widgets."""

    view_name: str
    view_type: str  # calendar_views.default_view_type
    modules: tuple[str, ...]  # calendar modules the view shows (empty: all)
    layout: str  # userDashboardPreferences.activeLayout, one of TERP's presets
    widgets: tuple[str, ...]  # dashboard widget ids, in order


EXECUTIVE = ("sales-by-client", "sales-comparison", "cash-flow", "total-debt", "profitability", "inventory-snapshot")
SCREENS = {
    ADMIN_ROLE: Screens("Company overview", "MONTH", (), "executive", EXECUTIVE),
    "Owner/Executive": Screens("Company overview", "MONTH", (), "executive", EXECUTIVE),
    "Sales Manager": Screens("Sales team", "WEEK", ("CLIENTS", "ORDERS"), "sales",
                             ("sales-by-client", "sales-comparison", "profitability", "matchmaking-opportunities", "total-debt")),
    "Sales Rep": Screens("My accounts", "AGENDA", ("CLIENTS", "ORDERS"), "sales",
                         ("sales-by-client", "matchmaking-opportunities", "transaction-snapshot")),
    "Accountant": Screens("Receivables and close", "MONTH", ("ACCOUNTING",), "custom",
                          ("cash-flow", "total-debt", "transaction-snapshot", "profitability")),
    "Inventory Manager": Screens("Receiving and audits", "WEEK", ("INVENTORY", "COMPLIANCE", "ORDERS"), "operations",
                                 ("inventory-snapshot", "transaction-snapshot", "sales-comparison")),
    "Warehouse Staff": Screens("Dock schedule", "DAY", ("INVENTORY", "ORDERS"), "operations",
                               ("inventory-snapshot", "transaction-snapshot")),
    "Customer Service": Screens("Customer calls", "AGENDA", ("CLIENTS", "ORDERS"), "operations",
                                ("transaction-snapshot", "sales-by-client", "inventory-snapshot")),
    "Read-Only Auditor": Screens("Audit calendar", "MONTH", ("COMPLIANCE", "ACCOUNTING"), "executive",
                                 ("total-debt", "cash-flow", "inventory-snapshot")),
}
# Widget ids TERP's dashboard knows (server/routers/dashboardPreferences.ts getDefaultPreferences).
WIDGETS = ("sales-by-client", "cash-flow", "transaction-snapshot", "inventory-snapshot", "total-debt",
           "sales-comparison", "profitability", "matchmaking-opportunities")
# KPI cards of dashboard.getKpis (server/routers/dashboard.ts), in the order each role sees them.
KPIS = {"admin": ("totalRevenue", "activeOrders", "inventoryValue", "lowStockCount"),
        "user": ("activeOrders", "inventoryValue", "lowStockCount", "totalRevenue")}
HIDDEN_KPIS = {"user": ("totalRevenue",)}  # revenue is for admins
WIDGET_SETTINGS = {"sales-by-client": {"timePeriod": "MONTH"}, "sales-comparison": {"timePeriod": "QUARTER"}}

MENTION = r"@\[([^\]]+)\]\((\d+)\)"  # TERP's mention in a comment (server/services/mentionParser.ts)


def mention(name: str, user_id: int) -> str:
    """A colleague mentioned in a comment, as TERP's editor writes it and its parser reads it."""
    return f"@[{name}]({int(user_id)})"


AUTO_ACCEPT_TYPES = {"Warehouse Staff": ("INTAKE", "DELIVERY"), "Inventory Manager": ("INTAKE", "AUDIT"),
                     "Accountant": ("PAYMENT_DUE", "AR_COLLECTION", "DEADLINE")}
AUTO_ACCEPT_MODULES = {"Inventory Manager": ("COMPLIANCE",)}  # by job: modules whose invitations need no answer


def auto_accepts(crew: pd.DataFrame, invitee: np.ndarray, organizer: np.ndarray, module, event_type) -> np.ndarray:
    """Whether each invitation is accepted automatically under its invitee's calendar_invitation_settings:
    from their lead, or of an event type or module their job takes as it comes."""
    lead = crew.set_index("id")["lead"].reindex(invitee).to_numpy()
    job = crew.set_index("id")["job"].reindex(invitee).to_numpy()
    by_type = np.array([t in AUTO_ACCEPT_TYPES.get(j, ()) or m in AUTO_ACCEPT_MODULES.get(j, ())
                        for j, t, m in zip(job, event_type, module)], dtype=bool)
    return (lead == organizer) | by_type


def mentions(comments: pd.DataFrame) -> pd.DataFrame:
    """One row per (comment row, mentioned user id), in comment order."""
    found = comments["content"].astype(str).str.extractall(MENTION)
    if found.empty:
        return pd.DataFrame({"row": pd.Series([], dtype="int64"), "user": pd.Series([], dtype="int64")})
    rows = found.index.get_level_values(0)
    m = pd.DataFrame({"row": comments.index.get_indexer(rows), "user": found[1].astype("int64").to_numpy()})
    return m.drop_duplicates().reset_index(drop=True)
