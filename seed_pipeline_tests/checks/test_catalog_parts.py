"""The catalog's parts against hand-computed cases: a rule's outcome from its count, an integrity check's from
its table's broken rules, a figure's from its value and target, which checks are on, and the whole list
against docs/checks.md.

Every check here is built while the test runs: mutmut switches a mutant of catalog.py on only inside a
test, so a check built on import would hide it. The seeded cases are in ``test_catalog.py``.
"""

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from seed_pipeline.checks import catalog, document, figures, integrity
from seed_pipeline.checks.applicability import NotApplicable
from seed_pipeline.checks.catalog import Check, Outcome
from seed_pipeline.generation.context import SeedSettings

END = date(2026, 10, 31)
FULL = SeedSettings("full", 42, 1.0, END)
CHECKS_MD = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_an_outcome_says_why_it_did_not_run_and_only_then():
    assert Outcome(True, {"not_applicable": "reads a.b, which the database lacks"}).not_applicable == (
        "reads a.b, which the database lacks")
    assert Outcome(False, {"violating_rows": 3}, ("r: 3 rows",)).not_applicable is None
    assert (Outcome(True).observed, Outcome(True).failures, Outcome(True).not_applicable) == ({}, (), None)


@pytest.mark.parametrize("name, asset, reads, active", [
    ("stock_integrity", "no_generator_yet", (), True),  # integrity holds for any generator
    ("stock_is_counted", "no_generator_yet", (), False),  # a rule of a table without its business generator
    ("stock_is_counted", "orders", ("clients", "no_generator_yet"), False),  # one table it reads without one
    ("stock_is_counted", "orders", ("clients", "batches"), True),
    ("integrity_of_stock", "no_generator_yet", (), False),  # an integrity check is named <table>_integrity
])
def test_a_rule_is_on_once_every_table_it_reads_has_its_generator(name, asset, reads, active):
    assert Check(name, asset, reads, False, "A rule.", evaluate=None).active is active


def test_a_check_reading_a_missing_column_is_not_applicable_and_fails_nothing():
    def lacking(conn, settings):
        raise NotApplicable(["clients.phone"])

    found = Outcome(False, {"violating_rows": 2}, ("r: 2 rows",))
    engine = sa.create_engine("sqlite://")
    with engine.connect() as conn:
        skipped = Check("r", "clients", (), False, "R.", lacking).run(conn, FULL)
        ran = Check("r", "clients", (), False, "R.", lambda conn, settings: found).run(conn, FULL)
    assert skipped == Outcome(True, {"not_applicable": "reads clients.phone, which the database lacks"})
    assert ran is found


def test_broken_rules_are_the_rules_counting_rows(monkeypatch):
    asked = []

    def counting(n):
        return lambda conn, as_of: asked.append((conn, as_of)) or n

    monkeypatch.setattr(catalog, "RULES", {"holds": counting(0), "three": counting(3), "one": counting(1)})
    assert catalog.broken_rules("conn", END) == {"three": 3, "one": 1}
    assert asked == [("conn", END)] * 3  # each rule asked on the connection given, as of the date given


def test_a_rule_check_reports_its_rows_at_the_end_date(monkeypatch):
    monkeypatch.setattr(catalog, "RULES", {"r": lambda conn, as_of: 4 if (conn, as_of) == ("conn", END) else -1,
                                           "s": lambda conn, as_of: 0})
    assert catalog._rule("r")("conn", FULL) == Outcome(False, {"violating_rows": 4}, ("r: 4 rows",))
    assert catalog._rule("s")("conn", FULL) == Outcome(True, {"violating_rows": 0}, ())


def test_an_integrity_check_names_each_broken_rule_of_its_table(monkeypatch):
    counts = {"orders": {"orphan orders.client_id -> clients.id": 0, "orders.orderType enum": 2, "orphan x": 1},
              "clients": {"orphan clients.tier": 0}}
    monkeypatch.setattr(integrity, "broken_rules", lambda conn, table: counts[table] if conn == "conn" else {})
    assert catalog._integrity("orders")("conn", FULL) == Outcome(
        False, {"rules": 3}, ("orders.orderType enum: 2 rows", "orphan x: 1 rows"))
    assert catalog._integrity("clients")("conn", FULL) == Outcome(True, {"rules": 1}, ())


def _figure_outcome(monkeypatch, figure: str, value):
    asked = []
    monkeypatch.setattr(figures, "figure", lambda conn, name, s, as_of: asked.append((conn, name, s, as_of)) or value)
    outcome = catalog._figure(figure)("conn", FULL)
    assert asked == [("conn", figure, FULL.resolved, END)]  # measured on the connection, the run's scenario and date
    return outcome


def test_a_figure_check_reports_the_value_against_its_target(monkeypatch):
    # the full scenario's margin: 25% ± 10 points (TERP's parameters, as in test_figure_targets.py)
    promised = {"figure": "margin", "expected": 0.25, "tolerance": 0.10, "relative": False}
    assert _figure_outcome(monkeypatch, "margin", 0.123456) == Outcome(
        False, {**promised, "observed": 0.1235}, ("margin = 0.1235, expected 0.25 ± 0.1",))
    assert _figure_outcome(monkeypatch, "margin", 0.3) == Outcome(True, {**promised, "observed": 0.3}, ())
    # nothing of the kind sold (a small scenario): nothing to hold to the target
    assert _figure_outcome(monkeypatch, "margin", None) == Outcome(True, {"figure": "margin", "observed": None})


def test_the_checks_are_the_documented_ones():
    """docs/checks.md lists every check: its table, name, whether it is on and blocking, whether GE runs its
    SQL, the tables it reads and what it guards (graph/test_dependency_graph.py holds it too, outside the
    tests mutmut runs)."""
    assert document.render_checks_md() == CHECKS_MD.read_text()


def test_every_table_with_something_to_resolve_has_a_blocking_integrity_check():
    checks = catalog.all_checks()
    integrity_checks = {c.name: c for c in checks if c.name.endswith("_integrity")}
    assert {c.asset for c in integrity_checks.values()} == {t for t in catalog.TABLES if integrity.rules_for(t)}
    assert all(c.blocking and c.reads == () and c.rows is None for c in integrity_checks.values())
    assert not any(c.blocking for c in checks if c.name not in integrity_checks)
    assert [c.name for c in catalog.active_checks()] == [c.name for c in checks if c.active]


def test_a_rule_without_a_docstring_is_described_by_its_name(monkeypatch):
    def stock_is_counted(conn, as_of):
        return 0

    monkeypatch.setattr(catalog, "RULES", {**catalog.RULES, "stock_is_counted": stock_is_counted})
    monkeypatch.setattr(catalog, "RULE_HOME", {**catalog.RULE_HOME, "stock_is_counted": ("batches", ("lots",))})
    [check] = [c for c in catalog.all_checks() if c.name == "stock_is_counted"]
    assert (check.asset, check.reads, check.blocking, check.description, check.rows) == (
        "batches", ("lots",), False, "stock is counted", None)  # not written as SQL: nothing for the GE suites


def test_every_check_is_a_dagster_asset_check_blocking_only_for_integrity():
    """defs/checks.py: a table's integrity check is blocking, every other check reports without blocking (Dagster
    takes a bool, and refuses anything else when the definitions load)."""
    from seed_pipeline.defs.checks import check_spec

    checks = catalog.all_checks()
    specs = [check_spec(c) for c in checks]
    assert [(s.key.name, s.blocking) for s in specs] == [(c.name, c.name.endswith("_integrity")) for c in checks]
