"""Every scenario reaches its figures and breaks no business rule, measured with SQL on the seeded database.

The whole graph is seeded: the rules of the books and the calendar read the later phases.
"""

from datetime import date

import pytest

from seed_pipeline.checks.catalog import RULES, active_checks, broken_rules
from seed_pipeline.checks.figures import all_figures, monthly_revenue, targets
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline.scenarios import scenario

END = date(2026, 10, 31)


def measure(url: str, name: str, rules: bool = True):
    """(every figure, each business rule that does not hold (None: not measured), revenue per month)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            broken = broken_rules(conn, END) if rules else None
            return all_figures(conn, scenario(name), END), broken, monthly_revenue(conn)
    finally:
        engine.dispose()


def assert_on_target(name: str, figures: dict) -> None:
    missed = {t.figure: (round(figures[t.figure], 4), t.expected) for t in targets(scenario(name))
              if t.figure in figures and not t.holds(figures[t.figure])}
    assert missed == {}


@pytest.mark.slow
@pytest.mark.parametrize("seed_number", [42, 1, 2])
@pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mysql"])
def test_full_scenario_figures(seeded_database, engine, seed_number):
    """Three full seeds on each engine, shared with the session's other readers of a full seed (the plan's
    counts, the Great Expectations suites). The seed exited 0, which it does only when its own asset checks,
    every business rule among them, all passed (test_seed_runs_its_checks.py); measuring the rules again here
    cost each case 12 s on SQLite and more on the servers."""
    db_url = seeded_database(engine, "full", seed_number, END.isoformat())
    assert set(RULES) <= {c.name for c in active_checks()}
    figures, _, months = measure(db_url, "full", rules=False)
    assert [t.figure for t in targets(scenario("full")) if t.figure not in figures] == []
    assert_on_target("full", figures)
    assert figures["order_revenue"] == pytest.approx(figures["invoice_revenue"], abs=0.01)
    assert figures["orders"] == pytest.approx(4400, rel=0.03)
    assert figures["lines"] / figures["orders"] == pytest.approx(3.0, abs=0.15)
    assert len(months) == 22
    assert months.std() / months.mean() > 0.05, "month-to-month revenue must vary, not be a flat line"
    assert months.max() / months.min() < 2.5


@pytest.mark.parametrize("name", ["light", "edge-cases", "chaos"])
def test_other_scenarios_reach_their_parameters(seeded_sqlite, name):
    figures, broken, _ = measure(f"sqlite:///{seeded_sqlite(name, 42, END.isoformat())}", name)
    assert broken == {}
    assert_on_target(name, figures)


def test_scale_multiplies_volume_at_constant_shape(seeded_sqlite):
    """The session's light seed at scale 2 (the reseed tests' oracle of a change of scale too)."""
    figures, broken, _ = measure(f"sqlite:///{seeded_sqlite('light', 42, END.isoformat(), 2.0)}", "light")
    assert broken == {}
    light = scenario("light")
    assert figures["order_revenue"] == pytest.approx(2 * light.revenue, rel=0.03)
    assert figures["orders"] == pytest.approx(2 * light.orders, rel=0.1)
    assert figures["margin"] == pytest.approx(light.margin, abs=light.margin_tolerance)
