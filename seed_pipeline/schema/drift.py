"""How a live database differs from the model: two MetaData in, one typed Difference per change out.

TERP ships migrations; the model is one moment of it. Every difference is listed (no "and N more"),
each saying on which side it lies: the database has something the model lacks (TERP has moved on:
the model is older) or lacks something the model has (the database is older), or holds a column
of another type or nullability. Types are compared in one engine-neutral spelling so that the model
created on MariaDB, PostgreSQL or SQLite, and TERP's own DDL, compare equal to the model.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

NEWER, OLDER, CHANGED = "newer", "older", "changed"

# kind -> (side, how one difference of that kind reads after "table" or "table.column")
KINDS = {
    "table_added": (NEWER, "is a table the model lacks{detail}"),
    "table_missing": (OLDER, "is a table of the model the database lacks"),
    "column_added": (NEWER, "is a column the model lacks ({live})"),
    "column_missing": (OLDER, "is a column of the model the database lacks ({model})"),
    "column_retyped": (CHANGED, "is {live} in the database, {model} in the model"),
    "nullability_changed": (CHANGED, "is {live} in the database, {model} in the model"),
    "enum_values_added": (NEWER, "allows {live} the model does not know"),
    "enum_values_removed": (OLDER, "no longer allows {model} (the model writes them)"),
    "primary_key_changed": (CHANGED, "has primary key ({live}) in the database, ({model}) in the model"),
    "unique_key_added": (NEWER, "has a unique key ({live}) the model lacks"),
    "unique_key_missing": (OLDER, "lacks the model's unique key ({model})"),
    "foreign_key_added": (NEWER, "has a foreign key {live} the model lacks"),
    "foreign_key_missing": (OLDER, "lacks the model's foreign key {model}"),
}


@dataclass(frozen=True, order=True)
class Difference:
    """One change between the model and the database; ``model``/``live`` say what each side holds."""

    table: str
    kind: str
    column: str = ""
    model: str = ""
    live: str = ""

    @property
    def side(self) -> str:
        return KINDS[self.kind][0]

    def describe(self) -> str:
        where = f"{self.table}.{self.column}" if self.column else self.table
        return f"{where} {KINDS[self.kind][1].format(model=self.model, live=self.live, detail=self.live and f' ({self.live})')}"

    def as_dict(self) -> dict:
        return {"kind": self.kind, "side": self.side, "table": self.table, "column": self.column or None,
                "model": self.model or None, "live": self.live or None, "text": self.describe()}


def type_spec(kind: sa.types.TypeEngine) -> str:
    """A column type in one spelling whatever engine reflected it (MariaDB's JSON is a binary-collated LONGTEXT)."""
    if isinstance(kind, sa.Enum):
        return "enum"
    if isinstance(kind, sa.Boolean) or (isinstance(kind, mysql.TINYINT) and kind.display_width == 1):
        return "boolean"
    for family, name in ((sa.BigInteger, "bigint"), (sa.SmallInteger, "smallint"), (sa.Integer, "int"),
                         (sa.Float, "float"), (sa.JSON, "json"), (sa.TIMESTAMP, "timestamp"),
                         (sa.DateTime, "datetime"), (sa.Date, "date"), (sa.Time, "time")):
        if isinstance(kind, family):
            return name
    if isinstance(kind, mysql.LONGTEXT) and (kind.collation or "").endswith("_bin"):
        return "json"
    if isinstance(kind, sa.Numeric):
        return f"decimal({kind.precision},{kind.scale or 0})"
    if isinstance(kind, sa.Text) or (isinstance(kind, sa.String) and kind.length is None):
        return "text"
    if isinstance(kind, sa.String):
        return f"{'char' if isinstance(kind, sa.CHAR) else 'varchar'}({kind.length})"
    return type(kind).__name__.lower()


def column_spec(column: sa.Column, enums: bool = True) -> str:
    """How a column reads in a message: type (enum values listed), nullability."""
    kind = column.type
    spelled = f"enum({', '.join(kind.enums)})" if isinstance(kind, sa.Enum) and enums else type_spec(kind)
    return spelled + ("" if column.nullable else " NOT NULL")


def same_type(model: sa.types.TypeEngine, live: sa.types.TypeEngine, enums: bool) -> bool:
    if isinstance(model, sa.Enum) and not enums:  # SQLite keeps an enum as text: nothing to compare
        return isinstance(live, sa.String) and not isinstance(live, sa.Text)
    return type_spec(model) == type_spec(live)


def _keys(columns) -> str:
    return ", ".join(c if isinstance(c, str) else c.name for c in columns)


def _unique_keys(table: sa.Table) -> set[str]:
    keys = {_keys(c.columns) for c in table.constraints if isinstance(c, sa.UniqueConstraint)}
    return keys | {_keys(i.columns) for i in table.indexes if i.unique}


def _foreign_keys(table: sa.Table) -> set[str]:
    return {f"({_keys(fk.column_keys)}) -> {fk.referred_table.name}({_keys(e.column.name for e in fk.elements)})"
            for fk in table.foreign_key_constraints}


def _set_differences(table: str, model: set[str], live: set[str], added: str, missing: str) -> list[Difference]:
    return ([Difference(table, added, live=k) for k in sorted(live - model)]
            + [Difference(table, missing, model=k) for k in sorted(model - live)])


def _column_differences(model: sa.Column, live: sa.Column, enums: bool) -> list[Difference]:
    table, name = model.table.name, model.name
    out = []
    if not same_type(model.type, live.type, enums):
        out.append(Difference(table, "column_retyped", name, type_spec(model.type), type_spec(live.type)))
    elif isinstance(model.type, sa.Enum) and isinstance(live.type, sa.Enum):
        wanted, allowed = list(model.type.enums), list(live.type.enums)
        if added := [v for v in allowed if v not in wanted]:
            out.append(Difference(table, "enum_values_added", name, live=", ".join(added)))
        if removed := [v for v in wanted if v not in allowed]:
            out.append(Difference(table, "enum_values_removed", name, model=", ".join(removed)))
    if model.nullable != live.nullable and not model.primary_key:
        spell = {True: "NULL", False: "NOT NULL"}
        out.append(Difference(table, "nullability_changed", name, spell[model.nullable], spell[live.nullable]))
    return out


def table_differences(model: sa.Table, live: sa.Table, enums: bool = True) -> list[Difference]:
    """Everything that differs in one table both sides have."""
    name = model.name
    out = [Difference(name, "column_added", c.name, live=column_spec(c, enums)) for c in live.columns if c.name not in model.c]
    out += [Difference(name, "column_missing", c.name, model=column_spec(c, enums)) for c in model.columns if c.name not in live.c]
    for column in model.columns:
        if column.name in live.c:
            out += _column_differences(column, live.c[column.name], enums)
    model_pk, live_pk = _keys(model.primary_key.columns), _keys(live.primary_key.columns)
    if model_pk != live_pk:
        out.append(Difference(name, "primary_key_changed", model=model_pk, live=live_pk))
    out += _set_differences(name, _unique_keys(model), _unique_keys(live), "unique_key_added", "unique_key_missing")
    out += _set_differences(name, _foreign_keys(model), _foreign_keys(live), "foreign_key_added", "foreign_key_missing")
    return out


def _new_table(table: sa.Table) -> Difference:
    parents = sorted({fk.referred_table.name for fk in table.foreign_key_constraints})
    detail = f"{len(table.columns)} columns" + (f"; references {', '.join(parents)}" if parents else "")
    return Difference(table.name, "table_added", live=detail)


def differences(model: sa.MetaData, live: sa.MetaData, enums: bool = True) -> list[Difference]:
    """Every difference, sorted by table then kind. ``enums``: whether the live engine keeps enum types."""
    out = [_new_table(t) for name, t in live.tables.items() if name not in model.tables]
    out += [Difference(name, "table_missing") for name in model.tables if name not in live.tables]
    for name, table in model.tables.items():
        if name in live.tables:
            out += table_differences(table, live.tables[name], enums)
    return sorted(out)


def verdict(found: list[Difference]) -> str:
    """One phrase for the whole: a database with anything the model lacks is newer, whatever else it lacks."""
    sides = {d.side for d in found}
    if NEWER in sides:
        also = "; it also lacks some of the model's" if OLDER in sides else ""
        return f"TERP has moved on: the database has what the model lacks, the model is older{also}"
    if OLDER in sides:
        return "the database is older than the model: it lacks what the model has (migrate it to TERP's current schema)"
    return "the database's columns differ from the model's in type or nullability"


def summary(found: list[Difference]) -> str:
    """The whole list on one line, for a refusal."""
    return f"{verdict(found)}: {counted(found)}: " + "; ".join(d.describe() for d in found)


def counted(found: list[Difference]) -> str:
    return f"{len(found)} difference{'' if len(found) == 1 else 's'}"


def linked_tables(model: sa.MetaData, live: sa.MetaData) -> set[str]:
    """The live tables the model lacks that foreign keys tie, through any chain, to the model's tables:
    TERP's new tables, as opposed to another application's tables sharing the database."""
    edges = {name: set() for name in live.tables}
    for name, table in live.tables.items():
        for fk in table.foreign_key_constraints:
            edges[name].add(fk.referred_table.name)
            edges.setdefault(fk.referred_table.name, set()).add(name)
    reached, frontier = set(), [n for n in live.tables if n in model.tables]
    while frontier:
        name = frontier.pop()
        if name not in reached:
            reached.add(name)
            frontier.extend(edges.get(name, ()))
    return reached - set(model.tables)


def terp_differences(model: sa.MetaData, live: sa.MetaData, enums: bool = True) -> list[Difference]:
    """The differences that concern TERP: all but the tables no foreign key ties to TERP's."""
    linked = linked_tables(model, live)
    return [d for d in differences(model, live, enums) if d.kind != "table_added" or d.table in linked]
