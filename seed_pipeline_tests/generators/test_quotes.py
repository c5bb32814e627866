"""Quotes and drafts of the core history: exact counts, conversions that precede their sale, validity
that agrees with each outcome at the end date, on several scenarios, seeds and end dates.

The expected counts are worked out by hand from the shares the brief sets (10% of sales converted
from a quote, 4% expired, 2% rejected, 1% still open over three states, 0.5% drafts), not read from
the code.
"""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business import hours
from seed_pipeline.business.history import core_history
from seed_pipeline.generation.context import SeedSettings

OPEN = {"SENT", "VIEWED", "ACCEPTED"}
CASES = [("light", 42, date(2026, 10, 31)), ("light", 7, date(2025, 3, 1)), ("light", 13, date(2026, 2, 28)),
         ("edge-cases", 3, date(2025, 12, 31)), ("chaos", 5, date(2026, 6, 1))]


def _history(scenario, seed, end):
    return core_history(SeedSettings(scenario, seed, 1.0, end))


@pytest.mark.parametrize("scenario, sales, expected", [
    # 50 sales: 5 / 2 / 1 converted, expired, rejected; 0.5 open rounds to 1, at least one per open state; 0.25 drafts -> 1
    ("light", 50, {"CONVERTED": 5, "EXPIRED": 2, "REJECTED": 1, "SENT": 1, "VIEWED": 1, "ACCEPTED": 1, "DRAFT": 1}),
    # 100 sales: 10 / 4 / 2; 1 open -> one per state; 0.5 drafts rounds up to 1
    ("edge-cases", 100, {"CONVERTED": 10, "EXPIRED": 4, "REJECTED": 2, "SENT": 1, "VIEWED": 1, "ACCEPTED": 1, "DRAFT": 1}),
    # 4,400 sales: 440 / 176 / 88; 44 open dealt 15 / 15 / 14; 22 drafts
    ("full", 4400, {"CONVERTED": 440, "EXPIRED": 176, "REJECTED": 88, "SENT": 15, "VIEWED": 15, "ACCEPTED": 14,
                    "DRAFT": 22}),
])
def test_quote_counts_are_exact(scenario, sales, expected):
    h = _history(scenario, 42, date(2026, 10, 31))
    assert len(h.orders) == sales
    assert h.quotes["quoteStatus"].value_counts().to_dict() == expected
    assert (h.orders["quote_id"].notna().sum()) == expected["CONVERTED"]


@pytest.mark.parametrize("scenario, seed, end", CASES)
def test_a_converted_quote_precedes_its_sale_and_is_still_valid_when_converted(scenario, seed, end):
    h = _history(scenario, seed, end)
    sales = h.orders[h.orders["quote_id"].notna()]
    quotes = h.quotes.set_index("id").loc[sales["quote_id"].astype(int)]
    assert (quotes["quoteStatus"] == "CONVERTED").all()
    assert sales["quote_id"].is_unique
    assert (quotes["client_id"].to_numpy() == sales["client_id"].to_numpy()).all()
    assert (quotes["sale"].to_numpy() == sales.index.to_numpy()).all()  # the quote carries that sale's goods
    assert (quotes["created_at"].to_numpy() < sales["created_at"].to_numpy()).all()
    assert (quotes["converted_at"].to_numpy() == sales["created_at"].to_numpy()).all()
    assert (sales["created_at"].dt.normalize().to_numpy() <= quotes["valid_until"].to_numpy()).all()


@pytest.mark.parametrize("scenario, seed, end", CASES)
def test_each_outcome_agrees_with_validity_at_the_end_date(scenario, seed, end):
    q = _history(scenario, seed, end).quotes
    end_day = pd.Timestamp(end)
    status, valid = q["quoteStatus"], q["valid_until"]
    assert (valid[status == "EXPIRED"] < end_day).all()
    assert (valid[status.isin(OPEN | {"DRAFT"})] > end_day).all()
    assert (valid > q["created_at"].dt.normalize()).all()
    assert (q["is_draft"] == (status == "DRAFT")).all()
    assert (q["converted_at"].notna() == (status == "CONVERTED")).all()


@pytest.mark.parametrize("scenario, seed, end", CASES)
def test_quotes_fall_in_working_hours_inside_the_history_after_their_client_and_goods(scenario, seed, end):
    h = _history(scenario, seed, end)
    q = h.quotes
    made = q["created_at"]
    assert hours.is_working_moment(made).all()
    assert (made >= h.window.start_ts).all() and (made <= h.window.end_ts).all()
    assert (q["updated_at"] >= made).all() and (q["updated_at"] <= h.window.end_ts).all()
    client_made = h.clients.set_index("id")["created_at"].reindex(q["client_id"]).to_numpy()
    assert (made.to_numpy() > client_made).all()
    # the goods offered were on hand: every batch of the quoted sale arrived before the quote
    lines = h.lines.merge(q[["sale", "created_at"]].assign(order_id=q["sale"] + 1), on="order_id")
    assert len(lines) >= len(q)
    assert (pd.to_datetime(h.batches["arrived"]).to_numpy()[lines["batch"]] < lines["created_at"].to_numpy()).all()
    # open quotes and drafts are recent: made in the last two weeks
    recent = pd.Timestamp(h.window.end) - pd.Timedelta(days=14)
    assert (made[q["quoteStatus"].isin(OPEN | {"DRAFT"})] >= recent).all()
    assert np.all(np.diff(q["id"].to_numpy()) == 1) and q["id"].iloc[0] == len(h.orders) + 1
    assert made.is_monotonic_increasing
