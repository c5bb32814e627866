"""Writing one table: generated from its parents, written, its deferred references filled.

Shared by the phase step and by the dry run that counts a run's rows before it writes
(preflight.py), so both make exactly the same frames.
"""

import dagster as dg

from seed_pipeline.defs.frames import parent_frames
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.generation.fill import fill_deferred
from seed_pipeline.generation.registry import generator_for
from seed_pipeline.graph import DependencyGraph
from seed_pipeline.loaders.ownership import settings_record


def _seeded_targets(refs, frames: dict, database, rewritten) -> list:
    """The deferred references of this table whose targets this run does not write (a partial run), with
    the targets' rows: filled now, as the target's own step filled them, so a table seeded alone keeps
    its links. ``rewritten`` is the run's selection (None: every table)."""
    found = []
    for ref in refs:
        if ref.target in frames:
            target = frames[ref.target]
        elif rewritten is None or dg.AssetKey(ref.target) in rewritten:
            continue  # filled when the target is written later in this run
        else:
            target = database.read_table(ref.target)
        if not target.empty:
            found.append((ref, target))
    return found


def write_one(table: str, graph: DependencyGraph, frames: dict, database, settings, rewritten=None):
    """Generate, write and fill one table; its frame as written joins the run's frames. The write
    result and the rows filled per column. ``database`` is the SeedDatabase, or a dry run's stand-in."""
    parents = parent_frames(table, graph.parents(table), frames, database)
    frame = generator_for(table)(GenerationContext.for_table(table, settings), parents)
    written = database.write_table(table, frame, provenance=settings_record(settings))
    frames[table] = written.frame
    filled = {}
    fills = [(ref, parents[ref.table], written.frame) for ref in graph.deferred_into(table)]
    fills += [(ref, written.frame, target)
              for ref, target in _seeded_targets(graph.deferred_from(table), frames, database, rewritten)]
    for ref, source, target in fills:
        context = GenerationContext.for_table(f"{ref.table}.{ref.column}", settings)
        values = fill_deferred(context, ref, source, target)
        filled[f"{ref.table}.{ref.column}"] = database.fill_column(ref.table, ref.column, values)
        # Later readers in this run share this frame: keep it equal to the database.
        source[ref.column] = values.reindex(source["id"]).to_numpy()
    return written, filled
