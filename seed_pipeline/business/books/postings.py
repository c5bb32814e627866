"""What each business document posts to the general ledger, written once as data.

The journal builder turns every document into these postings, and the ledger checks read the
same table to know which control account a document must have reached, and on which side.
"""

from dataclasses import dataclass, replace

OPERATING, CASH_VAULT = "1010", "1030"
RECEIVABLE, INVENTORY = "1100", "1200"
PAYABLE, CONSIGNMENT_PAYABLE, CUSTOMER_CREDITS, REIMBURSEMENTS_PAYABLE = "2000", "2100", "2300", "2400"
OWNERS_EQUITY = "3000"
REVENUE, REFUNDS = "4000", "4200"
COST_OF_SALES, BAD_DEBT = "5000", "5300"


@dataclass(frozen=True)
class Posting:
    account: str  # an account number, or the name of the document column holding one
    side: str  # "debit" or "credit"
    amount: str  # the document column holding the amount


@dataclass(frozen=True)
class Journal:
    reference: str | None  # ledgerEntries.referenceType; None for the company's own entries
    description: str  # with {placeholders} from the document's columns
    postings: tuple[Posting, ...]

    @property
    def control(self) -> Posting:
        """The first posting: the account that must hold the document's full amount."""
        return self.postings[0]


JOURNALS = {
    "opening capital": Journal(None, "Owners' opening capital", (
        Posting(OPERATING, "debit", "amount"), Posting(OWNERS_EQUITY, "credit", "amount"))),
    "sale": Journal("INVOICE", "Sale invoiced, {number}", (
        Posting(RECEIVABLE, "debit", "amount"), Posting(REVENUE, "credit", "amount"))),
    "cost of sale": Journal("INVOICE", "Cost of goods sold, {number}", (
        Posting(COST_OF_SALES, "debit", "amount"), Posting(INVENTORY, "credit", "owned_cost"),
        Posting(CONSIGNMENT_PAYABLE, "credit", "consigned_cost"))),
    "receipt": Journal("PAYMENT", "Payment received, {number}", (
        Posting(RECEIVABLE, "credit", "amount"), Posting("cash_account", "debit", "amount"))),
    "refund": Journal("PAYMENT", "Refund paid, {number}", (
        Posting(REFUNDS, "debit", "amount"), Posting("cash_account", "credit", "amount"))),
    # TERP's bad-debt write-off (server/badDebtDb.ts) posts WRITE_OFF lines: bad debt expense against receivables
    "write-off": Journal("WRITE_OFF", "Bad debt written off, {number}", (
        Posting(RECEIVABLE, "credit", "amount"), Posting(BAD_DEBT, "debit", "amount"))),
    "purchase": Journal("BILL", "Goods bought, {number}", (
        Posting(PAYABLE, "credit", "amount"), Posting(INVENTORY, "debit", "amount"))),
    "consignment settlement": Journal("BILL", "Consigned goods sold, settled, {number}", (
        Posting(PAYABLE, "credit", "amount"), Posting(CONSIGNMENT_PAYABLE, "debit", "amount"))),
    "vendor payment": Journal("PAYMENT", "Vendor paid, {number}", (
        Posting(PAYABLE, "debit", "amount"), Posting("cash_account", "credit", "amount"))),
    # paid from the bank, or by an employee who is owed it back until reimbursed
    "expense": Journal("EXPENSE", "Expense paid, {number}", (
        Posting("account", "debit", "amount"), Posting("paid_from", "credit", "amount"))),
    "reimbursement": Journal("EXPENSE", "Employee reimbursed, {number}", (
        Posting(REIMBURSEMENTS_PAYABLE, "debit", "amount"), Posting(OPERATING, "credit", "amount"))),
    "cash deposit": Journal(None, "Cash vault deposited to the bank", (
        Posting(OPERATING, "debit", "amount"), Posting(CASH_VAULT, "credit", "amount"))),
    # store credits (business/credit/ledger.py)
    "credit issued": Journal(None, "Store credit issued, {number}", (
        Posting(CUSTOMER_CREDITS, "credit", "amount"), Posting(REFUNDS, "debit", "amount"))),
    "credit spent": Journal(None, "Store credit applied, {number}", (
        Posting(CUSTOMER_CREDITS, "debit", "amount"), Posting(RECEIVABLE, "credit", "amount"))),
    "credit lapsed": Journal(None, "Unused store credit expired, {number}", (
        Posting(CUSTOMER_CREDITS, "debit", "amount"), Posting(REFUNDS, "credit", "amount"))),
}



def reversal(journal: Journal, description: str) -> Journal:
    """What TERP's ``accountingHooks.reverseGLEntries`` posts to undo a journal: every posting on the other
    side, under the reference ``<reference>_REVERSAL``."""
    swapped = tuple(replace(p, side="credit" if p.side == "debit" else "debit") for p in journal.postings)
    return Journal(f"{journal.reference}_REVERSAL", description, swapped)


# an invoice voided and re-issued (business/history/voids.py): both of its journals reversed
JOURNALS["sale voided"] = reversal(JOURNALS["sale"], "Invoice voided, sale reversed, {number}")
JOURNALS["cost of sale voided"] = reversal(JOURNALS["cost of sale"], "Invoice voided, cost of goods reversed, {number}")

BANK_ACCOUNTS = (  # (name, type, ledger account, bank)
    ("Operating Checking", "CHECKING", OPERATING, "Pacific Premier Credit Union"),
)
