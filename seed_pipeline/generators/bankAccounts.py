"""The company's bank accounts, each tied to its ledger account and showing the balance the ledger gives it."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by


@generates("bankAccounts")
def generate(ctx, parents):
    banks = books_of(ctx).bank_accounts
    account_id = ids_by(parents["accounts"], "accountNumber")
    return table_frame(ctx, {
        "accountName": banks["accountName"],
        "accountNumber": [f"****{n:04d}" for n in ctx.rng.integers(1000, 9999, len(banks))],
        "bankName": banks["bankName"],
        "accountType": banks["accountType"],
        "currentBalance": banks["currentBalance"],
        "ledgerAccountId": [account_id[a] for a in banks["ledgerAccount"]],
        "notes": ["Deposits, vendor payments and operating costs"] * len(banks),
        "updatedAt": [ctx.window.end_ts] * len(banks),
    })
