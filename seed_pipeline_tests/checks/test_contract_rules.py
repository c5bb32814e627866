"""The rules holding the seed to TERP's application contract (``checks/contract.py``), built while the test runs.

The catalog's contract rules are built once, as ``contract`` is imported, before mutmut switches a mutant on:
a mutant of a rule's builder never reaches them. These tests build each rule anew from its column's spec
and hold it to what is written down apart from the code: its name and statement in ``docs/checks.md``
(reviewed as it is committed), the rows each breaking case of ``rule_cases`` breaks, and a history's length
worked out by hand.
"""

from datetime import date

import pytest
import sqlalchemy as sa

from seed_pipeline.checks import contract
from seed_pipeline.contract import JSON_COLUMNS, STATE_COLUMNS
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline.model import using
from seed_pipeline.schema.follow import followed_model
from seed_pipeline.schema.types import metadata
from seed_pipeline_tests.checks.rule_cases import RULE_CASES
from seed_pipeline_tests.checks.test_catalog import END, broken, seeded  # noqa: F401 (fixtures)
from seed_pipeline_tests.shared import PROJECT_ROOT

KINDS = ("_reads_as_terp_expects", "_ids_are_rows", "_has_every_counted_state")


def built() -> dict:
    """Every contract rule, built now."""
    rules = [contract._json_rule(spec) for spec in JSON_COLUMNS.values()]
    rules += [contract._id_rule(spec) for spec in JSON_COLUMNS.values() if spec.references]
    rules += [contract._state_rule(spec) for spec in STATE_COLUMNS.values()]
    return {rule.__name__: rule for rule in rules}


def documented() -> dict[str, str]:
    """Each contract rule of docs/checks.md with what it guards (the table's last cell)."""
    rows = (line.split(" | ") for line in (PROJECT_ROOT / "docs" / "checks.md").read_text().splitlines())
    return {cells[1].strip("`"): cells[-1].removesuffix(" |") for cells in rows
            if len(cells) > 2 and cells[1].strip("`").endswith(KINDS)}


def test_each_rule_built_has_its_documented_name_and_statement():
    assert {name: rule.__doc__ for name, rule in built().items()} == documented()


def run(url: str, rule, as_of: date = END):
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return rule(conn, as_of)
    finally:
        engine.dispose()


CASES = [(name, i) for name, cases in sorted(RULE_CASES.items()) if name.endswith(KINDS) for i in range(len(cases))]


def test_every_rule_built_holds_on_the_seed(seeded):
    assert {name: run(f"sqlite:///{seeded}", rule) for name, rule in built().items()} == dict.fromkeys(built(), 0)


@pytest.mark.parametrize("rule, clause", CASES, ids=[f"{name}-{i}" for name, i in CASES])
def test_a_rule_built_reports_exactly_the_rows_its_case_breaks(broken, rule, clause):
    case = RULE_CASES[rule][clause]
    assert run(broken(*case.statements), built()[rule]) == case.rows


def test_the_history_is_measured_from_the_first_sale(broken):
    # the first sale made on 1 January 2026 at ten, every other order a year before: to the end of 31 October
    # that is 302 whole days (303 calendar days less the ten hours), in months of 30.44 days
    url = broken("UPDATE orders SET created_at = '2026-01-01 10:00:00' WHERE orderType = 'SALE'",
                 "UPDATE orders SET created_at = '2025-01-01 10:00:00' WHERE orderType <> 'SALE'")
    assert run(url, contract._months_of_history, date(2026, 10, 31)) == 302 / 30.44
    assert run(broken("UPDATE orders SET orderType = 'QUOTE'"), contract._months_of_history) == 0.0  # no sale yet


def test_a_state_a_followed_terp_dropped_is_not_missing(broken):
    # the followed TERP's calendar_events.status allows no CANCELLED: a seed with no cancelled event lacks nothing
    live = sa.MetaData()
    for table in metadata.tables.values():
        table.to_metadata(live)
    live.tables["calendar_events"].c.status.type = sa.Enum("SCHEDULED", "IN_PROGRESS", "COMPLETED", name="status")
    url = broken("UPDATE calendar_events SET status = 'COMPLETED' WHERE status = 'CANCELLED'")
    rule = built()["calendar_events_status_has_every_counted_state"]
    assert run(url, rule) == 1
    with using(followed_model(live)):
        assert run(url, rule) == 0
