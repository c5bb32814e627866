"""Each batch's path through TERP's workflow statuses, derived from when it arrived, sold and came back.

A batch arrives AWAITING_INTAKE and goes LIVE after inspection, before its first sale; some flower
is photographed a few days later (PHOTOGRAPHY_COMPLETE; one batch with stock always, left so at the end). Holds and quarantines fall only where no
sale happened: in a quiet spell between two sales (then back to LIVE), after the last sale (still
held at the end date), or at intake for stock never sold (failed inspection). A batch whose stock
ran out is SOLD_OUT at its last sale, and the older ones are CLOSED after a final count. The newest
unsold stock is still in the intake queue at the end date. Transitions are TERP's own
(``inventoryUtils.VALID_TRANSITIONS``); only LIVE and PHOTOGRAPHY_COMPLETE batches are sold from.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.rules import FLOWER_UNIT

SELLABLE = ("LIVE", "PHOTOGRAPHY_COMPLETE")
TRANSITIONS = {  # TERP's server/inventoryUtils.ts
    "AWAITING_INTAKE": ("LIVE", "QUARANTINED"),
    "LIVE": ("PHOTOGRAPHY_COMPLETE", "ON_HOLD", "QUARANTINED", "SOLD_OUT"),
    "PHOTOGRAPHY_COMPLETE": ("LIVE", "ON_HOLD", "QUARANTINED", "SOLD_OUT"),
    "ON_HOLD": ("LIVE", "QUARANTINED"),
    "QUARANTINED": ("LIVE", "ON_HOLD", "CLOSED"),
    "SOLD_OUT": ("CLOSED",),
    "CLOSED": (),
}
INTAKE_HOURS = (1, 8)  # arrival to LIVE, kept before the first sale
RECENT_INTAKE_DAYS = 2  # unsold stock that arrived this close to the end is still in the intake queue
PHOTO_SHARE, PHOTO_DAYS = 0.3, (1, 4)  # of flower batches, working days after going live
HELD_AT_END, QUARANTINED_AT_END = 0.04, 0.03  # of batches with stock (at least one each)
PAST_HOLD_SHARE, PAST_HOLD_GAP_DAYS = 0.15, 4  # of batches with a quiet spell this long between two sales
CLOSED_SHARE, CLOSE_DAYS = 0.5, (3, 21)  # of sold-out batches, the longest sold out; closed this long after
WAREHOUSE, MANAGER = "warehouse", "manager"  # who changes a status: staff on the floor, or the inventory manager

HOLD_REASONS = ("Held pending a COA re-test", "Held for a price review", "Held: moisture re-check requested",
                "Held: client dispute over a delivered lot from this batch")
QUARANTINE_REASONS = ("Quarantined: lab flagged pesticide residue, re-test ordered",
                      "Quarantined: mold spots found on the inspection sample")


def _one_each(rng: np.random.Generator, pool: np.ndarray, share: float) -> np.ndarray:
    """``share`` of the pool (rows of a mask), at least one when the pool has any: the state is always there."""
    k = min(len(pool), max(1, int(round(share * len(pool)))))
    return np.sort(rng.choice(pool, k, replace=False)) if k else pool[:0]


def _between(rng: np.random.Generator, start, stop) -> np.ndarray:
    """A moment strictly inside each (start, stop) span, to the second."""
    start, stop = np.asarray(start, "datetime64[s]"), np.asarray(stop, "datetime64[s]")
    span = (stop - start).astype(np.int64)
    return start + np.maximum(1, (rng.uniform(0.1, 0.9, len(start)) * span).astype(np.int64)).astype("timedelta64[s]")


def batch_workflow(batches: pd.DataFrame, lines: pd.DataFrame, orders: pd.DataFrame, returns: pd.DataFrame,
                   lots: pd.DataFrame, vendors: pd.DataFrame, end_ts: pd.Timestamp,
                   rng: np.random.Generator) -> pd.DataFrame:
    """Every status change of every batch in time order: batch (row of ``batches``), from, to, at, by, notes."""
    n = len(batches)
    end = np.datetime64(end_ts, "s")
    arrived = batches["arrived"].to_numpy("datetime64[s]")
    sale_at = orders.set_index("id")["created_at"].reindex(lines["order_id"]).to_numpy("datetime64[s]")
    sales = pd.DataFrame({"batch": lines["batch"].to_numpy(), "at": sale_at, "order": lines["order_id"].to_numpy()})
    sales = sales.sort_values(["batch", "at"], kind="stable")
    per = sales.groupby("batch")["at"]
    first = per.min().reindex(range(n)).to_numpy("datetime64[s]")
    last = per.max().reindex(range(n)).to_numpy("datetime64[s]")
    last_order = sales.groupby("batch")["order"].last().reindex(range(n))
    back = returns.groupby("batch")["processed_at"].max().reindex(range(n)).to_numpy("datetime64[s]")
    sold = ~np.isnat(first)
    stock = (batches["on_hand"] > 0).to_numpy()

    # the intake queue at the end: the newest unsold stock (always at least the last unsold batch)
    unsold = np.flatnonzero(~sold & stock)
    awaiting = np.zeros(n, bool)
    awaiting[unsold[arrived[unsold] >= end - np.timedelta64(RECENT_INTAKE_DAYS, "D")]] = True
    if len(unsold):
        awaiting[unsold[np.argmax(arrived[unsold])]] = True

    inspect = arrived + (rng.uniform(*INTAKE_HOURS, n) * 3600).astype("timedelta64[s]")
    inspect = np.where(sold, np.minimum(inspect, arrived + (first - arrived) // 2), inspect)
    inspect = np.maximum(np.minimum(inspect, end), arrived + np.timedelta64(1, "s"))
    quarantined = np.zeros(n, bool)  # failed inspection, never sold
    quarantined[_one_each(rng, np.flatnonzero(~sold & stock & ~awaiting), QUARANTINED_AT_END)] = True

    flower = (batches["unit"] == FLOWER_UNIT).to_numpy()
    photo_at = (hours.working_day_offset(inspect, rng.integers(*PHOTO_DAYS, n)).to_numpy()  # at the bench on working days
                + (rng.integers(9 * 4, 16 * 4, n) * 15).astype("timedelta64[m]")).astype("datetime64[s]")
    busy_until = np.where(sold, last, inspect)  # no status change while a batch is selling out
    can_shoot = flower & ~awaiting & ~quarantined & (photo_at > inspect) & (photo_at < end) & (stock | (photo_at < busy_until))
    photographed = can_shoot & (rng.random(n) < PHOTO_SHARE)
    # one photographed batch with stock is left alone (no hold after it), so PHOTOGRAPHY_COMPLETE is there at the end
    shown = [int(b) for b in (np.flatnonzero(photographed & stock) if (photographed & stock).any()
                              else np.flatnonzero(can_shoot & stock))[-1:]]
    photographed[shown] = True

    # a past hold (or quarantine for a re-test) in the longest quiet spell between two sales
    gaps = sales.assign(prev=per.shift(1)).dropna(subset=["prev"])
    gaps = gaps.assign(gap=gaps["at"] - gaps["prev"]).sort_values("gap", kind="stable").groupby("batch").tail(1)
    gaps = gaps[gaps["gap"] >= pd.Timedelta(days=PAST_HOLD_GAP_DAYS)]
    after_photo = np.where(photographed, photo_at, inspect)
    gaps = gaps[gaps["prev"].to_numpy("datetime64[s]") > after_photo[gaps["batch"].to_numpy()]]
    gaps = gaps[(rng.random(len(gaps)) < PAST_HOLD_SHARE) & ~gaps["batch"].isin(shown).to_numpy()]

    soldout = np.flatnonzero(~stock)
    sold_out_at = np.minimum(np.where(sold, last, inspect) + np.timedelta64(60, "s"), end)  # or nothing left after samples
    closed = np.zeros(n, bool)
    if len(soldout) >= 2:
        k = max(1, int(round(CLOSED_SHARE * len(soldout))))
        closed[soldout[np.argsort(sold_out_at[soldout], kind="stable")[:k]]] = True
    close_at = np.minimum(sold_out_at + rng.integers(*CLOSE_DAYS, n).astype("timedelta64[D]"), end)

    settled = np.maximum.reduce([np.where(sold, last, inspect), np.where(np.isnat(back), inspect, back),
                                 np.where(photographed, photo_at, inspect)])
    pool = np.setdiff1d(np.flatnonzero(stock & sold & ~awaiting & ~quarantined & (settled < end)), shown)
    held = _one_each(rng, pool, HELD_AT_END)
    stopped = np.full(n, None, dtype=object)  # held or quarantined after the last sale, still so at the end
    stopped[held] = "ON_HOLD"
    if not quarantined.any():  # no never-sold stock failed inspection: one batch is quarantined after its sales
        stopped[np.setdiff1d(pool, held)[:1]] = "QUARANTINED"

    code = np.array([document_number("lot", i) for i in lots["id"]], dtype=object)[batches["lotId"].to_numpy() - 1]
    vendor = vendors["name"].to_numpy()[lots["vendorId"].to_numpy()[batches["lotId"].to_numpy() - 1] - 1]
    rows = [pd.DataFrame({"batch": np.arange(n), "from": None, "to": "AWAITING_INTAKE", "at": arrived, "by": WAREHOUSE,
                          "notes": [f"Received with {c} from {v}" for c, v in zip(code, vendor)]})]
    b = np.flatnonzero(~awaiting)
    rows.append(pd.DataFrame({"batch": b, "from": "AWAITING_INTAKE", "to": np.where(quarantined[b], "QUARANTINED", "LIVE"),
                              "at": inspect[b], "by": np.where(quarantined[b], MANAGER, WAREHOUSE),
                              "notes": np.where(quarantined[b], rng.choice(QUARANTINE_REASONS, len(b)),
                                                "Passed intake inspection; shelved")}))
    b = np.flatnonzero(photographed)
    rows.append(pd.DataFrame({"batch": b, "from": "LIVE", "to": "PHOTOGRAPHY_COMPLETE", "at": photo_at[b],
                              "by": WAREHOUSE, "notes": "Photographed for the catalog"}))
    g = gaps["batch"].to_numpy()
    start = _between(rng, gaps["prev"].to_numpy("datetime64[s]"), gaps["at"].to_numpy("datetime64[s]"))
    stop = _between(rng, start, gaps["at"].to_numpy("datetime64[s]"))
    kind = np.where(rng.random(len(g)) < 0.7, "ON_HOLD", "QUARANTINED")
    was = np.where(photographed[g], "PHOTOGRAPHY_COMPLETE", "LIVE")
    rows.append(pd.DataFrame({"batch": g, "from": was, "to": kind, "at": start, "by": MANAGER,
                              "notes": np.where(kind == "ON_HOLD", rng.choice(HOLD_REASONS, len(g)),
                                                rng.choice(QUARANTINE_REASONS, len(g)))}))
    rows.append(pd.DataFrame({"batch": g, "from": kind, "to": "LIVE", "at": stop, "by": MANAGER,
                              "notes": "Released: re-check passed, back on sale"}))
    current = np.where(photographed, "PHOTOGRAPHY_COMPLETE", "LIVE")
    current[g] = "LIVE"
    b = np.flatnonzero(pd.notna(stopped))
    rows.append(pd.DataFrame({"batch": b, "from": current[b], "to": stopped[b], "at": _between(rng, settled[b], [end] * len(b)),
                              "by": MANAGER, "notes": np.where(stopped[b] == "ON_HOLD", rng.choice(HOLD_REASONS, len(b)),
                                                               rng.choice(QUARANTINE_REASONS, len(b)))}))
    b = soldout
    rows.append(pd.DataFrame({"batch": b, "from": current[b], "to": "SOLD_OUT", "at": sold_out_at[b], "by": WAREHOUSE,
                              "notes": [f"Last of the stock sold on {document_number('order', int(o))}" if o == o
                                        else "Nothing left once the samples were pulled" for o in last_order.iloc[b]]}))
    b = np.flatnonzero(closed)
    rows.append(pd.DataFrame({"batch": b, "from": "SOLD_OUT", "to": "CLOSED", "at": np.maximum(close_at[b], sold_out_at[b] + np.timedelta64(1, "s")),
                              "by": MANAGER, "notes": "Closed after the final count: nothing left on the shelf"}))
    out = pd.concat(rows, ignore_index=True)
    out["at"] = pd.to_datetime(out["at"]).astype("datetime64[s]")
    return out.sort_values(["at", "batch"], kind="stable", ignore_index=True)


def current_status(workflow: pd.DataFrame, n: int) -> np.ndarray:
    """Each batch's status at the end date: the last one its history reached."""
    last = workflow.sort_values("at", kind="stable").groupby("batch")["to"].last()
    return last.reindex(range(n)).to_numpy(dtype=object)
