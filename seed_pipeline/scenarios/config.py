"""The business parameters of each scenario, written once.

Generators read them to shape the history; the checks read the same values as their targets.
Volumes (clients, vendors, lots, orders) are multiplied by ``scale``; shares and prices are not.
"""

from dataclasses import dataclass, replace

from seed_pipeline.errors import UserInputError


@dataclass(frozen=True)
class Scenario:
    name: str
    months: int
    revenue: float  # dollars over the whole history
    clients: int  # buying clients
    whales: int
    whale_revenue_share: float
    vendors: int
    orders: int
    lines_per_order: float
    lots_per_month: float
    strains: int
    flower_share: float  # of sales
    consignment_sale_share: float  # of orders on consignment terms
    consignment_intake_share: float  # of lots taken in on consignment
    margin: float  # gross margin on sale price
    margin_tolerance: float
    overdue_share: float  # of receivables, as of the end date
    overdue_120_share: float  # of the overdue amount, 120+ days past due
    returns_share: float  # of orders
    refunds_share: float  # of orders
    refund_size: float  # of the order total
    users: int
    anomalies: bool = False  # chaos: rare but legal outliers

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
        name="full", months=22, revenue=44_000_000, clients=60, whales=10, whale_revenue_share=0.70,
        vendors=8, orders=4_400, lines_per_order=3.0, lots_per_month=8, strains=50, flower_share=0.90,
        consignment_sale_share=0.50, consignment_intake_share=0.90, margin=0.25, margin_tolerance=0.10,
        overdue_share=0.15, overdue_120_share=0.50, returns_share=0.005, refunds_share=0.05,
        refund_size=0.05, users=24,
    ),
    "light": Scenario(
        name="light", months=1, revenue=2_000_000, clients=10, whales=2, whale_revenue_share=0.70,
        vendors=3, orders=50, lines_per_order=3.0, lots_per_month=8, strains=20, flower_share=0.90,
        consignment_sale_share=0.50, consignment_intake_share=0.90, margin=0.25, margin_tolerance=0.10,
        overdue_share=0.15, overdue_120_share=0.0, returns_share=0.02, refunds_share=0.05,
        refund_size=0.05, users=8,
    ),
    # The old tool's edge cases spanned 3 months, which cannot hold debt 120+ days past due;
    # 6 months can, at the same $1M a month.
    "edge-cases": Scenario(
        name="edge-cases", months=6, revenue=6_000_000, clients=20, whales=20, whale_revenue_share=1.0,
        vendors=4, orders=100, lines_per_order=3.0, lots_per_month=8, strains=30, flower_share=0.90,
        consignment_sale_share=0.50, consignment_intake_share=0.90, margin=0.25, margin_tolerance=0.10,
        overdue_share=0.80, overdue_120_share=0.90, returns_share=0.10, refunds_share=0.20,
        refund_size=0.05, users=10,
    ),
    "chaos": Scenario(
        name="chaos", months=6, revenue=12_000_000, clients=30, whales=5, whale_revenue_share=0.70,
        vendors=6, orders=200, lines_per_order=3.0, lots_per_month=8, strains=40, flower_share=0.90,
        consignment_sale_share=0.50, consignment_intake_share=0.90, margin=0.25, margin_tolerance=0.10,
        overdue_share=0.15, overdue_120_share=0.50, returns_share=0.005, refunds_share=0.05,
        refund_size=0.05, users=16, anomalies=True,
    ),
}


def scenario(name: str, scale: float = 1.0) -> Scenario:
    try:
        base = SCENARIOS[name]
    except KeyError:
        raise UserInputError(f"unknown scenario {name!r}; choose one of {', '.join(SCENARIOS)}") from None
    return base.scaled(scale) if scale != 1.0 else base
