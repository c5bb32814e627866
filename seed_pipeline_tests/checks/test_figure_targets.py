"""The figure checks hold the full scenario to TERP's business parameters, written here as literals.

The expected values are TERP's own (../shared/terp/README.md: $44M, 60 buying clients, 10 whales
bringing 70%, 90% flower, indoor $1,800 / greenhouse $1,200 / outdoor $800 a pound, 50% of sales and
90% of intake on consignment, margin 25% ± 10 points, returns 0.5%, refunds 5% of orders, 15% of
receivables overdue and half of that 120+ days). The tolerances are the ones docs/checks.md promises.
None of it is read from ``scenarios/`` or ``checks/figures.py``, so a target or tolerance drifting
in the code fails here. Each tolerance is then tried at its boundary, just inside and just outside,
through the catalog's own check.
"""

from datetime import date

import pytest

from seed_pipeline.checks import figures
from seed_pipeline.checks.catalog import all_checks
from seed_pipeline.generation.context import SeedSettings

FULL = SeedSettings("full", 42, 1.0, date(2026, 10, 31))

# figure -> (expected, tolerance, relative): the full scenario's promise
PROMISED = {
    "order_revenue": (44_000_000, 0.03, True),
    "buying_clients": (60, 0, False),
    "supplying_vendors": (8, 0, False),
    "lots_per_month": (8, 0.25, True),
    "returns_share": (0.005, 0.3, True),
    "refunds_share": (0.05, 0.3, True),
    "whale_share": (0.70, 0.03, False),
    "flower_share": (0.90, 0.03, False),
    "margin": (0.25, 0.10, False),
    "consignment_sale_share": (0.50, 0.06, False),
    "consignment_intake_share": (0.90, 0.08, False),
    "overdue_share": (0.15, 0.02, False),
    "aged_share": (0.50, 0.02, False),
}
POUND = {"indoor": 1800, "greenhouse": 1200, "outdoor": 800}  # TERP's average price of a pound of flower
GRADE = {"A": 1.20, "B": 1.05, "C": 0.90, "D": 0.75}  # docs/generators.md: each grade's price against the grow type's
GRADE_MIX = {"A": 0.25, "B": 0.35, "C": 0.25, "D": 0.15}  # docs/generators.md: each grade's share of flower sales
PROMISED |= {f"price_per_lb_{grow}_{grade}": (POUND[grow] * factor, 0.12, True)
             for grow in POUND for grade, factor in GRADE.items()}


def test_the_grades_average_to_terps_price_of_a_pound():
    """Sold in their mix, the grades come to TERP's price of a pound (0.5% over: 1.005 of it)."""
    assert sum(GRADE[g] * GRADE_MIX[g] for g in GRADE) == pytest.approx(1.005)


def test_full_scenario_targets_are_terps_parameters():
    promised = {t.figure: (pytest.approx(t.expected), t.tolerance, t.relative) for t in figures.targets(FULL.resolved)}
    assert promised == PROMISED


def _edges(expected: float, tolerance: float, relative: bool) -> tuple[float, float]:
    slack = tolerance * expected if relative else tolerance
    return expected - slack, expected + slack


def _outcome(monkeypatch, figure: str, value: float):
    monkeypatch.setattr(figures, "figure", lambda conn, name, s, as_of: value if name == figure else None)
    # built while the test runs, where mutmut switches a mutant of catalog.py on (not once on import)
    return next(c for c in all_checks() if c.name == f"{figure}_on_target").evaluate(None, FULL)


@pytest.mark.parametrize("figure", sorted(PROMISED))
def test_tolerance_holds_up_to_its_edge_and_not_past_it(monkeypatch, figure):
    expected, tolerance, relative = PROMISED[figure]
    low, high = _edges(expected, tolerance, relative)
    if tolerance == 0:  # a count: exactly the target holds, one more or one fewer does not
        tried = [(low - 1, False), (low, True), (high + 1, False)]
    else:
        step = abs(expected) * 1e-6  # far above float noise, far below any tolerance
        tried = [(low - step, False), (low + step, True), (high - step, True), (high + step, False)]
    assert [(value, _outcome(monkeypatch, figure, value).passed) for value, _ in tried] == tried


def test_a_scenario_too_small_for_its_return_rate_is_held_to_one_return():
    """Light at a fifth of its size has 10 orders: 2% of them is not a return, so the target is one in ten."""
    tiny = SeedSettings("light", 42, 0.2, FULL.end_date)
    [target] = [t for t in figures.targets(tiny.resolved) if t.figure == "returns_share"]
    assert (target.expected, target.tolerance, target.relative) == (pytest.approx(0.1), 0.3, True)
    light = SeedSettings("light", 42, 1.0, FULL.end_date)
    [target] = [t for t in figures.targets(light.resolved) if t.figure == "returns_share"]
    assert target.expected == pytest.approx(0.02)  # 1 of 50 orders would be 2% too: the scenario's own rate holds
