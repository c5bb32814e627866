"""Jobs: the whole graph, one per phase group, and the whole graph on the multiprocess executor."""

import dagster as dg

from seed_pipeline.defs.expectation_checks import EXPECTATION_CHECKS
from seed_pipeline.graph import PHASES

# Seeding runs the seed checks; the Great Expectations suites have their own job.
SEEDING = dg.AssetSelection.all() - dg.AssetSelection.checks(*EXPECTATION_CHECKS)

# Each step in its own process costs seconds to spawn on two cores; forkserver with the
# project preloaded keeps that down for those who want parallel steps anyway.
parallel_executor = dg.multiprocess_executor.configured(
    {"max_concurrent": 2, "start_method": {"forkserver": {"preload_modules": ["seed_pipeline.definitions"]}}}
)

seed_all = dg.define_asset_job(
    "seed_all",
    selection=SEEDING,
    description="Seed every table in dependency order.",
)

seed_all_parallel = dg.define_asset_job(
    "seed_all_parallel",
    selection=SEEDING,
    executor_def=parallel_executor,
    description="Seed every table, two steps at a time in subprocesses.",
)

phase_jobs = [
    dg.define_asset_job(
        f"seed_{group}",
        selection=dg.AssetSelection.groups(group) - dg.AssetSelection.checks(*EXPECTATION_CHECKS),
        description=f"Seed the {group} phase; its upstream phases must already be seeded.",
    )
    for group in PHASES
]
