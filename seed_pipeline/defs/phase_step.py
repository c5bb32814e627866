"""What a phase's step does: each selected table in graph order, generated from its parents,
written, its deferred references filled, then every check whose tables are now all written.

A failed blocking check stops the tables built on its table (the rest of the phase goes on);
Dagster then fails the step, so the later phases do not run.
"""

import time

import dagster as dg

from seed_pipeline.checks.catalog import Check
from seed_pipeline.defs.checks import Judge
from seed_pipeline.defs.frames import parent_frames, run_frames, wrote
from seed_pipeline.defs.metadata import content_version, preview
from seed_pipeline.defs.preflight import in_first_step
from seed_pipeline.defs.settings import TARGET_TAG
from seed_pipeline.generation.conform import conform
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


def materialise(table: str, graph: DependencyGraph, frames: dict, database, settings, rewritten=None) -> dg.MaterializeResult:
    """Generate, write and fill one table; its frame as written joins the run's frames."""
    started = time.perf_counter()
    parents = parent_frames(table, graph.parents(table), frames, database)
    ctx = GenerationContext.for_table(table, settings)
    frame = conform(ctx, generator_for(table)(ctx, parents))
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
    metadata = {
        "dagster/row_count": written.rows,
        "seconds": round(time.perf_counter() - started, 3),
        "load_seconds": round(written.seconds, 3),
        "id_offset": written.id_offset,
        "preview": preview(written.frame),
        **{f"filled {name}": count for name, count in filled.items()},
    }
    return dg.MaterializeResult(asset_key=table, metadata=metadata, data_version=content_version(written.frame))


def seed_phase(context: dg.AssetExecutionContext, tables: list[str], graph: DependencyGraph, checks: list[Check]):
    settings = context.resources.seed_settings.settings()
    database = context.resources.database
    context.instance.add_run_tags(context.run.run_id, {TARGET_TAG: database.display_url()})
    in_first_step(context, database, settings)
    frames = run_frames(context.run.run_id)
    selected = [t for t in tables if dg.AssetKey(t) in context.selected_asset_keys]
    # Every parent from outside the step first: a missing one refuses the phase before anything is written.
    for table in selected:
        parent_frames(table, [p for p in graph.parents(table) if p not in selected], frames, database)
    pending = [c for c in checks if dg.AssetCheckKey(dg.AssetKey(c.asset), c.name) in context.selected_asset_check_keys]
    waiting, stopped = set(selected), set()  # tables still to write here; tables not to build on
    judge = Judge(database, settings, context.run.run_id)
    for table in selected:
        waiting.discard(table)
        if stopped.intersection(graph.parents(table)):
            stopped.add(table)
            continue
        yield materialise(table, graph, frames, database, settings, context.run.asset_selection)
        wrote(context.run.run_id, table, graph)
        due = [c for c in pending if waiting.isdisjoint((c.asset, *c.reads))]
        pending = [c for c in pending if c not in due]
        for check, result in zip(due, judge.evaluate(due)):
            if check.blocking and not result.passed:
                stopped.add(check.asset)
            yield result
