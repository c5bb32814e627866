"""The costs of running the business, month by month, paid from the operating account.

Each cost is a share of an average month's sales, so a scaled or shorter scenario keeps the
same shape of profit and loss. Fixed costs (rent, insurance) are the same every month; the rest
vary a little. Costs fall on their usual day of the month, or any working day when they have none.
Travel is paid by the staff out of pocket and reimbursed with the next month's mid-month payroll,
so the current month's claims are always still pending (TERP's ``getPendingReimbursements``).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from seed_pipeline.business.books.postings import OPERATING, REIMBURSEMENTS_PAYABLE
from seed_pipeline.business.catalog import EXPENSE_CATEGORIES
from seed_pipeline.business.history import timeline
from seed_pipeline.generation.context import HistoryWindow

VARIATION = 0.12  # month to month, for the costs that are not fixed
REIMBURSED_ON_DAY = 15  # of the month after the claim: with the mid-month payroll
REIMBURSED_HOUR = 10


@dataclass(frozen=True)
class Cost:
    category: str  # an expense category (a leaf where the category has children)
    share: float  # of an average month's sales
    days: tuple[int, ...]  # days of the month it is paid; () for any working day
    method: str  # expenses.paymentMethod
    fixed: bool = False
    payee: str = ""
    reimbursable: bool = False  # paid by an employee, repaid by the company later


COSTS = (
    Cost("Rent/Lease", 0.020, (1,), "BANK_TRANSFER", True, "Harbor Industrial Properties"),
    Cost("Electricity", 0.004, (12,), "BANK_TRANSFER", payee="Pacific Gas & Electric"),
    Cost("Water", 0.001, (12,), "BANK_TRANSFER", payee="City Water Department"),
    Cost("Gas", 0.001, (12,), "BANK_TRANSFER", payee="SoCal Gas"),
    Cost("Internet/Phone", 0.001, (15,), "DEBIT_CARD", True, "Comcast Business"),
    Cost("Salaries", 0.030, (15, 28), "BANK_TRANSFER", payee="Payroll run"),
    Cost("Benefits", 0.010, (1,), "BANK_TRANSFER", payee="Blue Shield group plan"),
    Cost("Payroll Taxes", 0.012, (15,), "BANK_TRANSFER", payee="EDD / IRS payroll deposit"),
    Cost("Digital Advertising", 0.004, (20,), "DEBIT_CARD", payee="Weedmaps listing"),
    Cost("Events & Sponsorships", 0.006, (), "CHECK", payee="Trade show booth"),
    Cost("Office Supplies", 0.002, (), "DEBIT_CARD", payee="Uline packaging and supplies"),
    Cost("Insurance", 0.008, (5,), "CHECK", True, "Cannabis liability insurance"),
    Cost("Legal", 0.003, (), "CHECK", payee="Compliance counsel"),
    Cost("Accounting", 0.004, (10,), "CHECK", True, "Outside CPA, monthly close"),
    Cost("Travel", 0.002, (), "CREDIT_CARD", payee="Grower visits", reimbursable=True),
    Cost("Maintenance/Repairs", 0.002, (), "CHECK", payee="Fleet and warehouse upkeep"),
)


def account_of(category: str) -> str:
    """The ledger account a category posts to: its own, or its parent's."""
    return next(c.account for c in EXPENSE_CATEGORIES if category == c.name or category in c.children)


def expenses(window: HistoryWindow, monthly_sales: float, rng: np.random.Generator) -> pd.DataFrame:
    months = timeline.months(window)
    rows = []
    for cost in COSTS:
        for first, last in zip(months["first"], months["last"]):
            span = (last - first).days + 1
            days = cost.days or (int(rng.integers(0, span)) + 1,)
            for day in days:
                paid = pd.Timestamp(first.year, first.month, min(day, last.days_in_month))
                if first <= paid <= last:
                    factor = 1.0 if cost.fixed else rng.normal(1.0, VARIATION / 2)
                    amount = cost.share * monthly_sales * max(factor, 0.5) / len(days)
                    rows.append((paid, cost.category, account_of(cost.category), round(amount, 2), cost.method, cost.payee,
                                 cost.reimbursable))
    frame = pd.DataFrame(rows, columns=["expenseDate", "category", "account", "amount", "paymentMethod", "payee", "reimbursable"])
    frame = frame.sort_values(["expenseDate", "category"], kind="stable", ignore_index=True)
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    frame["paid_from"] = np.where(frame["reimbursable"], REIMBURSEMENTS_PAYABLE, OPERATING)
    repaid = (frame["expenseDate"].dt.to_period("M").dt.to_timestamp() + pd.DateOffset(months=1)
              + pd.Timedelta(days=REIMBURSED_ON_DAY - 1, hours=REIMBURSED_HOUR))
    frame["reimbursed_at"] = repaid.where(frame["reimbursable"] & (repaid <= window.end_ts))
    return frame
