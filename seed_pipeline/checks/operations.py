"""Rules of the warehouse: status histories that lead to the status, stock that replays, shelves for all stock.

Each rule fetches the few columns it needs and replays them in pandas (SQLite returns dates as
text, quantities are text in TERP). The rules read TERP's tables, not the simulation that made
them: the transition table is TERP's own, the replay is a running sum, the shelves the
``locations`` table. Rows breaking a rule in several ways are counted once.
"""

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.operations.workflow import SELLABLE, TRANSITIONS
from seed_pipeline.checks import operations_audit
from seed_pipeline.checks.violations import QTY, fetch_frame, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
batches, history, statuses, movements = T["batches"], T["batch_status_history"], T["workflow_statuses"], T["inventoryMovements"]
shelves, places, lines, orders = T["batchLocations"], T["locations"], T["order_line_items"], T["orders"]


def _last_second(as_of: date) -> pd.Timestamp:
    return pd.Timestamp(as_of) + pd.Timedelta(hours=23, minutes=59, seconds=59)


def _status_history(conn) -> pd.DataFrame:
    slug = {i: s.upper() for i, s in conn.execute(sa.select(statuses.c.id, statuses.c.slug))}
    h = fetch_frame(conn, sa.select(history.c.id, history.c.batchId, history.c.fromStatusId, history.c.toStatusId,
                                    history.c.createdAt))
    h["from"], h["to"], h["at"] = h["fromStatusId"].map(slug), h["toStatusId"].map(slug), moments(h["createdAt"])
    return h.sort_values(["batchId", "at", "id"], kind="stable", ignore_index=True)


def status_history_leads_to_the_status(conn, as_of) -> int:
    """A batch's status history starts AWAITING_INTAKE when it was received, moves only along TERP's
    transitions, lies between its intake and the end date, and ends in the batch's status."""
    h = _status_history(conn)
    b = fetch_frame(conn, sa.select(batches.c.id, batches.c.batchStatus, batches.c.createdAt))
    created = pd.Series(moments(b["createdAt"]).to_numpy(), index=b["id"])
    prev = h.groupby("batchId")["to"].shift(1)
    first = prev.isna()
    allowed = np.array([f is None or f != f or t in TRANSITIONS.get(f, ()) for f, t in zip(h["from"], h["to"])])
    wrong = ~allowed | (first & ((h["to"] != "AWAITING_INTAKE") | h["from"].notna()))
    wrong |= ~first & (h["from"] != prev)
    wrong |= (h["at"] < created.reindex(h["batchId"]).to_numpy()) | (h["at"] > _last_second(as_of))
    bad = set(h["batchId"][wrong])
    last = h.groupby("batchId")["to"].last()
    ends = last.reindex(b["id"]).to_numpy()
    bad |= set(b["id"][ends != b["batchStatus"].to_numpy()])
    return len(bad)


def sold_only_while_sellable(conn, as_of) -> int:
    """An order line sells from a batch that was LIVE or PHOTOGRAPHY_COMPLETE when the order was placed."""
    h = _status_history(conn)
    s = fetch_frame(conn, sa.select(lines.c.id, lines.c.batch_id, orders.c.created_at)
                    .select_from(lines.join(orders, orders.c.id == lines.c.order_id)))
    s["at"] = moments(s["created_at"])
    then = pd.merge_asof(s.sort_values("at"), h[["batchId", "at", "to"]].sort_values("at"), on="at",
                         left_by="batch_id", right_by="batchId")
    return int((~then["to"].isin(SELLABLE)).sum())


def movements_replay_to_on_hand(conn, as_of) -> int:
    """Replaying a batch's movements in time order, each starts where the last ended, none goes below
    zero, and the last ends at the batch's on hand; its sales are its order lines."""
    m = fetch_frame(conn, sa.select(movements.c.id, movements.c.batchId, movements.c.inventoryMovementType,
                                    movements.c.quantityChange, movements.c.quantityBefore, movements.c.quantityAfter,
                                    movements.c.createdAt))
    m = m.assign(at=moments(m["createdAt"])).sort_values(["batchId", "at", "id"], kind="stable", ignore_index=True)
    change, before, after = (m[c].astype(float) for c in ("quantityChange", "quantityBefore", "quantityAfter"))
    expected_before = after.groupby(m["batchId"]).shift(1).fillna(0.0)
    wrong = ((before - expected_before).abs() > QTY) | ((before + change - after).abs() > QTY) | (after < -QTY)
    bad = set(m["batchId"][wrong])
    b = fetch_frame(conn, sa.select(batches.c.id, batches.c.onHandQty))
    last = after.groupby(m["batchId"]).last().reindex(b["id"]).fillna(np.inf)
    bad |= set(b["id"][np.abs(last.to_numpy() - b["onHandQty"].astype(float).to_numpy()) > QTY])
    sold = fetch_frame(conn, sa.select(lines.c.batch_id, sa.func.sum(lines.c.quantity).label("q")).group_by(lines.c.batch_id))
    moved = -change[m["inventoryMovementType"] == "SALE"].groupby(m["batchId"]).sum()
    sold = sold.set_index("batch_id")["q"].astype(float)
    both = pd.concat([sold, moved], axis=1).fillna(0.0)
    bad |= set(both.index[(both.iloc[:, 0] - both.iloc[:, 1]).abs() > QTY])
    return len(bad)


def every_batch_with_stock_is_on_a_shelf(conn, as_of) -> int:
    """Every batch with stock is in one or more of the warehouse's locations, holding all of its stock."""
    b = fetch_frame(conn, sa.select(batches.c.id, batches.c.onHandQty))
    s = fetch_frame(conn, sa.select(shelves.c.batchId, shelves.c.qty, shelves.c.site, shelves.c.zone, shelves.c.rack,
                                    shelves.c.shelf, shelves.c.bin))
    known = {tuple(r) for r in conn.execute(sa.select(places.c.site, places.c.zone, places.c.rack, places.c.shelf, places.c.bin))}
    nowhere = [tuple(r) not in known for r in s[["site", "zone", "rack", "shelf", "bin"]].itertuples(index=False)]
    held = s["qty"].astype(float).groupby(s["batchId"]).sum().reindex(b["id"]).fillna(0.0).to_numpy()
    off = np.abs(held - b["onHandQty"].astype(float).to_numpy()) > QTY
    return len(set(b["id"][off]) | set(s["batchId"][np.array(nowhere, dtype=bool)]))


RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    f.__name__: f for f in (status_history_leads_to_the_status, sold_only_while_sellable, movements_replay_to_on_hand,
                            every_batch_with_stock_is_on_a_shelf)
} | operations_audit.RULES

HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "status_history_leads_to_the_status": ("batch_status_history", ("batches", "workflow_statuses")),
    "sold_only_while_sellable": ("batch_status_history", ("order_line_items", "orders", "workflow_statuses")),
    "movements_replay_to_on_hand": ("inventoryMovements", ("batches", "order_line_items")),
    "every_batch_with_stock_is_on_a_shelf": ("batchLocations", ("batches", "locations")),
} | operations_audit.HOMES
