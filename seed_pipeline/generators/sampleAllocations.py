"""Each client's monthly sample allowance for the months it asked for samples: allocated, used by fulfilled requests, left."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import commercial_of
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


def _text(values) -> list[str]:
    return [f"{v:.2f}" for v in values]


@generates("sampleAllocations")
def generate(ctx, parents):
    a = commercial_of(ctx).sample_allocations
    return table_frame(ctx, {
        "clientId": real_ids(parents["clients"], a["client_id"]),
        "monthYear": a["month"],
        "allocatedQuantity": _text(a["allocated"]),
        "usedQuantity": _text(a["used"]),
        "remainingQuantity": _text(a["remaining"]),
        "createdAt": a["first"],
        "updatedAt": a["last"],
    })
