"""Referential and vocabulary integrity, computed with SQL in the database (never by loading tables).

One count per rule, so a check can say exactly what broke; a table's counts are one statement (a
scalar subquery per rule), since compiling and sending ~380 statements cost more than running them.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from seed_pipeline.model import current
from seed_pipeline.schema import TABLES, Reference, polymorphic_of, references_from


@dataclass(frozen=True)
class Violation:
    rule: str
    table: str
    rows: int

    def __str__(self) -> str:
        return f"{self.rule}: {self.rows} row(s) of {self.table}"


def _only(table: str, *columns: str) -> sa.TableClause:
    """The table with just ``columns``: aliasing the full table made a proxy of every column, and building
    the ~300 reference queries that way took over a second of every process's start."""
    t = TABLES[table]
    return sa.table(t.name, *(sa.column(c, t.c[c].type) for c in dict.fromkeys(columns)), schema=t.schema)


def orphan_query(ref: Reference) -> sa.Select:
    """Rows of ``ref.table`` whose reference points at no row of its target."""
    key = [c.name for c in TABLES[ref.table].primary_key.columns]  # what a rows query (expectations.py) selects
    child = _only(ref.table, *key, ref.column, *([ref.type_column] if ref.type_column else [])).alias("child")
    parent = _only(ref.target, ref.target_column).alias("parent")
    value = child.c[ref.column]
    where = [value.is_not(None), ~sa.exists().where(parent.c[ref.target_column] == value)]
    if ref.type_column:
        where.append(child.c[ref.type_column] == ref.type_value)
    return sa.select(sa.func.count()).select_from(child).where(*where)


def unknown_polymorphic_type_query(table: str) -> Iterator[tuple[str, sa.Select]]:
    """Rows whose type column names no known target, or names none but still carries an id."""
    t = TABLES[table]
    for poly in polymorphic_of(table):
        kind, ident = t.c[poly.type_column], t.c[poly.id_column]
        mapped = [v for v, target in poly.targets.items() if target is not None]
        idless = [v for v, target in poly.targets.items() if target is None]
        bad = sa.or_(
            sa.and_(kind.is_not(None), kind.not_in(poly.values())),
            sa.and_(ident.is_not(None), kind.in_(idless)) if idless else sa.false(),
            sa.and_(ident.is_(None), kind.in_(mapped), sa.literal(not t.c[poly.id_column].nullable)),
        )
        yield f"{table}.{poly.type_column} vocabulary", sa.select(sa.func.count()).select_from(t).where(bad)


def enum_query(table: str, column: str) -> sa.Select:
    """Rows outside the column's enum (SQLite stores enums as plain text, so it can hold anything)."""
    t = TABLES[table]
    col = t.c[column]
    return sa.select(sa.func.count()).select_from(t).where(col.is_not(None), sa.cast(col, sa.String).not_in(col.type.enums))


def rules_for(table: str) -> tuple[tuple[str, sa.Select], ...]:
    """The rules of one table of the current model, built once per model (building ~900 queries is slower
    than running a table's few)."""
    return current().memo(("integrity", table), lambda: _rules_for(table))


def _rules_for(table: str) -> tuple[tuple[str, sa.Select], ...]:
    rules = [(f"orphan {ref}", orphan_query(ref)) for ref in references_from(table)]
    rules += list(unknown_polymorphic_type_query(table))
    rules += [(f"{table}.{c.name} outside its enum", enum_query(table, c.name))
              for c in TABLES[table].columns if isinstance(c.type, sa.Enum)]
    return tuple(rules)


def _counts_query(table: str) -> sa.Select:
    return sa.select(*(query.scalar_subquery().label(f"rule_{i}") for i, (_, query) in enumerate(rules_for(table))))


def broken_rules(connection: sa.Connection, table: str) -> dict[str, int]:
    """Each integrity rule of ``table`` with its number of violating rows (0 where it holds)."""
    rules = rules_for(table)
    if not rules:
        return {}
    counts = connection.execute(current().memo(("integrity counts", table), lambda: _counts_query(table))).one()
    return {rule: int(n) for (rule, _), n in zip(rules, counts)}


def violations(connection: sa.Connection) -> list[Violation]:
    return [Violation(rule, table, rows) for table in TABLES
            for rule, rows in broken_rules(connection, table).items() if rows]
