"""seed_all_parallel's executor: the multiprocess executor, holding the database's run lock for the
whole run in the run's own process.

Each step runs in a process of its own, and steps running side by side would lock each other out;
so the process that launches the steps takes the lock, labelled with the run's id, before the first
step and frees it after the last, whoever launched the run (the CLI, the UI, a schedule). Each
step then only checks that the lock is held for its run (``SeedDatabase.setup_for_execution``).
"""

import os

import dagster as dg

from seed_pipeline.defs.settings import DEFAULT_TARGET
from seed_pipeline.loaders import lock


def run_target(run_config: dict) -> str:
    """The database URL a run writes to: its `database` resource's config, else the code location's default."""
    url = run_config.get("resources", {}).get("database", {}).get("config", {}).get("url", DEFAULT_TARGET)
    return os.environ.get(url["env"], "") if isinstance(url, dict) else url


class HoldingTheRunLock(dg.Executor):
    """Any executor, with the run lock held around its whole execution."""

    def __init__(self, inner: dg.Executor):
        self.inner = inner

    @property
    def retries(self):
        return self.inner.retries

    @property
    def step_dependency_config(self):
        return self.inner.step_dependency_config

    def execute(self, plan_context, execution_plan):
        url = run_target(plan_context.run_config)
        lock.acquire(url, run=plan_context.run_id)  # another run holds it: the run fails, naming it
        try:
            yield from self.inner.execute(plan_context, execution_plan)
        finally:
            lock.release(url)


@dg.executor(
    name="multiprocess_holding_the_run_lock",
    config_schema=dg.multiprocess_executor.config_schema,
    requirements=dg.multiple_process_executor_requirements(),
)
def multiprocess_holding_the_run_lock(init_context):
    return HoldingTheRunLock(dg.multiprocess_executor.executor_creation_fn(init_context))
