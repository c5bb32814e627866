"""Every change to a client's credit limit, in order: the first calculation, then each increase or decrease.

Each change starts from the limit the previous one set (``business/credit/limits.py``); mode
switches and first breaches of the limit are logged between them. Run by an accountant.
"""

import numpy as np

from seed_pipeline.contract.credit import AUDIT_METADATA
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import ACCOUNTING, real_ids, staff
from seed_pipeline.generators._credit import credit_of
from seed_pipeline.generators._frame import table_frame


@generates("credit_audit_log")
def generate(ctx, parents):
    book = credit_of(ctx)
    log, calc = book.audit, book.calculations.loc[book.audit["calc"]]
    metadata = AUDIT_METADATA.values(
        {"creditHealthScore": round(float(h), 2), "currentExposure": round(float(e), 2), "mode": m, "trend": t}
        for h, e, m, t in zip(calc["health"], calc["exposure"], calc["mode"], calc["trend"]))
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], log["client"]),
        "event_type": log["event"],
        "old_value": log["old"].round(2).astype(object).where(log["old"].notna(), None),
        "new_value": log["new"].round(2).astype(object).where(log["new"].notna(), None),
        "change_percent": log["pct"].astype(object).where(log["pct"].notna(), None),
        "reason": log["reason"],
        "metadata": metadata,
        "triggered_by": staff(parents["users"], ACCOUNTING, len(log), ctx.rng),
        "created_at": np.asarray(log["at"]),
    })
