"""The business parameters of each scenario, written once.

Generators read them to shape the history; the checks read the same values as their targets.
Volumes (clients, vendors, lots, orders) are multiplied by ``scale``; shares and prices are not.
The history deals every count exactly (clients, vendors, lots, orders, returns, refunds) and every
share by quota, on any seed and end date; the tolerances the checks allow are stated in
``checks/figures.targets``, one unit per kind: counts exact, shares in absolute points, money and
rates per order or per month relative to the target.
"""

from dataclasses import dataclass, replace

from seed_pipeline.errors import UserInputError


@dataclass(frozen=True)
class Scenario:
    """A scenario states its volumes and its receivables' shape; the rest is the business's common shape."""

    name: str
    months: int
    revenue: float  # dollars over the whole history
    clients: int  # buying clients
    whales: int
    vendors: int
    orders: int
    strains: int
    users: int
    overdue_share: float  # of receivables, as of the end date
    overdue_120_share: float  # of the overdue amount, 120+ days past due
    returns_share: float  # of orders
    refunds_share: float  # of orders
    whale_revenue_share: float = 0.70
    lines_per_order: float = 3.0
    lots_per_month: float = 8
    flower_share: float = 0.90  # of sales
    consignment_sale_share: float = 0.50  # of orders on consignment terms
    consignment_intake_share: float = 0.90  # of lots taken in on consignment
    margin: float = 0.25  # gross margin on sale price
    margin_tolerance: float = 0.10
    refund_size: float = 0.05  # of the order total
    anomalies: bool = False  # chaos: order sizes far more uneven (tiny and huge orders)

    def scaled(self, scale: float) -> "Scenario":
        """The same shape at another volume; counts never fall below what the shape needs."""
        if scale <= 0:
            raise UserInputError(f"scale must be positive, got {scale}")

        def s(n: int, floor: int = 1) -> int:
            return max(floor, round(n * scale))

        return replace(
            self,
            revenue=self.revenue * scale,
            clients=s(self.clients, self.whales + 1 if self.whales < self.clients else self.whales),
            vendors=s(self.vendors, 2),
            orders=s(self.orders, self.months),
            lots_per_month=max(1.0, self.lots_per_month * scale),
        )


SCENARIOS: dict[str, Scenario] = {
    "full": Scenario(
        name="full", months=22, revenue=44_000_000, clients=60, whales=10, vendors=8, orders=4_400,
        strains=50, users=24, overdue_share=0.15, overdue_120_share=0.50, returns_share=0.005, refunds_share=0.05,
    ),
    "light": Scenario(
        name="light", months=1, revenue=2_000_000, clients=10, whales=2, vendors=3, orders=50,
        strains=20, users=8, overdue_share=0.15, overdue_120_share=0.0, returns_share=0.02, refunds_share=0.05,
    ),
    # The old tool's edge cases spanned 3 months, which cannot hold debt 120+ days past due;
    # 6 months can, at the same $1M a month.
    "edge-cases": Scenario(
        name="edge-cases", months=6, revenue=6_000_000, clients=20, whales=20, vendors=4, orders=100,
        strains=30, users=10, overdue_share=0.80, overdue_120_share=0.90, returns_share=0.10, refunds_share=0.20,
        whale_revenue_share=1.0,
    ),
    "chaos": Scenario(
        name="chaos", months=6, revenue=12_000_000, clients=30, whales=5, vendors=6, orders=200,
        strains=40, users=16, overdue_share=0.15, overdue_120_share=0.50, returns_share=0.005, refunds_share=0.05,
        anomalies=True,
    ),
}


def scenario(name: str, scale: float = 1.0) -> Scenario:
    try:
        base = SCENARIOS[name]
    except KeyError:
        raise UserInputError(f"unknown scenario {name!r}; choose one of {', '.join(SCENARIOS)}") from None
    return base.scaled(scale) if scale != 1.0 else base
