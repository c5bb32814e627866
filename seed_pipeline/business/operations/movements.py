"""Every change of a batch's stock, and where its stock sits in the warehouse at the end date.

The movements are the core history's stock events, each on its own date: the intake of the lot
(+received), the samples pulled at intake, each order line (-quantity, when the order was placed)
and each return (+quantity). Beside them, movements that leave the count unchanged: a transfer of
part of a batch to a second shelf, and a cycle count that came up short and was corrected when the
stock was found. Replaying a batch's movements gives its on-hand quantity at every date, and the
end date's on hand is the batch's ``on_hand``. The locations are the warehouse's nine places.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import LOCATIONS, ZONES, document_number
from seed_pipeline.business.rules import FLOWER_UNIT, in_trade_units, trade_step

SAMPLE_MINUTES = (10, 60)  # samples are pulled this long after the goods arrive
SPLIT_SHARE = 0.25  # of batches with stock kept on two shelves (a transfer moved part of it)
RECOUNT_SHARE, RECOUNT_SHORT = 0.05, (0.02, 0.1)  # of batches with a short count later found again
ZONE_OF_LINE = {"indoor": ZONES[0], "greenhouse": ZONES[1], "outdoor": ZONES[1]}  # non-flower goods: ZONES[2]
SLOTS_PER_ZONE = len(LOCATIONS) // len(ZONES)
WAREHOUSE, SALES, SERVICE = "warehouse", "sales", "service"


def _at(values) -> np.ndarray:
    return pd.to_datetime(pd.Series(np.asarray(values))).to_numpy("datetime64[s]")


def places(batches: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Each batch's shelf and, for split batches, a second shelf in the same zone (-1: none); rows of LOCATIONS."""
    n = len(batches)
    zone = np.array([ZONES.index(ZONE_OF_LINE.get(line, ZONES[2])) for line in batches["line"]])
    slot = rng.integers(0, SLOTS_PER_ZONE, n)
    other = (slot + rng.integers(1, SLOTS_PER_ZONE, n)) % SLOTS_PER_ZONE
    whole = (batches["unit"] != FLOWER_UNIT).to_numpy()
    splittable = batches["on_hand"].to_numpy() >= 2 * trade_step(whole)
    split = splittable & (rng.random(n) < SPLIT_SHARE)
    return zone * SLOTS_PER_ZONE + slot, np.where(split, zone * SLOTS_PER_ZONE + other, -1)


def _split_quantity(on_hand: np.ndarray, whole: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The part moved to the second shelf: some of the stock, never all of it."""
    part = on_hand * rng.uniform(0.2, 0.5, len(on_hand))
    return np.maximum(in_trade_units(part, whole), trade_step(whole))


def stock_movements(batches: pd.DataFrame, lines: pd.DataFrame, orders: pd.DataFrame, returns: pd.DataFrame,
                    lots: pd.DataFrame, workflow: pd.DataFrame, second: np.ndarray, end_ts: pd.Timestamp,
                    rng: np.random.Generator) -> pd.DataFrame:
    """Movements of every batch in time order: batch, type, change, before, after, reference, reason, by, notes, at."""
    n = len(batches)
    whole = (batches["unit"] != FLOWER_UNIT).to_numpy()
    arrived = _at(batches["arrived"])
    lot = batches["lotId"].to_numpy()
    lot_code = np.array([document_number("lot", i) for i in lots["id"]], dtype=object)[lot - 1]
    live = workflow[workflow["from"] == "AWAITING_INTAKE"].set_index("batch")["at"].reindex(range(n))
    shelved = _at(live.fillna(pd.Series(arrived)).to_numpy())
    order_at = orders.set_index("id")["created_at"].reindex(lines["order_id"]).to_numpy("datetime64[s]")
    sampled = batches["sampled"].to_numpy() > 0
    s = np.flatnonzero(sampled)
    parts = [
        pd.DataFrame({"batch": np.arange(n), "type": "INTAKE", "change": batches["received"].to_numpy(), "reason": None,
                      "ref_type": "LOT",
                      "ref": lot, "by": WAREHOUSE, "at": arrived, "notes": [f"Received with {c}" for c in lot_code]}),
        pd.DataFrame({"batch": s, "type": "SAMPLE", "change": -batches["sampled"].to_numpy()[s], "ref_type": "LOT",
                      "ref": lot[s], "by": WAREHOUSE,
                      "at": arrived[s] + (rng.integers(*SAMPLE_MINUTES, len(s)) * 60).astype("timedelta64[s]"),
                      "notes": "Samples pulled at intake for the sales team"}),
        pd.DataFrame({"batch": lines["batch"].to_numpy(), "type": "SALE", "change": -lines["quantity"].to_numpy(),
                      "ref_type": "ORDER", "ref": lines["order_id"].to_numpy(), "by": SALES, "at": order_at,
                      "notes": [f"Sold on {document_number('order', int(o))}" for o in lines["order_id"]]}),
        pd.DataFrame({"batch": returns["batch"].to_numpy(), "type": "RETURN", "change": returns["quantity"].to_numpy(),
                      "ref_type": "RETURN", "ref": np.arange(1, len(returns) + 1), "by": SERVICE,
                      "at": _at(returns["processed_at"]),
                      "notes": [f"Returned from {document_number('order', int(o))}, back on the shelf" for o in returns["order_id"]]}),
    ]
    moved = np.flatnonzero(second >= 0)
    place = [f"{loc.site}/{loc.zone}/{loc.rack}/{loc.shelf}/{loc.bin}" for loc in LOCATIONS]
    parts.append(pd.DataFrame({"batch": moved, "type": "TRANSFER", "change": 0.0, "ref_type": "WAREHOUSE_TRANSFER",
                               "ref": None, "by": WAREHOUSE, "at": _moment_after(rng, shelved[moved], end_ts),
                               "notes": [f"Transfer to {place[k]}" for k in second[moved]]}))
    movements = pd.concat(parts, ignore_index=True)
    movements["at"] = _at(movements["at"])
    movements = movements.sort_values(["batch", "at"], kind="stable", ignore_index=True)
    movements = _recounts(movements, whole, shelved, end_ts, rng)
    movements = movements.sort_values(["batch", "at"], kind="stable", ignore_index=True)
    movements["change"] = np.where(whole[movements["batch"]], movements["change"].round(0), movements["change"].round(2))
    movements["after"] = movements.groupby("batch")["change"].cumsum().round(2)
    movements["before"] = (movements["after"] - movements["change"]).round(2)
    return movements.sort_values(["at", "batch"], kind="stable", ignore_index=True)


def _moment_after(rng: np.random.Generator, start: np.ndarray, end_ts: pd.Timestamp) -> np.ndarray:
    end = np.datetime64(end_ts, "s")
    span = np.maximum((end - start).astype(np.int64), 2)
    return start + np.maximum(1, (rng.uniform(0.05, 0.5, len(start)) * span).astype(np.int64)).astype("timedelta64[s]")


def _recounts(movements: pd.DataFrame, whole: np.ndarray, shelved: np.ndarray, end_ts: pd.Timestamp,
              rng: np.random.Generator) -> pd.DataFrame:
    """A cycle count finds part of a batch missing; it turns up on another shelf before the next movement."""
    running = movements.groupby("batch")["change"].cumsum()
    nxt = movements.groupby("batch")["at"].shift(-1).fillna(pd.Timestamp(end_ts)).to_numpy("datetime64[s]")
    at = movements["at"].to_numpy("datetime64[s]")
    b = movements["batch"].to_numpy()
    quiet = ((nxt - at) > np.timedelta64(2, "D")) & (running.to_numpy() > 0) & (at >= shelved[b])
    quiet &= movements["type"].isin(["SALE", "INTAKE", "SAMPLE"]).to_numpy()
    candidates = movements[quiet].groupby("batch").head(1)
    chosen = candidates[rng.random(len(candidates)) < RECOUNT_SHARE]
    if chosen.empty:
        return movements
    k = chosen.index.to_numpy()
    short = running.to_numpy()[k] * rng.uniform(*RECOUNT_SHORT, len(k))
    short = np.maximum(trade_step(whole[b[k]]), in_trade_units(short, whole[b[k]]))
    short = np.minimum(short, running.to_numpy()[k])
    counted = at[k] + ((nxt[k] - at[k]).astype(np.int64) * 0.3).astype("timedelta64[s]")
    found = at[k] + ((nxt[k] - at[k]).astype(np.int64) * 0.7).astype("timedelta64[s]")
    common = {"batch": b[k], "ref_type": None, "ref": None, "by": WAREHOUSE}
    missing = pd.DataFrame({**common, "type": "ADJUSTMENT", "change": -short, "at": counted, "reason": "COUNT_DISCREPANCY",
                            "notes": "Cycle count came up short"})
    back = pd.DataFrame({**common, "type": "ADJUSTMENT", "change": short, "at": found, "reason": "COUNT_DISCREPANCY",
                         "notes": "Recount: the missing stock was on the neighbouring shelf"})
    return pd.concat([movements, missing, back], ignore_index=True)


def locations(batches: pd.DataFrame, first: np.ndarray, second: np.ndarray, moved: pd.Series,
              rng: np.random.Generator) -> pd.DataFrame:
    """Where the stock of every batch with stock sits at the end date; the quantities add up to its on hand."""
    has = np.flatnonzero(batches["on_hand"].to_numpy() > 0)
    whole = (batches["unit"] != FLOWER_UNIT).to_numpy()
    on_hand = batches["on_hand"].to_numpy()
    split = has[second[has] >= 0]
    part = _split_quantity(on_hand[split], whole[split], rng)
    part = np.minimum(part, on_hand[split] - trade_step(whole[split]))
    qty = on_hand.copy()
    qty[split] = on_hand[split] - part
    main = pd.DataFrame({"batch": has, "place": first[has], "qty": qty[has], "since": None})
    extra = pd.DataFrame({"batch": split, "place": second[split], "qty": part,
                          "since": moved.reindex(split).to_numpy()})
    out = pd.concat([main, extra], ignore_index=True).sort_values(["batch", "place"], kind="stable", ignore_index=True)
    out["qty"] = np.where(whole[out["batch"]], out["qty"].round(0), out["qty"].round(2))
    return out
