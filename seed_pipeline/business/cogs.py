"""Batch costs as the books learned them: the cost keyed in at intake, revised once the vendor's price was final.

A share of batches came in at the vendor's quoted price and were revised to the cost the vendor
finally invoiced (owned lots) or agreed for the consignment settlement (consigned lots) a few
days after arrival. The revision applies to the batch's earlier sales as well, so every sale
carries the batch's final cost, as the order lines and the ledger do; the number of sales it
touched is recorded. The global COGS rules are the company's costing policy, with thresholds
read from its own sales.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from seed_pipeline.business.history import CoreHistory
from seed_pipeline.business.rules import FLOWER_UNIT, TERMS_DAYS

REVISED_SHARE = 0.3  # of batches
QUOTE_GAP = (0.02, 0.08)  # quoted cost above or below the final one
REVISED_AFTER_DAYS = (2, 12)
VOLUME_QUANTILE = 0.9  # the top tenth of flower lines and of orders get the volume breaks


def revisions(h: CoreHistory, rng: np.random.Generator) -> pd.DataFrame:
    """One cost revision per revised batch: cost at intake, final cost, when, and the sales it reached back to."""
    b = h.batches
    chosen = np.sort(rng.choice(len(b), int(round(REVISED_SHARE * len(b))), replace=False))
    batch = b.iloc[chosen]
    gap = rng.uniform(*QUOTE_GAP, len(batch)) * rng.choice([-1.0, 1.0], len(batch))
    at = batch["arrived"] + pd.to_timedelta(rng.integers(*REVISED_AFTER_DAYS, len(batch)), unit="D")
    at = at.clip(upper=h.window.end_ts)
    sold_at = h.orders.set_index("id")["created_at"].reindex(h.lines["order_id"]).to_numpy()
    sales = pd.DataFrame({"batch": h.lines["batch"].to_numpy(), "sold_at": sold_at})
    timing = sales.merge(pd.DataFrame({"batch": chosen, "at": at.to_numpy()}), on="batch")
    earlier = timing[timing["sold_at"] < timing["at"]].groupby("batch").size()
    return pd.DataFrame({
        "batch": chosen, "batchId": batch["id"].to_numpy(), "lotId": batch["lotId"].to_numpy(),
        "productId": batch["productId"].to_numpy(), "unit": batch["unit"].to_numpy(),
        "consigned": (batch["paymentTerms"] == "CONSIGNMENT").to_numpy(),
        "old": np.round(batch["unit_cost"].to_numpy() * (1 + gap), 2), "new": batch["unit_cost"].to_numpy(),
        "at": at.to_numpy(), "earlier_sales": earlier.reindex(chosen, fill_value=0).to_numpy(),
    })


@dataclass(frozen=True)
class CostRule:
    name: str
    description: str
    field: str  # cogs_rules.condition_field
    operator: str
    value: float
    adjustment: str  # cogs_rules.adjustment_type
    amount: float | None
    active: bool = True


def cost_rules(h: CoreHistory) -> list[CostRule]:
    """The costing policy, in priority order; volume thresholds are the top tenth of the company's own lines and orders."""
    flower = h.lines[~h.lines["whole"] & (h.batches["unit"].to_numpy()[h.lines["batch"]] == FLOWER_UNIT)]
    pounds = float(np.floor(flower["quantity"].quantile(VOLUME_QUANTILE))) if len(flower) else 10.0
    big_order = float(np.round(h.orders["total"].quantile(VOLUME_QUANTILE), -3))
    consignment, cod = TERMS_DAYS["CONSIGNMENT"], TERMS_DAYS["COD"]
    return [
        CostRule("Consignment sales at the top of the range",
                 f"Orders on consignment ({consignment}-day terms) cost at the top of a batch's cost range: "
                 "the vendor is settled at its full price once the goods sell.", "PAYMENT_TERMS", "EQ", consignment, "USE_MAX", None),
        CostRule("Cash on delivery at the bottom of the range",
                 "Orders paid cash on delivery cost at the bottom of a batch's cost range: the vendor is paid at once.",
                 "PAYMENT_TERMS", "EQ", cod, "USE_MIN", None),
        CostRule(f"Flower volume break from {pounds:g} lb",
                 f"Lines of {pounds:g} lb or more, the top tenth of flower lines sold, cost 2% less: "
                 "growers give a break on volume.", "QUANTITY", "GTE", pounds, "PERCENTAGE", -2.0),
        CostRule(f"Large orders from ${big_order:,.0f}",
                 f"Orders of ${big_order:,.0f} or more, the top tenth of orders, cost 1% less: freight is shared.",
                 "TOTAL_VALUE", "GTE", big_order, "PERCENTAGE", -1.0),
        CostRule("Small orders handling",
                 "Orders under $1,000 carried $25 of handling; retired when deliveries were pooled.",
                 "TOTAL_VALUE", "LT", 1000.0, "FIXED_AMOUNT", 25.0, active=False),
    ]
