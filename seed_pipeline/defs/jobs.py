"""Jobs: the whole graph in phase order, one per phase group (numbered, so the UI lists them in the
order they must run), and the whole graph on the multiprocess executor."""

import dagster as dg

from seed_pipeline.defs.expectation_checks import EXPECTATION_CHECKS
from seed_pipeline.defs.run_lock_executor import multiprocess_holding_the_run_lock
from seed_pipeline.defs.settings import DEFAULT_SHOWN
from seed_pipeline.graph import PHASES

# Seeding runs the seed checks; the Great Expectations suites have their own job.
SEEDING = dg.AssetSelection.all() - dg.AssetSelection.checks(*EXPECTATION_CHECKS)
ORDER = " → ".join(PHASES)


def seed_check_keys(graph, assets) -> set[dg.AssetCheckKey]:
    """The seed checks of ``assets`` in a resolved asset graph: a subset run names them, or Dagster
    would add every check of those assets, the Great Expectations suites included."""
    suites = {c.key for d in EXPECTATION_CHECKS for c in d.check_specs}
    return {k for k in graph.asset_check_keys if k.asset_key in set(assets) and k not in suites}


def phase_job_name(group: str) -> str:
    """seed_1_system_defaults, seed_2_core, ...: the number is the phase's place in the order."""
    return f"seed_{list(PHASES).index(group) + 1}_{group}"


# Each step in its own process costs seconds to spawn on two cores; forkserver with the
# project preloaded keeps that down for those who want parallel steps anyway. The run's own
# process holds the database's run lock (run_lock_executor.py).
parallel_executor = multiprocess_holding_the_run_lock.configured(
    {"max_concurrent": 2, "start_method": {"forkserver": {"preload_modules": ["seed_pipeline.definitions"]}}}
)

seed_all = dg.define_asset_job(
    "seed_all",
    selection=SEEDING,
    description=f"Seed every table, phase by phase ({ORDER}), each table after the tables it references. "
    f"Writes to {DEFAULT_SHOWN} unless the launchpad's `database` resource names another.",
)

seed_all_parallel = dg.define_asset_job(
    "seed_all_parallel",
    selection=SEEDING,
    executor_def=parallel_executor,
    description="Seed every table like seed_all, independent phase steps two at a time in subprocesses.",
)


def _phase_description(group: str) -> str:
    position = list(PHASES).index(group)
    before = f"; needs {phase_job_name(list(PHASES)[position - 1])} (and the phases before it) run first" if position else ""
    return f"Phase {position + 1} of {len(PHASES)}: seed the {group} tables{before}. seed_all runs every phase in order."


phase_jobs = [
    dg.define_asset_job(
        phase_job_name(group),
        selection=dg.AssetSelection.groups(group) - dg.AssetSelection.checks(*EXPECTATION_CHECKS),
        description=_phase_description(group),
    )
    for group in PHASES
]
