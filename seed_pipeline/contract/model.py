"""The two kinds of promise the seed makes to TERP's code: JSON it can read, and states its screens count."""

import itertools
import json
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

VALIDATED_AT_ONCE = 1_000  # rows of a JSON column validated (and turned into models) in one call


class Shape(BaseModel):
    """An element of a JSON column as TERP's code reads it.

    Unknown keys are refused, so a generator that misspells a key TERP reads fails here and not
    silently on a screen. Field names are TERP's own (camelCase where its code uses it).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    # field -> the table whose id it holds: a row's key, which the checks hold to exist and the
    # loader renumbers with the rows of its own table
    refers: ClassVar[dict[str, str]] = {}


Path = tuple[str, ...]  # field names from a JSON value down to an id, through objects and arrays


def reference_paths(shape) -> list[tuple[Path, str]]:
    """Every id a value of ``shape`` can hold, as (path to it, table it refers to), nested shapes included."""
    if not (isinstance(shape, type) and issubclass(shape, Shape)):
        return []
    found = [((name,), table) for name, table in shape.refers.items()]
    for name, info in shape.model_fields.items():
        for inner in _shapes_in(info.annotation):
            found += [((name, *path), table) for path, table in reference_paths(inner)]
    return found


def _shapes_in(annotation) -> Iterator[type]:
    if isinstance(annotation, type) and issubclass(annotation, Shape):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _shapes_in(argument)


def values_at(data, path: Path) -> Iterator:
    """The values at ``path`` in decoded JSON, through every element of the arrays on the way."""
    if isinstance(data, list):
        for item in data:
            yield from values_at(item, path)
    elif not path:
        if data is not None:
            yield from (data if isinstance(data, list) else [data])
    elif isinstance(data, dict):
        yield from values_at(data.get(path[0]), path[1:])


def renumber_at(data, path: Path, new_id) -> None:
    """Replace, in place, each id at ``path`` in decoded JSON by ``new_id(id)``."""
    if isinstance(data, list):
        for item in data:
            renumber_at(item, path, new_id)
    elif isinstance(data, dict) and path and data.get(path[0]) is not None:
        if len(path) > 1:
            renumber_at(data[path[0]], path[1:], new_id)
        elif isinstance(data[path[0]], list):
            data[path[0]] = [new_id(v) for v in data[path[0]]]
        else:
            data[path[0]] = new_id(data[path[0]])


@dataclass(frozen=True)
class JsonColumn:
    """A JSON column the seed writes, and the shape TERP's code reads from it."""

    table: str
    column: str
    shape: type[Shape] | type[str]  # str: a JSON array of plain strings (``match_records.match_reasons``)
    read_by: tuple[str, ...]  # TERP's files (under ../shared/terp/app/) that read it
    many: bool = True  # a JSON array of `shape`; else one object
    nulls: bool = False  # write null members too: for readers that tell null from a missing key (`x !== null`)

    @cached_property
    def references(self) -> list[tuple[Path, str]]:
        """Where the ids of other rows sit in a value, and the tables they are keys of."""
        return reference_paths(self.shape)

    def ids(self, value) -> list[tuple[str, int]]:
        """(table, id) of every row a stored value (JSON text or decoded) points at."""
        data = json.loads(value) if isinstance(value, str | bytes) else value
        return [(table, v) for path, table in self.references for v in values_at(data, path)]

    @cached_property
    def _rows(self) -> TypeAdapter:
        return TypeAdapter(list[list[self.shape] | None] if self.many else list[self.shape | None])


    def values(self, rows: Iterable) -> list:
        """Each row's value as plain JSON data, validated: what a generator puts in the column.

        A row is a list of dicts or shapes (an object when ``many`` is False), or None for NULL.
        Rows are validated a block at a time: the models of a whole column at scale 10 cost hundreds of MB.
        """
        rows, done = iter(rows), []
        while block := list(itertools.islice(rows, VALIDATED_AT_ONCE)):
            checked = self._rows.validate_python(block)
            done += self._rows.dump_python(checked, mode="json", exclude_none=not self.nulls, by_alias=True)
        return done

    def invalid(self, stored: Iterable) -> list[int]:
        """Positions of the stored values (JSON text, or data already decoded) TERP could not read as this shape.

        Values are validated a block at a time (per-value calls cost seconds on a full seed, all at once
        hundreds of MB of models at scale 10); an error names the positions in its block that failed.
        """
        present, decoded, bad = [], [], []
        for i, value in enumerate(stored):
            if value is None:
                continue
            try:
                data = json.loads(value) if isinstance(value, str | bytes) else value
            except ValueError:
                bad.append(i)
                continue
            if data is None:  # a JSON null in the column is no value TERP reads
                bad.append(i)
            else:
                decoded.append(data)
                present.append(i)
        for start in range(0, len(decoded), VALIDATED_AT_ONCE):
            try:  # the generators' adapter: building another costs as much as the validation
                self._rows.validate_python(decoded[start:start + VALIDATED_AT_ONCE])
            except ValidationError as error:
                bad += {present[start + e["loc"][0]] for e in error.errors()}
        return sorted(bad)


@dataclass(frozen=True)
class StateColumn:
    """A status or type column, the values TERP's screens count, and the mix a real business has.

    ``counted`` maps each state to the screen (and TERP file) that counts rows in it: a state missing
    from the seed leaves that screen empty. ``shares`` is the share of rows a distributor of this size
    has in each state, which generators build by quota. A state that needs a longer history than a
    small scenario has (a bill 120 days overdue) names its minimum in ``min_months``.
    """

    table: str
    column: str
    counted: dict[str, str]
    shares: dict[str, float] = field(default_factory=dict)
    min_months: dict[str, int] = field(default_factory=dict)

    def required(self, months_of_history: float) -> list[str]:
        return [s for s in self.counted if self.min_months.get(s, 0) <= months_of_history]
