"""Deferred references of a table whose target is not materialised in this run (a partial run).

A full run fills ``orders.invoice_id`` when invoices are written. When a run rewrites orders but
not invoices, the values come from the invoices already in the database, computed exactly as a
full run would, so a partial run never leaves them NULL.
"""

import dagster as dg
import pandas as pd

from seed_pipeline.generation.context import GenerationContext, SeedSettings
from seed_pipeline.generation.fill import fill_deferred
from seed_pipeline.graph import DependencyGraph


def fill_from_database(context: dg.AssetExecutionContext, graph: DependencyGraph, table: str,
                       frame: pd.DataFrame, settings: SeedSettings) -> dict[str, int]:
    """Fill ``table``'s deferred columns whose target this run leaves alone; updated rows per column."""
    selection = context.run.asset_selection
    database = context.resources.database
    filled = {}
    for ref in graph.deferred_from(table):
        if selection is None or dg.AssetKey(ref.target) in selection:
            continue  # filled when the target is written in this run
        target = database.read_table(ref.target)
        if target.empty:
            continue
        ctx = GenerationContext.for_table(f"{ref.table}.{ref.column}", settings)
        values = fill_deferred(ctx, ref, frame, target)
        filled[f"{ref.table}.{ref.column}"] = database.fill_column(ref.table, ref.column, values)
        frame[ref.column] = values.reindex(frame["id"]).to_numpy()
    return filled
