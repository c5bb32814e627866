"""What the store credits do to the books: cash not received, and three journals.

A credit spent on an invoice is part of what was paid on it, so the cash the client sends for
that invoice is smaller by as much. Issuing a credit moves its amount from sales (returns and
allowances) to what the company owes the client (Customer Credits); spending it settles that
much of the receivable; letting it lapse gives the unused rest back to sales.
"""

import pandas as pd

from seed_pipeline.business.books.journal import documents
from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.credit import CreditBook


def spent_per_invoice(book: CreditBook) -> pd.Series:
    """Credit spent on each invoice (local id), which the client did not pay in cash."""
    return book.applications.groupby("invoice")["amount"].sum().round(2)


def journals(book: CreditBook) -> list[pd.DataFrame]:
    """The documents of the credit journals (``postings.JOURNALS``): issued, spent on an invoice, lapsed."""
    c, a = book.credits, book.applications
    number = c["id"].map(lambda i: document_number("credit", i))
    spent_number = [f"{document_number('credit', k)} on {document_number('invoice', i)}" for k, i in zip(a["credit"], a["invoice"])]
    lapsed = c[(c["status"] == "EXPIRED") & (c["remaining"] > 0)]
    return [
        documents("credit issued", c, "issued", number, amount=c["amount"]),
        documents("credit spent", a.assign(id=a["credit"]), "applied", spent_number, amount=a["amount"]),
        documents("credit lapsed", lapsed, "expires", number[lapsed.index], amount=lapsed["remaining"]),
    ]
