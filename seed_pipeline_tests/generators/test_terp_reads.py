"""TERP's own screens read the core and the books as the books say: AR and AP as its code sums them,
order items in the shape its analytics read, write-offs it finds, reimbursements it lists, lapsed buyers.

Each oracle is TERP's query (``../shared/terp/app/server``) restated over the generated frames.
"""

import json
from datetime import date

import pandas as pd
import pytest

from seed_pipeline.business.books import books
from seed_pipeline.business.history import core_history
from seed_pipeline.contract import books as books_contract
from seed_pipeline.contract import core as core_contract
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline_tests.helpers import END_DATE, settings, shared_frames

pytestmark = pytest.mark.xdist_group("generated_frames")  # one worker generates the shared frames once


@pytest.fixture(scope="module", params=["light", "edge-cases", "full"])
def seeded(request):
    chosen = settings(request.param)
    frames = shared_frames(chosen)
    accounts = frames["accounts"].set_index("id")["accountNumber"]
    frames["ledgerEntries"] = frames["ledgerEntries"].assign(account=lambda f: f["accountId"].map(accounts))
    return chosen, frames


def _held(frames, account: str, side: int = 1) -> float:
    on = frames["ledgerEntries"][frames["ledgerEntries"]["account"] == account]
    return round(side * float(on["debit"].sum() - on["credit"].sum()), 2)


def _months(frames) -> float:
    return (pd.Timestamp(END_DATE) - frames["orders"]["created_at"].min()).days / 30.44


def test_terp_receivables_and_payables_are_what_the_books_hold(seeded):
    _, frames = seeded
    inv, bills = frames["invoices"], frames["bills"]
    ar = inv[inv["status"].isin(["SENT", "PARTIAL", "OVERDUE"]) & (inv["amountDue"] > 0)]["amountDue"].sum()  # arApDb.calculateARAging
    ap = bills[bills["status"].isin(["PENDING", "PARTIAL", "OVERDUE"]) & (bills["amountDue"] > 0)]["amountDue"].sum()
    assert round(ar, 2) == pytest.approx(inv["amountDue"].sum(), abs=0.01) == pytest.approx(_held(frames, "1100"), abs=0.01)
    assert round(ap, 2) == pytest.approx(bills["amountDue"].sum(), abs=0.01) == pytest.approx(_held(frames, "2000", -1), abs=0.01)
    assert "VIEWED" not in set(inv["status"]) and "APPROVED" not in set(bills["status"])
    st = frames["client_transactions"]  # dashboardAnalytics.getARAgingReport: the statement's open balances
    balance = (st["amount"] - st["payment_amount"].fillna(0)).where(st["payment_status"].isin(["PENDING", "OVERDUE", "PARTIAL"]), 0)
    assert round(balance[balance > 0].sum(), 2) == pytest.approx(inv["amountDue"].sum(), abs=0.01)


def test_every_json_value_reads_as_terp_expects_and_every_counted_state_is_there(seeded):
    _, frames = seeded
    for spec in core_contract.JSON + books_contract.JSON:
        assert spec.invalid(frames[spec.table][spec.column]) == [], f"{spec.table}.{spec.column}"
    for spec in core_contract.STATES + books_contract.STATES:
        missing = set(spec.required(_months(frames))) - set(frames[spec.table][spec.column])
        assert missing == set(), f"{spec.table}.{spec.column}"


def test_order_items_are_the_order_lines_with_their_product_and_cost(seeded):
    _, frames = seeded
    lines, batches = frames["order_line_items"], frames["batches"].set_index("id")
    o = frames["orders"]  # a quote, a draft or a cancelled sale carries its sale's items, and has no lines
    sales = o[(o["orderType"] == "SALE") & ~o["is_draft"] & ~((o["saleStatus"] == "CANCELLED") & o["shipped_at"].isna())]
    items = pd.DataFrame([dict(item, order=o) for o, row in zip(sales["id"], sales["items"]) for item in row])
    assert list(items["batchId"]) == list(lines["batch_id"]) and list(items["quantity"]) == list(lines["quantity"])
    assert list(items["productId"]) == list(batches.loc[lines["batch_id"], "productId"])
    assert (items["lineCogs"] - (lines["quantity"] * lines["cogs_per_unit"]).round(2).to_numpy()).abs().max() < 0.005
    totals = items.groupby("order")["lineTotal"].sum()
    assert (totals - sales.set_index("id")["total"]).abs().max() < 0.01
    assert set(items["cogsMode"]) == {"FIXED", "RANGE"}
    assert ((items["cogsMode"] == "RANGE") == (batches.loc[lines["batch_id"], "cogsMode"] == "RANGE").to_numpy()).all()


def test_write_offs_are_found_by_terp_and_posted_to_bad_debt(seeded):
    chosen, frames = seeded
    txn, inv = frames["transactions"], frames["invoices"].set_index("id")
    inv = inv[~inv["referenceId"].duplicated()]  # an order's invoice; a voided one, numbered after it, was re-issued, not written off
    meta = txn["metadata"].map(json.loads)
    write_offs = txn[meta.map(lambda m: m.get("writeOffType") == "BAD_DEBT")]  # badDebtDb.getClientWriteOffs
    gap = (inv["totalAmount"] - inv["amountPaid"] - inv["amountDue"]).round(2)
    if chosen.scenario == "light":  # a month's history holds no debt 120 days past due
        assert write_offs.empty and gap.max() < 0.005
        return
    assert len(write_offs) >= 1 and set(write_offs["transactionType"]) == {"REFUND"} and set(write_offs["transactionStatus"]) == {"COMPLETED"}
    original = txn.set_index("id").loc[meta[write_offs.index].map(lambda m: m["originalTransactionId"])]
    assert set(original["transactionStatus"]) <= {"WRITTEN_OFF", "PARTIAL"} and "WRITTEN_OFF" in set(original["transactionStatus"])
    assert (original["clientId"].to_numpy() == write_offs["clientId"].to_numpy()).all()
    assert write_offs["amount"].astype(float).sum() == pytest.approx(gap[gap > 0].sum(), abs=0.01)
    assert set(inv.loc[gap[gap > 0].index, "status"]) == {"VOID"}
    assert _held(frames, "5300") == pytest.approx(gap.sum(), abs=0.01)
    posted = frames["ledgerEntries"][frames["ledgerEntries"]["referenceType"] == "WRITE_OFF"]
    waited = (pd.to_datetime(posted["entryDate"]) - pd.to_datetime(inv.loc[posted["referenceId"], "dueDate"]).to_numpy()).dt.days
    assert waited.min() >= 120


def test_pending_reimbursements_are_owed_to_the_staff(seeded):
    _, frames = seeded
    e = frames["expenses"]
    pending = e[e["isReimbursable"] & ~e["isReimbursed"]]  # cashExpensesDb.getPendingReimbursements
    assert len(pending) >= 1
    assert _held(frames, "2400", -1) == pytest.approx(pending["totalAmount"].sum(), abs=0.01)
    repaid = e[e["isReimbursed"]]
    assert repaid["isReimbursable"].all()
    assert (repaid["reimbursedAt"].dt.normalize() > repaid["expenseDate"]).all()


def test_some_buyers_have_lapsed_and_the_figures_still_hold(seeded):
    chosen, frames = seeded
    last = frames["orders"].groupby("client_id")["created_at"].max()
    lapsed = (pd.Timestamp(END_DATE) - last).dt.days >= 90  # historicalAnalysis.getLapsedBuyers
    assert len(last) == chosen.resolved.clients
    if chosen.scenario == "light":
        assert not lapsed.any()
    else:
        assert 1 <= lapsed.sum() < len(last) / 2


@pytest.mark.parametrize("scenario", ["edge-cases", "chaos"])
@pytest.mark.parametrize("end", [date(2026, 3, 1), date(2026, 3, 4), date(2025, 7, 15), date(2027, 1, 20)])
def test_open_bills_and_written_off_debts_at_any_end_date(scenario, end):
    chosen = SeedSettings(scenario, 3, 1.0, end)
    b, h = books(chosen), core_history(chosen)
    assert set(b.bills["status"]) == {"PENDING", "PARTIAL", "OVERDUE", "PAID"}
    assert {"SENT", "PARTIAL", "OVERDUE", "PAID", "VOID"} <= set(h.invoices["status"])
    assert {"WRITTEN_OFF", "OVERDUE", "PARTIAL", "COMPLETED"} <= set(b.transactions["status"])
