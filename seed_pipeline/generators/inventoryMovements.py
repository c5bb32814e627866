"""Every change of every batch's stock, from ``business/operations/movements.py``: replaying a batch's
movements gives its on hand at every date, ending at ``batches.onHandQty``.

Intakes and samples reference their lot, sales their order (entered by the order's creator), returns
the return (by whoever processed it); transfers between shelves change nothing, a short cycle count
is corrected by a recount. TERP keeps quantities as signed text (``-2.50``, ``+12``, ``0``).
"""

import numpy as np
import pandas as pd

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, quantity_text, real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._operations import movers, ops

def signed(change: np.ndarray, whole: np.ndarray) -> np.ndarray:
    text = quantity_text(np.abs(change), whole)
    return np.where(change > 0, "+" + text, np.where(change < 0, "-" + text, "0")).astype(object)


@generates("inventoryMovements")
def generate(ctx, parents):
    m, h = ops(ctx).movements, history(ctx)
    whole = (h.batches["unit"] != "LB").to_numpy()[m["batch"]]
    ref = m["ref"].astype("Int64")
    kind = m["type"].to_numpy()
    by = movers(ctx, parents["users"])
    sale, back = kind == "SALE", kind == "RETURN"
    by[sale] = parents["orders"]["created_by"].to_numpy()[ref[sale].to_numpy(np.int64) - 1]
    by[back] = parents["returns"]["processed_by"].to_numpy()[ref[back].to_numpy(np.int64) - 1]
    reference = np.full(len(m), None, dtype=object)
    for ref_type, parent in (("LOT", "lots"), ("ORDER", "orders"), ("RETURN", "returns")):
        rows = np.flatnonzero(m["ref_type"].to_numpy() == ref_type)
        reference[rows] = real_ids(parents[parent], ref.iloc[rows].to_numpy(np.int64))
    return table_frame(ctx, {
        "batchId": real_ids(parents["batches"], m["batch"] + 1),
        "inventoryMovementType": kind,
        "quantityChange": signed(m["change"].to_numpy(), whole),
        "quantityBefore": quantity_text(m["before"], whole),
        "quantityAfter": quantity_text(m["after"], whole),
        "referenceType": m["ref_type"],
        "referenceId": pd.array(reference, dtype="Int64"),
        "adjustmentReason": m["reason"].where(m["reason"].notna(), None),
        "notes": m["notes"],
        "performedBy": by,
        "createdAt": m["at"],
    })
