"""What a seed run prints at the end: the business figures against the scenario's targets.

The consistency rules are asset checks of the run itself; their results are in the check summary.
"""

from datetime import date

from seed_pipeline.checks.figures import all_figures, targets
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.scenarios import Scenario

MONEY = {"order_revenue", "invoice_revenue", "receivable", "overdue", "aged"}


def _show(name: str, value: float) -> str:
    if name in MONEY or name.startswith("price_per_lb"):
        return f"${value:,.2f}"
    if name in {"orders", "lines", "buying_clients", "supplying_vendors"}:
        return f"{value:,.0f}"
    if name == "lots_per_month":
        return f"{value:,.1f}"
    return f"{value:.1%}"


def figures_report(database: SeedDatabase, s: Scenario, as_of: date) -> str:
    with database.engine().connect() as conn:
        figures = all_figures(conn, s, as_of)
    goals = {t.figure: t for t in targets(s)}
    lines = [f"figures of the {s.name} scenario as of {as_of.isoformat()} (computed in the database):"]
    for name, value in figures.items():
        goal = goals.get(name)
        if goal is None:
            lines.append(f"  {name:<32} {_show(name, value):>16}")
            continue
        hit = goal.holds(value)
        slack = f"±{goal.tolerance:.0%}" if goal.relative else f"±{goal.tolerance:.2f}"
        lines.append(f"  {name:<32} {_show(name, value):>16}   target {_show(name, goal.expected)} {slack}"
                     f"   {'ok' if hit else 'MISSED'}")
    return "\n".join(lines)
