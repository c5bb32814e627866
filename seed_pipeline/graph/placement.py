"""Where TERP's new tables go in a run that follows the live schema (``schema/follow.py``).

A new table joins the latest phase group among its parents (those with none join the system
defaults, the app's reference lists), after its parents in that group's business order, and gets
one row per row of its latest parent placed before it (its NOT NULL parents first): a delivery stop per
order, a lab result per batch. Tables nothing ties to a parent get a short fixed list.
"""

from contextlib import contextmanager

from seed_pipeline.graph.phases import GROUP_OF, PHASES
from seed_pipeline.scenarios.volumes import VOLUMES, Fixed, Per
from seed_pipeline.schema import TABLES

UNLINKED_ROWS = 10


def _parents(table: str) -> dict[str, bool]:
    """Referenced table -> whether every reference to it may be NULL (a self-reference is no parent)."""
    found: dict[str, bool] = {}
    for fk in TABLES[table].foreign_key_constraints:
        target = fk.referred_table.name
        if target != table:
            found[target] = found.get(target, True) and all(c.nullable for c in fk.columns)
    return found


def _groups(new: list[str]) -> dict[str, int]:
    """Phase index per new table: the latest of its parents', to a fixed point (cycles settle together)."""
    order = list(PHASES)
    index = {t: 0 for t in new}
    changed = True
    while changed:
        changed = False
        for table in new:
            parents = [index[p] if p in index else order.index(GROUP_OF[p]) for p in _parents(table)]
            best = max(parents, default=0)
            if best > index[table]:
                index[table], changed = best, True
    return index


def _business_order(new: list[str]) -> list[str]:
    """New tables after the new tables they need (NOT NULL), ties by name."""
    placed: list[str] = []
    waiting = sorted(new)
    while waiting:
        ready = [t for t in waiting if all(p in placed or p not in new or nullable
                                           for p, nullable in _parents(t).items())] or waiting[:1]
        placed.append(ready[0])
        waiting.remove(ready[0])
    return placed


def _volume(table: str, position: dict[str, tuple[int, int]]):
    """Per row of its latest parent placed before it (a cycle's first table has none before it)."""
    parents = {p: nullable for p, nullable in _parents(table).items() if position[p] < position[table]}
    required = [p for p, nullable in parents.items() if not nullable] or list(parents)
    if not required:
        return Fixed(UNLINKED_ROWS)
    return Per(max(required, key=lambda p: position[p]))


@contextmanager
def placed(new: list[str]):
    """PHASES, GROUP_OF and VOLUMES with the new tables, until the block ends."""
    saved = dict(PHASES)
    groups, order = _groups(new), list(PHASES)
    try:
        for table in _business_order(new):
            group = order[groups[table]]
            PHASES[group] = PHASES[group] + (table,)
            GROUP_OF[table] = group
        position = {t: (order.index(GROUP_OF[t]), PHASES[GROUP_OF[t]].index(t)) for t in GROUP_OF}
        for table in new:
            VOLUMES[table] = _volume(table, position)
        yield
    finally:
        PHASES.update(saved)
        for table in new:
            GROUP_OF.pop(table, None)
            VOLUMES.pop(table, None)
