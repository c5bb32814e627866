"""Each batch's way through the workflow board: received, inspected, photographed, held, sold out, closed.

Projected from ``business/operations/workflow.py``; the last change of each batch is its status in
``batches``. Floor work is recorded by the warehouse, holds, quarantines and closing by the
inventory manager, each someone whose role may update inventory.
"""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._operations import ops, status_changers
from seed_pipeline.generators._system import ids_by


@generates("batch_status_history")
def generate(ctx, parents):
    w = ops(ctx).workflow
    status_id = ids_by(parents["workflow_statuses"], "slug")
    return table_frame(ctx, {
        "batchId": real_ids(parents["batches"], w["batch"] + 1),
        "fromStatusId": [None if s is None else status_id[s.lower()] for s in w["from"]],
        "toStatusId": [status_id[s.lower()] for s in w["to"]],
        "changedBy": status_changers(ctx, parents["users"]),
        "notes": w["notes"],
        "createdAt": w["at"],
    })
