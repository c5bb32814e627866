"""Hands each asset its parent tables as DataFrames.

Within a run, a parent's frame comes from memory (exactly what was written); otherwise it is
read back from the target database, so one asset can be re-materialised on its own.
"""

import dagster as dg
import pandas as pd

from seed_pipeline.loaders import SeedDatabase

# run id -> table -> frame as written. Only the current run is kept.
_FRAMES: dict[str, dict[str, pd.DataFrame]] = {}


class SeedFrameIOManager(dg.IOManager):
    def __init__(self, database: SeedDatabase):
        self.database = database

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        run_id = context.step_context.run_id
        if run_id not in _FRAMES:
            _FRAMES.clear()
            _FRAMES[run_id] = {}
        _FRAMES[run_id][context.asset_key.path[-1]] = obj

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        table = context.asset_key.path[-1]
        cached = _FRAMES.get(context.step_context.run_id, {}).get(table)
        return cached if cached is not None else self.database.read_table(table)


@dg.io_manager(required_resource_keys={"database"})
def seed_frame_io_manager(init_context: dg.InitResourceContext) -> SeedFrameIOManager:
    """Built from the run's own `database` resource, so a URL set in the launchpad or CLI applies here too."""
    return SeedFrameIOManager(init_context.resources.database)
