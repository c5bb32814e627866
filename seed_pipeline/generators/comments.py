"""What the team writes on the records they work on, always after the record exists.

About a quarter of orders carry a note from sales or service in the days after they were placed;
whales have a running account log; some batches get warehouse QC notes; invoices that went late
get collection notes (resolved when the money came in); past meetings, follow-ups and audits get
their minutes; each vendor a few supply notes. Content names the subject (order number, client,
batch code ...). Part of the notes were resolved a little later, by someone of the same job.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.calendar import moments_between, still_overdue, was_overdue
from seed_pipeline.business.activity.team import mention, team
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import ACCOUNTING, SALES, SERVICE, WAREHOUSE, history, sales_orders, staff
from seed_pipeline.generators._frame import table_frame

ORDER_SHARE, ORDER_DAYS = 0.25, 10  # of orders with a note, written within this many days
WHALE_NOTES = 6  # per whale, on average
BATCH_SHARE, BATCH_DAYS = 0.15, 14
LATE_PAID_SHARE = 0.4  # of invoices paid late with a collection note (all still-overdue ones have 1-3)
MINUTES_SHARE = 0.15  # of past meetings, follow-ups and audits with minutes
VENDOR_NOTES = 3
RESOLVED_SHARE, RESOLVE_DAYS = 0.5, 5
MENTION_SHARE = 0.2  # of notes that copy a colleague in, as TERP's @[name](id) mention

ORDER = ("{c} asked to deliver {o} before noon.", "{c} wants the COAs e-mailed with {o}.",
         "Called {c}: {o} confirmed as entered.", "Swapped one line on {o} at {c}'s request; totals updated.",
         "{o}: driver to call {c} 30 minutes before arrival.", "{c} asked whether {o} can ship with next week's order.")
CLIENT = ("{c} wants more indoor A next month.", "{c}'s volume is up this quarter; offer the new strains first.",
          "{c} prefers deliveries on Tuesday mornings.", "{c} has a new buyer; contact details updated.",
          "{c} asked about consignment terms for the holidays.", "Showed {c} the VIP portal; they will order there.")
BATCH = ("Moisture on {b} at 11%, within spec.", "{b} ({p}): count matches the manifest.",
         "Moved {b} to Zone B, shelf 2.", "{b}: COA received, potency matches the label.",
         "Pulled a sample from {b} for the sales team.")
INVOICE = ("Called {c} about {i}: promised payment by Friday.", "Left a voicemail with {c}'s AP about {i}.",
           "Sent {c} a statement with {i} highlighted.", "{c} says the payment for {i} is on its way.",
           "{c} disputes part of {i}; sent the signed manifest.")
EVENT = ("Minutes of '{t}': agreed next steps, see the account file.", "'{t}' done, nothing left open.",
         "'{t}': two points to follow up next time.")
VENDOR = ("{v} delivered on time; quality steady.", "Asked {v} for next month's availability list.",
          "{v} will send COAs with the manifest from now on.")


def _part(rng, kind, ids, earliest, latest, users, jobs, templates, **names) -> pd.DataFrame:
    """Notes on rows ``ids`` of one subject type, each between its two moments, text from a template."""
    n = len(ids)
    pick = rng.integers(len(templates), size=n)
    content = [templates[k].format(**{key: v[i] for key, v in names.items()}) for i, k in enumerate(pick)]
    return pd.DataFrame({"type": kind, "id": np.asarray(ids), "at": moments_between(rng, earliest, latest).to_numpy(),
                         "user": staff(users, jobs, n, rng), "resolver": staff(users, jobs, n, rng), "content": content})


def _with_mentions(rng, content: pd.Series, authors: np.ndarray, crew: pd.DataFrame) -> list[str]:
    """A share of notes copy in a colleague (the team in turn, never the author), in TERP's mention format."""
    chosen = np.flatnonzero(rng.random(len(content)) < MENTION_SHARE)
    ids, names = crew["id"].to_numpy(), crew["name"].to_numpy()
    turn = (int(rng.integers(len(ids))) + np.arange(len(chosen))) % len(ids)
    turn = np.where(ids[turn] == authors[chosen], (turn + 1) % len(ids), turn)
    text = content.to_numpy(dtype=object).copy()
    text[chosen] = [f"{t} cc {mention(names[k], ids[k])}" for t, k in zip(text[chosen], turn)]
    return list(text)


@generates("comments")
def generate(ctx, parents):
    h, rng, end = history(ctx), ctx.rng, ctx.window.end_ts
    users, clients, orders, invoices = parents["users"], parents["clients"], sales_orders(parents["orders"]), parents["invoices"]
    client_name = clients["name"].to_numpy()
    parts = []

    o = np.flatnonzero(rng.random(len(orders)) < ORDER_SHARE)
    at = orders["created_at"].iloc[o]
    parts.append(_part(rng, "order", orders["id"].iloc[o], at, (at + pd.Timedelta(days=ORDER_DAYS)).clip(upper=end),
                       users, SALES | SERVICE, ORDER, o=orders["order_number"].to_numpy()[o],
                       c=client_name[h.orders["client_id"].to_numpy()[o] - 1]))

    w = np.flatnonzero(h.clients["whale"].to_numpy()).repeat(1 + rng.poisson(WHALE_NOTES - 1, int(h.clients["whale"].sum())))
    parts.append(_part(rng, "client", clients["id"].to_numpy()[w], clients["created_at"].to_numpy()[w], [end] * len(w),
                       users, SALES, CLIENT, c=client_name[w]))

    b = np.flatnonzero(rng.random(len(parents["batches"])) < BATCH_SHARE)
    at = parents["batches"]["createdAt"].iloc[b]
    product = h.products["nameCanonical"].to_numpy()[h.batches["productId"].to_numpy()[b] - 1]
    parts.append(_part(rng, "batch", parents["batches"]["id"].iloc[b], at, (at + pd.Timedelta(days=BATCH_DAYS)).clip(upper=end),
                       users, WAREHOUSE, BATCH, b=parents["batches"]["code"].to_numpy()[b], p=product))

    inv = h.invoices
    open_late = still_overdue(inv["amountDue"], inv["dueDate"], end)
    late = was_overdue(inv["amountDue"], inv["dueDate"], inv["paid_at"], end)
    count = np.where(open_late, rng.integers(1, 4, len(inv)), late & (rng.random(len(inv)) < LATE_PAID_SHARE))
    i = np.arange(len(inv)).repeat(count)
    after_due = np.maximum(inv["dueDate"].to_numpy()[i] + np.timedelta64(1, "D"), invoices["createdAt"].to_numpy()[i])
    paid = np.maximum(inv["paid_at"].to_numpy()[i], invoices["createdAt"].to_numpy()[i])  # NaT stays NaT
    settled = np.where(pd.isna(paid), np.datetime64(end), paid)
    invoice_part = _part(rng, "invoice", invoices["id"].to_numpy()[i], after_due, settled, users, ACCOUNTING, INVOICE,
                         c=client_name[inv["customerId"].to_numpy()[i] - 1], i=invoices["invoiceNumber"].to_numpy()[i])
    invoice_part["settled"] = pd.Series(paid).to_numpy()  # resolved when paid
    parts.append(invoice_part)

    e = parents["calendar_events"]
    past = (e["status"] == "COMPLETED") & e["event_type"].isin(["MEETING", "FOLLOW_UP", "AUDIT"])
    m = np.flatnonzero(past.to_numpy() & (rng.random(len(e)) < MINUTES_SHARE))
    ended = pd.Series(e["updated_at"].to_numpy()[m])
    parts.append(_part(rng, "calendar_event", e["id"].to_numpy()[m], ended, (ended + pd.Timedelta(days=2)).clip(upper=end),
                       users, SALES | ACCOUNTING | WAREHOUSE, EVENT, t=e["title"].to_numpy()[m]))
    parts[-1]["user"] = e["assigned_to"].fillna(e["created_by"]).to_numpy(np.int64)[m]

    v = np.arange(len(parents["vendors"])).repeat(VENDOR_NOTES)
    parts.append(_part(rng, "vendor", parents["vendors"]["id"].to_numpy()[v], parents["vendors"]["createdAt"].to_numpy()[v],
                       [end] * len(v), users, WAREHOUSE, VENDOR, v=parents["vendors"]["name"].to_numpy()[v]))

    c = pd.concat(parts, ignore_index=True)
    joined = users.set_index("id")["createdAt"]
    c["at"] = pd.concat([c["at"], c["user"].map(joined), c["resolver"].map(joined)], axis=1).max(axis=1)
    c = c.sort_values("at", kind="stable").reset_index(drop=True)
    settled = pd.to_datetime(c["settled"])
    later = moments_between(rng, c["at"], (c["at"] + pd.Timedelta(days=RESOLVE_DAYS)).clip(upper=end))
    resolved_at = settled.where(c["type"] == "invoice", later.where(rng.random(len(c)) < RESOLVED_SHARE))
    resolved_at = resolved_at.where(resolved_at >= c["at"])
    resolved = resolved_at.notna()
    return table_frame(ctx, {
        "commentable_type": c["type"], "commentable_id": c["id"], "user_id": c["user"],
        "content": _with_mentions(rng, c["content"], c["user"].to_numpy(), team(users)),
        "is_resolved": resolved.to_numpy(), "resolved_at": resolved_at,
        "resolved_by": pd.array(np.where(resolved, c["resolver"], None), dtype="Int64"),
        "created_at": c["at"], "updated_at": resolved_at.fillna(c["at"]),
    })
