"""The operations simulation agrees with the core history for every scenario, seed and end date.

Oracles are the core history's own figures (received, sold, on hand, order times) and TERP's
workflow as its server code states it, not the functions under test.
"""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business.history import core_history
from seed_pipeline.business.operations import operations
from seed_pipeline.contract import STATE_COLUMNS
from seed_pipeline.generation.context import SeedSettings

# TERP's server/inventoryUtils.ts VALID_TRANSITIONS, written out here as the oracle
TERP_TRANSITIONS = {
    ("AWAITING_INTAKE", "LIVE"), ("AWAITING_INTAKE", "QUARANTINED"),
    ("LIVE", "PHOTOGRAPHY_COMPLETE"), ("LIVE", "ON_HOLD"), ("LIVE", "QUARANTINED"), ("LIVE", "SOLD_OUT"),
    ("PHOTOGRAPHY_COMPLETE", "LIVE"), ("PHOTOGRAPHY_COMPLETE", "ON_HOLD"), ("PHOTOGRAPHY_COMPLETE", "QUARANTINED"),
    ("PHOTOGRAPHY_COMPLETE", "SOLD_OUT"), ("ON_HOLD", "LIVE"), ("ON_HOLD", "QUARANTINED"),
    ("QUARANTINED", "LIVE"), ("QUARANTINED", "ON_HOLD"), ("QUARANTINED", "CLOSED"), ("SOLD_OUT", "CLOSED"),
}
CASES = [("light", 1, date(2026, 10, 31)), ("light", 2, date(2025, 6, 15)), ("light", 3, date(2026, 2, 28)),
         ("light", 4, date(2025, 12, 31)), ("edge-cases", 5, date(2026, 4, 1)), ("chaos", 6, date(2025, 9, 9)),
         ("full", 7, date(2025, 11, 14))]


@pytest.fixture(scope="module", params=CASES, ids=[f"{s}-{n}-{d}" for s, n, d in CASES])
def sim(request):
    settings = SeedSettings(*request.param[:2], 1.0, request.param[2])
    return settings, core_history(settings), operations(settings)


def test_every_status_change_is_one_terp_allows_and_lies_between_intake_and_the_end(sim):
    settings, h, o = sim
    w = o.workflow.sort_values(["batch", "at"], kind="stable")
    first = w.groupby("batch").head(1)
    assert (first["to"] == "AWAITING_INTAKE").all() and first["from"].isna().all()
    assert len(first) == len(h.batches)
    rest = w.drop(first.index)
    assert set(zip(rest["from"], rest["to"])) <= TERP_TRANSITIONS
    assert (rest["from"].to_numpy() == w.groupby("batch")["to"].shift(1).loc[rest.index].to_numpy()).all()
    arrived = h.batches["arrived"].to_numpy()[w["batch"]]
    assert (w["at"].to_numpy() >= arrived).all() and (w["at"] <= h.window.end_ts).all()


def test_no_line_sells_from_a_batch_that_was_not_sellable_then(sim):
    _, h, o = sim
    at = h.orders.set_index("id")["created_at"].reindex(h.lines["order_id"]).to_numpy()
    probe = pd.DataFrame({"batch": h.lines["batch"].to_numpy(), "at": at}).sort_values("at")
    then = pd.merge_asof(probe, o.workflow.sort_values("at")[["batch", "at", "to"]], on="at", by="batch")
    assert set(then["to"]) <= {"LIVE", "PHOTOGRAPHY_COMPLETE"}


def test_statuses_at_the_end_are_the_ones_screens_count(sim):
    settings, h, o = sim
    months = (h.window.end - h.window.start).days / 30.44
    assert set(STATE_COLUMNS[("batches", "batchStatus")].required(months)) <= set(o.status)
    stock = h.batches["on_hand"].to_numpy() > 0
    assert set(o.status[~stock]) <= {"SOLD_OUT", "CLOSED"}
    assert "SOLD_OUT" not in set(o.status[stock]) and "CLOSED" not in set(o.status[stock])


def test_movements_replay_to_the_core_history(sim):
    _, h, o = sim
    m = o.movements.sort_values(["batch", "at"], kind="stable")
    net = m.groupby("batch")["change"].sum().reindex(range(len(h.batches)))
    assert np.allclose(net.to_numpy(), h.batches["on_hand"].to_numpy(), atol=0.011)
    assert (m.groupby("batch")["change"].cumsum() >= -0.001).all()
    sold = -m[m["type"] == "SALE"].groupby("batch")["change"].sum()
    assert np.allclose(sold.reindex(range(len(h.batches)), fill_value=0).to_numpy(), h.batches["sold"].to_numpy(), atol=0.011)
    intake = m[m["type"] == "INTAKE"].set_index("batch")["change"].sort_index()
    assert np.allclose(intake.to_numpy(), h.batches["received"].to_numpy())


def test_every_batch_with_stock_is_shelved_with_all_of_it(sim):
    _, h, o = sim
    held = o.locations.groupby("batch")["qty"].sum().reindex(range(len(h.batches)), fill_value=0.0)
    assert np.allclose(held.to_numpy(), h.batches["on_hand"].to_numpy(), atol=0.011)
    assert (o.locations["qty"] > 0).all()


def test_received_purchase_orders_are_the_lots_with_their_quantities(sim):
    _, h, o = sim
    p, items = o.purchase_orders, o.purchase_items
    received = p[p["status"].isin(["RECEIVED", "RECEIVING"])]
    assert set(received["lot"].astype(int)) == set(h.batches["lotId"])
    got = items[items["received"] > 0]
    assert np.allclose(np.sort(got["received"].to_numpy()), np.sort(h.batches["received"][h.batches["received"] > 0]))
    assert set(p["status"]) == {"DRAFT", "SENT", "CONFIRMED", "RECEIVING", "RECEIVED", "CANCELLED"}
    assert set(o.sessions["status"]) == {"IN_PROGRESS", "COMPLETED"}
    assert (pd.to_datetime(p["created"]) <= pd.to_datetime(p["delivered"]).fillna(h.window.end_ts)).all()


def test_low_stock_alerts_fire_below_the_reorder_point_and_some_are_still_open(sim):
    _, h, o = sim
    low = o.alerts[o.alerts["type"] == "LOW_STOCK"]
    assert len(low) and low["resolved"].isna().any()
    assert (low["value"] < low["threshold"]).all() and (low["value"] > 0).all()
    assert (o.status[low["batch"]] != "AWAITING_INTAKE").all()
