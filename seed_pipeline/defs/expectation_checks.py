"""Each table's Great Expectations suite as a Dagster asset check, run by the `verify_expectations` job.

Kept out of the seed jobs: a suite costs a fixed ~0.2 s per table in GE, and the seed's own
integrity checks already guard references and vocabularies while seeding. great_expectations is
imported only when a check runs, so the code location loads fast.
"""

import dagster as dg

from seed_pipeline.defs.checks import foreign_tables
from seed_pipeline.model import shared


def expectation_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table,
        name=f"{table}_expectations",
        description="Great Expectations suite from the model: not null, unique, enum, lengths, ranges, "
        "dates in the history window, references that resolve; and the table's SQL business rules and figures.",
        required_resource_keys={"seed_settings", "database"},
    )
    def _check(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
        from seed_pipeline.checks.expectations import validate_table

        settings, database = context.resources.seed_settings.settings(), context.resources.database
        result = validate_table(database.url, table, settings, foreign_tables(database, context.run.run_id))
        failures = "\n".join(f"- {kind} [{what}]: {seen}" for kind, what, seen in result.failures)
        return dg.AssetCheckResult(passed=result.success, metadata={"failed": len(result.failures),
                                                                    **({"failures": dg.MetadataValue.md(failures)} if failures else {})})

    return _check


EXPECTATION_CHECKS = [expectation_check(table) for table in sorted(shared().tables)]

verify_expectations = dg.define_asset_job(
    "verify_expectations",
    selection=dg.AssetSelection.checks(*EXPECTATION_CHECKS),
    description="Run every table's Great Expectations suite against the target database; writes nothing.",
)
