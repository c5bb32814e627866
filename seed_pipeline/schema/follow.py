"""Seeding a database whose TERP has moved on: for one run, the model takes the live schema's shape.

Inside ``following(live)`` every table the model knows and the database has changed is rebuilt on
the shared ``metadata`` from the live columns (live types, nullability, enum values and foreign keys;
the model's logical and polymorphic references kept), and TERP's new tables, those foreign keys tie
to the model's, join it with a phase group inferred from their parents and a volume from their
parents' volumes. Everything downstream (graph, generators, loaders, checks) reads the shared model,
so it follows; on exit the model is restored. Business generators keep writing the model's columns;
``generation/conform.py`` turns their frames into the live shape using the column marks set here.
"""

from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa

from seed_pipeline.errors import UserInputError
from seed_pipeline.schema import drift
from seed_pipeline.schema.references import references, references_from
from seed_pipeline.schema.types import metadata, scoped_name

LIVE = "follows_live"  # table info: this table was rebuilt from the live schema
NEW = "live_only"  # column info: a column the model does not know
RETYPED = "live_type"  # column info: the live type differs from the model's
NEAREST = "nearest_allowed"  # column info: {value the model writes: the live value it becomes}
FOLLOWABLE = {"table_added", "column_added", "column_missing", "column_retyped", "nullability_changed",
              "enum_values_added", "enum_values_removed", "foreign_key_added", "unique_key_added"}


def portable(kind: sa.types.TypeEngine, table: str, column: str) -> sa.types.TypeEngine:
    """The engine-neutral type of a reflected column (MariaDB's TINYINT(1) is a boolean, its binary LONGTEXT JSON)."""
    if isinstance(kind, sa.Enum):
        return sa.Enum(*kind.enums, name=scoped_name(table, column), validate_strings=True)
    spec = drift.type_spec(kind)
    simple = {"boolean": sa.Boolean(), "int": sa.Integer(), "bigint": sa.BigInteger(), "smallint": sa.SmallInteger(),
              "float": sa.Float(), "json": sa.JSON(), "timestamp": sa.TIMESTAMP(), "datetime": sa.DateTime(),
              "date": sa.Date(), "time": sa.Time(), "text": sa.Text()}
    if spec in simple:
        return simple[spec]
    if spec.startswith("decimal"):
        return sa.Numeric(kind.precision, kind.scale or 0)
    if spec.startswith(("varchar", "char")):
        return sa.String(kind.length)
    return kind


def nearest_allowed(model: list[str], allowed: list[str], where: str) -> dict[str, str]:
    """Each value the model writes that the database no longer allows -> the closest allowed one in the
    model's order (the state before it first, as a step back in its lifecycle)."""
    kept = [i for i, v in enumerate(model) if v in allowed]
    if not kept:
        raise UserInputError(f"{where}: the model writes {', '.join(model)}; the database allows only "
                             f"{', '.join(allowed)}: no value in common to map to; update the model's generator")
    return {v: model[min(kept, key=lambda k: (abs(k - i), k > i))] for i, v in enumerate(model) if v not in allowed}


def _kept_column(model: sa.Column, live: sa.Column, table: str, enums: bool) -> sa.Column:
    column = model._copy()
    column.nullable = live.nullable
    if not drift.same_type(model.type, live.type, enums):  # on SQLite an enum stays the model's: its text holds no values
        column.type = portable(live.type, table, live.name)
        column.info = {**column.info, RETYPED: True}
    elif isinstance(live.type, sa.Enum) and list(model.type.enums) != list(live.type.enums):
        column.type = portable(live.type, table, live.name)
        nearest = nearest_allowed(list(model.type.enums), list(live.type.enums), f"{table}.{live.name}")
        column.info = {**column.info, NEAREST: nearest}
    return column


def _declared(live: sa.Table) -> set[tuple]:
    return {(tuple(fk.column_keys), fk.referred_table.name) for fk in live.foreign_key_constraints}


def _constraints(live: sa.Table) -> list:
    """The live table's foreign keys and unique keys (a copied column does not keep its foreign key)."""
    out = [sa.ForeignKeyConstraint(list(fk.column_keys), [f"{fk.referred_table.name}.{e.column.name}" for e in fk.elements])
           for fk in live.foreign_key_constraints]
    uniques = {tuple(c.name for c in u.columns) for u in live.constraints if isinstance(u, sa.UniqueConstraint)}
    uniques |= {tuple(c.name for c in i.columns) for i in live.indexes if i.unique}
    return out + [sa.UniqueConstraint(*key) for key in sorted(uniques)]


def _rebuilt(model: sa.Table, live: sa.Table, enums: bool) -> list:
    """The columns and constraints of a known table in its live shape."""
    declared = _declared(live)
    columns = []
    for live_column in live.columns:
        if live_column.name in model.c:
            column = _kept_column(model.c[live_column.name], live_column, model.name, enums)
            target = column.info.get("references")
            if target is not None and ((live_column.name,), target.table) in declared:
                column.info = {k: v for k, v in column.info.items() if k != "references"}  # declared now
        else:
            column = sa.Column(live_column.name, portable(live_column.type, model.name, live_column.name),
                               nullable=live_column.nullable, primary_key=live_column.primary_key, info={NEW: True})
        columns.append(column)
    return columns + _constraints(live)


def _new(live: sa.Table) -> list:
    return [sa.Column(c.name, portable(c.type, live.name, c.name), nullable=c.nullable, primary_key=c.primary_key)
            for c in live.columns] + _constraints(live)


@dataclass
class Followed:
    """What a run follows: tables rebuilt from the live schema and TERP's new tables, by phase."""

    changed: list[str]
    new: dict[str, str]  # table -> phase group


def _refuse_unfollowable(found: list[drift.Difference]) -> None:
    blocked = [d for d in found if d.kind not in FOLLOWABLE]
    if blocked:
        raise UserInputError(
            f"the database's TERP cannot be followed: {'; '.join(d.describe() for d in blocked)}: the model's "
            "generators need these; migrate the database to TERP's current schema or seed another --db")


def _clear_caches() -> None:
    from seed_pipeline.checks.integrity import rules_for
    from seed_pipeline.graph.dependency import build_graph

    for cached in (references, references_from, build_graph, rules_for):
        cached.cache_clear()


def _snapshot() -> tuple[dict, dict]:
    """Where every foreign key of the model points, and the metadata's pending ones: adding a table of a
    known name re-points the model's foreign keys at it, and removing it does not point them back."""
    targets = {fk: fk.column for table in metadata.tables.values() for fk in table.foreign_keys}
    return targets, {key: list(fks) for key, fks in metadata._fk_memos.items()}


def _restore(added: list[str], saved: dict[str, sa.Table], snapshot: tuple[dict, dict]) -> None:
    for name in [*added, *saved]:
        if name in metadata.tables:
            metadata.remove(metadata.tables[name])
    for name, table in saved.items():
        metadata._add_table(name, None, table)  # the model's own Table object back in its place
    targets, memos = snapshot
    for fk, column in targets.items():
        fk._set_target_column(column)
    metadata._fk_memos.clear()
    metadata._fk_memos.update(memos)


@contextmanager
def following(live: sa.MetaData, enums: bool = True):
    """The model in the live schema's shape until the block ends; yields what is followed."""
    from seed_pipeline.graph import placement

    found = drift.terp_differences(metadata, live, enums)
    _refuse_unfollowable(found)
    changed = sorted({d.table for d in found if d.kind != "table_added"})
    added = [d.table for d in found if d.kind == "table_added"]
    saved, snapshot = {name: metadata.tables[name] for name in changed}, _snapshot()
    try:
        for name in changed:  # built on the shared metadata, so new foreign keys resolve to the live-shaped tables
            columns = _rebuilt(saved[name], live.tables[name], enums)
            metadata.remove(saved[name])
            sa.Table(name, metadata, *columns, info={**saved[name].info, LIVE: True})
        for name in added:
            sa.Table(name, metadata, *_new(live.tables[name]), info={LIVE: True})
        with placement.placed(added):
            _clear_caches()
            yield Followed(changed, {t: placement.GROUP_OF[t] for t in added})
    finally:
        _restore(added, saved, snapshot)
        _clear_caches()
