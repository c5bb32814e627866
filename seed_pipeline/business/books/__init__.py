"""The company's books over the history, a pure function of the seed settings like the core history.

Bills, payments and the general ledger are derived from the core history (invoices, lots, sales
of consigned goods, refunds, bad debts written off), so the ledger's receivable equals what the invoices say is due,
its payable what the bills say, and every journal balances by construction.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from seed_pipeline.business.books import client_ledger, journal, payables, periods
from seed_pipeline.business.books.expenses import expenses
from seed_pipeline.business.books.payments import payments
from seed_pipeline.business.books.postings import BANK_ACCOUNTS
from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.credit import credit_book
from seed_pipeline.business.credit import ledger as credit_ledger
from seed_pipeline.business.history import core_history
from seed_pipeline.generation.context import HistoryWindow, SeedSettings, table_rng

OPENING_CAPITAL_MONTHS = 1.0  # the owners put in about a month of sales to start
CASH_CUSHION = 0.25  # of a month's sales: the least the bank account ever holds


@dataclass(frozen=True)
class Books:
    periods: pd.DataFrame
    bank_accounts: pd.DataFrame
    bills: pd.DataFrame
    bill_lines: pd.DataFrame
    payments: pd.DataFrame
    expenses: pd.DataFrame
    ledger: pd.DataFrame
    transactions: pd.DataFrame  # each client's invoices, payments and refunds
    transaction_links: pd.DataFrame


@lru_cache(maxsize=4)
def books(settings: SeedSettings) -> Books:
    h = core_history(settings)
    s = settings.resolved
    window = HistoryWindow.ending(settings.end_date, s.months)
    rng = {part: table_rng(settings.seed, f"books.{part}") for part in ("periods", "payables", "payments", "expenses")}
    fiscal = periods.fiscal_periods(window, rng["periods"])
    bills, bill_lines = payables.bills(h, settings.end_date, rng["payables"])
    store_credit = credit_book(settings)
    paid = payments(h, bills, rng["payments"], credit_ledger.spent_per_invoice(store_credit))
    costs = expenses(window, float(h.orders["total"].sum()) / s.months, rng["expenses"])
    lines = _ledger(h, bills, paid, costs, window, s.months, credit_ledger.journals(store_credit))
    lines["period"] = periods.period_of(fiscal, lines["date"])
    balances = lines.groupby("account")[["debit", "credit"]].sum()
    banks = pd.DataFrame(BANK_ACCOUNTS, columns=["accountName", "accountType", "ledgerAccount", "bankName"])
    banks["currentBalance"] = [round(balances["debit"].get(a, 0.0) - balances["credit"].get(a, 0.0), 2)
                               for a in banks["ledgerAccount"]]
    return Books(fiscal, banks, bills, bill_lines, paid, costs, lines, *client_ledger.transactions(h, paid))


def _ledger(h, bills: pd.DataFrame, paid: pd.DataFrame, costs: pd.DataFrame, window: HistoryWindow, months: int,
            credit_docs: list[pd.DataFrame]) -> pd.DataFrame:
    inv = h.invoices
    numbers = {kind: frame["id"].map(lambda i, k=kind: document_number(k, i))
               for kind, frame in (("invoice", inv), ("bill", bills), ("payment", paid), ("expense", costs))}
    cost = _cost_split(h)
    capital = opening_capital(float(h.orders["total"].sum()) / months, paid, costs)
    opening = pd.DataFrame({"id": [pd.NA], "date": [window.start_ts]})
    docs = [journal.documents("opening capital", opening, "date", [None], amount=[capital])]
    docs += _invoiced(inv, cost, ("sale", "cost of sale"), "invoiceDate")
    void = h.voided
    void_cost = cost.set_axis(inv["order_id"].to_numpy()).reindex(void["order_id"]).reset_index(drop=True)
    for kinds, date in ((("sale", "cost of sale"), "invoiceDate"), (("sale voided", "cost of sale voided"), "voided_at")):
        docs += _invoiced(void, void_cost, kinds, date)
    gone = inv[inv["writtenOff"] > 0]
    docs.append(journal.documents("write-off", gone, "written_off_at", numbers["invoice"][gone.index], amount=gone["writtenOff"]))
    for kind in ("receipt", "refund", "vendor payment"):
        mine = paid["kind"] == kind
        docs.append(journal.documents(kind, paid[mine], "paymentDate", numbers["payment"][mine],
                                      amount=paid.loc[mine, "amount"], cash_account=paid.loc[mine, "cash_account"]))
    for kind in ("purchase", "consignment settlement"):
        mine = bills["kind"] == kind
        docs.append(journal.documents(kind, bills[mine], "billDate", numbers["bill"][mine], amount=bills.loc[mine, "totalAmount"]))
    docs.append(journal.documents("expense", costs, "expenseDate", numbers["expense"], amount=costs["amount"],
                                  account=costs["account"], paid_from=costs["paid_from"]))
    repaid = costs["reimbursed_at"].notna()
    docs.append(journal.documents("reimbursement", costs[repaid], "reimbursed_at", numbers["expense"][repaid],
                                  amount=costs.loc[repaid, "amount"]))
    docs.append(journal.cash_deposits(paid[paid["kind"] == "receipt"], window.end_ts.normalize()))
    return journal.ledger(docs + credit_docs)


def _invoiced(inv: pd.DataFrame, cost: pd.DataFrame, kinds: tuple[str, str], date: str) -> list[pd.DataFrame]:
    """An invoice's two journals (or their reversals): the sale for its total, and the cost of its goods."""
    number = inv["id"].map(lambda i: document_number("invoice", i))
    sale, cost_of_sale = kinds
    return [journal.documents(sale, inv, date, number, amount=inv["totalAmount"]),
            journal.documents(cost_of_sale, inv, date, number, amount=(cost["owned"] + cost["consigned"]).round(2),
                              owned_cost=cost["owned"], consigned_cost=cost["consigned"])]


def opening_capital(monthly_sales: float, paid: pd.DataFrame, costs: pd.DataFrame) -> float:
    """About a month of sales, or more where slow payers would otherwise run the bank account dry."""
    sign = paid["kind"].map({"receipt": 1.0, "refund": -1.0, "vendor payment": -1.0})
    flows = pd.concat([pd.Series((sign * paid["amount"]).to_numpy(), index=paid["paymentDate"].to_numpy()),
                       pd.Series(-costs["amount"].to_numpy(), index=costs["expenseDate"].to_numpy())])
    lowest = float(flows.groupby(level=0).sum().sort_index().cumsum().min()) if len(flows) else 0.0
    needed = max(monthly_sales * OPENING_CAPITAL_MONTHS, CASH_CUSHION * monthly_sales - lowest)
    return float(np.ceil(needed / 10_000) * 10_000)


def _cost_split(h) -> pd.DataFrame:
    """Each invoice's cost of goods: the part from owned stock, and the part owed to consigning vendors."""
    lines = h.lines
    consigned = (h.batches["paymentTerms"].to_numpy()[lines["batch"].to_numpy()] == payables.CONSIGNMENT)
    cost = (lines["quantity"] * lines["unit_cost"]).round(2)
    split = pd.DataFrame({"order_id": lines["order_id"], "owned": cost.where(~consigned, 0.0), "consigned": cost.where(consigned, 0.0)})
    sums = split.groupby("order_id")[["owned", "consigned"]].sum().round(2)
    return sums.reindex(h.invoices["order_id"]).reset_index(drop=True)
