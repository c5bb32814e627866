"""The business figures of a seeded database, each one SQL query computed in the database itself.

The targets and tolerances come from the same scenario the generators used (see ``targets``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.rules import (
    AGED_DAYS, FLOWER, GRADE_PRICE, GROW_TYPES, PRICE_TOLERANCE, REFUND_NOTE, list_price, rows_for_share,
)
from seed_pipeline.checks.unsold import LIVE, STANDS
from seed_pipeline.checks.violations import fetch_frame
from seed_pipeline.scenarios import Scenario
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
orders, lines, invoices = T["orders"], T["order_line_items"], T["invoices"]
batches, products, lots = T["batches"], T["products"], T["lots"]
# The sales that stand (rules.stands): what TERP's dashboards that its screens call count, since they sum invoices
# (dashboard.getSalesByClient, getSalesComparison) and drafts and cancelled sales have none. dashboardAnalytics'
# getSalesPerformance, which no screen calls, sums every SALE row, drafts and cancellations too: not followed.
SALE = STANDS


def _value(expression) -> sa.Select:
    return sa.select(sa.cast(expression, sa.Float).label("observed"))


def _ratio(numerator, denominator) -> sa.Select:
    """numerator / denominator as a float, NULL when there is nothing to divide by."""
    return _value(sa.cast(numerator, sa.Float) / sa.func.nullif(sa.cast(denominator, sa.Float), 0))


def _count(table, *where):
    return sa.select(sa.func.count()).select_from(table).where(*where).scalar_subquery()


def _sum(column, *where):
    return sa.select(sa.func.coalesce(sa.func.sum(column), 0)).where(*where).scalar_subquery()


def _goods(expression, *where):
    """An aggregate over order lines with their batch and product."""
    joined = lines.join(batches, batches.c.id == lines.c.batch_id).join(products, products.c.id == batches.c.productId)
    return sa.select(expression).select_from(joined).where(*where).scalar_subquery()


def _whale_share(s: Scenario, as_of: date) -> sa.Select:
    """Share of revenue of the scenario's number of biggest buying clients."""
    spent = sa.func.sum(orders.c.total).label("spent")
    top = sa.select(spent).where(SALE).group_by(orders.c.client_id).order_by(spent.desc()).limit(s.whales).subquery()
    return _ratio(sa.select(sa.func.sum(top.c.spent)).scalar_subquery(), _sum(orders.c.total, SALE))


def _price_per_lb(subcategory: str, grade: str):
    """Average price of a pound of one grow type and grade (NULL when none was sold)."""
    cell = (products.c.subcategory == subcategory, batches.c.grade == grade)
    return lambda s, as_of: _ratio(_goods(sa.func.sum(lines.c.line_total), *cell), _goods(sa.func.sum(lines.c.quantity), *cell))


def _consignment_intake_share(s: Scenario, as_of: date) -> sa.Select:
    lot_terms = sa.select(sa.func.max(batches.c.paymentTerms).label("terms")).group_by(batches.c.lotId).subquery()
    consigned = sa.case((lot_terms.c.terms == "CONSIGNMENT", 1.0), else_=0.0)
    return _value(sa.select(sa.func.avg(consigned)).scalar_subquery())


def _open(*where):
    return _sum(invoices.c.amountDue, invoices.c.amountDue > 0, *where)


def _overdue(as_of: date):
    return _open(invoices.c.dueDate < as_of)


def _aged(as_of: date):
    return _open(invoices.c.dueDate <= as_of - timedelta(days=AGED_DAYS))


# Every figure as one SQL query of one value, so the asset checks and the Great Expectations suites
# compute it the same way, in the database.
FIGURES: dict[str, Callable[[Scenario, date], sa.Select]] = {
    "order_revenue": lambda s, as_of: _value(_sum(orders.c.total, SALE)),
    "invoice_revenue": lambda s, as_of: _value(_sum(invoices.c.totalAmount, LIVE)),  # a voided invoice was re-issued
    "orders": lambda s, as_of: _value(_count(orders, SALE)),
    "lines": lambda s, as_of: _value(_count(lines)),
    "buying_clients": lambda s, as_of: _value(sa.select(sa.func.count(sa.distinct(orders.c.client_id))).where(SALE).scalar_subquery()),
    "supplying_vendors": lambda s, as_of: _value(sa.select(sa.func.count(sa.distinct(lots.c.vendorId))).scalar_subquery()),
    "lots_per_month": lambda s, as_of: _ratio(_count(lots), sa.literal(s.months)),
    "returns_share": lambda s, as_of: _ratio(_count(T["returns"]), _count(orders, SALE)),
    "refunds_share": lambda s, as_of: _ratio(_count(invoices, invoices.c.notes.like(f"{REFUND_NOTE}%")), _count(orders, SALE)),
    "whale_share": _whale_share,
    "flower_share": lambda s, as_of: _ratio(_goods(sa.func.sum(sa.case((products.c.category == FLOWER, lines.c.line_total), else_=0))),
                                            _goods(sa.func.sum(lines.c.line_total))),
    "margin": lambda s, as_of: _value(1 - sa.cast(_goods(sa.func.sum(lines.c.quantity * lines.c.cogs_per_unit)), sa.Float)
                                      / sa.func.nullif(sa.cast(_goods(sa.func.sum(lines.c.line_total)), sa.Float), 0)),
    "consignment_sale_share": lambda s, as_of: _ratio(_count(orders, SALE, orders.c.paymentTerms == "CONSIGNMENT"), _count(orders, SALE)),
    "consignment_intake_share": _consignment_intake_share,
    "receivable": lambda s, as_of: _value(_open()),
    "overdue": lambda s, as_of: _value(_overdue(as_of)),
    "aged": lambda s, as_of: _value(_aged(as_of)),
    # no receivable at all, or nothing overdue, is a share of 0: an AR with no aging misses its shape
    "overdue_share": lambda s, as_of: _value(sa.func.coalesce(
        sa.cast(_overdue(as_of), sa.Float) / sa.func.nullif(sa.cast(_open(), sa.Float), 0), 0.0)),
    "aged_share": lambda s, as_of: _value(sa.func.coalesce(
        sa.cast(_aged(as_of), sa.Float) / sa.func.nullif(sa.cast(_overdue(as_of), sa.Float), 0), 0.0)),
    **{f"price_per_lb_{g.key}_{grade}": _price_per_lb(g.subcategory, grade) for g in GROW_TYPES for grade in GRADE_PRICE},
}


def monthly_revenue(conn) -> pd.Series:
    per_order = fetch_frame(conn, sa.select(orders.c.created_at, orders.c.total).where(SALE))
    return per_order.groupby(pd.to_datetime(per_order["created_at"]).dt.to_period("M"))["total"].sum().astype(float)


@dataclass(frozen=True)
class Target:
    figure: str
    expected: float
    tolerance: float  # absolute
    relative: bool = False

    def bounds(self) -> tuple[float, float]:
        """The lowest and highest value that still holds."""
        slack = (self.tolerance * abs(self.expected) if self.relative else self.tolerance) + 1e-9
        return self.expected - slack, self.expected + slack

    def holds(self, actual: float) -> bool:
        low, high = self.bounds()
        return bool(low <= actual <= high)


def targets(s: Scenario) -> list[Target]:
    """What the scenario promises, with the tolerance each figure is held to.

    Every scenario has the same targets (so the asset checks are the same); a price target whose
    grow type and grade sold nothing (a small scenario) is absent from the figures. The history hits
    each by construction on any seed and end date; a tolerance is stated in one unit per kind:
    a count (clients, vendors) exactly; a share of value or of rows in absolute points; money
    (revenue, price of a pound) and what is counted per order or per month (returns, refunds, lots)
    relative to the target. Returns and refunds are whole rows: the target is the share their count
    makes (``rows_for_share``), which the history deals exactly.
    """
    prices = [Target(f"price_per_lb_{g.key}_{grade}", list_price(g.key, grade), PRICE_TOLERANCE, relative=True)
              for g in GROW_TYPES for grade in GRADE_PRICE]
    return [
        Target("order_revenue", s.revenue, 0.03, relative=True),
        Target("buying_clients", s.clients, 0),
        Target("supplying_vendors", s.vendors, 0),
        Target("lots_per_month", s.lots_per_month, 0.25, relative=True),
        Target("returns_share", rows_for_share(s.returns_share, s.orders) / s.orders, 0.3, relative=True),
        Target("refunds_share", rows_for_share(s.refunds_share, s.orders) / s.orders, 0.3, relative=True),
        Target("whale_share", s.whale_revenue_share, 0.03),
        Target("flower_share", s.flower_share, 0.03),
        Target("margin", s.margin, s.margin_tolerance),
        Target("consignment_sale_share", s.consignment_sale_share, 0.06),
        Target("consignment_intake_share", s.consignment_intake_share, 0.08),
        Target("overdue_share", s.overdue_share, 0.02),
        Target("aged_share", s.overdue_120_share, 0.02),
        *prices,
    ]


def figure(conn, name: str, s: Scenario, as_of: date) -> float | None:
    """One figure; None where there is nothing to measure (no grade D indoor sold in a small scenario)."""
    value = conn.execute(FIGURES[name](s, as_of)).scalar()
    return None if value is None else float(value)


def off_target(target: "Target", s: Scenario, as_of: date) -> sa.Select:
    """The figure as one row when it misses its target, no row when it holds (or cannot be measured)."""
    measured = FIGURES[target.figure](s, as_of).subquery()
    low, high = target.bounds()
    return sa.select(measured.c.observed).where(sa.or_(measured.c.observed < low, measured.c.observed > high))


def all_figures(conn, s: Scenario, as_of: date) -> dict[str, float]:
    return {name: value for name in FIGURES if (value := figure(conn, name, s, as_of)) is not None}
