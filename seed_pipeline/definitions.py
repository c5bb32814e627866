"""The Dagster code location: `dagster dev` in the project root loads this module (see workspace.yaml)."""

import os

import dagster as dg

from seed_pipeline.defs.assets import table_assets
from seed_pipeline.defs.checks import data_checks
from seed_pipeline.defs.expectation_checks import EXPECTATION_CHECKS, verify_expectations
from seed_pipeline.defs.io_manager import seed_frame_io_manager
from seed_pipeline.defs.jobs import phase_jobs, seed_all, seed_all_parallel
from seed_pipeline.defs.schedules import staging_refresh
from seed_pipeline.defs.settings import SeedSettingsResource
from seed_pipeline.loaders import DEFAULT_URL, SeedDatabase


def build_definitions() -> dg.Definitions:
    database = SeedDatabase(url=os.environ.get("SEED_DATABASE_URL", DEFAULT_URL))
    return dg.Definitions(
        assets=table_assets(),
        asset_checks=[*data_checks(), *EXPECTATION_CHECKS],
        jobs=[seed_all, seed_all_parallel, *phase_jobs, verify_expectations],
        schedules=[staging_refresh],
        resources={
            "database": database,
            "seed_settings": SeedSettingsResource.from_env(),
            "io_manager": seed_frame_io_manager,
        },
        executor=dg.in_process_executor,
    )


defs = build_definitions()
