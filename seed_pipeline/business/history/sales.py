"""What each client buys and when: orders spread over the months, lines with a product class and a value.

Amounts are set so each client's revenue is its share of the scenario's revenue; the stock
simulation then turns line values into quantities of real batches.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.history.quotas import apportion, cut_by_value
from seed_pipeline.business.history.timeline import exact_share, moments_in
from seed_pipeline.business.rules import CASH_TERMS_MIX, GRADE_MIX, GROW_TYPES, LAPSED_DAYS, NON_FLOWER
from seed_pipeline.scenarios import Scenario

ORDER_COUNT_EXPONENT = 0.55  # bigger clients order more often, and bigger
ORDER_SIZE_CONCENTRATION = 3.0
ANOMALOUS_ORDER_SIZE_CONCENTRATION = 0.4  # chaos: a client's orders range from tiny to huge
LINE_SIZE_CONCENTRATION = 2.0
MAX_LINES = 8
LAPSED_SHARE = 0.1  # of buying clients (regulars where there are any): stopped ordering LAPSED_DAYS+ ago


def line_classes() -> tuple[list[str], list[str], np.ndarray]:
    """(line, grade, share of revenue) for every class of goods sold."""
    lines, grades, shares = [], [], []
    for g in GROW_TYPES:
        for grade, mix in GRADE_MIX.items():
            lines.append(g.key)
            grades.append(grade)
            shares.append(g.share * mix)
    return lines, grades, np.array(shares)


def orders(s: Scenario, clients: pd.DataFrame, month_frame: pd.DataFrame, weights: np.ndarray,
           rng: np.random.Generator) -> pd.DataFrame:
    buyers = clients[clients["is_buyer"]]
    shares = buyers["revenue_share"].to_numpy()
    # exactly the scenario's orders, at least one per buying client (largest remainder)
    counts = apportion(shares**ORDER_COUNT_EXPONENT, max(s.orders, len(buyers)), minimum=1)
    client_ids = np.repeat(buyers["id"].to_numpy(), counts)
    whale = np.repeat(buyers["whale"].to_numpy(), counts)
    alpha = ANOMALOUS_ORDER_SIZE_CONCENTRATION if s.anomalies else ORDER_SIZE_CONCENTRATION
    amounts = np.concatenate([s.revenue * share * rng.dirichlet(np.full(k, alpha)) for share, k in zip(shares, counts)])
    month = rng.choice(len(month_frame), len(client_ids), p=weights)
    gone = np.isin(client_ids, lapsed(buyers, rng))
    early = (month_frame["last"] <= month_frame["last"].iloc[-1] - pd.Timedelta(days=LAPSED_DAYS + 1)).to_numpy()
    if early.any():  # a lapsed client's orders all fall in the months before it stopped
        month[gone] = rng.choice(len(month_frame), gone.sum(), p=np.where(early, weights, 0) / weights[early].sum())
    # a client can't order before it exists
    created = np.repeat(buyers["created_at"].to_numpy(), counts)
    at = moments_in(month_frame["first"].iloc[month].reset_index(drop=True),
                    month_frame["days"].iloc[month].reset_index(drop=True), rng)
    at = pd.Series(np.maximum(at.to_numpy(), hours.add_working(created, 3600).to_numpy()))  # a working hour after
    consignment = exact_share(rng, len(client_ids), s.consignment_sale_share)
    cash_terms = rng.choice(list(CASH_TERMS_MIX), len(client_ids), p=list(CASH_TERMS_MIX.values()))
    frame = pd.DataFrame({
        "client_id": client_ids,
        "whale": whale,
        "target": amounts,
        "created_at": at.astype("datetime64[s]"),
        "month": month,
        "paymentTerms": np.where(consignment, "CONSIGNMENT", cash_terms),
    }).sort_values(["created_at", "client_id"], kind="stable", ignore_index=True)
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    return frame


def lapsed(buyers: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Ids of the buying clients that stopped ordering (TERP's lapsed buyers): ``LAPSED_SHARE``, at least one.

    Taken among the regulars where there are any, so the whales' share of revenue stays put.
    """
    pool = buyers[~buyers["whale"]] if (~buyers["whale"]).any() else buyers
    n = max(1, round(LAPSED_SHARE * len(buyers)))
    return np.sort(rng.choice(pool["id"].to_numpy(), min(n, len(pool)), replace=False))


def lines(s: Scenario, order_frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Lines of each order: a class of goods (flower grow × grade, or a non-flower category) and a target value."""
    k = np.clip(1 + rng.poisson(s.lines_per_order - 1, len(order_frame)), 1, MAX_LINES)
    order_ids = np.repeat(order_frame["id"].to_numpy(), k)
    values = np.concatenate([t * rng.dirichlet(np.full(n, LINE_SIZE_CONCENTRATION)) for t, n in zip(order_frame["target"], k)])
    flower_lines, flower_grades, flower_shares = line_classes()
    nf_shares = np.array([nf.share for nf in NON_FLOWER])
    classes = np.concatenate([flower_shares / flower_shares.sum() * s.flower_share,
                              nf_shares / nf_shares.sum() * (1 - s.flower_share)])
    # the line straddling flower and the rest is cut in two: flower is exactly its share of the value
    row, value, pick = cut_by_value(values, classes, [len(flower_lines) - 1], rng)
    line = np.array(flower_lines + [nf.category for nf in NON_FLOWER], dtype=object)[pick]
    grade = np.array(flower_grades + [""] * len(NON_FLOWER), dtype=object)[pick]  # "" = goods without grades
    return pd.DataFrame({"order_id": order_ids[row], "line": line, "grade": grade, "target": value})
