"""The order audit trail as TERP's order service writes it: CREATE_DRAFT when entered, an UPDATE_DRAFT
for orders changed before confirmation, FINALIZE when confirmed, by the rep who entered the order.

``changes`` holds what the service logs (order type, client, line count, totals; the final total
and moment on finalisation).
"""

import numpy as np
import pandas as pd

from seed_pipeline.contract.operations import JSON
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, sales_orders
from seed_pipeline.generators._frame import table_frame

CHANGES = next(c for c in JSON if c.table == "order_audit_log")
UPDATED_SHARE = 0.3  # of orders changed between entry and confirmation


@generates("order_audit_log")
def generate(ctx, parents):
    o, h, rng = sales_orders(parents["orders"]), history(ctx), ctx.rng
    count = h.lines.groupby("order_id").size().reindex(h.orders["id"]).to_numpy()
    total = o["total"].astype(float).to_numpy()
    created, confirmed = pd.to_datetime(o["created_at"]), pd.to_datetime(o["confirmed_at"])
    n = len(o)
    changed = np.flatnonzero((rng.random(n) < UPDATED_SHARE) & (confirmed > created).to_numpy())
    between = created.iloc[changed] + (confirmed.iloc[changed] - created.iloc[changed]) * rng.uniform(0.2, 0.8, len(changed))
    rows = pd.concat([
        pd.DataFrame({"order": np.arange(n), "action": "CREATE_DRAFT", "at": created.to_numpy(),
                      "changes": [{"orderType": "SALE", "clientId": int(c), "lineItemCount": int(k), "total": float(t)}
                                  for c, k, t in zip(o["client_id"], count, total)]}),
        pd.DataFrame({"order": changed, "action": "UPDATE_DRAFT", "at": between.dt.floor("s").to_numpy(),
                      "changes": [{"lineItemCount": int(count[i]), "total": float(total[i])} for i in changed]}),
        pd.DataFrame({"order": np.arange(n), "action": "FINALIZE", "at": confirmed.to_numpy(),
                      "changes": [{"finalTotal": float(t), "finalizedAt": c.isoformat()} for t, c in zip(total, confirmed)]}),
    ], ignore_index=True).sort_values(["at", "order", "action"], kind="stable", ignore_index=True)
    return table_frame(ctx, {
        "order_id": o["id"].to_numpy()[rows["order"]],
        "action": rows["action"],
        "changes": CHANGES.values(rows["changes"]),
        "user_id": o["created_by"].to_numpy()[rows["order"]],
        "timestamp": rows["at"],
    })
