"""The lines of each purchase order: a product of the vendor, the quantity asked for, the quantity
received (the batch's, a few shipped short) and the batch's unit cost."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._operations import ops


@generates("purchaseOrderItems")
def generate(ctx, parents):
    i = ops(ctx).purchase_items
    orders = parents["purchaseOrders"].set_index("id")
    order_ids = real_ids(parents["purchaseOrders"], i["order"])
    created = orders["createdAt"].reindex(order_ids).to_numpy()
    updated = orders["updatedAt"].reindex(order_ids).to_numpy()
    return table_frame(ctx, {
        "purchaseOrderId": order_ids,
        "productId": real_ids(parents["products"], i["product"]),
        "quantityOrdered": i["ordered"],
        "quantityReceived": i["received"],
        "unitCost": i["cost"],
        "totalCost": i["total"],
        "notes": [None if r >= o else f"Shipped short by {o - r:g}" for o, r in zip(i["ordered"], i["received"])],
        "createdAt": created,
        "updatedAt": updated,
    })
