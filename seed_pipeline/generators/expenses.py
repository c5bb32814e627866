"""Operating costs month by month (rent, payroll, utilities, marketing ...), paid from the operating account.

Travel is paid by the staff and reimbursed with the next month's mid-month payroll: the current
month's claims are still pending (TERP's ``getPendingReimbursements``).
"""

import numpy as np

from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._books import books_of, recorded_at
from seed_pipeline.generators._core import ACCOUNTING, staff
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by


@generates("expenses")
def generate(ctx, parents):
    e = books_of(ctx).expenses
    n = len(e)
    category = ids_by(parents["expenseCategories"], "categoryName")
    created = recorded_at(ctx, e["expenseDate"])
    return table_frame(ctx, {
        "expenseNumber": [document_number("expense", i) for i in e["id"]],
        "expenseDate": e["expenseDate"],
        "categoryId": [category[c] for c in e["category"]],
        "amount": e["amount"],
        "totalAmount": e["amount"],
        "paymentMethod": e["paymentMethod"],
        "bankAccountId": np.where(e["reimbursable"], None, parents["bankAccounts"]["id"].iloc[0]),
        "description": e["payee"],
        "isReimbursable": e["reimbursable"],
        "isReimbursed": e["reimbursed_at"].notna(),
        "reimbursedAt": e["reimbursed_at"],
        "createdBy": staff(parents["users"], ACCOUNTING, n, ctx.rng),
        "createdAt": created,
        "updatedAt": np.where(e["reimbursed_at"].notna(), e["reimbursed_at"].to_numpy(), created),
    })
