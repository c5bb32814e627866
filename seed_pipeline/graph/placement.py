"""Where TERP's new tables go in a run that follows the live schema (``schema/follow.py``).

A new table joins the latest phase group among its parents (those with none join the system
defaults, the app's reference lists), after its parents in that group's business order, and gets
one row per row of its latest parent placed before it (its NOT NULL parents first): a delivery stop per
order, a lab result per batch. Tables nothing ties to a parent get a short fixed list.
"""

from collections.abc import Mapping

import sqlalchemy as sa

from seed_pipeline.scenarios.volumes import Fixed, Per, Spec

UNLINKED_ROWS = 10


def _parents(tables: Mapping[str, sa.Table], table: str) -> dict[str, bool]:
    """Referenced table -> whether every reference to it may be NULL (a self-reference is no parent)."""
    found: dict[str, bool] = {}
    for fk in tables[table].foreign_key_constraints:
        target = fk.referred_table.name
        if target != table:
            found[target] = found.get(target, True) and all(c.nullable for c in fk.columns)
    return found


def _groups(tables, phases, new: list[str]) -> dict[str, int]:
    """Phase index per new table: the latest of its parents', to a fixed point (cycles settle together)."""
    order = list(phases)
    group_of = {t: g for g, ts in phases.items() for t in ts}
    index = {t: 0 for t in new}
    changed = True
    while changed:
        changed = False
        for table in new:
            parents = [index[p] if p in index else order.index(group_of[p]) for p in _parents(tables, table)]
            best = max(parents, default=0)
            if best > index[table]:
                index[table], changed = best, True
    return index


def _business_order(tables, new: list[str]) -> list[str]:
    """New tables after the new tables they need (NOT NULL), ties by name."""
    placed: list[str] = []
    waiting = sorted(new)
    while waiting:
        ready = [t for t in waiting if all(p in placed or p not in new or nullable
                                           for p, nullable in _parents(tables, t).items())] or waiting[:1]
        placed.append(ready[0])
        waiting.remove(ready[0])
    return placed


def _volume(tables, table: str, position: dict[str, tuple[int, int]]) -> Spec:
    """Per row of its latest parent placed before it (a cycle's first table has none before it)."""
    parents = {p: nullable for p, nullable in _parents(tables, table).items() if position[p] < position[table]}
    required = [p for p, nullable in parents.items() if not nullable] or list(parents)
    if not required:
        return Fixed(UNLINKED_ROWS)
    return Per(max(required, key=lambda p: position[p]))


def placed(tables: Mapping[str, sa.Table], phases: Mapping[str, tuple[str, ...]], volumes: Mapping[str, Spec],
           new: list[str]) -> tuple[dict[str, tuple[str, ...]], dict[str, Spec]]:
    """New phases and volumes: ``phases`` and ``volumes`` with the new tables (the given ones are not changed)."""
    phases, volumes = dict(phases), dict(volumes)
    groups, order = _groups(tables, phases, new), list(phases)
    for table in _business_order(tables, new):
        group = order[groups[table]]
        phases[group] = phases[group] + (table,)
    position = {t: (order.index(g), ts.index(t)) for g, ts in phases.items() for t in ts}
    for table in new:
        volumes[table] = _volume(tables, table, position)
    return phases, volumes
