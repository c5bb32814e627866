"""Store credits: issued for real returns and as goodwill after real refunds, then spent on the client's later invoices.

A return is credited at the value of the goods sent back; a share of refunded orders also earn
the client a goodwill credit toward the next order. A credit is spent when the client settles a
later invoice: the credit covers part of what the invoice says is paid, so the cash received on
it is that much smaller (``business/books/payments.py``). A credit is never spent beyond its
amount, never on an invoice paid before it was issued or after it expired, and never beyond
what was settled on the invoice; what is left unused past the expiry date lapses.
"""

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from seed_pipeline.business.history import CoreHistory

RETURN, GOODWILL = "Returned goods", "Goodwill"
VALID_DAYS = {RETURN: 180, GOODWILL: 90}
GOODWILL_SHARE = 0.4  # of refunded orders
GOODWILL_OF_ORDER = (0.01, 0.03)  # of the refunded order's total, rounded to $25, at least $25
GOODWILL_STEP = 25.0
ISSUED_AFTER_RETURN_DAYS = (0, 2)
# what each credit is meant for: spent in full, in part, or kept; the rest of the quota is spent in full
USE_QUOTA = {"part": 0.25, "kept": 0.20}
PART_OF_CREDIT = (0.3, 0.7)
MAX_INVOICES_PER_CREDIT = 3


@dataclass(frozen=True)
class Credits:
    credits: pd.DataFrame  # local id 1..n in issue order
    applications: pd.DataFrame  # credit, invoice (local ids), amount, applied (date)


def _goodwill_picks(refunds: pd.DataFrame, spendable: np.ndarray, usable: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Positions of the refunds that also earn a goodwill credit: ``GOODWILL_SHARE`` of them, the earliest always
    (where only one is due: the earliest that ``usable`` marks, so even a short history spends a credit), and where
    two or more are due the latest of those ``spendable`` marks, so a credit can be spent in part."""
    n = int(round(GOODWILL_SHARE * len(refunds)))
    if n == 0:
        return np.empty(0, dtype=np.int64)
    at = refunds["refunded_at"].to_numpy()
    first = int(np.argmin(np.where(usable, at, at.max())) if n == 1 and usable.any() else np.argmin(at))
    chosen = [first]
    later = [i for i in np.flatnonzero(spendable)[np.argsort(at[spendable], kind="stable")] if i != first]
    if n >= 2 and later:
        chosen.append(int(later[-1]))
    others = np.setdiff1d(np.arange(len(refunds)), chosen)
    return np.sort(np.append(rng.choice(others, n - len(chosen), replace=False), chosen)).astype(np.int64)


def _spendable(h: CoreHistory, end: pd.Timestamp, while_valid: bool) -> np.ndarray:
    """Per refund: would its goodwill credit find a later settled invoice of the client before it expires, and
    (``while_valid``) be still valid at the end date (what spending in part needs)?"""
    r = h.refunds
    day = r["refunded_at"].dt.normalize().to_numpy()
    refunds = pd.DataFrame({"at": np.arange(len(r)), "day": day, "expires": day + np.timedelta64(VALID_DAYS[GOODWILL], "D"),
                            "client": h.orders.set_index("id")["client_id"].reindex(r["order_id"]).to_numpy()})
    pairs = refunds.merge(_settled(h)[["customerId", "paid_day"]], left_on="client", right_on="customerId")
    fits = pairs[(pairs["paid_day"] > pairs["day"]) & (pairs["paid_day"] <= pairs["expires"]) & ((pairs["expires"] >= end) | (not while_valid))]
    return np.isin(np.arange(len(r)), fits["at"])


def _issued(h: CoreHistory, end: pd.Timestamp, rng: np.random.Generator) -> pd.DataFrame:
    client_of = h.orders.set_index("id")["client_id"]
    total_of = h.orders.set_index("id")["total"]
    r = h.returns
    days = pd.to_timedelta(rng.integers(*ISSUED_AFTER_RETURN_DAYS, len(r), endpoint=True), unit="D")
    returned = pd.DataFrame({
        "reason": RETURN, "order_id": r["order_id"].to_numpy(), "return_id": np.arange(1, len(r) + 1),
        "amount": (r["quantity"] * r["unit_price"]).round(2).to_numpy(),
        "issued": (pd.to_datetime(r["processed_at"]).dt.normalize() + days).clip(upper=end).to_numpy()})
    refunded = h.refunds.iloc[_goodwill_picks(h.refunds, _spendable(h, end, True), _spendable(h, end, False), rng)]
    share = rng.uniform(*GOODWILL_OF_ORDER, len(refunded))
    goodwill = pd.DataFrame({
        "reason": GOODWILL, "order_id": refunded["order_id"].to_numpy(), "return_id": pd.NA,
        "amount": np.maximum(GOODWILL_STEP, np.round(total_of.reindex(refunded["order_id"]).to_numpy() * share / GOODWILL_STEP)
                             * GOODWILL_STEP),
        "issued": refunded["refunded_at"].dt.normalize().to_numpy()})
    out = pd.concat([returned, goodwill], ignore_index=True).sort_values(["issued", "reason", "order_id"], kind="stable",
                                                                         ignore_index=True)
    out.insert(0, "id", np.arange(1, len(out) + 1))
    out["client"] = client_of.reindex(out["order_id"]).to_numpy()
    out["expires"] = out["issued"] + pd.to_timedelta(out["reason"].map(VALID_DAYS), unit="D")
    out["return_id"] = out["return_id"].astype("Int64")
    return out


def _settled(h: CoreHistory) -> pd.DataFrame:
    """Invoices a credit can be spent on, in payment order: settled in part or in full, and not refunded.

    A refund gives back part of the cash paid on an invoice, so such an invoice keeps its payment whole.
    """
    inv = h.invoices
    refunded = inv["order_id"].isin(h.refunds["order_id"]).to_numpy()
    out = inv[(inv["amountPaid"] > 0) & ~refunded].sort_values(["paid_at", "id"], kind="stable")
    return out.assign(paid_day=out["paid_at"].dt.normalize())


def _usable(credits: pd.DataFrame, settled: pd.DataFrame) -> pd.DataFrame:
    """Each (credit, invoice) pair where the invoice was settled after the credit was issued and before it expired."""
    pairs = credits[["id", "client", "issued", "expires"]].merge(
        settled[["id", "customerId", "paid_day", "paid_at", "amountPaid"]].rename(columns={"id": "invoice"}),
        left_on="client", right_on="customerId")
    return pairs[(pairs["paid_day"] > pairs["issued"]) & (pairs["paid_day"] <= pairs["expires"])]


def _intents(credits: pd.DataFrame, usable: pd.DataFrame, end: pd.Timestamp, rng: np.random.Generator) -> np.ndarray:
    """What each credit is meant for, by quota, with every outcome TERP's screens show wherever the history allows.

    Spending needs a later settled invoice of the client, so the credits that can be spent are saved
    for it: the newest valid credit is kept (open), one that cannot be spent where there is one; the
    one whose usable invoices cover it best is spent in full (a lapsed one where one qualifies, so the
    valid ones stay free); the newest other valid credit that can be spent is spent in part; the
    oldest lapsed one left is kept (expired).
    """
    n = len(credits)
    counts = {k: int(round(share * n)) for k, share in USE_QUOTA.items()}
    intent = np.array(["full"] * (n - sum(counts.values())) + ["part"] * counts["part"] + ["kept"] * counts["kept"])
    intent = intent[rng.permutation(n)] if n else intent
    valid = (credits["expires"] >= end).to_numpy()
    spendable = credits["id"].isin(usable["id"]).to_numpy()
    room = usable.groupby("id")["amountPaid"].sum().reindex(credits["id"], fill_value=0.0).to_numpy()
    cover = room / credits["amount"].to_numpy()

    def best(candidates: np.ndarray) -> list[int]:  # the credit most surely spent in full, if any can be
        score = np.where(candidates & (cover >= 1), cover, -1.0)
        return [int(np.argmax(score))] if n and score.max() >= 1 else []

    newest = [int(np.flatnonzero(mask)[-1]) for mask in (valid & ~spendable, valid, np.ones(n, bool)) if mask.any()][:1]
    free = np.ones(n, dtype=bool)
    free[newest] = False
    full = best(~valid & spendable & free) or best(valid & spendable & free)
    part = [int(i) for i in np.flatnonzero(valid & spendable & free) if i not in full][-1:]
    lapsed = [int(i) for i in np.flatnonzero(~valid) if i not in full][:1]
    for chosen, kind in ((newest, "kept"), (lapsed, "kept"), (part, "part"), (full, "full")):
        intent[np.asarray(chosen, dtype=np.int64)] = kind
    return intent


def _spend(credits: pd.DataFrame, intent: np.ndarray, usable: pd.DataFrame, settled: pd.DataFrame,
           rng: np.random.Generator) -> pd.DataFrame:
    """Apply each credit, in issue order, to its usable invoices in payment order, up to what each invoice can still take."""
    room = dict(zip(settled["id"], settled["amountPaid"]))  # what each invoice can still take
    options = {c: g for c, g in usable.sort_values(["paid_at", "invoice"], kind="stable").groupby("id")}
    part = rng.uniform(*PART_OF_CREDIT, len(credits))
    rows = []
    for credit, want, kind, fraction in zip(credits["id"], credits["amount"], intent, part):
        if kind == "kept" or credit not in options:
            continue
        left = round(want * fraction, 2) if kind == "part" else want
        spent_on = 0
        for invoice, paid_at in zip(options[credit]["invoice"], options[credit]["paid_at"]):
            take = round(min(left, room[invoice]), 2)
            if take <= 0:
                continue
            rows.append((credit, invoice, take, paid_at))
            room[invoice] = round(room[invoice] - take, 2)
            left = round(left - take, 2)
            spent_on += 1
            if left <= 0 or kind == "part" or spent_on == MAX_INVOICES_PER_CREDIT:
                break
    return pd.DataFrame(rows, columns=["credit", "invoice", "amount", "applied"]).astype(
        {"credit": np.int64, "invoice": np.int64, "amount": float})


def credit_status(amount: pd.Series, used: pd.Series, expires: pd.Series, as_of: date) -> pd.Series:
    """TERP's credit status as of a date: FULLY_USED when nothing is left, EXPIRED when past expiry, else by use."""
    remaining = (amount - used).round(2)
    status = np.where(used > 0, "PARTIALLY_USED", "ACTIVE")
    status = np.where(pd.to_datetime(expires) < pd.Timestamp(as_of), "EXPIRED", status)
    status = np.where(remaining <= 0, "FULLY_USED", status)
    return pd.Series(status, index=amount.index)


def credits(h: CoreHistory, as_of: date, rng: np.random.Generator) -> Credits:
    end = pd.Timestamp(as_of)
    issued = _issued(h, end, rng)
    settled = _settled(h)
    usable = _usable(issued, settled)
    applications = _spend(issued, _intents(issued, usable, end, rng), usable, settled, rng)
    used = applications.groupby("credit")["amount"].sum().reindex(issued["id"], fill_value=0.0).round(2).to_numpy()
    issued["used"] = used
    issued["remaining"] = (issued["amount"] - issued["used"]).round(2)
    issued["status"] = credit_status(issued["amount"], issued["used"], issued["expires"], as_of).to_numpy()
    last_use = applications.groupby("credit")["applied"].max()
    issued["last_used"] = issued["id"].map(last_use)
    return Credits(issued, applications.sort_values(["applied", "credit"], kind="stable", ignore_index=True))
