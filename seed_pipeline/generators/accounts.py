"""The chart of accounts: the app's nine core accounts and the ones a working ledger adds under them."""

from seed_pipeline.business.catalog import ACCOUNTS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("accounts")
def generate(ctx, parents):
    local_id = {a.number: i for i, a in enumerate(ACCOUNTS, start=1)}  # a self-reference holds local ids
    return table_frame(ctx, {
        "accountNumber": [a.number for a in ACCOUNTS],
        "accountName": [a.name for a in ACCOUNTS],
        "accountType": [a.type for a in ACCOUNTS],
        "parentAccountId": [local_id.get(a.parent) for a in ACCOUNTS],
        "normalBalance": [a.normal for a in ACCOUNTS],
        "description": [a.description for a in ACCOUNTS],
    })
