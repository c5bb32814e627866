"""Each order's fulfilment timeline: PENDING when entered, PACKED and SHIPPED when and by whom the order says.

The last row of an order is its ``fulfillmentStatus``; the times are the order's own
``created_at``, ``packed_at`` and ``shipped_at``, the people its ``created_by``, ``packed_by`` and
``shipped_by``.
"""

import numpy as np
import pandas as pd

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import sales_orders
from seed_pipeline.generators._frame import table_frame

STEPS = (("PENDING", "created_at", "created_by", "Order {o} entered"),
         ("PACKED", "packed_at", "packed_by", "Order {o} packed for delivery"),
         ("SHIPPED", "shipped_at", "shipped_by", "Order {o} left the warehouse"))


@generates("order_status_history")
def generate(ctx, parents):
    o = sales_orders(parents["orders"])
    parts = []
    for status, at, by, note in STEPS:
        done = o[o[at].notna()]
        parts.append(pd.DataFrame({"order": done["id"].to_numpy(), "status": status, "at": done[at].to_numpy(),
                                   "by": done[by].to_numpy(np.int64),
                                   "notes": [note.format(o=n) for n in done["order_number"]]}))
    rows = pd.concat(parts, ignore_index=True).sort_values(["at", "order"], kind="stable", ignore_index=True)
    return table_frame(ctx, {
        "order_id": rows["order"], "fulfillmentStatus": rows["status"], "changed_by": rows["by"],
        "changed_at": rows["at"], "notes": rows["notes"],
    })
