"""Every table's frame without a database, as a fresh seed makes them: the generators run in graph
order on their parents' frames, and once a table exists the deferred references into it are filled
in the frames that hold them (a later generator reads those values: productMedia follows the photo
sessions filled into batches). Nothing is written; `plan` counts these rows."""

import pandas as pd

from seed_pipeline.generation.context import GenerationContext, SeedSettings
from seed_pipeline.generation.fill import fill_deferred
from seed_pipeline.generation.registry import generator_for
from seed_pipeline.graph import DependencyGraph


def generate_frames(graph: DependencyGraph, settings: SeedSettings,
                    tables: set[str] | None = None) -> dict[str, pd.DataFrame]:
    """The frames a fresh seed writes for ``tables`` (default: all) and the tables they are built on."""
    needed = set(graph.order) if tables is None else graph.with_upstream(tables)
    frames: dict[str, pd.DataFrame] = {}
    for table in (t for t in graph.order if t in needed):
        frames[table] = generator_for(table)(GenerationContext.for_table(table, settings),
                                             {p: frames[p] for p in graph.parents(table)})
        for ref in graph.deferred_into(table):  # its source table is a parent of ``table``: already made
            source = frames[ref.table]
            context = GenerationContext.for_table(f"{ref.table}.{ref.column}", settings)
            values = fill_deferred(context, ref, source, frames[table])
            frames[ref.table] = source.assign(**{ref.column: values.reindex(source["id"]).to_numpy()})
    return frames
