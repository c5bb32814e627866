"""Contract of the credits, credit limits and signals, COGS, invoice lines, payment history, sales tables.

TERP's credit engine (``server/creditEngine.ts``) leaves both JSON columns of the credit tables
empty and the credit router returns them whole (``server/routers/credit.ts``: getSignalHistory,
getAuditLog); the seed fills them with what the calculation saw, in the engine's own names
(``CreditCalculationResult``), so the screens can show why a limit is what it is. The credit
status is the one state column TERP's code filters on (``server/creditsDb.ts``). The other tables
of this domain have no JSON column and no status a TERP query filters on (``cogs_rules`` and
``cogsHistory`` are read by nothing but stubs: ``server/routers/cogs.ts``).
"""

from typing import Literal

from seed_pipeline.contract.model import JsonColumn, Shape, StateColumn

ENGINE = "server/creditEngine.ts"
CREDIT_ROUTER = "server/routers/credit.ts"
CREDITS_DB = "server/creditsDb.ts"


class SignalCalculation(Shape):
    """What one recalculation gave, next to its six signals: the limit the engine computed and why."""

    creditLimit: float
    creditHealthScore: float
    baseCapacity: float
    mode: Literal["LEARNING", "ACTIVE"]
    invoiceCount: int
    monthsActive: int
    explanation: str


class AuditContext(Shape):
    """The client's standing when a limit event was logged."""

    creditHealthScore: float
    currentExposure: float
    mode: Literal["LEARNING", "ACTIVE"]
    trend: Literal["IMPROVING", "STABLE", "WORSENING"]


SIGNAL_METADATA = JsonColumn("credit_signal_history", "calculation_metadata", SignalCalculation, (CREDIT_ROUTER, ENGINE),
                             many=False)
AUDIT_METADATA = JsonColumn("credit_audit_log", "metadata", AuditContext, (CREDIT_ROUTER, ENGINE), many=False)

CREDIT_STATUS = StateColumn(
    "credits", "creditStatus",
    counted={
        "ACTIVE": f"client credits, active only, and the client's credit balance ({CREDITS_DB}: getCreditsByClient, "
                  "getClientCreditBalance); applyCredit accepts it",
        "PARTIALLY_USED": f"the same active list and balance ({CREDITS_DB}); applyCredit accepts it",
        "FULLY_USED": f"voidCredit refuses it ({CREDITS_DB}); the client's credit history lists it",
        "EXPIRED": f"markExpiredCredits moves lapsed active credits to it ({CREDITS_DB}); out of the balance",
    },
    shares={"FULLY_USED": 0.50, "EXPIRED": 0.35, "ACTIVE": 0.08, "PARTIALLY_USED": 0.07},
    # spending needs a later settled invoice of the client; lapsing a 90-day goodwill credit a longer history
    min_months={"PARTIALLY_USED": 3, "FULLY_USED": 3, "EXPIRED": 12},
)

JSON: tuple[JsonColumn, ...] = (SIGNAL_METADATA, AUDIT_METADATA)
STATES: tuple[StateColumn, ...] = (CREDIT_STATUS,)
