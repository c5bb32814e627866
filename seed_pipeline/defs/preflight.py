"""What a run refuses before its first write, the same from the command line, a phase job or the
UI's Materialize: the command line asks before it launches the run, and the first step of a run
launched elsewhere asks before it writes (a run tag says it was asked).

- A selection whose upstream has no seeded rows (naming what to run first), was seeded with other
  settings, or whose descendants would be left built on other settings (suggesting ``table+``).
- A reseed that gives up seeded rows users' rows point at: refused listing them, unless the
  database resource is told to keep them (``--keep-referenced-rows``; see loaders/handover.py).
"""

import dagster as dg

from seed_pipeline.defs.jobs import phase_job_name
from seed_pipeline.errors import UserInputError
from seed_pipeline.generation.in_memory import generate_frames
from seed_pipeline.graph import DependencyGraph, build_graph
from seed_pipeline.model import current
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.errors import SeedDatabaseError
from seed_pipeline.loaders.ownership import Owned, settings_record

PREFLIGHT_TAG = "seed_pipeline/preflight"  # set once a run's refusals were asked and passed
SHOWN = 3


def names(items) -> str:
    """A few names, sorted, then how many more."""
    items = sorted(items)
    return ", ".join(items[:SHOWN]) + (f" and {len(items) - SHOWN} more" if len(items) > SHOWN else "")


def _settings(record: dict) -> str:
    return ", ".join(f"{k.replace('_', ' ')} {record.get(k)}" for k in ("scenario", "seed", "scale", "end_date"))


def check_partial(records: dict[str, Owned], wanted: dict, selected: set[str], graph: DependencyGraph) -> None:
    """Refuse a selection whose upstream is missing or other, or whose descendants would disagree."""
    upstream = {p for t in selected for p in graph.parents(t)} - selected
    missing = {p for p in upstream if p not in records}
    if missing:
        first = min(missing, key=graph.order.index)
        raise UserInputError(
            f"the selection reads {names(missing)}, not seeded in this database yet: run a full seed first, "
            f"or run {phase_job_name(current().group_of[first])} first (on the command line, add them: --select '+{first}')"
        )
    other = {p for p in upstream if records[p].provenance != wanted}
    if other:
        first = sorted(other)[0]
        raise UserInputError(
            f"{names(other)} were seeded with {_settings(records[first].provenance)}, not {_settings(wanted)}: "
            "run the selection with those settings, or a full seed with the new ones"
        )
    below = {d for d in graph.descendants(selected) - selected if d in records and records[d].provenance != wanted}
    if below:
        table = min(selected, key=graph.order.index)
        raise UserInputError(
            f"seeding {names(selected)} with {_settings(wanted)} would leave {names(below)} built on other settings: "
            f"use --select '{table}+' (the tables below it too) or a full seed"
        )


def touched(selected: set[str] | None) -> list[str]:
    """The tables a run writing ``selected`` (None: all) may change: those, the tool's rows taken along
    below them, and the tables whose deferred references they fill."""
    graph = build_graph()
    if selected is None:
        return list(graph.order)
    tables = set(selected) | graph.descendants(set(selected))
    tables |= {ref.table for ref in graph.deferred if ref.target in tables}
    return [t for t in graph.order if t in tables]


def planned_counts(settings, tables: list[str], graph: DependencyGraph) -> dict[str, int]:
    """The rows each of ``tables`` gets with ``settings``: generated in memory, not written. A reseed
    converges to a fresh seed's rows (and a partial run's upstream has its settings), so a fresh
    seed's counts are the run's."""
    frames = generate_frames(graph, settings, set(tables))
    return {t: len(frames[t]) for t in tables}


def before_writing(database: SeedDatabase, settings, selected: set[str] | None) -> dict[str, int]:
    """Every refusal, before the run's first write; the seeded rows handed over to the users, per table."""
    graph = build_graph()
    records = database.records() if database.exists() and database.check() == "terp" else {}
    tables = [t for t in graph.order if selected is None or t in selected]
    wanted = settings_record(settings)
    if len(tables) < len(graph.order):
        check_partial(records, wanted, set(tables), graph)
    if all(t in records and records[t].provenance == wanted for t in tables):
        return {}  # the same settings make the same rows: nothing is given up
    if not records or not database.users_point_at_seeded_rows():
        return {}
    return database.give_up(planned_counts(settings, tables, graph))


def in_first_step(context: dg.AssetExecutionContext, database: SeedDatabase, settings) -> None:
    """A run launched from the UI, a phase job or a schedule: refuse in its first step, before writing."""
    run_id = context.run.run_id
    if PREFLIGHT_TAG in context.instance.get_run_by_id(run_id).tags:
        return
    selected = {key.path[-1] for key in context.job_def.asset_layer.selected_asset_keys}
    try:
        handed = before_writing(database, settings, selected)
    except (UserInputError, SeedDatabaseError) as exc:
        raise dg.Failure(description=str(exc)) from None
    context.instance.add_run_tags(run_id, {PREFLIGHT_TAG: "passed"})
    if handed:
        context.log.info(f"kept the seeded rows users' rows point at, now the users': {handed}")
