"""The data checks as Dagster asset checks, declared on the phase step that seeds their table.

A table's integrity check is blocking: the tables built on a table with orphans or foreign
vocabulary are not built. Business rules and figures read other tables (``additional_deps``)
and report without blocking. A check is evaluated inside its phase's step as soon as its table
and the tables it reads are written, so checks cost no steps of their own; a check that reads a
table of a later phase runs in a small check step after that phase.
"""

import dagster as dg

from seed_pipeline.checks.catalog import Check
from seed_pipeline.checks.violations import shared_reads
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.model import Model, using


def home_phase(check: Check, model: Model) -> str:
    """The phase after which every table the check looks at is seeded."""
    return max((model.group_of[t] for t in (check.asset, *check.reads)), key=list(model.phases).index)


def check_spec(check: Check) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        name=check.name,
        asset=check.asset,
        description=check.description,
        blocking=check.blocking,
        additional_deps=list(check.reads),
    )


def _metadata(outcome) -> dict:
    meta = {k: v for k, v in outcome.observed.items() if v is not None}
    if outcome.failures:
        meta["failures"] = dg.MetadataValue.md("\n".join(f"- {f}" for f in outcome.failures))
    return meta


# run id -> the tables holding users' rows, asked once a run (only the latest run is kept)
_FOREIGN: dict[str, list[str]] = {}


def foreign_tables(database: SeedDatabase, run_id: str) -> list[str]:
    """The tables holding users' rows, asked at a run's first check: a step has written by then, and
    the tool's own writes never change the answer (asking cost each check a query over every table)."""
    if run_id not in _FOREIGN:
        _FOREIGN.clear()
        _FOREIGN[run_id] = database.foreign_tables()
    return _FOREIGN[run_id]


class Judge:
    """Evaluates checks on the tool's rows only (the users' rows are not the seed's to judge).

    Checks due together share one connection, so a database with users' rows copies its shadow
    tables once per batch, and the columns read whole are read once per batch (``shared_reads``).
    """

    def __init__(self, database: SeedDatabase, settings: SeedSettings, run_id: str):
        self.database, self.settings, self.run_id = database, settings, run_id

    def evaluate(self, checks: list[Check]) -> list[dg.AssetCheckResult]:
        if not checks:
            return []
        with self.database.tool_rows(foreign_tables(self.database, self.run_id)) as conn, shared_reads(conn):
            outcomes = [(check, check.run(conn, self.settings)) for check in checks]
        return [dg.AssetCheckResult(asset_key=check.asset, check_name=check.name, passed=outcome.passed,
                                    metadata=_metadata(outcome)) for check, outcome in outcomes]


def checks_by_phase(checks: list[Check], model: Model) -> tuple[dict[str, list[Check]], dict[str, list[Check]]]:
    """(checks run in the step of their table's phase, checks run after a later phase), by phase."""
    own: dict[str, list[Check]] = {group: [] for group in model.phases}
    late: dict[str, list[Check]] = {group: [] for group in model.phases}
    for check in checks:
        home = home_phase(check, model)
        (own[home] if home == model.group_of[check.asset] else late[home]).append(check)
    return own, late


def late_checks(phase: str, checks: list[Check], model: Model) -> dg.AssetChecksDefinition:
    """One step for the checks of earlier tables that read tables of ``phase``."""
    by_key = {dg.AssetCheckKey(dg.AssetKey(c.asset), c.name): c for c in checks}

    @dg.multi_asset_check(
        name=f"checks_after_{phase}",
        specs=[check_spec(c) for c in checks],
        can_subset=True,
        required_resource_keys={"seed_settings", "database"},
    )
    def _checks(context: dg.AssetCheckExecutionContext):
        judge = Judge(context.resources.database, context.resources.seed_settings.settings(), context.run.run_id)
        with using(model):
            yield from judge.evaluate([by_key[key] for key in sorted(context.selected_asset_check_keys, key=lambda k: k.name)])

    return _checks
