"""The generator of every table without a hand-written one: plausible rows from the model alone.

References come first, because they decide how many rows there can be (a composite key can
only have as many rows as its parents have distinct combinations) and when each row can have
happened (never before the parent row it points at). Then each remaining column is synthesised
from its type and name (see ``columns``); self-references point at earlier rows of the frame,
and deferred references stay NULL until their target exists (see ``fill``).
"""

import math

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.generation.columns import DAY, Draw, is_anchor, synthesize, typed
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.generation.pools import pools_for
from seed_pipeline.graph import build_graph
from seed_pipeline.model import current
from seed_pipeline.schema import TABLES, Reference, polymorphic_of
from seed_pipeline.scenarios.volumes import rows

FILL_SHARE = 0.85  # of a nullable reference: mostly filled, as the app's own rows are
SELF_SHARE = 0.3  # of rows pointing at an earlier row of their own table
FOLLOW_RATIO = 5  # a child with at most this many rows per parent row is dated just after its parent
FOLLOW_LAG_DAYS = 1.0
SETUP_DAYS = 7  # the app seeds its system tables in its first days
SYSTEM = "system_defaults"
NAT = np.datetime64("NaT", "s")


def unique_keys(table: sa.Table) -> list[tuple[str, ...]]:
    """Column sets that must be unique: unique constraints, unique indexes and a composite primary key."""
    keys = [tuple(c.name for c in con.columns) for con in table.constraints if isinstance(con, sa.UniqueConstraint)]
    keys += [tuple(c.name for c in ix.columns) for ix in table.indexes if ix.unique]
    primary = tuple(c.name for c in table.primary_key.columns)
    if primary != ("id",):
        keys.append(primary)
    return list(dict.fromkeys(keys))


def moment_column(table: sa.Table, present) -> str | None:
    """The column telling when a row came to be: its first anchor timestamp, else its first anchor date."""
    anchors = [c for c in table.columns if c.name in present and is_anchor(c.name)
               and isinstance(c.type, sa.Date | sa.DateTime)]
    return next((c.name for c in anchors if not isinstance(c.type, sa.Date)), anchors[0].name if anchors else None)


def _targets(parents, ref: Reference) -> np.ndarray:
    """The distinct values a reference may take: the parent frame's real target column."""
    if ref.target not in parents:
        raise KeyError(f"{ref} needs the {ref.target!r} frame among the parents")
    return parents[ref.target][ref.target_column].dropna().drop_duplicates().to_numpy()


def _with_nulls(values: np.ndarray, nulls: np.ndarray) -> pd.Series:
    return pd.Series(values).mask(nulls) if nulls.any() else pd.Series(values)


class _Links:
    """The reference columns of one table, drawn from its parents before anything else."""

    def __init__(self, ctx: GenerationContext, table: sa.Table, parents, n: int):
        self.ctx, self.table, self.parents, self.n = ctx, table, parents, n
        graph = build_graph()
        self.refs = [r for r in graph.edges if r.table == table.name]
        self.values: dict[str, pd.Series] = {}

    @property
    def rng(self) -> np.random.Generator:
        return self.ctx.rng

    def plain(self) -> list[Reference]:
        return [r for r in self.refs if r.kind != "polymorphic"]

    def draw_keys(self) -> None:
        """Unique keys made only of references: distinct combinations, as many as the parents allow."""
        by_column = {r.column: r for r in self.plain()}
        for key in unique_keys(self.table):
            if not all(c in by_column and c not in self.values for c in key):
                continue
            pools = [_targets(self.parents, by_column[c]) for c in key]
            space = math.prod(len(p) for p in pools)
            if space == 0:
                raise ValueError(f"{self.table.name}: no parent rows for key {key}")
            if space <= 10**9:
                picked = self.rng.choice(space, size=min(self.n, space), replace=False)
            else:
                picked = pd.unique(self.rng.integers(0, space, self.n))
            self.n = len(picked)
            for column, pool, index in zip(key, pools, np.unravel_index(picked, [len(p) for p in pools])):
                self.values[column] = pd.Series(pool[index])
        for column in list(self.values):  # an earlier key may have been cut short by a later one
            self.values[column] = self.values[column].iloc[: self.n].reset_index(drop=True)

    def draw_plain(self) -> None:
        for ref in self.plain():
            if ref.column in self.values:
                continue
            pool = _targets(self.parents, ref)
            if len(pool) == 0 and not ref.nullable:
                raise ValueError(f"{ref}: the parent frame has no rows")
            nulls = np.ones(self.n, bool) if len(pool) == 0 else (
                self.rng.random(self.n) >= FILL_SHARE if ref.nullable else np.zeros(self.n, bool))
            values = pool[self.rng.integers(len(pool), size=self.n)] if len(pool) else np.full(self.n, None)
            self.values[ref.column] = _with_nulls(values, nulls)

    def draw_polymorphic(self) -> None:
        """A type value among the targets present (or NULL-id ones where the id may be NULL), then an id of it."""
        kept = {(r.type_column, r.type_value): r for r in self.refs if r.kind == "polymorphic"}
        for poly in polymorphic_of(self.table):
            id_nullable = self.table.c[poly.id_column].nullable
            pools = {v: _targets(self.parents, kept[poly.type_column, v]) for v, t in poly.targets.items()
                     if t is not None and (poly.type_column, v) in kept}
            choices = [v for v, t in poly.targets.items()
                       if (t is None and id_nullable) or len(pools.get(v, ())) > 0]
            if not choices:
                raise ValueError(f"{self.table.name}.{poly.type_column}: no target table has rows")
            types = np.array(choices, dtype=object)[self.rng.integers(len(choices), size=self.n)]
            ids = np.full(self.n, None, dtype=object)
            for value, pool in pools.items():
                mask = types == value
                ids[mask] = pool[self.rng.integers(len(pool), size=int(mask.sum()))]
            self.values[poly.type_column] = pd.Series(types)
            self.values[poly.id_column] = pd.Series(ids)

    def parent_moments(self):
        """Per reference: the anchor moment of the parent row each row points at (NaT where none)."""
        for ref in self.refs:
            parent = self.parents[ref.target]
            moment = moment_column(TABLES[ref.target], parent.columns)
            if moment is None:
                continue
            parent = parent.drop_duplicates(ref.target_column)
            position = pd.Index(parent[ref.target_column]).get_indexer(self.values[ref.column])
            found = parent[moment].to_numpy(dtype="datetime64[s]")[position]
            hit = position >= 0
            if ref.kind == "polymorphic":
                hit &= (self.values[ref.type_column] == ref.type_value).to_numpy()
            yield ref, np.where(hit, found, NAT)


def _anchors(ctx: GenerationContext, links: _Links) -> np.ndarray:
    """When each row came to be: spread over the history, never before a parent row it points at.

    A child with few rows per parent row (order lines, invoice of an order) follows its parent
    within a day or so; system tables are seeded in the app's first days.
    """
    n, rng, window = links.n, ctx.rng, ctx.window
    start, end = np.datetime64(window.start_ts, "s"), np.datetime64(window.end_ts, "s")
    group_of = current().group_of
    if group_of[ctx.table] == SYSTEM:
        own = start + (rng.random(n) * min(SETUP_DAYS, window.days) * DAY).astype("timedelta64[s]")
    else:
        days = rng.integers(0, window.days, n) * DAY + rng.integers(7 * 3600, 19 * 3600, n)
        own = start + days.astype("timedelta64[s]")
    lower, follow = np.full(n, NAT), np.full(n, NAT)
    for ref, moment in links.parent_moments():
        lower = np.fmax(lower, moment)
        if group_of[ref.target] != SYSTEM and len(links.parents[ref.target]) * FOLLOW_RATIO >= n:
            follow = np.fmax(follow, moment)
    lag = rng.exponential(FOLLOW_LAG_DAYS * DAY, n).astype("timedelta64[s]")
    anchor = np.fmax(np.where(np.isnat(follow), own, follow + lag), lower)
    return np.clip(anchor, start, end)


def _drop_repeats(frame: pd.DataFrame, key: tuple[str, ...]) -> pd.DataFrame:
    """Rows repeating a unique key; like MySQL, a key with a NULL in it never clashes."""
    cells = frame[list(key)]
    repeated = cells.notna().all(axis=1) & cells.duplicated()
    return frame[~repeated.to_numpy()]


def _point_back(ctx: GenerationContext, frame: pd.DataFrame, ref: Reference) -> pd.Series:
    """A self-reference: some rows point at an earlier row of the same frame, the first row never does."""
    n = len(frame)
    earlier = np.floor(ctx.rng.random(n) * np.arange(n)).astype(np.int64)
    nulls = (ctx.rng.random(n) >= SELF_SHARE) | (np.arange(n) == 0)
    return _with_nulls(frame[ref.target_column].to_numpy()[earlier], nulls)


def generate_generic(ctx: GenerationContext, parents) -> pd.DataFrame:
    """Rows for ``ctx.table``: sized by the scenario's volumes, consistent with every parent frame."""
    table, graph = TABLES[ctx.table], build_graph()
    links = _Links(ctx, table, parents, rows(ctx.table, ctx.scenario, {p: len(f) for p, f in parents.items()}))
    links.draw_keys()
    links.draw_plain()
    links.draw_polymorphic()
    n = links.n
    draw = Draw(ctx.table, n, ctx.rng, pools_for(ctx.settings.seed), ctx.window, ctx.scenario, _anchors(ctx, links))
    left_null = {r.column for r in graph.deferred_from(ctx.table)} | {
        r.column for r in graph.self_references if r.table == ctx.table}
    single_unique = {key[0] for key in unique_keys(table) if len(key) == 1}
    serial = [c.name for c in table.primary_key.columns] == ["id"]
    for column in table.columns:
        if serial and column.name == "id":
            values = pd.Series(np.arange(1, n + 1, dtype=np.int64))
        elif column.name in links.values:
            values = typed(column, links.values[column.name])
        elif column.name in left_null:
            values = typed(column, pd.Series([None] * n, dtype=object))
        else:
            values = synthesize(column, draw, unique=column.name in single_unique)
        draw.made[column.name] = values.rename(column.name)
    frame = pd.DataFrame(draw.made, columns=[c.name for c in table.columns])
    for key in unique_keys(table):
        frame = _drop_repeats(frame, key)
    frame = frame.reset_index(drop=True)
    if serial:
        frame["id"] = np.arange(1, len(frame) + 1, dtype=np.int64)
    for ref in graph.self_references:
        if ref.table == ctx.table:
            frame[ref.column] = typed(table.c[ref.column], _point_back(ctx, frame, ref))
    return frame
