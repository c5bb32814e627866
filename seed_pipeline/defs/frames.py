"""The parent tables a phase step reads: from this run's memory when an earlier step wrote them,
else from the target database.

Frames stay in memory only for the current run of this process (the in-process executor hands
them from phase to phase without a round trip), and only until every child of the table is
written, so memory holds what is still to be read rather than the whole database; a step in
another process (multiprocess or celery), or a re-materialised subset, reads its parents back
through the database resource.
"""

import dagster as dg
import pandas as pd

from seed_pipeline.defs.jobs import phase_job_name
from seed_pipeline.graph import DependencyGraph
from seed_pipeline.model import current
from seed_pipeline.loaders import SeedDatabase

# run id -> table -> frame as written, and the tables written. Only the latest run is kept.
_FRAMES: dict[str, dict[str, pd.DataFrame]] = {}
_WRITTEN: dict[str, set[str]] = {}


def run_frames(run_id: str) -> dict[str, pd.DataFrame]:
    """This run's frames, shared by its steps; starting a new run forgets the previous one."""
    if run_id not in _FRAMES:
        _FRAMES.clear()
        _WRITTEN.clear()
        _FRAMES[run_id], _WRITTEN[run_id] = {}, set()
    return _FRAMES[run_id]


def wrote(run_id: str, table: str, graph: DependencyGraph) -> None:
    """``table`` is written: forget it if nothing reads it, and each parent whose children are all written."""
    done = _WRITTEN[run_id]
    done.add(table)
    for read in (table, *graph.parents(table)):
        if done.issuperset(graph.children(read)):
            _FRAMES[run_id].pop(read, None)


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
                    f"run {phase_job_name(current().group_of[parent])} first (or seed_all, which runs every phase in order)"
                )
            frames[parent] = found
    return {parent: frames[parent] for parent in parents}
