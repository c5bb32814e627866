"""The credit engine's six signals of each client at every monthly recalculation, with the result they gave."""

from seed_pipeline.business.credit.signals import SIGNALS, TRENDS
from seed_pipeline.contract.credit import SIGNAL_METADATA
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._credit import credit_of
from seed_pipeline.generators._frame import table_frame

COLUMNS = dict(zip(SIGNALS + TRENDS, (
    "revenue_momentum", "cash_collection_strength", "profitability_quality", "debt_aging_risk", "repayment_velocity",
    "tenure_depth", "revenue_momentum_trend", "cash_collection_trend", "profitability_trend", "debt_aging_trend",
    "repayment_velocity_trend")))


@generates("credit_signal_history")
def generate(ctx, parents):
    calc = credit_of(ctx).calculations
    metadata = SIGNAL_METADATA.values(
        {"creditLimit": round(float(lim), 2), "creditHealthScore": round(float(hs), 2), "baseCapacity": round(float(b), 2),
         "mode": m, "invoiceCount": int(n), "monthsActive": int(mo), "explanation": e}
        for lim, hs, b, m, n, mo, e in zip(calc["computed"], calc["health"], calc["baseCapacity"], calc["mode"],
                                           calc["invoices"], calc["months"], calc["explanation"]))
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], calc["client"]),
        **{column: calc[name] for name, column in COLUMNS.items()},
        "calculation_metadata": metadata,
        "calculated_at": calc["at"],
    })
