"""The team's to-do lists and the tasks on them, from the business history.

Lists: everyone's own list, and team lists owned by a lead (``TEAM_LISTS``). Tasks: collection calls
for late invoices and the monthly AR review the admin does with accounting (accounting's list),
thank-you follow-ups after big orders (sales), tagging each lot that arrives (receiving),
timesheets twice a month for everyone (the admin's list), and each person's weekly plan (own list).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.calendar import BIG_ORDER_QUANTILE, was_overdue
from seed_pipeline.business.activity.team import account_reps, first_of, in_turn
from seed_pipeline.business.catalog import ADMIN_ROLE, document_number


@dataclass(frozen=True)
class TeamList:
    key: str
    name: str
    description: str
    owner_jobs: tuple[str, ...]
    member_jobs: tuple[str, ...] | None  # None: everyone


TEAM_LISTS = (
    TeamList("collections", "Collections and close", "Late invoices to chase and the month-end close.", ("Accountant",),
             ("Accountant", ADMIN_ROLE)),
    TeamList("sales", "Sales follow-ups", "What we promised clients after their orders.", ("Sales Manager",),
             ("Sales Rep", "Sales Manager", "Customer Service")),
    TeamList("receiving", "Receiving and QC", "Lots to weigh, tag and shelve.", ("Inventory Manager",),
             ("Warehouse Staff", "Inventory Manager")),
    TeamList("admin", "Team admin", "Timesheets and paperwork for everyone.", (ADMIN_ROLE,), None),
)
WEEKLY_PLAN = {"Sales Rep": "call plan", "Sales Manager": "pipeline review", "Accountant": "payment run",
               "Warehouse Staff": "dock schedule", "Inventory Manager": "intake schedule", "Customer Service": "open returns",
               "Owner/Executive": "numbers review", ADMIN_ROLE: "access review", "Read-Only Auditor": "sampling plan"}


def lists(crew: pd.DataFrame) -> pd.DataFrame:
    """Every list in id order: key (a team list's, or ``own``), owner, name, description, shared, members [(user, role)]."""
    own = pd.DataFrame({"key": "own", "owner": crew["id"], "name": "My tasks", "description": "My own to-dos.",
                        "shared": False, "members": [[(int(u), "owner")] for u in crew["id"]]})
    rows = []
    for t in TEAM_LISTS:
        owner = first_of(crew, t.owner_jobs)
        wanted = crew["id"] if t.member_jobs is None else crew["id"][crew["job"].isin(t.member_jobs)]
        members = [(owner, "owner")] + [(int(u), "editor") for u in wanted if u != owner]
        rows.append({"key": t.key, "owner": owner, "name": t.name, "description": t.description, "shared": True,
                     "members": members})
    return pd.concat([own, pd.DataFrame(rows)], ignore_index=True)


def _frame(key, creator, assignee, title, description, created, due, priority) -> pd.DataFrame:
    n = len(created)
    return pd.DataFrame({"key": np.broadcast_to(np.asarray(key, dtype=object), n), "creator": np.broadcast_to(creator, n),
                         "assignee": np.broadcast_to(assignee, n), "title": list(title), "description": list(description),
                         "created": pd.to_datetime(pd.Series(created)).to_numpy(), "due": pd.to_datetime(pd.Series(due)).to_numpy(),
                         "priority": np.broadcast_to(priority, n)})


def task_sources(h, crew: pd.DataFrame, window) -> pd.DataFrame:
    """Every task the history gives rise to, up to the end date: list key, creator, assignee, title, description, created, due, priority."""
    end, start = window.end_ts, window.start_ts
    admin = first_of(crew, (ADMIN_ROLE,))
    accountant = first_of(crew, ("Accountant",), admin)
    manager = first_of(crew, ("Sales Manager",), admin)
    keeper = first_of(crew, ("Inventory Manager",), admin)
    names = h.clients.set_index("id")["name"]
    inv = h.invoices
    late = np.flatnonzero(was_overdue(inv["amountDue"], inv["dueDate"], inv["paid_at"], end))
    number = [document_number("invoice", i) for i in inv["id"].to_numpy()[late]]
    client = names.reindex(inv["customerId"].to_numpy()[late]).to_numpy()
    due = pd.to_datetime(inv["dueDate"].to_numpy()[late])
    parts = [_frame("collections", accountant, in_turn(crew, ("Accountant",), len(late)),
                    [f"Chase {c} for {n}" for c, n in zip(client, number)],
                    [f"{n} (${a:,.2f}) was due {d:%Y-%m-%d}; get a payment date." for n, a, d in
                     zip(number, inv["totalAmount"].to_numpy()[late], due)],
                    due + pd.Timedelta(days=1, hours=9), due + pd.Timedelta(days=7, hours=17), "high")]
    reviews = pd.date_range(start.normalize() - pd.offsets.MonthBegin(1), end, freq="MS") + pd.Timedelta(days=14, hours=9)
    reviews = reviews[(reviews >= start) & (reviews <= end)]
    parts.append(_frame("collections", accountant, admin, [f"Review the {d:%B} AR aging with accounting" for d in reviews],
                        ["Go through every invoice more than 30 days late and decide: call, hold orders or write off."] * len(reviews),
                        reviews, reviews + pd.Timedelta(days=2, hours=8), "medium"))
    o = h.orders
    big = np.flatnonzero((o["total"] >= o["total"].quantile(BIG_ORDER_QUANTILE)).to_numpy())
    when = o["shipped_at"].fillna(o["created_at"]).to_numpy()[big]
    order_number = [document_number("order", i) for i in o["id"].to_numpy()[big]]
    big_client = names.reindex(o["client_id"].to_numpy()[big]).to_numpy()
    parts.append(_frame("sales", manager, account_reps(crew, len(h.clients))[o["client_id"].to_numpy()[big] - 1],
                        [f"Thank {c} for {n} and send the new menu" for c, n in zip(big_client, order_number)],
                        [f"{n} came to ${t:,.2f}; ask {c} what sold best." for n, t, c in
                         zip(order_number, o["total"].to_numpy()[big], big_client)],
                        when, pd.to_datetime(pd.Series(when)) + pd.Timedelta(days=3), "medium"))
    lots = h.lots
    vendor = h.vendors.set_index("id")["name"].reindex(lots["vendorId"]).to_numpy()
    code = [document_number("lot", i) for i in lots["id"]]
    parts.append(_frame("receiving", keeper, in_turn(crew, ("Warehouse Staff", "Inventory Manager"), len(lots)),
                        [f"Tag and shelve {c} from {v}" for c, v in zip(code, vendor)],
                        [f"Weigh each batch of {c}, print the tags, shelve in Zone A." for c in code],
                        lots["date"], pd.to_datetime(lots["date"]) + pd.Timedelta(days=1, hours=8), "high"))
    periods = pd.date_range(start.normalize() - pd.Timedelta(days=16), end, freq="SMS") + pd.Timedelta(hours=8)
    periods = periods[(periods >= start) & (periods <= end)]
    staff = crew[crew["id"] != admin]
    p = np.repeat(periods, len(staff))
    parts.append(_frame("admin", admin, np.tile(staff["id"].to_numpy(), len(periods)),
                        [f"Submit your timesheet for the period ending {d - pd.Timedelta(days=1):%b %d}" for d in p],
                        ["Hours, overtime and any days off."] * len(p), p, p + pd.Timedelta(days=2, hours=9), "low"))
    mondays = pd.date_range(start.normalize(), end, freq="W-MON") + pd.Timedelta(hours=8)
    m = np.repeat(mondays, len(crew))
    who = np.tile(crew["id"].to_numpy(), len(mondays))
    job = np.tile(crew["job"].to_numpy(), len(mondays))
    parts.append(_frame("own", who, who, [f"Week of {d:%b %d}: {WEEKLY_PLAN.get(j, 'plan')}" for d, j in zip(m, job)],
                        ["Set the week's priorities."] * len(m), m, m + pd.Timedelta(hours=4), "medium"))
    t = pd.concat(parts, ignore_index=True)
    return t[(t["created"] >= start) & (t["created"] <= end)].sort_values("created", kind="stable").reset_index(drop=True)
