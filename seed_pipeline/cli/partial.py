"""What a run may do to a database already seeded: refused in one line before anything is written.

- A partial run (``--select``) needs every table it reads seeded, with the run's settings.
- It must not leave a table it does not rewrite built on other settings than its parents:
  with other settings, the tables below the selection must be part of it (``table+``).
- A database holding rows this tool did not create, and no seed record, is somebody's data:
  it is seeded only when told so (``--alongside-existing-rows``).
"""

from seed_pipeline.errors import UserInputError
from seed_pipeline.graph import build_graph
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.ownership import Owned

SHOWN = 3


def _names(names) -> str:
    names = sorted(names)
    return ", ".join(names[:SHOWN]) + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")


def _descendants(graph, tables: set[str]) -> set[str]:
    found, queue = set(), list(tables)
    while queue:
        for child in graph.children(queue.pop()):
            if child not in found:
                found.add(child)
                queue.append(child)
    return found


def check_partial(records: dict[str, Owned], wanted: dict, selected: set[str]) -> None:
    """Refuse a selection whose upstream is missing or other, or whose descendants would disagree."""
    graph = build_graph()
    upstream = {p for t in selected for p in graph.parents(t)} - selected
    missing = {p for p in upstream if p not in records}
    if missing:
        first = sorted(missing)[0]
        raise UserInputError(
            f"--select reads {_names(missing)}, not seeded in this database yet: run a full seed first "
            f"(or add them, e.g. --select '+{first}')"
        )
    other = {p for p in upstream if records[p].provenance != wanted}
    if other:
        first = sorted(other)[0]
        raise UserInputError(
            f"{_names(other)} were seeded with {_settings(records[first].provenance)}, not {_settings(wanted)}: "
            "run the selection with those settings, or a full seed with the new ones"
        )
    below = {d for d in _descendants(graph, selected) - selected if d in records and records[d].provenance != wanted}
    if below:
        table = sorted(selected, key=graph.order.index)[0]
        raise UserInputError(
            f"seeding {_names(selected)} with {_settings(wanted)} would leave {_names(below)} built on other settings: "
            f"use --select '{table}+' (the tables below it too) or a full seed"
        )


def _settings(record: dict) -> str:
    return ", ".join(f"{k.replace('_', ' ')} {record.get(k)}" for k in ("scenario", "seed", "scale", "end_date"))


def check_foreign_rows(database: SeedDatabase, records: dict[str, Owned]) -> None:
    """A database with business rows and no seed record is someone's: refuse unless told otherwise."""
    if records:
        return
    counts = {t: n for t, n in database.row_counts().items() if n}
    if counts:
        shown = _names(f"{t} ({n})" for t, n in counts.items())
        raise UserInputError(
            f"{database.display_url()} holds rows this tool did not create ({shown}) and no seed record: "
            "seed a copy, or pass --alongside-existing-rows to seed next to them"
        )
