"""The stock allocation serves each line as the rule states it, checked against a plain formulation of the rule:
lines in order-time order; the batches of the line's class that arrived before the order and still hold stock (else
those of another grade of the same goods), in arrival order; the first that holds the line's need, else the fullest;
the price its list price less the client's discount, to the cent; the quantity to the nearest trade step.

The plain formulation looks at every batch of the class for every line (what the generator did before it kept each
class's batches in stock on a shelf): the two must agree row for row, on random shops made to run classes dry."""

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business import rules
from seed_pipeline.business.history import stock


def by_masks(lines: pd.DataFrame, orders: pd.DataFrame, batches: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The rule, one line at a time over whole arrays."""
    at = orders.set_index("id")["created_at"].reindex(lines["order_id"]).to_numpy()
    whale = orders.set_index("id")["whale"].reindex(lines["order_id"]).to_numpy()
    discount = np.where(whale, rng.uniform(*rules.CLIENT_DISCOUNT["whale"], len(lines)),
                        rng.uniform(*rules.CLIENT_DISCOUNT["regular"], len(lines)))
    remaining = (batches["received"] - batches["sampled"]).to_numpy().copy()
    arrived, price = batches["arrived"].to_numpy(), batches["unit_price"].to_numpy()
    whole = (batches["unit"] != rules.FLOWER_UNIT).to_numpy()
    goods, grades, targets = batches["line"].to_numpy(), batches["grade"].to_numpy(), lines["target"].to_numpy()
    of_class = [(goods == line) & (grades == grade) for line, grade in zip(lines["line"], lines["grade"])]
    of_goods = [goods == line for line in lines["line"]]
    chosen, qty, unit_price = np.full(len(lines), -1), np.zeros(len(lines)), np.zeros(len(lines))
    for i in np.argsort(at, kind="stable"):
        for pool in (of_class[i], of_goods[i]):
            in_stock = np.flatnonzero(pool & (arrived < at[i]) & (remaining > 0))
            if len(in_stock):
                break
        else:
            continue
        need = targets[i] / (price[in_stock[0]] * (1 - discount[i]))
        enough = in_stock[remaining[in_stock] >= need]
        b = enough[0] if len(enough) else in_stock[np.argmax(remaining[in_stock])]
        p = np.round(price[b] * (1 - discount[i]), 2)
        q = max(float(rules.in_trade_units(min(targets[i] / p, remaining[b]), whole[b], np.round)),
                float(rules.trade_step(whole[b])))
        remaining[b] -= q
        chosen[i], qty[i], unit_price[i] = b, q, p
    out = lines.assign(batch=chosen, quantity=qty, unit_price=unit_price)
    out = out[out["batch"] >= 0].reset_index(drop=True)
    out["unit_cost"] = batches["unit_cost"].to_numpy()[out["batch"]]
    out["line_total"] = (out["quantity"] * out["unit_price"]).round(2)
    return out


def shop(seed: int, n_lines: int = 3000, n_batches: int = 120) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Random orders and batches over three goods of three grades, stocked thinly so classes run dry, with
    arrivals and orders on shared moments (an order at a batch's arrival moment does not see it)."""
    rng = np.random.default_rng(seed)
    moments = pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 60, n_lines + n_batches) * 3600, unit="s")
    goods, grades = ["Flower", "Vapes", "Bulk Oil"], ["A", "B", ""]
    orders = pd.DataFrame({"id": np.arange(1, n_lines + 1), "created_at": moments[:n_lines],
                           "whale": rng.random(n_lines) < 0.2})
    lines = pd.DataFrame({"order_id": rng.permutation(orders["id"].to_numpy()), "target": rng.uniform(50, 3000, n_lines).round(2),
                          "line": rng.choice(goods, n_lines), "grade": rng.choice(grades, n_lines)})
    line_of = rng.choice(goods, n_batches)
    received = rules.in_trade_units(rng.uniform(1, 40, n_batches), line_of != "Flower", np.ceil)
    batches = pd.DataFrame({"line": line_of, "grade": rng.choice(grades, n_batches), "arrived": moments[n_lines:],
                            "received": received, "sampled": np.where(rng.random(n_batches) < 0.1, received, 0.0),
                            "unit_price": rng.uniform(5, 900, n_batches).round(2),
                            "unit": np.where(line_of == "Flower", rules.FLOWER_UNIT, "EA")})
    batches["unit_cost"] = (batches["unit_price"] * 0.7).round(2)
    return lines, orders, batches


@pytest.mark.parametrize("seed", range(8))
def test_each_line_gets_the_batch_the_rule_gives(seed):
    lines, orders, batches = shop(seed)
    got = stock.allocate(lines, orders, batches, np.random.default_rng(seed))
    expected = by_masks(lines, orders, batches, np.random.default_rng(seed))
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert 0 < len(got) < len(lines)  # some lines found no stock at all: the shop did run dry


def test_an_order_at_the_moment_of_arrival_does_not_see_the_batch():
    orders = pd.DataFrame({"id": [1, 2], "created_at": pd.to_datetime(["2026-01-01 10:00:00", "2026-01-01 10:00:01"]),
                           "whale": [False, False]})
    lines = pd.DataFrame({"order_id": [1, 2], "target": [10.0, 10.0], "line": ["Vapes"] * 2, "grade": ["A"] * 2})
    batches = pd.DataFrame({"line": ["Vapes"], "grade": ["A"], "arrived": pd.to_datetime(["2026-01-01 10:00:00"]),
                            "received": [5.0], "sampled": [0.0], "unit_price": [2.0], "unit": ["EA"], "unit_cost": [1.0]})
    got = stock.allocate(lines, orders, batches, np.random.default_rng(0))
    assert got["order_id"].tolist() == [2] and got["batch"].tolist() == [0]


def test_one_quantity_to_its_nearest_step_is_the_array_forms():
    rng = np.random.default_rng(5)
    quantities = np.concatenate([rng.uniform(0, 50, 20_000), np.arange(0, 20, 0.125), np.arange(0, 20, 0.5) + 1e-7,
                                 np.arange(0, 20, 0.25) - 1e-7, [0.0, 1e-6, 2.9999999, 0.7499999]])
    for whole in (True, False):
        expected = rules.in_trade_units(quantities, [whole] * len(quantities), np.round).tolist()
        assert [rules.nearest_in_trade_units(q, whole) for q in quantities.tolist()] == expected


def test_cents_are_numpys_rounding():
    amounts = np.concatenate([np.random.default_rng(3).uniform(0, 5000, 50_000), np.arange(0, 10, 0.005),
                              np.arange(0, 10, 0.001) + 0.0005])
    assert [stock._cents(a) for a in amounts.tolist()] == np.round(amounts, 2).tolist()
