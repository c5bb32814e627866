"""What is on the shelf at a moment is every batch received before it with stock left to sell, as ``Shelf.stock``
computes the stock (received, less samples, less what sold before): checked at every second where it can change
(each sale, the second after it, each arrival) and at moments spread over the history, on three scenarios."""

import dataclasses
from datetime import date

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business.commercial.shelf import Shelf
from seed_pipeline.business.history import core_history
from seed_pipeline.generation.context import SeedSettings


def in_stock_by_stock(shelf: Shelf, moment: np.datetime64) -> np.ndarray:
    arrived = np.flatnonzero(shelf.goods["arrived"].to_numpy().astype("datetime64[s]") < moment)
    return arrived[shelf.stock(arrived, np.repeat(moment, len(arrived))) > 0]


def thin(h):
    """The history with batches received short: every other batch exactly what it sells, the rest half of it,
    so batches run out at a sale (to the last hundredth) or before it."""
    sold = h.lines.groupby("batch")["quantity"].sum().reindex(range(len(h.batches)), fill_value=0.0).to_numpy()
    share = np.where(np.arange(len(sold)) % 2 == 0, 1.0, 0.5)
    return dataclasses.replace(h, batches=h.batches.assign(received=h.batches["sampled"] + sold * share))


@pytest.mark.parametrize("scenario, seed, short", [("light", 3, False), ("edge-cases", 5, False), ("chaos", 8, False),
                                                   ("light", 3, True), ("chaos", 8, True)])
def test_on_shelf_is_what_has_stock_left(scenario, seed, short):
    h = core_history(SeedSettings(scenario, seed, 1.0, date(2026, 10, 31)))
    h = thin(h) if short else h
    shelf = Shelf(h)
    sold = h.orders.set_index("id")["created_at"].reindex(h.lines["order_id"]).to_numpy().astype("datetime64[s]")
    arrived = shelf.goods["arrived"].to_numpy().astype("datetime64[s]")
    spread = pd.date_range(h.window.start, h.window.end, periods=200).to_numpy().astype("datetime64[s]")
    second = np.timedelta64(1, "s")
    moments = np.unique(np.concatenate([sold, sold + second, sold - second, arrived, arrived + second, spread]))
    emptied = 0
    for moment in moments:
        expected = in_stock_by_stock(shelf, moment)
        got = shelf.on_shelf(moment)
        np.testing.assert_array_equal(got, expected, err_msg=str(moment))
        emptied += len(np.flatnonzero(arrived < moment)) - len(got)
    assert (emptied > 0) == short or scenario != "light"  # short batches ran out: the test saw the second it happens
