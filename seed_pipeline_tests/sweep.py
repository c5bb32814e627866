"""The sweep of issue #10: many scenarios, seeds and end dates, each seeded in-process into SQLite and
held to every active check of the catalog.

Dagster and the CLI cost more than the tables themselves, so a case goes straight through the phase
step's own ``materialise`` (generate, write, fill) in graph order, then evaluates the catalog's checks
on one connection, as a seed's asset checks would.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from seed_pipeline.checks.catalog import active_checks
from seed_pipeline.defs.phase_step import materialise
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.graph import build_graph
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.ownership import KEYS, OWNERSHIP
from seed_pipeline.schema import metadata

FIRST_END, LAST_END = date(2025, 1, 1), date(2026, 12, 31)
# (scenario, how many seeds from 1): the promise
SWEPT = (("light", 50), ("edge-cases", 10), ("chaos", 10))


@dataclass(frozen=True)
class Case:
    scenario: str
    seed: int
    end_date: date

    @property
    def settings(self) -> SeedSettings:
        return SeedSettings(self.scenario, self.seed, 1.0, self.end_date)

    def __str__(self) -> str:
        return f"{self.scenario}-{self.seed}-{self.end_date.isoformat()}"


def end_date(index: int, count: int) -> date:
    """The index-th of ``count`` distinct end dates spread evenly over the two years: each month offers
    its first day, a day inside it (a different one each month) and its last day, the days a monthly
    close turns on, and the cases take those slots at even steps."""
    months = (LAST_END.year - FIRST_END.year) * 12 + LAST_END.month - FIRST_END.month + 1
    slot = round(index * (3 * months - 1) / max(count - 1, 1))
    first = pd.Timestamp(FIRST_END) + pd.DateOffset(months=slot // 3)
    kind = slot % 3
    day = first if kind == 0 else first + pd.offsets.MonthEnd(0) if kind == 2 else first.replace(day=2 + (slot // 3 * 11) % 26)
    return day.date()


def all_cases() -> list[Case]:
    """Every swept case, each with its own end date: the scenarios' seeds interleaved, so neighbouring
    dates go to different scenarios and each scenario's dates still cover both years."""
    count = sum(n for _, n in SWEPT)
    pairs = sorted(((seed - 1) / n, name, seed) for name, n in SWEPT for seed in range(1, n + 1))
    return [Case(name, seed, end_date(i, count)) for i, (_, name, seed) in enumerate(pairs)]


def spread_subset(cases: list[Case], every: int) -> list[Case]:
    """Every ``every``-th case, and each scenario's first: a cheap sample across scenarios and dates."""
    firsts = {c.scenario: c for c in reversed(cases)}
    return [c for i, c in enumerate(cases) if i % every == 0 or c in firsts.values()]


def seed_in_process(url: str, settings: SeedSettings) -> None:
    """Every table into an empty SQLite database, as the phase steps would write them: under the run lock, as
    ``seed`` writes, so the schema's state is asked once rather than before each table."""
    database, graph, frames = SeedDatabase(url=url), build_graph(), {}
    with database.run_lock():
        database.ensure_schema()
        for table in graph.order:
            materialise(table, graph, frames, database, settings)


def failed_checks(url: str, settings: SeedSettings) -> dict[str, tuple[str, ...]]:
    """Each active check that fails on the database, with what it reports."""
    with SeedDatabase(url=url).engine().connect() as conn:
        outcomes = {check.name: check.evaluate(conn, settings) for check in active_checks()}
    return {name: outcome.failures for name, outcome in outcomes.items() if not outcome.passed}


def emptied(url: str) -> None:
    """What a new file holds: every table empty (no table is AUTOINCREMENT, so ids start at 1 again), kept in
    the same file so that its engine, and the statements the engine has compiled, serve the next case
    (compiling them again for each new file was a fifth of a case)."""
    with SeedDatabase(url=url).engine().begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())
        for table in (OWNERSHIP, KEYS):
            conn.execute(table.delete())


def sweep_case(url: str, case: Case) -> dict[str, tuple[str, ...]]:
    """The checks ``case`` fails, seeded into the SQLite file ``url`` (emptied first when it exists)."""
    if SeedDatabase(url=url).exists():
        emptied(url)
    seed_in_process(url, case.settings)
    return failed_checks(url, case.settings)
