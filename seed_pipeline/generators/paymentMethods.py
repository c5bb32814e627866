"""How clients pay and vendors get paid, in the order the payment screens list them."""

from seed_pipeline.business.catalog import PAYMENT_METHODS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("paymentMethods")
def generate(ctx, parents):
    return table_frame(ctx, {
        "code": [m.code for m in PAYMENT_METHODS],
        "name": [m.name for m in PAYMENT_METHODS],
        "description": [m.description for m in PAYMENT_METHODS],
        "isActive": [int(m.active) for m in PAYMENT_METHODS],
        "sortOrder": range(1, len(PAYMENT_METHODS) + 1),
    })
