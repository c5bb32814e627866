"""Seeding a database whose TERP has moved on: a model of its own, in the live schema's shape, for one run.

``followed_model(live)`` copies the shared model's tables onto a new ``MetaData``: every table the
database has changed is rebuilt from the live columns (live types, nullability, enum values and foreign
keys; the model's logical and polymorphic references kept), and TERP's new tables, those foreign keys
tie to the model's, join it with a phase group inferred from their parents and a volume from their
parents' volumes (``graph/placement.py``). The shared model is not touched: the run is handed the new
model (``build_definitions(model)``, ``using(model)``) and everything it derives stays on that object.
Business generators keep writing the model's columns; ``generation/conform.py`` turns their frames into
the live shape using the column marks set here.
"""

import sqlalchemy as sa

from seed_pipeline.errors import UserInputError
from seed_pipeline.model import Followed, Model, shared
from seed_pipeline.schema import drift
from seed_pipeline.schema.types import scoped_name

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


def _refuse_unfollowable(found: list[drift.Difference]) -> None:
    blocked = [d for d in found if d.kind not in FOLLOWABLE]
    if blocked:
        raise UserInputError(
            f"the database's TERP cannot be followed: {'; '.join(d.describe() for d in blocked)}: the model's "
            "generators need these; migrate the database to TERP's current schema or seed another --db")


def followed_model(live: sa.MetaData, enums: bool = True, model: Model | None = None) -> Model:
    """A new model: ``model`` (the shared one) with the live schema's changes and new tables; ``model`` unchanged."""
    from seed_pipeline.graph.placement import placed
    from seed_pipeline.schema import indexes_in_name_order

    model = model or shared()
    found = drift.terp_differences(model.metadata, live, enums)
    _refuse_unfollowable(found)
    changed = sorted({d.table for d in found if d.kind != "table_added"})
    added = [d.table for d in found if d.kind == "table_added"]
    metadata = sa.MetaData(naming_convention=model.metadata.naming_convention)  # TERP's names for new keys too
    for name, table in model.tables.items():  # new foreign keys resolve by name to the live-shaped tables
        if name in changed:
            sa.Table(name, metadata, *_rebuilt(table, live.tables[name], enums), info={**table.info, LIVE: True})
        else:
            table.to_metadata(metadata)  # info, columns, keys and indexes copied
    for name in added:
        sa.Table(name, metadata, *_new(live.tables[name]), info={LIVE: True})
    indexes_in_name_order(metadata)
    phases, volumes = placed(metadata.tables, model.phases, model.volumes, added)
    group_of = {t: g for g, ts in phases.items() for t in ts}
    return Model(metadata, phases, volumes, Followed(changed, {t: group_of[t] for t in added}))
