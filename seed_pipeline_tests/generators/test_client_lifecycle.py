"""Clients come and go in the core history, and the figures still hold exactly.

The expected numbers are written here from the scenarios' parameters and the lifecycle's, not read
from the code under test: full has 60 buyers (10 whales), so a founding book of 24 (40%), 36
acquisitions over 21+ months (one a month at least), 6 churned (10%), 3 won back (5%) and 3 growing
whales (30% of 10); chaos has 30 buyers (5 whales): 12 founding, 3 churned, 2 growing whales.
"""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business.history import core_history
from seed_pipeline.generation.context import SeedSettings

# (scenario, seed, end date) -> (buyers, founding book, churned, growing whales, whales' share of revenue)
EXPECTED = {
    ("full", 5, date(2026, 10, 31)): (60, 24, 6, 3, 0.70),
    ("full", 8, date(2026, 3, 4)): (60, 24, 6, 3, 0.70),
    ("chaos", 4, date(2026, 5, 1)): (30, 12, 3, 2, 0.70),
}


@pytest.fixture(scope="module", params=list(EXPECTED), ids=lambda k: f"{k[0]}-{k[1]}@{k[2]}")
def history(request):
    return request.param, core_history(SeedSettings(request.param[0], request.param[1], 1.0, request.param[2]))


def test_the_book_opens_with_a_founding_book_and_acquires_the_rest_over_the_history(history):
    (name, seed, end), h = history
    _, founding_n, *_ = EXPECTED[(name, seed, end)]
    c = h.clients
    opened = c["created_at"].min()
    assert (c.loc[~c["is_buyer"], "created_at"] == opened).all()  # seller-only clients come with the vendors
    buyers = c[c["is_buyer"]]
    founding = buyers["created_at"] < opened + pd.Timedelta(days=14)
    assert founding.sum() == founding_n
    acquired = buyers.loc[~founding, "created_at"]
    assert (acquired <= pd.Timestamp(end) - pd.Timedelta(days=7)).all()
    assert acquired.min() > opened + pd.Timedelta(days=14)
    months = pd.period_range(acquired.min(), acquired.max(), freq="M")
    if len(acquired) >= len(months):  # every month of the acquisitions' span wins a client
        assert set(acquired.dt.to_period("M")) == set(months)
    ordered = h.orders.merge(c[["id", "created_at"]], left_on="client_id", right_on="id", suffixes=("", "_client"))
    assert (ordered["created_at"] > ordered["created_at_client"]).all()


def test_some_churn_some_come_back_and_the_figures_hold(history):
    (name, seed, end), h = history
    buyers_n, _, churned_n, _, whale_share = EXPECTED[(name, seed, end)]
    o = h.orders.sort_values(["client_id", "created_at"])
    last = o.groupby("client_id")["created_at"].max()
    quiet = (pd.Timestamp(end) + pd.Timedelta(days=1) - last).dt.days > 90
    assert quiet.sum() >= churned_n and quiet.sum() < buyers_n / 2
    assert len(last) == buyers_n
    gaps = o.groupby("client_id")["created_at"].diff().dt.days
    if (pd.Timestamp(end) - o["created_at"].min()).days >= 217:
        assert (gaps >= 120).any()
    spent = o.groupby("client_id")["total"].sum().sort_values(ascending=False)
    whales = h.clients["whale"].sum()
    assert spent.head(whales).sum() / spent.sum() == pytest.approx(whale_share, abs=0.005)


def test_growing_whales_spend_two_and_a_half_times_as_much_in_the_second_half(history):
    (name, seed, end), h = history
    *_, growing_n, _ = EXPECTED[(name, seed, end)]
    c, o = h.clients, h.orders
    growing = c.loc[c["grows"], "id"]
    assert len(growing) == growing_n and c.loc[c["grows"], "whale"].all()
    assert c.loc[c["is_buyer"]].sort_values("revenue_share", ascending=False)["id"].iloc[0] in set(growing)
    opened = c["created_at"].min()
    mid = opened + (pd.Timestamp(end) + pd.Timedelta(days=1) - opened) / 2
    mine = o[o["client_id"].isin(growing)]
    late = mine["created_at"] >= mid
    first = mine[~late].groupby("client_id")["target"].sum()
    second = mine[late].groupby("client_id")["target"].sum()
    assert (first > 0).all() and np.all(second.reindex(first.index) >= 2.5 * first - 0.01)


@pytest.mark.parametrize("seed", [5, 9])
def test_monthly_revenue_still_follows_the_months_not_the_size_of_the_book(seed):
    h = core_history(SeedSettings("full", seed, 1.0, date(2026, 10, 31)))
    months = h.orders.groupby(h.orders["created_at"].dt.to_period("M"))["total"].sum()
    assert len(months) == 22 and months.max() / months.min() < 2.5
    assert months.iloc[:3].mean() > 0.5 * months.iloc[-3:].mean()  # the small founding book still buys a month's share
