"""What ties a client's transactions together: a payment to the invoice it pays, a refund to the payment it returns."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of
from seed_pipeline.generators._core import ACCOUNTING, money_text, real_ids, staff
from seed_pipeline.generators._frame import table_frame


@generates("transactionLinks")
def generate(ctx, parents):
    links = books_of(ctx).transaction_links
    transactions = parents["transactions"]
    return table_frame(ctx, {
        "parentTransactionId": real_ids(transactions, links["parent"]),
        "childTransactionId": real_ids(transactions, links["child"]),
        "transactionLinkType": links["type"],
        "linkAmount": money_text(links["amount"]),
        "createdBy": staff(parents["users"], ACCOUNTING, len(links), ctx.rng),
        "createdAt": links["at"],
    })
