"""The core history deals its figures by construction, so they hold on seeds and end dates nobody picked.

Counts are exact (lots, vendors, orders, returns, refunds); flower is exactly its share of the value
ordered; every whale buys more than every regular. The expected numbers are written here from the
scenarios' parameters (light: 8 lots a month, 3 vendors, 50 orders, 2% returns, 5% refunds, 90%
flower), not read from the code under test. The end dates include a first of the month, which
starts a one-month history with a day of the month before.
"""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business.history import core_history
from seed_pipeline.business.history.quotas import apportion, cut_by_value
from seed_pipeline.business.rules import GROW_TYPES
from seed_pipeline.generation.context import SeedSettings

# (scenario, seed, scale, end date) -> (lots, vendors, orders, returns, refunds)
EXPECTED = {
    ("light", 9, 1.0, date(2026, 10, 31)): (8, 3, 50, 1, 3),  # 2% of 50 is 1; 5% of 50 is 2.5, halves up
    ("light", 11, 1.0, date(2026, 10, 31)): (8, 3, 50, 1, 3),
    ("light", 13, 1.0, date(2026, 5, 1)): (8, 3, 50, 1, 3),
    ("light", 43, 1.0, date(2026, 3, 31)): (8, 3, 50, 1, 3),
    ("light", 2, 1.0, date(2025, 6, 1)): (8, 3, 50, 1, 3),
    ("light", 11, 1.5, date(2026, 10, 31)): (12, 4, 75, 2, 4),  # 1.5 returns and 3.75 refunds, rounded
    ("chaos", 21, 1.0, date(2025, 6, 23)): (48, 6, 200, 1, 10),
    ("edge-cases", 4, 1.0, date(2025, 12, 1)): (48, 4, 100, 10, 20),
}
GROW = {g.key for g in GROW_TYPES}


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda k: f"{k[0]}-{k[1]}x{k[2]}@{k[3]}")
def test_counts_are_dealt_exactly(key):
    lots, vendors, orders, returns, refunds = EXPECTED[key]
    history = core_history(SeedSettings(*key))
    assert len(history.lots) == lots
    assert history.lots["vendorId"].nunique() == vendors
    assert set(history.batches["lotId"]) == set(history.lots["id"])  # every lot brings goods
    assert orders * 0.97 <= len(history.orders) <= orders  # all of them, less chaos's crumbs too small to fill
    assert len(history.returns) == returns
    assert len(history.refunds) == refunds


# (scenario, seed, scale, end date) -> (cancelled sales, draft sales, voided invoices): 2%, 0.5% and 1% of the
# sales, halves up, at least one each
UNSOLD = {
    ("light", 9, 1.0, date(2026, 10, 31)): (1, 1, 1),  # 1, 0.25 and 0.5 of 50
    ("light", 11, 1.5, date(2026, 10, 31)): (2, 1, 1),  # 1.5, 0.375 and 0.75 of 75
    ("chaos", 21, 1.0, date(2025, 6, 23)): (4, 1, 2),  # about 200 sales
    ("edge-cases", 4, 1.0, date(2025, 12, 1)): (2, 1, 1),  # 2, 0.5 and 1 of 100
}


@pytest.mark.parametrize("key", list(UNSOLD), ids=lambda k: f"{k[0]}-{k[1]}x{k[2]}@{k[3]}")
def test_cancelled_and_draft_sales_and_voided_invoices_are_dealt_exactly(key):
    history = core_history(SeedSettings(*key))
    kinds = history.unsold["status"].value_counts()
    assert (kinds.get("CANCELLED", 0), kinds.get("DRAFT", 0), len(history.voided)) == UNSOLD[key]
    gone = history.unsold[history.unsold["status"] == "CANCELLED"]
    assert (gone["created_at"] < gone["confirmed_at"]).all() and (gone["confirmed_at"] < gone["cancelled_at"]).all()
    assert (gone["cancelled_at"] <= pd.Timestamp(key[3]) + pd.Timedelta(days=1)).all()
    assert set(history.voided["order_id"]) <= set(history.orders["id"]) and history.voided["order_id"].is_unique


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda k: f"{k[0]}-{k[1]}x{k[2]}@{k[3]}")
def test_flower_is_its_share_of_value_and_whales_lead(key):
    settings = SeedSettings(*key)
    history = core_history(settings)
    ordered = history.lines
    assert ordered.loc[ordered["line"].isin(GROW), "line_total"].sum() / ordered["line_total"].sum() == pytest.approx(0.90, abs=0.005)
    clients = history.clients[history.clients["is_buyer"]]
    whales, regulars = clients.loc[clients["whale"], "revenue_share"], clients.loc[~clients["whale"], "revenue_share"]
    if len(regulars):
        assert whales.min() >= 1.25 * regulars.max()
        assert whales.sum() == pytest.approx(0.70)


def test_apportion_deals_the_exact_total_by_largest_remainder():
    assert apportion([1, 2, 3.5], 10, minimum=1).tolist() == [2, 3, 5]  # 1 each, then 7 as 1.08 / 2.15 / 3.77
    assert apportion([1, 1, 1], 10).tolist() == [4, 3, 3]  # a tie goes to the earlier row
    assert apportion([5, 1], 7).tolist() == [6, 1]
    with pytest.raises(ValueError):
        apportion([1, 1, 1], 2, minimum=1)


def test_cut_by_value_gives_each_side_of_a_cut_exactly_its_value():
    rng = np.random.default_rng(7)
    values = rng.dirichlet(np.full(40, 0.5)) * 1000  # uneven rows, a few very big
    shares = np.array([0.3, 0.3, 0.3, 0.06, 0.04])
    rows, pieces, classes = cut_by_value(values, shares, [2], rng)
    assert np.bincount(rows, weights=pieces, minlength=40) == pytest.approx(values)  # every row's value, no more
    assert len(rows) <= 41  # one row cut at most
    assert list(rows) == sorted(rows)
    assert pieces[classes <= 2].sum() == pytest.approx(900)
    assert pieces[classes > 2].sum() == pytest.approx(100)
