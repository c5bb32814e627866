"""The general ledger: every document of the history posted as a balanced journal entry.

Each journal kind's postings come from ``postings.JOURNALS``; a document posts one entry on its
own date (an invoice posts two: the sale and its cost). Journals are numbered in date order and
each of their lines is one ``ledgerEntries`` row.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.books.postings import CASH_VAULT, JOURNALS, Journal

DEPOSIT_WEEKDAY = 4  # the vault's cash goes to the bank on Fridays


def documents(kind: str, frame: pd.DataFrame, date: str, number: pd.Series, **amounts) -> pd.DataFrame:
    """The documents of one journal kind: local id, date, number and the amount columns its postings read."""
    out = pd.DataFrame({"kind": kind, "ref": frame["id"].to_numpy(), "date": pd.to_datetime(frame[date]).dt.normalize().to_numpy(),
                        "number": np.asarray(number, dtype=object)})
    for name, values in amounts.items():
        out[name] = np.asarray(values)
    return out


def cash_deposits(receipts: pd.DataFrame, end: pd.Timestamp) -> pd.DataFrame:
    """Cash taken on deliveries is deposited at the bank the Friday after it came in, if that Friday has come."""
    cash = receipts[receipts["cash_account"] == CASH_VAULT]
    friday = cash["paymentDate"] + pd.to_timedelta((DEPOSIT_WEEKDAY - cash["paymentDate"].dt.day_of_week) % 7, unit="D")
    weekly = cash.assign(date=friday).groupby("date", as_index=False)["amount"].sum()
    weekly = weekly[weekly["date"] <= end].reset_index(drop=True)
    return pd.DataFrame({"kind": "cash deposit", "ref": pd.NA, "date": weekly["date"], "number": None,
                         "amount": weekly["amount"].round(2)})


def _post(journal: Journal, docs: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for line, posting in enumerate(journal.postings, start=1):
        amount = docs[posting.amount].astype(float).round(2)
        account = docs[posting.account] if posting.account in docs else posting.account
        rows.append(pd.DataFrame({
            "kind": docs["kind"], "ref": docs["ref"], "date": docs["date"], "number": docs["number"], "line": line,
            "account": account, "debit": amount if posting.side == "debit" else 0.0,
            "credit": amount if posting.side == "credit" else 0.0, "amount": amount}))
    return pd.concat(rows, ignore_index=True)


def ledger(docs: list[pd.DataFrame]) -> pd.DataFrame:
    """Ledger lines of all documents, journals numbered in date order; zero lines (nothing consigned) are left out."""
    order = {kind: i for i, kind in enumerate(JOURNALS)}
    posted = pd.concat([_post(JOURNALS[d["kind"].iloc[0]], d) for d in docs if len(d)], ignore_index=True)
    posted = posted[posted["amount"] > 0].drop(columns="amount")
    posted["kind_order"] = posted["kind"].map(order)
    posted = posted.sort_values(["date", "kind_order", "ref", "line"], kind="stable", ignore_index=True)
    posted["journal"] = posted.groupby(["date", "kind_order", "ref"], dropna=False, sort=False).ngroup() + 1
    posted["line"] = posted.groupby("journal").cumcount() + 1
    posted["referenceType"] = posted["kind"].map({k: j.reference for k, j in JOURNALS.items()})
    templates = posted["kind"].map({k: j.description for k, j in JOURNALS.items()})
    posted["description"] = [t.format(number=n) for t, n in zip(templates, posted["number"])]
    return posted.drop(columns=["kind_order", "number"])
