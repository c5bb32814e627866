"""The books tell the same story as the core history: balanced journals, AR and AP equal to what
the invoices and bills say is due, payments that add up, a bank account that never runs dry."""

import json

import pandas as pd
import pytest

from seed_pipeline.business.books import books
from seed_pipeline.business.books.postings import CASH_VAULT, OPERATING, PAYABLE, RECEIVABLE
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline_tests.helpers import END_DATE, settings, shared_frames, tables_problems

pytestmark = pytest.mark.xdist_group("generated_frames")  # one worker generates the shared frames once

BOOKS = ("fiscalPeriods", "bankAccounts", "bills", "billLineItems", "payments", "expenses", "ledgerEntries",
         "bankTransactions", "transactions", "transactionLinks", "client_transactions", "invoices", "sequences")


@pytest.fixture(scope="module", params=["light", "full", "edge-cases"])
def seeded(request):
    chosen = settings(request.param)
    frames = shared_frames(chosen)
    accounts = frames["accounts"].set_index("id")["accountNumber"]
    ledger = frames["ledgerEntries"].assign(account=lambda f: f["accountId"].map(accounts))
    return chosen, frames, ledger


def balance(ledger: pd.DataFrame, account: str) -> float:
    on = ledger[ledger["account"] == account]
    return round(float(on["debit"].sum() - on["credit"].sum()), 2)


def test_frames_obey_the_model_and_their_references(seeded):
    chosen, frames, _ = seeded
    assert tables_problems(BOOKS, frames, chosen) == []


def test_every_journal_balances_and_so_does_the_ledger(seeded):
    _, _, ledger = seeded
    journal = ledger["entryNumber"].str.rsplit("-", n=1).str[0]
    net = (ledger["debit"] - ledger["credit"]).groupby(journal).sum()
    assert net.abs().max() < 0.005
    assert abs(ledger["debit"].sum() - ledger["credit"].sum()) < 0.005


def test_control_accounts_equal_their_subledgers(seeded):
    _, frames, ledger = seeded
    assert balance(ledger, RECEIVABLE) == pytest.approx(frames["invoices"]["amountDue"].sum(), abs=0.01)
    assert -balance(ledger, PAYABLE) == pytest.approx(frames["bills"]["amountDue"].sum(), abs=0.01)
    bank = frames["bankAccounts"].iloc[0]
    assert bank["currentBalance"] == pytest.approx(balance(ledger, OPERATING), abs=0.01)
    statement = frames["bankTransactions"]
    signed = statement["amount"].where(statement["transactionType"] == "DEPOSIT", -statement["amount"])
    assert signed.sum() == pytest.approx(bank["currentBalance"], abs=0.01)


def credit_spent(frames) -> pd.Series:
    """Store credit applied to each invoice (by id), through the client transaction the application names."""
    txn = frames["transactions"].set_index("id")["metadata"].map(lambda m: json.loads(m)["invoiceNumber"])
    invoice_id = frames["invoices"].set_index("invoiceNumber")["id"]
    apps = frames["creditApplications"]
    return apps["amountApplied"].astype(float).groupby(invoice_id.reindex(txn.reindex(apps["invoiceId"])).to_numpy()).sum()


def test_payments_add_up_and_follow_their_documents(seeded):
    _, frames, _ = seeded
    p, invoices, bills = frames["payments"], frames["invoices"], frames["bills"]
    received = p[p["paymentType"] == "RECEIVED"].groupby("invoiceId")["amount"].sum()
    paid = received.add(credit_spent(frames), fill_value=0)
    assert invoices.set_index("id")["amountPaid"].sub(paid, fill_value=0).abs().max() < 0.005
    settled = p.dropna(subset=["billId"]).groupby("billId")["amount"].sum()
    assert bills.set_index("id")["amountPaid"].sub(settled, fill_value=0).abs().max() < 0.005
    on_invoice = p.merge(invoices, left_on="invoiceId", right_on="id")
    assert (on_invoice["paymentDate"] >= on_invoice["invoiceDate"]).all()
    lines = frames["billLineItems"].groupby("billId")["lineTotal"].sum()
    assert bills.set_index("id")["totalAmount"].sub(lines).abs().max() < 0.005


def test_client_accounts_list_the_invoices_payments_refunds_and_write_offs(seeded):
    _, frames, _ = seeded
    txn, statement, p, inv = frames["transactions"], frames["client_transactions"], frames["payments"], frames["invoices"]
    inv = inv.drop_duplicates("referenceId")  # an order's invoice; a voided one, numbered after it, is on no client's account
    booked = pd.concat([
        inv.assign(kind="INVOICE").rename(columns={"customerId": "client", "totalAmount": "amount"}),
        p[p["paymentType"] == "RECEIVED"].assign(kind="PAYMENT").rename(columns={"customerId": "client"}),
        p[(p["paymentType"] == "SENT") & p["customerId"].notna()].assign(kind="REFUND").rename(columns={"customerId": "client"}),
        inv.assign(kind="WRITE_OFF", amount=inv["totalAmount"] - inv["amountPaid"] - inv["amountDue"], client=inv["customerId"])
        .query("amount > 0.005"),
    ])[["client", "kind", "amount"]].astype({"client": "int64"}).groupby(["client", "kind"])["amount"].sum().round(2)
    write_off = txn["metadata"].map(lambda m: json.loads(m).get("writeOffType") == "BAD_DEBT")
    kind = txn["transactionType"].where(~write_off, "WRITE_OFF")
    listed = txn.assign(amount=txn["amount"].astype(float)).groupby([txn["clientId"], kind])["amount"].sum().round(2)
    stated_kind = statement["transaction_type"].replace({"CREDIT": "WRITE_OFF"})
    stated = statement.groupby([statement["client_id"], stated_kind])["amount"].sum().round(2)
    assert listed.to_dict() == booked.to_dict() == stated.to_dict()
    links = frames["transactionLinks"].merge(txn.assign(kind=kind), left_on="childTransactionId", right_on="id")
    parents = txn.set_index("id").loc[links["parentTransactionId"]]
    assert (parents["clientId"].to_numpy() == links["clientId"].to_numpy()).all()
    assert (parents["transactionDate"].to_numpy() <= links["transactionDate"].to_numpy()).all()
    expected = links["kind"].map({"PAYMENT": "PAYMENT_FOR", "REFUND": "REFUND_OF", "WRITE_OFF": "RELATED_TO"})
    assert (links["transactionLinkType"] == expected).all()


def test_the_business_makes_money_and_never_runs_out_of_cash(seeded):
    chosen, _, ledger = seeded
    revenue = -balance(ledger, "4000")
    cost = balance(ledger, "5000")
    opex = sum(balance(ledger, a) for a in ledger["account"].unique() if a.startswith("51"))
    s = chosen.resolved
    assert 1 - cost / revenue == pytest.approx(s.margin, abs=s.margin_tolerance)
    assert 0.05 < opex / revenue < 0.2
    cash = ledger[ledger["account"].isin([OPERATING, CASH_VAULT])]
    assert (cash["debit"] - cash["credit"]).groupby(cash["entryDate"]).sum().cumsum().min() > 0


def test_periods_cover_the_history_and_only_the_current_one_is_open(seeded):
    _, frames, ledger = seeded
    periods = frames["fiscalPeriods"].set_index("id")
    inside = ledger.join(periods[["startDate", "endDate"]], on="fiscalPeriodId")
    assert ((inside["entryDate"] >= inside["startDate"]) & (inside["entryDate"] <= inside["endDate"])).all()
    assert list(periods["status"])[-1] == "OPEN" and set(list(periods["status"])[:-2]) <= {"CLOSED"}


def test_same_settings_same_books_another_seed_other_books():
    first = books(SeedSettings("light", 7, 1.0, END_DATE)).ledger
    books.cache_clear()
    assert first.equals(books(SeedSettings("light", 7, 1.0, END_DATE)).ledger)
    assert not first.equals(books(SeedSettings("light", 8, 1.0, END_DATE)).ledger)
