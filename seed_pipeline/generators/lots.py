"""About eight lots a month from the vendors; each lot brings the next month's stock."""

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


@generates("lots")
def generate(ctx, parents):
    lots = history(ctx).lots
    terms = lots["paymentTerms"].map(lambda t: "Consignment intake" if t == "CONSIGNMENT" else f"Purchased, {t}")
    return table_frame(ctx, {
        "code": [document_number("lot", i) for i in lots["id"]],
        "vendorId": real_ids(parents["vendors"], lots["vendorId"]),
        "date": lots["date"],
        "notes": terms,
        "createdAt": lots["date"],
        "updatedAt": lots["date"],
    })
