"""The Dagster code location: `dagster dev` in the project root loads this module (see workspace.yaml)."""

import os

import dagster as dg

from seed_pipeline.defs.assets import table_assets
from seed_pipeline.defs.expectation_checks import EXPECTATION_CHECKS, verify_expectations
from seed_pipeline.defs.jobs import phase_jobs, seed_all, seed_all_parallel
from seed_pipeline.defs.schedules import staging_refresh
from seed_pipeline.defs.settings import TARGET_VARIABLE, SeedSettingsResource
from seed_pipeline.loaders import DEFAULT_URL, SeedDatabase
from seed_pipeline.model import Model


def build_definitions(executor: dg.ExecutorDefinition = dg.in_process_executor, model: Model | None = None
                      ) -> dg.Definitions:
    """The code location; ``executor`` runs every job without its own (celery: see defs/celery.py); ``model``
    is what its assets seed (default: TERP as the tool knows it; a followed run passes its own)."""
    # Taken from the environment by name, so the UI's resource page shows the variable, not the password.
    database = SeedDatabase(url=dg.EnvVar(TARGET_VARIABLE)) if os.environ.get(TARGET_VARIABLE) else SeedDatabase(url=DEFAULT_URL)
    return dg.Definitions(
        assets=table_assets(model=model),
        asset_checks=EXPECTATION_CHECKS,
        jobs=[seed_all, seed_all_parallel, *phase_jobs, verify_expectations],
        schedules=[staging_refresh],
        resources={
            "database": database,
            "seed_settings": SeedSettingsResource.from_env(),
        },
        executor=executor,
    )


defs = build_definitions()
