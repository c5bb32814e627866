"""Sales sheets sent to clients, the templates they were built from and how those changed.

A sheet goes out a few days before some orders: the batches on the shelf at that moment in the
classes of goods the order then bought (and a few more), each priced by the client's profile as
TERP's sales-sheet screen prices it (unit cost through the profile's rules). Clients with several
sheets get a template whose versions follow their sheets: each version is the selection of one
sheet, and says what was added and removed since the one before.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.commercial.goods import between
from seed_pipeline.business.commercial.shelf import Shelf, class_of
from seed_pipeline.business.history import CoreHistory

SHEET_SHARE = 0.07  # of orders preceded by a sales sheet
LEAD_DAYS = 5
MAX_ITEMS = 8
MAX_VERSIONS = 4
VERSION_LEAD = pd.Timedelta(minutes=5)  # a template version is saved just before the sheet it made
TEMPLATE_EXPIRY_SHARE = 0.2  # templates given an expiry date, which may have passed


def sheets(shelf: Shelf, rng: np.random.Generator) -> pd.DataFrame:
    """One sheet before a share of the orders, with the items on the shelf then."""
    h, goods = shelf.h, shelf.goods
    o = h.orders
    clients = h.clients.set_index("id")
    k = max(int(clients["is_buyer"].sum()), round(SHEET_SHARE * len(o)))
    picked = o.iloc[np.sort(rng.choice(len(o), min(k, len(o)), replace=False))]
    at = picked["created_at"].to_numpy().astype("datetime64[s]")
    born = clients["created_at"].reindex(picked["client_id"]).to_numpy().astype("datetime64[s]")
    first_arrival = goods["arrived"].min().to_datetime64().astype("datetime64[s]")
    earliest = np.maximum.reduce([born + np.timedelta64(1, "h"), at - np.timedelta64(LEAD_DAYS, "D"), np.full(len(at), first_arrival)])
    sent = between(rng, earliest, at - np.timedelta64(30, "m"))
    rows = []
    lines = h.lines[h.lines["order_id"].isin(picked["id"])]
    classes = pd.Series(class_of(lines["line"], lines["grade"])).groupby(lines["order_id"].to_numpy()).agg(list)
    for order, client, moment in zip(picked["id"], picked["client_id"], pd.to_datetime(sent)):
        items = shelf.on_shelf(moment, classes[order], MAX_ITEMS, rng)
        if len(items):
            rows.append((int(client), moment, int(order), items))
    out = pd.DataFrame(rows, columns=["client_id", "created_at", "order_id", "batches"])
    out["items"] = shelf.priced(list(out["batches"]), out["client_id"], out["created_at"])
    out = out.sort_values("created_at", kind="stable", ignore_index=True)
    out.insert(0, "id", np.arange(1, len(out) + 1))
    return out


def _changes(before: list[dict], after: list[dict]) -> str:
    old = {i["batch"]: i for i in before}
    new = {i["batch"]: i for i in after}
    added = [new[b]["product"] for b in new if b not in old]
    removed = [old[b]["product"] for b in old if b not in new]
    repriced = [f"{new[b]['product']} ${old[b]['retailPrice']:,.2f} -> ${new[b]['retailPrice']:,.2f}"
                for b in new if b in old and new[b]["retailPrice"] != old[b]["retailPrice"]]
    parts = ([f"Added {', '.join(added)}"] if added else []) + ([f"Removed {', '.join(removed)}"] if removed else [])
    parts += [f"Repriced {', '.join(repriced)}"] if repriced else []
    return "; ".join(parts) or "Refreshed quantities"


def templates(h: CoreHistory, sheet_frame: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A template for each client with two sheets or more, and one version per sheet (the last few)."""
    end = np.datetime64(h.window.end_ts, "s")
    counts = sheet_frame.groupby("client_id").size()
    owners = counts[counts >= 2].index.to_numpy()
    versions, temps = [], []
    for t, client in enumerate(owners, start=1):
        mine = sheet_frame[sheet_frame["client_id"] == client].tail(MAX_VERSIONS)
        previous = None
        for v, (sheet_id, at, items) in enumerate(zip(mine["id"], mine["created_at"], mine["items"]), start=1):
            made = at - VERSION_LEAD
            versions.append((t, v, made, items, "Created from the sales sheet" if previous is None else _changes(previous, items)))
            previous = items
        created = versions[-len(mine)][2]
        temps.append((t, int(client), created, mine["created_at"].iloc[-1], previous, len(mine), mine["id"].to_numpy()))
    tf = pd.DataFrame(temps, columns=["id", "client_id", "created_at", "last_used_at", "items", "current_version", "sheets"])
    expiring = rng.random(len(tf)) < TEMPLATE_EXPIRY_SHARE
    expiry = tf["last_used_at"] + pd.to_timedelta(rng.integers(7, 60, len(tf)), unit="D")
    tf["expiration_date"] = expiry.where(expiring)
    tf["is_active"] = np.where(expiring & (expiry.to_numpy() < end), 0, 1)
    vf = pd.DataFrame(versions, columns=["template_id", "versionNumber", "created_at", "items", "changes"])
    vf.insert(0, "id", np.arange(1, len(vf) + 1))
    return tf, vf
