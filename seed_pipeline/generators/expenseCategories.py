"""The expense categories the app creates, each parent followed by its children, posting to its ledger account."""

from seed_pipeline.business.catalog import EXPENSE_CATEGORIES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by


@generates("expenseCategories")
def generate(ctx, parents):
    account_id = ids_by(parents["accounts"], "accountNumber")
    rows = []  # (name, parent's local id, account number)
    for category in EXPENSE_CATEGORIES:
        rows.append((category.name, None, category.account))
        parent = len(rows)
        rows += [(child, parent, category.account) for child in category.children]
    return table_frame(ctx, {
        "categoryName": [r[0] for r in rows],
        "parentCategoryId": [r[1] for r in rows],
        "ledgerAccountId": [account_id[r[2]] for r in rows],
    })
