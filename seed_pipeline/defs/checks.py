"""The data checks as Dagster asset checks, on the table each one guards.

A table's integrity check is blocking: tables built on a table with orphans or foreign
vocabulary are not built. Business rules and figures read tables seeded later, so they run
after those (``additional_deps``) and report without blocking.
"""

import dagster as dg

from seed_pipeline.checks.catalog import Check, active_checks


def _metadata(outcome) -> dict:
    meta = {k: v for k, v in outcome.observed.items() if v is not None}
    if outcome.failures:
        meta["failures"] = dg.MetadataValue.md("\n".join(f"- {f}" for f in outcome.failures))
    return meta


def asset_check_of(check: Check) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=check.asset,
        name=check.name,
        description=check.description,
        blocking=check.blocking,
        additional_deps=list(check.reads),
        required_resource_keys={"seed_settings", "database"},
    )
    def _check(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
        settings = context.resources.seed_settings.settings()
        with context.resources.database.tool_rows() as conn:  # the users' rows are not the seed's to judge
            outcome = check.evaluate(conn, settings)
        return dg.AssetCheckResult(passed=outcome.passed, metadata=_metadata(outcome))

    return _check


def data_checks() -> list[dg.AssetChecksDefinition]:
    return [asset_check_of(check) for check in active_checks()]
