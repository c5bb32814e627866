"""Contract of the bills, payments, expenses, ledger, transactions tables."""

from typing import Literal

from seed_pipeline.contract.core import WRITE_OFF_MONTHS
from seed_pipeline.contract.model import JsonColumn, Shape, StateColumn


class TransactionMetadata(Shape):
    """``transactions.metadata`` (a JSON string): the documents behind a transaction.

    A bad-debt write-off carries what TERP's badDebtDb writes and reads back to find write-offs
    (``writeOffType = 'BAD_DEBT'``) and the transaction they write off.
    """

    refers = {"originalTransactionId": "transactions"}

    invoiceNumber: str
    paymentNumber: str | None = None
    writeOffReason: str | None = None
    originalTransactionId: int | None = None
    originalTransactionNumber: str | None = None
    writeOffType: Literal["BAD_DEBT"] | None = None


class StatementMetadata(Shape):
    """``client_transactions.metadata``: the invoice a statement line is about."""

    invoiceNumber: str
    writeOffType: Literal["BAD_DEBT"] | None = None


BILLS_OPEN = "payables and AP aging (arApDb.getOutstandingPayables, calculateAPAging)"

TRANSACTION_METADATA = JsonColumn("transactions", "metadata", TransactionMetadata, ("server/badDebtDb.ts",), many=False)
# the client screen's transaction list returns whole rows
STATEMENT_METADATA = JsonColumn("client_transactions", "metadata", StatementMetadata, ("server/clientsDb.ts",), many=False)
JSON: tuple[JsonColumn, ...] = (TRANSACTION_METADATA, STATEMENT_METADATA)
STATES: tuple[StateColumn, ...] = (
    StateColumn("bills", "status", {
        "PENDING": BILLS_OPEN, "PARTIAL": BILLS_OPEN, "OVERDUE": BILLS_OPEN,
        "PAID": "bill list filtered by status (arApDb.getBills)",
    }, shares={"PAID": 0.95, "PENDING": 0.03, "PARTIAL": 0.01, "OVERDUE": 0.01},
        # a one-month history holds a bill or two (the lots bought outright), in any state
        min_months={"PENDING": 2, "PARTIAL": 2, "OVERDUE": 2, "PAID": 2}),
    StateColumn("payments", "paymentType", {
        "RECEIVED": "payments filtered by type (arApDb.getPayments)", "SENT": "payments filtered by type (arApDb.getPayments)",
    }),
    StateColumn("bankTransactions", "transactionType", {
        "DEPOSIT": "bank statement filtered by type (cashExpensesDb.getBankTransactions)",
        "WITHDRAWAL": "bank statement filtered by type (cashExpensesDb.getBankTransactions)",
    }),
    StateColumn("transactions", "transactionStatus", {
        "OVERDUE": "bad debt aging (badDebtDb.getBadDebtAgingReport)",
        "WRITTEN_OFF": "write-off (badDebtDb.writeOffBadDebt, reverseBadDebtWriteOff)",
        "PARTIAL": "write-off of part of a debt (badDebtDb.writeOffBadDebt)",
        "COMPLETED": "client write-offs, payments and refunds (badDebtDb.getClientWriteOffs)",
    }, min_months={"WRITTEN_OFF": WRITE_OFF_MONTHS}),
    StateColumn("client_transactions", "payment_status", {
        "PENDING": "outstanding balances (dashboardAnalytics.ts)",
        "OVERDUE": "outstanding balances (dashboardAnalytics.ts)",
        "PARTIAL": "outstanding balances (dashboardAnalytics.ts)",
        "PAID": "payment behaviour in the credit score (creditEngine.ts)",
    }),
    StateColumn("client_transactions", "transaction_type", {
        "INVOICE": "VIP portal balances (routers/vipPortal.ts)", "PAYMENT": "VIP portal payments (routers/vipPortal.ts)",
    }),
)
