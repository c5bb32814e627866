"""Credits, credit limits, invoice lines, vendor payment history, sales and cost revisions tell the core history's story.

Each test reads the generated frames of a whole seed and compares them with what the other
tables say (returns, refunds, payments, invoices, order lines, batches, the ledger), over several
scenarios, seeds and end dates.
"""

import json
from datetime import date

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business.books.postings import CUSTOMER_CREDITS
from seed_pipeline.contract import JSON_COLUMNS, STATE_COLUMNS
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline_tests.helpers import generate_all, shared_frames, tables_problems

MINE = ("credits", "creditApplications", "credit_audit_log", "client_credit_limits", "credit_signal_history", "cogs_rules",
        "cogsHistory", "invoiceLineItems", "paymentHistory", "sales")
CASES = [("light", 1, date(2025, 11, 14)), ("light", 2, date(2026, 10, 31)), ("light", 3, date(2026, 2, 28)),
         ("edge-cases", 1, date(2025, 11, 14)), ("chaos", 2, date(2026, 6, 30)), ("full", 42, date(2025, 11, 14))]
OPEN = ("ACTIVE", "PARTIALLY_USED")


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def seeded(request):
    chosen = SeedSettings(request.param[0], request.param[1], 1.0, request.param[2])
    return chosen, shared_frames(chosen)


def money(values) -> pd.Series:
    return pd.Series(values).astype(float)


def invoice_of_transaction(frames) -> pd.Series:
    """Invoice id of each client transaction id, through the invoice number its metadata carries."""
    number = frames["transactions"].set_index("id")["metadata"].map(lambda m: json.loads(m)["invoiceNumber"])
    return number.map(frames["invoices"].set_index("invoiceNumber")["id"])


def test_frames_obey_the_model_and_their_references(seeded):
    chosen, frames = seeded
    # a month is too short for a credit to be spent or a vendor bill to fall due; a longer history has both
    may_be_empty = {f"{t}: no rows" for t in ("creditApplications", "paymentHistory")} if chosen.resolved.months < 3 else set()
    assert [p for p in tables_problems(MINE, frames, chosen) if p not in may_be_empty] == []
    assert all(len(frames[t]) for t in MINE if f"{t}: no rows" not in may_be_empty)


def test_credits_come_from_the_returns_and_refunds(seeded):
    _, frames = seeded
    c, returns, p = frames["credits"], frames["returns"], frames["payments"]
    returned = c[c["creditReason"].str.startswith("Returned goods")]
    # a returned item names its batch; its price is the one charged on the order's first line of that batch
    lines = frames["order_line_items"].sort_values("id").drop_duplicates(["order_id", "batch_id"])
    price = dict(zip(zip(lines["order_id"], lines["batch_id"]), lines["unit_price"].astype(float)))
    value = pd.Series([sum(i["quantity"] * price[(order, i["batchId"])] for i in items)
                       for order, items in zip(returns["order_id"], returns["items"])]).round(2)
    assert sorted(money(returned["creditAmount"]).round(2)) == pytest.approx(sorted(value))
    refunds = p[(p["paymentType"] == "SENT") & p["customerId"].notna()]
    goodwill = c[c["creditReason"] == "Goodwill after refund"]
    assert len(goodwill) == round(0.4 * len(refunds))
    assert len(returned) + len(goodwill) == len(c)
    refunded = refunds.groupby("customerId")["paymentDate"].min()
    assert (goodwill["clientId"].isin(refunded.index)).all()
    assert (goodwill["createdAt"].dt.normalize().to_numpy() >= refunded.reindex(goodwill["clientId"]).to_numpy()).all()


def test_remaining_is_amount_less_used_and_the_status_says_so(seeded):
    chosen, frames = seeded
    c, apps = frames["credits"], frames["creditApplications"]
    amount, used, left = money(c["creditAmount"]), money(c["amountUsed"]), money(c["amountRemaining"])
    assert (amount - used - left).abs().max() < 0.005
    assert (used <= amount + 0.005).all()
    applied = money(apps["amountApplied"]).groupby(apps["creditId"].to_numpy()).sum()
    assert (applied.reindex(c["id"], fill_value=0.0).to_numpy() - used.to_numpy()).__abs__().max() < 0.005
    lapsed = c["expirationDate"].dt.normalize() < pd.Timestamp(chosen.end_date)
    status = c["creditStatus"]
    assert (status[left <= 0.005] == "FULLY_USED").all()
    assert (status[(left > 0.005) & lapsed] == "EXPIRED").all()
    assert (status[(left > 0.005) & ~lapsed] == np.where(used > 0.005, "PARTIALLY_USED", "ACTIVE")[(left > 0.005) & ~lapsed]).all()


def test_credit_is_spent_on_later_invoices_of_its_client(seeded):
    _, frames = seeded
    apps = frames["creditApplications"].merge(frames["credits"], left_on="creditId", right_on="id", suffixes=("", "_credit"))
    apps = apps.merge(frames["transactions"], left_on="invoiceId", right_on="id", suffixes=("", "_txn"))
    assert (apps["transactionType"] == "INVOICE").all()
    assert (apps["clientId_txn"] == apps["clientId"]).all()
    assert (apps["appliedDate"] >= apps["createdAt"]).all()
    assert (apps["appliedDate"] >= apps["transactionDate"]).all()
    assert (apps["appliedDate"] <= apps["expirationDate"]).all()
    per_invoice = money(apps["amountApplied"]).groupby(invoice_of_transaction(frames).reindex(apps["invoiceId"]).to_numpy()).sum()
    settled = frames["invoices"].set_index("id")["amountPaid"].reindex(per_invoice.index)
    assert (per_invoice <= settled + 0.005).all()


def test_the_ledger_owes_clients_their_open_credits(seeded):
    _, frames = seeded
    accounts = frames["accounts"].set_index("id")["accountNumber"]
    ledger = frames["ledgerEntries"]
    on = ledger[ledger["accountId"].map(accounts) == CUSTOMER_CREDITS]
    c = frames["credits"]
    open_left = money(c.loc[c["creditStatus"].isin(OPEN), "amountRemaining"]).sum()
    assert float(on["credit"].sum() - on["debit"].sum()) == pytest.approx(open_left, abs=0.01)


def test_every_credit_state_a_screen_counts_is_there(seeded):
    chosen, frames = seeded
    spec = STATE_COLUMNS[("credits", "creditStatus")]
    assert set(spec.required(chosen.resolved.months)) <= set(frames["credits"]["creditStatus"])


@pytest.mark.parametrize("key", [k for k in JSON_COLUMNS if k[0] in MINE])
def test_json_values_decode_as_terp_reads_them(seeded, key):
    _, frames = seeded
    values = frames[key[0]][key[1]]
    assert values.notna().all()
    assert JSON_COLUMNS[key].invalid(values) == []


def test_limit_changes_chain_up_to_the_limit_on_file(seeded):
    _, frames = seeded
    log = frames["credit_audit_log"]
    log = log[log["event_type"].isin(["LIMIT_CALCULATED", "LIMIT_INCREASED", "LIMIT_DECREASED"])].sort_values(["client_id", "created_at", "id"])
    for client, events in log.groupby("client_id"):
        assert events["event_type"].iloc[0] == "LIMIT_CALCULATED" and pd.isna(events["old_value"].iloc[0])
        new, old = money(events["new_value"]).to_numpy(), money(events["old_value"]).to_numpy()
        assert np.allclose(old[1:], new[:-1])
        kinds = events["event_type"].to_numpy()[1:]
        assert ((kinds == "LIMIT_INCREASED") == (new[1:] > old[1:])).all()
    on_file = frames["client_credit_limits"].set_index("client_id")["credit_limit"].astype(float)
    last = money(log.groupby("client_id")["new_value"].last())
    assert last.reindex(on_file.index).to_numpy() == pytest.approx(on_file.to_numpy())


def test_debt_aging_signal_follows_what_the_client_owes(seeded):
    chosen, frames = seeded
    signals = frames["credit_signal_history"].sort_values("calculated_at").groupby("client_id").tail(1).set_index("client_id")
    inv = frames["invoices"]
    before = inv[inv["invoiceDate"] < pd.Timestamp(chosen.end_date)]
    days_late = (pd.Timestamp(chosen.end_date) - before["dueDate"]).dt.days
    hopeless = set(before.loc[(days_late >= 90) & (before["amountDue"] > 0), "customerId"]) & set(signals.index)
    owing = (before["amountDue"] > 0) | (before["updatedAt"].dt.normalize() >= pd.Timestamp(chosen.end_date))
    clear = set(signals.index) - set(before.loc[owing, "customerId"])
    assert (signals.loc[sorted(hopeless), "debt_aging_risk"] == 0).all()
    assert (signals.loc[sorted(clear), "debt_aging_risk"] == 100).all()


def test_invoice_lines_are_the_order_lines(seeded):
    _, frames = seeded
    inv = frames["invoices"]
    issued = inv.drop_duplicates("referenceId")  # an order's invoice; a voided one, numbered after it, was keyed for the same lines
    lines = frames["invoiceLineItems"].merge(issued[["id", "referenceId", "totalAmount"]], left_on="invoiceId", right_on="id")
    keys = ["order", "batch", "quantity", "price", "total"]
    mine = lines.rename(columns={"referenceId": "order", "batchId": "batch", "unitPrice": "price", "lineTotal": "total"})[keys]
    theirs = frames["order_line_items"].rename(columns={"order_id": "order", "batch_id": "batch", "unit_price": "price",
                                                        "line_total": "total"})[keys]
    def ordered(frame):
        return frame.astype(float).round(2).sort_values(keys, ignore_index=True)

    pd.testing.assert_frame_equal(ordered(mine), ordered(theirs))
    sums = lines.groupby("invoiceId")["lineTotal"].sum()
    assert (sums - inv.set_index("id")["totalAmount"].reindex(sums.index)).abs().max() < 0.005
    assert set(sums.index) == set(issued["id"])
    voided = frames["invoiceLineItems"][~frames["invoiceLineItems"]["invoiceId"].isin(issued["id"])]
    again = inv.set_index("id")["referenceId"].reindex(voided["invoiceId"]).map(issued.set_index("referenceId")["id"])
    assert len(voided) and (voided["lineTotal"].groupby(again.to_numpy()).sum() - sums.reindex(again.unique())).abs().max() < 0.005


def test_payment_history_is_what_vendors_were_paid(seeded):
    _, frames = seeded
    ph, p = frames["paymentHistory"], frames["payments"]
    logged = money(ph["amount"]).groupby([ph["vendorId"].to_numpy(), ph["paymentDate"].dt.normalize().to_numpy()]).sum().round(2)
    to_bills = p[p["billId"].notna()]
    paid = to_bills["amount"].groupby([to_bills["vendorId"].astype(int).to_numpy(),
                                       pd.to_datetime(to_bills["paymentDate"]).to_numpy()]).sum().round(2)
    assert logged.to_dict() == paid.to_dict()


def test_sales_and_cost_revisions_follow_batch_costs(seeded):
    _, frames = seeded
    sales, batches, cogs = frames["sales"], frames["batches"].set_index("id"), frames["cogsHistory"]
    assert len(sales) == len(frames["order_line_items"])
    assert (money(sales["cogsAtSale"]).to_numpy() == money(batches["unitCogs"].reindex(sales["batchId"])).to_numpy()).all()
    latest = cogs.sort_values(["createdAt", "id"]).groupby("batchId").tail(1)
    assert (money(latest["newCogs"]).to_numpy() == money(batches["unitCogs"].reindex(latest["batchId"])).to_numpy()).all()
    assert (money(cogs["oldCogs"]) != money(cogs["newCogs"])).all()
    before = [int(((sales["batchId"] == b) & (sales["saleDate"] < at)).sum()) for b, at in zip(cogs["batchId"], cogs["createdAt"])]
    assert cogs["affectedSalesCount"].tolist() == before
    assert set(cogs["changeType"]) <= {"prospective", "both"}


def test_same_settings_give_the_same_frames_and_another_seed_others():
    edge = date(2025, 11, 14)
    first, again, other = (generate_all(SeedSettings("edge-cases", seed, 1.0, edge)) for seed in (1, 1, 7))
    for table in MINE:
        pd.testing.assert_frame_equal(first[table], again[table], obj=table)
        if table != "cogs_rules":  # the costing policy's thresholds may round alike
            assert not first[table].equals(other[table]), table
