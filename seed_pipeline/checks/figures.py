"""The business figures of a seeded database, computed with SQL in the database itself.

Aggregates are SQL; only the arithmetic on a handful of totals happens in Python. The targets
and tolerances come from the same scenario the generators used (see ``targets``).
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.rules import AGED_DAYS, REFUND_NOTE, FLOWER, GRADE_PRICE, GROW_BY_SUBCATEGORY, GROW_TYPES, PRICE_TOLERANCE, list_price
from seed_pipeline.scenarios import Scenario
from seed_pipeline.schema import TABLES

T = TABLES
orders, lines, invoices = T["orders"], T["order_line_items"], T["invoices"]
batches, products, lots, clients = T["batches"], T["products"], T["lots"], T["clients"]


def _scalar(conn: sa.Connection, query) -> float:
    return float(conn.execute(query).scalar() or 0)


def _frame(conn: sa.Connection, query) -> pd.DataFrame:
    return pd.DataFrame(conn.execute(query).mappings().all())


def revenue(conn, s: Scenario, as_of: date) -> dict[str, float]:
    return {
        "order_revenue": _scalar(conn, sa.select(sa.func.sum(orders.c.total))),
        "invoice_revenue": _scalar(conn, sa.select(sa.func.sum(invoices.c.totalAmount))),
        "orders": _scalar(conn, sa.select(sa.func.count()).select_from(orders)),
        "lines": _scalar(conn, sa.select(sa.func.count()).select_from(lines)),
    }


def monthly_revenue(conn) -> pd.Series:
    per_order = _frame(conn, sa.select(orders.c.created_at, orders.c.total))
    return per_order.groupby(pd.to_datetime(per_order["created_at"]).dt.to_period("M"))["total"].sum().astype(float)


def whale_share(conn, s: Scenario, as_of: date) -> dict[str, float]:
    """Share of revenue of the scenario's number of biggest buying clients."""
    per_client = _frame(conn, sa.select(orders.c.client_id, sa.func.sum(orders.c.total).label("spent")).group_by(orders.c.client_id))
    if per_client.empty:
        return {}
    spent = per_client["spent"].astype(float).sort_values(ascending=False)
    return {"whale_share": float(spent.head(s.whales).sum() / spent.sum())}


def _line_goods(conn) -> pd.DataFrame:
    query = (
        sa.select(products.c.category, products.c.subcategory, batches.c.grade,
                  sa.func.sum(lines.c.line_total).label("revenue"),
                  sa.func.sum(lines.c.quantity).label("quantity"),
                  sa.func.sum(lines.c.quantity * lines.c.cogs_per_unit).label("cost"))
        .select_from(lines.join(batches, batches.c.id == lines.c.batch_id).join(products, products.c.id == batches.c.productId))
        .group_by(products.c.category, products.c.subcategory, batches.c.grade)
    )
    frame = _frame(conn, query)
    return frame.astype({"revenue": float, "quantity": float, "cost": float}) if len(frame) else frame


def goods(conn, s: Scenario, as_of: date) -> dict[str, float]:
    """Flower's share of sales, gross margin, and the average price of a pound per grow type and grade."""
    g = _line_goods(conn)
    if g.empty:
        return {}
    total = g["revenue"].sum()
    flower = g[g["category"] == FLOWER]
    out = {"flower_share": float(flower["revenue"].sum() / total), "margin": float(1 - g["cost"].sum() / total)}
    for (sub, grade), rows in flower.groupby(["subcategory", "grade"]):
        out[f"price_per_lb_{GROW_BY_SUBCATEGORY[sub].key}_{grade}"] = float(rows["revenue"].sum() / rows["quantity"].sum())
    return out


def parties_and_events(conn, s: Scenario, as_of: date) -> dict[str, float]:
    """Who buys, who supplies, how often stock arrives, how often goods come back or money is refunded."""
    n_orders = _scalar(conn, sa.select(sa.func.count()).select_from(orders)) or 1
    refunded = sa.select(sa.func.count()).where(invoices.c.notes.like(f"{REFUND_NOTE}%"))
    return {
        "buying_clients": _scalar(conn, sa.select(sa.func.count(sa.distinct(orders.c.client_id)))),
        "supplying_vendors": _scalar(conn, sa.select(sa.func.count(sa.distinct(lots.c.vendorId)))),
        "lots_per_month": _scalar(conn, sa.select(sa.func.count()).select_from(lots)) / s.months,
        "returns_share": _scalar(conn, sa.select(sa.func.count()).select_from(T["returns"])) / n_orders,
        "refunds_share": _scalar(conn, refunded) / n_orders,
    }


def consignment(conn, s: Scenario, as_of: date) -> dict[str, float]:
    n_orders = _scalar(conn, sa.select(sa.func.count()).select_from(orders)) or 1
    on_consignment = _scalar(conn, sa.select(sa.func.count()).where(orders.c.paymentTerms == "CONSIGNMENT"))
    lot_terms = _frame(conn, sa.select(batches.c.lotId, sa.func.max(batches.c.paymentTerms).label("terms")).group_by(batches.c.lotId))
    return {"consignment_sale_share": on_consignment / n_orders,
            "consignment_intake_share": float((lot_terms["terms"] == "CONSIGNMENT").mean()) if len(lot_terms) else 0.0}


def ar_aging(conn, s: Scenario, as_of: date) -> dict[str, float]:
    """Receivable, overdue and 120+-days-overdue amounts as of the end date, from open invoice balances."""
    open_ = _frame(conn, sa.select(invoices.c.dueDate, invoices.c.amountDue).where(invoices.c.amountDue > 0))
    if open_.empty:
        return {"receivable": 0.0, "overdue": 0.0, "aged": 0.0, "overdue_share": 0.0, "aged_share": 0.0}
    days = (pd.Timestamp(as_of) - pd.to_datetime(open_["dueDate"])).dt.days
    due = open_["amountDue"].astype(float)
    receivable, overdue, aged = float(due.sum()), float(due[days > 0].sum()), float(due[days >= AGED_DAYS].sum())
    return {"receivable": receivable, "overdue": overdue, "aged": aged,
            "overdue_share": overdue / receivable, "aged_share": aged / overdue if overdue else 0.0}


@dataclass(frozen=True)
class Target:
    figure: str
    expected: float
    tolerance: float  # absolute
    relative: bool = False

    def holds(self, actual: float) -> bool:
        slack = self.tolerance * abs(self.expected) if self.relative else self.tolerance
        return bool(abs(actual - self.expected) <= slack + 1e-9)


def targets(s: Scenario) -> list[Target]:
    """What the scenario promises, with the tolerance each figure is held to.

    Every scenario has the same targets (so the asset checks are the same); a price target whose
    grow type and grade sold nothing (a small scenario) is absent from the figures.
    """
    prices = [Target(f"price_per_lb_{g.key}_{grade}", list_price(g.key, grade), PRICE_TOLERANCE, relative=True)
              for g in GROW_TYPES for grade in GRADE_PRICE]
    return [
        Target("order_revenue", s.revenue, 0.03, relative=True),
        Target("buying_clients", s.clients, 0),
        Target("supplying_vendors", s.vendors, 0),
        Target("lots_per_month", s.lots_per_month, 0.25, relative=True),
        Target("returns_share", max(s.returns_share, 1 / s.orders), 0.3, relative=True),
        Target("refunds_share", s.refunds_share, 0.3, relative=True),
        Target("whale_share", s.whale_revenue_share, 0.03),
        Target("flower_share", s.flower_share, 0.03),
        Target("margin", s.margin, s.margin_tolerance),
        Target("consignment_sale_share", s.consignment_sale_share, 0.06),
        Target("consignment_intake_share", s.consignment_intake_share, 0.08),
        Target("overdue_share", s.overdue_share, 0.02),
        Target("aged_share", s.overdue_120_share, 0.02),
        *prices,
    ]


GROUPS = (revenue, parties_and_events, whale_share, goods, consignment, ar_aging)


def all_figures(conn, s: Scenario, as_of: date) -> dict[str, float]:
    return {name: value for group in GROUPS for name, value in group(conn, s, as_of).items()}


def figure(conn, name: str, s: Scenario, as_of: date) -> float | None:
    """One figure, computing only its group (a check on orders must not need order lines yet)."""
    group = goods if name.startswith("price_per_lb") else next(g for g in GROUPS if name in FIGURES_OF[g])
    return group(conn, s, as_of).get(name)


FIGURES_OF = {
    revenue: {"order_revenue", "invoice_revenue", "orders", "lines"},
    parties_and_events: {"buying_clients", "supplying_vendors", "lots_per_month", "returns_share", "refunds_share"},
    whale_share: {"whale_share"},
    goods: {"flower_share", "margin"},
    consignment: {"consignment_sale_share", "consignment_intake_share"},
    ar_aging: {"receivable", "overdue", "aged", "overdue_share", "aged_share"},
}
