"""What each client buys and when: orders spread over the months, lines with a product class and a value.

Amounts are set so each client's revenue is its share of the scenario's revenue; the stock
simulation then turns line values into quantities of real batches.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.history import lifecycle
from seed_pipeline.business.history.quotas import apportion, cut_by_value
from seed_pipeline.business.history.timeline import exact_share, moments_in
from seed_pipeline.business.rules import CASH_TERMS_MIX, GRADE_MIX, GROW_TYPES, NON_FLOWER
from seed_pipeline.generation.context import HistoryWindow
from seed_pipeline.scenarios import Scenario

ORDER_COUNT_EXPONENT = 0.55  # bigger clients order more often, and bigger
ORDER_SIZE_CONCENTRATION = 3.0
ANOMALOUS_ORDER_SIZE_CONCENTRATION = 0.4  # chaos: a client's orders range from tiny to huge
LINE_SIZE_CONCENTRATION = 2.0
MAX_LINES = 8


def line_classes() -> tuple[list[str], list[str], np.ndarray]:
    """(line, grade, share of revenue) for every class of goods sold."""
    lines, grades, shares = [], [], []
    for g in GROW_TYPES:
        for grade, mix in GRADE_MIX.items():
            lines.append(g.key)
            grades.append(grade)
            shares.append(g.share * mix)
    return lines, grades, np.array(shares)


def orders(s: Scenario, clients: pd.DataFrame, month_frame: pd.DataFrame, weights: np.ndarray, window: HistoryWindow,
           rng: np.random.Generator) -> pd.DataFrame:
    buyers = clients[clients["is_buyer"]]
    shares = buyers["revenue_share"].to_numpy()
    # exactly the scenario's orders, at least one per buying client (largest remainder)
    counts = apportion(shares**ORDER_COUNT_EXPONENT, max(s.orders, len(buyers)), minimum=1)
    client_ids = np.repeat(buyers["id"].to_numpy(), counts)
    whale = np.repeat(buyers["whale"].to_numpy(), counts)
    alpha = ANOMALOUS_ORDER_SIZE_CONCENTRATION if s.anomalies else ORDER_SIZE_CONCENTRATION
    amounts = np.concatenate([s.revenue * share * rng.dirichlet(np.full(k, alpha)) for share, k in zip(shares, counts)])
    # only while its client is on the books and buying (lifecycle: acquired, churned, won back)
    month = lifecycle.order_months(buyers, counts, month_frame, weights, window, rng)
    # a client can't order before it exists: a working hour after its creation at the earliest
    earliest = pd.Series(np.repeat(hours.add_working(buyers["created_at"], 3600).to_numpy(), counts))
    first = month_frame["first"].iloc[month].reset_index(drop=True)
    days = month_frame["days"].iloc[month].reset_index(drop=True)
    born = earliest.dt.normalize() > first  # its first month: from the day it could first order
    days = days.where(~born, days - (earliest.dt.normalize() - first).dt.days)
    first = first.where(~born, earliest.dt.normalize())
    at = pd.Series(np.maximum(moments_in(first, days, rng).to_numpy(), earliest.to_numpy()))
    amounts = lifecycle.grown(amounts, client_ids, buyers["id"][buyers["grows"]].to_numpy(), at, window)
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
