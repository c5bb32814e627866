"""The parent tables a phase step reads: from this run's memory when an earlier step wrote them,
else from the target database.

Frames stay in memory only for the current run of this process (the in-process executor hands
them from phase to phase without a round trip); a step in another process (multiprocess or
celery), or a re-materialised subset, reads its parents back through the database resource.
"""

import dagster as dg
import pandas as pd

from seed_pipeline.defs.jobs import phase_job_name
from seed_pipeline.graph import GROUP_OF
from seed_pipeline.loaders import SeedDatabase

# run id -> table -> frame as written. Only the latest run is kept.
_FRAMES: dict[str, dict[str, pd.DataFrame]] = {}


def run_frames(run_id: str) -> dict[str, pd.DataFrame]:
    """This run's frames, shared by its steps; starting a new run forgets the previous one."""
    if run_id not in _FRAMES:
        _FRAMES.clear()
        _FRAMES[run_id] = {}
    return _FRAMES[run_id]


def parent_frames(table: str, parents, frames: dict[str, pd.DataFrame], database: SeedDatabase) -> dict[str, pd.DataFrame]:
    """Each parent's frame, read from the database (and kept) when this run has not written it.

    A parent this tool has not seeded there refuses the table, naming the job to run first.
    """
    for parent in parents:
        if parent not in frames:
            found = database.read_table(parent)
            if found.empty:
                raise dg.Failure(
                    f"{table} is built on {parent}, which has no seeded rows in {database.display_url()}: "
                    f"run {phase_job_name(GROUP_OF[parent])} first (or seed_all, which runs every phase in order)"
                )
            frames[parent] = found
    return {parent: frames[parent] for parent in parents}
