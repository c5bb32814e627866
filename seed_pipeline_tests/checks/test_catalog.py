"""Every kind of check passes on a seeded database and fails, naming its rule, when that rule is broken.

One light seed is made per module; each test breaks one rule on a copy of it with plain SQL, as a
bug in TERP or in a generator would, and runs the check that guards it.
"""

import shutil
import sqlite3
from datetime import date

import pytest

from seed_pipeline.business.rules import GRADE_PRICE, GROW_TYPES
from seed_pipeline.checks import lifecycle
from seed_pipeline.checks.catalog import all_checks
from seed_pipeline.cli.main import main
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline_tests.checks.rule_cases import RULE_CASES

END = date(2026, 10, 31)
SETTINGS = SeedSettings("light", 42, 1.0, END)
CHECKS = {c.name: c for c in all_checks()}


@pytest.fixture(scope="module")
def seeded(seeded_sqlite):
    """The light seed shared by the session; tests break copies of it."""
    return seeded_sqlite("light", 42, END.isoformat())


@pytest.fixture
def broken(seeded, tmp_path):
    """A copy of the seeded database and a function that runs SQL on it (foreign keys not enforced)."""
    copy = tmp_path / "broken.sqlite"
    shutil.copy(seeded, copy)

    def run(*statements: str) -> str:
        conn = sqlite3.connect(copy)
        for statement in statements:
            assert conn.execute(statement).rowcount > 0, statement
        conn.commit()
        conn.close()
        return f"sqlite:///{copy}"

    return run


def built_now(name: str):
    """The check as the catalog builds it while the test runs: ``CHECKS`` was built on import, before mutmut
    switches a mutant of catalog.py on, so its checks would hide every such mutant."""
    return next(c for c in all_checks() if c.name == name)


def evaluate(url: str, name: str):
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return built_now(name).evaluate(conn, SETTINGS)
    finally:
        engine.dispose()


def test_every_check_passes_on_the_seeded_database(seeded):
    failed = {name: evaluate(f"sqlite:///{seeded}", name).failures for name in CHECKS}
    assert {name: f for name, f in failed.items() if f} == {}
    found = {c.name: rows_returned(f"sqlite:///{seeded}", c.rows(SETTINGS)) for c in all_checks() if c.rows}
    assert {name: n for name, n in found.items() if n} == {}  # nor do the queries the GE suites run


def test_every_rule_has_a_breaking_case():
    assert set(RULE_CASES) == {c.name for c in CHECKS.values() if not c.name.endswith(("_integrity", "_on_target"))}


BROKEN_CLAUSES = [(rule, i) for rule, cases in sorted(RULE_CASES.items()) for i in range(len(cases))]


@pytest.mark.parametrize("rule, clause", BROKEN_CLAUSES,
                         ids=[rule if len(RULE_CASES[rule]) == 1 else f"{rule}-{i}" for rule, i in BROKEN_CLAUSES])
def test_rule_check_reports_exactly_the_rows_its_case_breaks(broken, rule, clause):
    case = RULE_CASES[rule][clause]
    url = broken(*case.statements)
    outcome = evaluate(url, rule)
    failures = (f"{rule}: {case.rows} rows",) if case.rows else ()
    assert (outcome.passed, outcome.failures) == (case.rows == 0, failures)
    assert outcome.observed == {"violating_rows": case.rows}
    if (queries := built_now(rule).rows) is not None:  # the rows the GE suites report are the ones counted
        assert rows_returned(url, queries(SETTINGS)) == case.rows


def rows_returned(url: str, queries) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return sum(len(conn.execute(q).fetchall()) for q in queries)
    finally:
        engine.dispose()


def test_acquisition_months_are_counted_across_a_new_year(broken):
    # buyer 1 on the books in October 2025, the history read to March 2026: six months, three once the spare
    # three are left out; the nine acquisitions came in one month (October 2026, the rule reads them all)
    url = broken("UPDATE clients SET created_at = '2025-10-05 10:00:00' WHERE id = 1")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert lifecycle.clients_acquired_over_time(conn, date(2026, 3, 31)) == 2
    finally:
        engine.dispose()


FIGURE_CASES = {
    "order_revenue": ["UPDATE orders SET total = total * 2"],
    "whale_share": ["UPDATE orders SET total = total * 10 WHERE client_id NOT IN (SELECT client_id FROM orders GROUP BY client_id ORDER BY sum(total) DESC LIMIT 2)"],
    "flower_share": ["UPDATE order_line_items SET line_total = line_total * 20 WHERE batch_id IN (SELECT b.id FROM batches b JOIN products p ON p.id = b.productId WHERE p.category <> 'Flower')"],
    "margin": ["UPDATE order_line_items SET cogs_per_unit = unit_price"],
    "consignment_sale_share": ["UPDATE orders SET paymentTerms = 'CONSIGNMENT'"],
    "consignment_intake_share": ["UPDATE batches SET paymentTerms = 'COD'"],
    "overdue_share": ["UPDATE invoices SET dueDate = '2026-10-01' WHERE amountDue > 0"],
    "aged_share": ["UPDATE invoices SET dueDate = '2025-01-01' WHERE amountDue > 0"],
    "buying_clients": ["UPDATE orders SET client_id = (SELECT min(client_id) FROM orders)"],
    "supplying_vendors": ["UPDATE lots SET vendorId = (SELECT min(vendorId) FROM lots)"],
    "lots_per_month": ["DELETE FROM lots WHERE id NOT IN (SELECT min(id) FROM lots)"],
    "returns_share": ["INSERT INTO returns (order_id, items, returnReason, processed_by, processed_at) "
                      "SELECT id, '[]', 'OTHER', created_by, shipped_at FROM orders WHERE shipped_at IS NOT NULL"],
    "refunds_share": ["UPDATE invoices SET notes = NULL WHERE notes LIKE 'Refund of $%'"],
}
FIGURE_CASES |= {  # every cell of the price grid: its lines sold at twice the price
    f"price_per_lb_{grow.key}_{grade}": [
        "UPDATE order_line_items SET unit_price = unit_price * 2, line_total = line_total * 2 WHERE batch_id IN "
        "(SELECT b.id FROM batches b JOIN products p ON p.id = b.productId "
        f"WHERE p.subcategory = '{grow.subcategory}' AND b.grade = '{grade}')"]
    for grow in GROW_TYPES for grade in GRADE_PRICE
}


def test_every_figure_has_a_breaking_case():
    figures = {c.name.removesuffix("_on_target") for c in CHECKS.values() if c.name.endswith("_on_target")}
    assert figures == set(FIGURE_CASES)


@pytest.mark.parametrize("figure", sorted(FIGURE_CASES))
def test_figure_check_fails_off_target(broken, figure):
    url = broken(*FIGURE_CASES[figure])
    outcome = evaluate(url, f"{figure}_on_target")
    assert not outcome.passed
    assert outcome.failures[0].startswith(figure)
    assert rows_returned(url, built_now(f"{figure}_on_target").rows(SETTINGS)) == 1  # GE's query: the figure, off


def test_verify_command_passes_a_sound_database_and_names_what_broke(seeded, broken, capsys):
    assert main(["verify", "--db", f"sqlite:///{seeded}"]) == 0
    assert "0 failed" in capsys.readouterr().out
    url = broken("UPDATE invoices SET customerId = 999999 WHERE id = 1")
    assert main(["verify", "--db", url, "--json"]) == 1
    out = capsys.readouterr().out
    assert '"passed": false' in out and "invoices.customerId -> clients.id" in out
