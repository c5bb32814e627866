"""The notes the team keeps, written from what they are about, computed once for freeform_notes and
client_notes (which pairs each buying client with its account note by position).

Each buying client has an account note by its rep, opened the day after the client's first order
(or its creation), shared with the sales manager; each person keeps a working note of their job;
the admin writes the minutes of every weekly team meeting.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.team import account_reps, first_of

JOB_NOTES = {  # job -> (title, paragraphs), each paragraph may name the month
    "Super Admin": ("Access and setup", ("New accounts get their job's role; overrides only with the owner's OK.",
                                         "Close of {month} needs my sign-off.")),
    "Owner/Executive": ("Priorities {month}", ("Grow the whales' share without raising overdue AR.", "Review margins by grow type.")),
    "Sales Manager": ("Sales plan {month}", ("Every whale gets a monthly review.", "Follow up every order in the top 10%.")),
    "Sales Rep": ("Call list {month}", ("Call accounts that have not ordered in three weeks.", "Push the new strains first.")),
    "Accountant": ("{month} close checklist", ("Reconcile the bank statement.", "Chase invoices more than 7 days late.",
                                               "Post vendor bills for consigned sales.")),
    "Inventory Manager": ("Receiving rules", ("Weigh and tag every batch on arrival.", "COAs before anything is listed.")),
    "Warehouse Staff": ("Dock checklist", ("Check manifests against the load.", "Photograph damaged cases before signing.")),
    "Customer Service": ("Returns playbook", ("Log the reason on the return.", "Offer a replacement before a refund.")),
    "Read-Only Auditor": ("Audit trail {month}", ("Sample ten orders against invoices and payments.",)),
}


def doc(paragraphs) -> dict:
    """A Tiptap document of plain paragraphs, as TERP's notes editor stores it."""
    return {"type": "doc", "content": [{"type": "paragraph", "content": [{"type": "text", "text": p}]} for p in paragraphs]}


def account_clients(h) -> pd.DataFrame:
    """The buying clients, in the history's order: the clients with an account note."""
    return h.clients[h.clients["is_buyer"].to_numpy()].reset_index(drop=True)


def account_notes(h, crew: pd.DataFrame) -> pd.DataFrame:
    """One note per buying client (``account_clients`` order): author, opened, title, text, tags, shared with."""
    c = account_clients(h)
    local = c["id"].to_numpy()
    reps = account_reps(crew, len(h.clients))[local - 1]
    manager = first_of(crew, ("Sales Manager",))
    first_order = h.orders.groupby("client_id")["created_at"].min().reindex(local).to_numpy()
    opened = pd.Series(np.where(pd.isna(first_order), c["created_at"].to_numpy(), first_order)) + pd.Timedelta(days=1)
    opened = opened.dt.normalize() + pd.Timedelta(hours=17)
    text = [(f"{n}: {'key account' if w else 'account'} since {d:%B %Y}.",
             f"Spent ${s:,.0f} with us so far; owes ${o:,.0f}.",
             "Visit monthly; bring the new menu." if w else "Check in after each order.")
            for n, w, d, s, o in zip(c["name"], c["whale"], c["created_at"], c["total_spent"], c["total_owed"])]
    return pd.DataFrame({"client": local, "author": reps, "opened": opened, "title": [f"Account notes: {n}" for n in c["name"]],
                         "text": text, "tags": [["client", "key-account"] if w else ["client"] for w in c["whale"]],
                         "shared": [[int(manager)] if r != manager else [] for r in reps], "pinned": c["whale"].to_numpy()})
