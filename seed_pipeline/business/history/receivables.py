"""Invoices and what has been paid on them as of the end date.

The open balance is built to the scenario's aging shape: the receivable is whatever is not yet
due plus an overdue part worth ``overdue_share`` of it, ``overdue_120_share`` of which is 120+ days
past due. Everything else has been paid, on or around its due date, except a few debts that went
120+ days past due long ago and were written off as bad debt (what was paid before stays paid).
"""

from datetime import date

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.rules import AGED_DAYS, days_past_due, due_dates, invoice_status, rows_for_share
from seed_pipeline.scenarios import Scenario

USABLE_POOL = 0.8  # at most this share of a bucket's invoices stays unpaid
PARTIAL_SHARE = 0.2  # of open, not yet due invoices: part paid
PAY_DELAY_DAYS = (-4, 9)  # paid invoices: working days around the due date
KEYED_IN_HOUR = 9  # an invoice is keyed in at 9 on its date
WRITE_OFF_SHARE = 0.01  # of the settled debts that could have gone 120+ days past due: written off instead
WRITE_OFF_WAIT_DAYS = (AGED_DAYS, AGED_DAYS + 60)  # after the due date, once collection has failed
PAID_BEFORE_WRITE_OFF = (0.1, 0.5)  # every second hopeless debt had been part paid


def _take(amounts: pd.Series, target: float, rng: np.random.Generator, first: np.ndarray | None = None) -> pd.Series:
    """Unpaid balance per invoice of a bucket adding up to ``target``: whole invoices, the last one in part.

    The smallest invoice ``first`` marks is taken first, so the bucket holds one open in full when it can.
    """
    order = rng.permutation(len(amounts))
    if first is not None and first.any():
        lead = int(np.flatnonzero(first)[np.argmin(amounts.to_numpy()[first])])
        order = np.concatenate([[lead], order[order != lead]])
    totals = amounts.to_numpy()[order]
    before = np.concatenate([[0.0], np.cumsum(totals)[:-1]])
    balance = np.clip(target - before, 0, totals)
    out = pd.Series(0.0, index=amounts.index)
    out.iloc[order] = np.round(balance, 2)
    return out


def _usable(amounts: pd.Series) -> float:
    """How much of a past-due bucket may stay unpaid: ``USABLE_POOL`` of it, and never so much that every
    invoice is open. ``_take`` fills in random order, so the last invoice it reaches stays settled: even a
    one-month history has a PAID invoice, a state TERP's invoice list counts."""
    return USABLE_POOL * amounts.sum() if len(amounts) < 2 else min(USABLE_POOL * amounts.sum(), amounts.sum() - amounts.max())


def invoices(s: Scenario, order_frame: pd.DataFrame, as_of: date, rng: np.random.Generator) -> pd.DataFrame:
    end = pd.Timestamp(as_of)
    # the order's working day or the next; never after the end date (then the order's own day)
    issued = hours.working_days(order_frame["created_at"].dt.normalize()
                                + pd.to_timedelta(rng.integers(0, 2, len(order_frame)), unit="D"), end)
    due = due_dates(issued, order_frame["paymentTerms"])
    total = order_frame["total"]
    past = days_past_due(due, as_of)
    current, aged, late = past <= 0, past >= AGED_DAYS, (past > 0) & (past < AGED_DAYS)
    shares = {"current": 1 - s.overdue_share, "aged": s.overdue_share * s.overdue_120_share,
              "late": s.overdue_share * (1 - s.overdue_120_share)}
    # some open current invoices are part paid already; the rest of the current bucket is open in full
    open_current = total.where(current, 0.0)
    part = current & (rng.random(len(total)) < PARTIAL_SHARE)
    open_current[part] = (total[part] * rng.uniform(0.3, 0.8, part.sum())).round(2)
    pools = {"current": open_current.sum(), "aged": _usable(total[aged]), "late": _usable(total[late])}
    # the largest receivable every bucket can supply at the target shape
    receivable = min(pools[k] / shares[k] for k in shares if shares[k] > 0)
    balance = pd.Series(0.0, index=order_frame.index)
    for bucket, mask, amounts in (("current", current, open_current), ("aged", aged, total), ("late", late, total)):
        # one current invoice open in full and untouched: what TERP lists as SENT
        balance[mask] = _take(amounts[mask], receivable * shares[bucket], rng, (~part[mask]).to_numpy() if bucket == "current" else None)
    paid = (total - balance).round(2)
    written_off, written_off_at, paid = _write_offs(order_frame, paid, balance, due, as_of, rng)
    status = invoice_status(total, paid, due, as_of, written_off)
    delay = rng.integers(*PAY_DELAY_DAYS, len(total))
    last_day = hours.working_days([end], end).iloc[0]  # the last working day of the history
    paid_at = pd.Series(hours.working_day_offset(due, delay).to_numpy(), index=total.index).clip(lower=issued, upper=last_day)
    # a part payment came in somewhere between the invoice and the due date (or the end date)
    part_paid = ((balance > 0) | (written_off > 0)) & (paid > 0)
    span = (due.where(due < end, end) - issued).clip(lower=pd.Timedelta(0))
    paid_at = paid_at.where(~part_paid, hours.working_days(issued + span * rng.random(len(total)), end).clip(lower=issued))
    return pd.DataFrame({
        "id": np.arange(1, len(order_frame) + 1),  # local ids, as the other frames of the history have
        "order_id": order_frame["id"],
        "customerId": order_frame["client_id"],
        "invoiceDate": issued,
        # keyed in on the morning of its date, or right after the order if that came later
        "created_at": np.maximum(order_frame["created_at"].to_numpy(), (issued + pd.Timedelta(hours=KEYED_IN_HOUR)).to_numpy()),
        "dueDate": due,
        "totalAmount": total,
        "amountPaid": paid,
        "amountDue": balance.round(2),
        "status": status,
        "paymentTerms": order_frame["paymentTerms"],
        "paid_at": paid_at.where(paid > 0),
        "writtenOff": written_off,
        "written_off_at": written_off_at,
    })


def _write_offs(order_frame: pd.DataFrame, paid: pd.Series, balance: pd.Series, due: pd.Series,
                as_of: date, rng: np.random.Generator) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Hopeless debts written off: (amount written off, when, what was paid before) per invoice.

    Taken among the invoices the aging shape left settled that are now more than 120 days past due,
    written off once 120+ days past due (and by the end date), so the receivable and its aging keep their target shape.
    At least one when any invoice qualifies.
    """
    past = days_past_due(due, as_of)
    eligible = np.flatnonzero(((balance == 0) & (past > AGED_DAYS)).to_numpy())
    n = max(1, round(WRITE_OFF_SHARE * len(eligible))) if len(eligible) else 0
    chosen = np.sort(rng.choice(eligible, n, replace=False))
    total = order_frame["total"]
    before = np.where(np.arange(n) % 2 == 1, (total.iloc[chosen] * rng.uniform(*PAID_BEFORE_WRITE_OFF, n)).round(2), 0.0)
    written_off = pd.Series(0.0, index=total.index)
    written_off.iloc[chosen] = (total.iloc[chosen] - before).round(2)
    paid = paid.copy()
    paid.iloc[chosen] = before
    wait = rng.integers(WRITE_OFF_WAIT_DAYS[0], np.minimum(past.iloc[chosen].to_numpy(), WRITE_OFF_WAIT_DAYS[1]) + 1)
    at = pd.Series(pd.NaT, index=total.index, dtype="datetime64[ns]")
    day = due.iloc[chosen] + pd.to_timedelta(wait, unit="D")
    worked = hours.working_days(day, as_of)  # on a working day, unless that would come before the 120 days
    at.iloc[chosen] = worked.where(worked >= due.iloc[chosen] + pd.Timedelta(days=AGED_DAYS), day).to_numpy()
    return written_off, at.where(written_off > 0), paid


def refunds(s: Scenario, invoice_frame: pd.DataFrame, as_of: date, rng: np.random.Generator) -> pd.DataFrame:
    """``refunds_share`` of the scenario's orders (a whole number of them) get back about ``refund_size`` of their total, after payment.

    Paid invoices first; where too few are paid yet (a short history), part-paid ones too, never for
    more than was paid on them. The first one drawn is, where the history has one, an invoice whose client
    settled another on a later day, refunded the day it was paid, and that other invoice is drawn last: the
    client then has a settled invoice after the refund, on which a goodwill credit can be spent even in a
    month's history.
    """
    paid = invoice_frame[invoice_frame["status"] == "PAID"]
    part = invoice_frame[(invoice_frame["status"] != "PAID") & (invoice_frame["amountPaid"] > 0)]
    pool = pd.concat([paid.iloc[rng.permutation(len(paid))], part.iloc[rng.permutation(len(part))]])
    day = pool["paid_at"].dt.normalize()
    last_paid = day.groupby(pool["customerId"]).max().reindex(pool["customerId"]).to_numpy()
    lead = np.flatnonzero(last_paid > day.to_numpy())[:1]  # its client settled another invoice on a later day
    partner = np.flatnonzero((pool["customerId"].to_numpy() == pool["customerId"].iloc[lead].to_numpy()[:, None]).any(axis=0)
                             & (day.to_numpy() == last_paid))[:1]  # that invoice, refunded last if at all
    pool = pool.iloc[np.r_[lead, np.setdiff1d(np.arange(len(pool)), np.r_[lead, partner]), partner]]
    n = min(len(pool), rows_for_share(s.refunds_share, s.orders))  # the target's count
    size = rng.normal(s.refund_size, s.refund_size / 5, n).clip(0.01, 0.2)
    chosen = pool.iloc[:n]
    amount = np.minimum(chosen["totalAmount"] * size, chosen["amountPaid"]).round(2)
    at = hours.working_days((chosen["paid_at"] + pd.to_timedelta(rng.integers(1, 20, n), unit="D"))
                            .clip(upper=pd.Timestamp(as_of)), as_of).clip(lower=chosen["paid_at"])
    if len(lead) and n:
        at.iloc[0] = chosen["paid_at"].iloc[0]  # refunded the day it was paid, the day before the client's next payment
    order = np.argsort(chosen.index.to_numpy(), kind="stable")
    return pd.DataFrame({"order_id": chosen["order_id"], "amount": amount, "refunded_at": at}).iloc[order]
