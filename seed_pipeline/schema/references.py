"""Every reference of the model in one list: declared foreign keys, logical ones and polymorphic ones.

The dependency graph, the generic generator, the loaders and the orphan checks all read this
list, so a logical reference is honoured exactly like a declared one.
"""

from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from seed_pipeline.model import current
from seed_pipeline.schema.types import LogicalTarget, Polymorphic

Kind = Literal["declared", "logical", "polymorphic"]


@dataclass(frozen=True)
class Reference:
    table: str
    column: str
    target: str
    target_column: str
    kind: Kind
    nullable: bool
    type_column: str | None = None  # polymorphic only: the column naming the target
    type_value: str | None = None  # polymorphic only: the value that selects ``target``

    @property
    def is_self(self) -> bool:
        return self.table == self.target

    def __str__(self) -> str:
        where = f" when {self.type_column}={self.type_value!r}" if self.type_column else ""
        return f"{self.table}.{self.column} -> {self.target}.{self.target_column} ({self.kind}{where})"


def polymorphic_of(table: str | sa.Table) -> tuple[Polymorphic, ...]:
    """The polymorphic references of a table of the current model."""
    return current().polymorphic_of(table)


def _column_references(table: sa.Table):
    for column in table.columns:
        for fk in column.foreign_keys:
            yield Reference(table.name, column.name, fk.column.table.name, fk.column.name, "declared", column.nullable)
        target = column.info.get("references")
        if isinstance(target, LogicalTarget):
            yield Reference(table.name, column.name, target.table, target.column, "logical", column.nullable)
    for poly in tuple(table.info.get("polymorphic", ())):
        nullable = table.columns[poly.id_column].nullable
        for value, target in poly.targets.items():
            if target is not None:
                yield Reference(
                    table.name, poly.id_column, target, "id", "polymorphic", nullable, poly.type_column, value
                )


def model_references(metadata: sa.MetaData) -> tuple[Reference, ...]:
    """All references of the tables on ``metadata``, in table then column order."""
    found = []
    for name in sorted(metadata.tables):
        found.extend(_column_references(metadata.tables[name]))
    return tuple(found)


def references() -> tuple[Reference, ...]:
    """All references of the current model (``seed_pipeline/model.py``)."""
    return current().references


def references_from(table: str) -> tuple[Reference, ...]:
    return current().references_from(table)
