"""The model a run seeds, as one object: TERP's tables, their references, the phases, the volumes and the graph.

``shared()`` is the model of TERP as this tool knows it, built once from ``seed_pipeline/schema`` and
never changed. A run that follows a newer TERP builds a model of its own (``schema/follow.py``) and
hands it to the definitions it runs (``build_definitions(model)``); each step of those definitions
works inside ``using(model)``, where ``current()`` is that model. Whatever is worked out from a
model (references, the graph, its memo of parents and children, the integrity rules) is kept on that
model, so nothing learnt in a followed run can reach a run of another model in the same process.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

if TYPE_CHECKING:
    from seed_pipeline.graph.dependency import DependencyGraph
    from seed_pipeline.schema.references import Reference
    from seed_pipeline.schema.types import Polymorphic


@dataclass(frozen=True)
class Followed:
    """What a followed model changed: the model's tables rebuilt in their live shape, TERP's new tables by phase."""

    changed: list[str]
    new: dict[str, str]  # table -> phase group


@dataclass(eq=False)
class Model:
    """Tables on their own ``MetaData``, the phase groups in business order and each table's volume spec."""

    metadata: sa.MetaData
    phases: Mapping[str, tuple[str, ...]]
    volumes: Mapping[str, Any]
    followed: Followed | None = None
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def tables(self) -> Mapping[str, sa.Table]:
        return self.metadata.tables

    @cached_property
    def group_of(self) -> dict[str, str]:
        return {table: group for group, tables in self.phases.items() for table in tables}

    def rank(self, table: str) -> tuple[int, int]:
        """Position of a table in the plan: its phase, then its place in the phase's business order."""
        group = self.group_of[table]
        return list(self.phases).index(group), self.phases[group].index(table)

    @cached_property
    def references(self) -> tuple["Reference", ...]:
        from seed_pipeline.schema.references import model_references

        return model_references(self.metadata)

    def references_from(self, table: str) -> tuple["Reference", ...]:
        return self.memo(("references_from", table), lambda: tuple(r for r in self.references if r.table == table))

    def polymorphic_of(self, table: str | sa.Table) -> tuple["Polymorphic", ...]:
        t = self.tables[table] if isinstance(table, str) else table
        return tuple(t.info.get("polymorphic", ()))

    @cached_property
    def graph(self) -> "DependencyGraph":
        from seed_pipeline.graph.dependency import graph_of

        return graph_of(self)

    def memo(self, key: tuple, make: Callable[[], Any]) -> Any:
        """``make()`` once per key for this model: what is derived from the model stays with it."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]


_ACTIVE: ContextVar[Model | None] = ContextVar("seed_pipeline_model", default=None)


@cache
def shared() -> Model:
    """TERP as this tool knows it: the schema package's tables, ``PHASES`` and ``VOLUMES``."""
    from seed_pipeline.graph.phases import PHASES
    from seed_pipeline.scenarios.volumes import VOLUMES
    from seed_pipeline.schema.types import metadata

    return Model(metadata, PHASES, VOLUMES)


def current() -> Model:
    """The model of the code running now: the one ``using`` set, else the shared one."""
    return _ACTIVE.get() or shared()


@contextmanager
def using(model: Model | None) -> Iterator[Model]:
    """``model`` is ``current()`` until the block ends (None: the shared model)."""
    token = _ACTIVE.set(model)
    try:
        yield current()
    finally:
        _ACTIVE.reset(token)


class ActiveTables(Mapping):
    """The current model's tables by name, for modules that build queries on ``TABLES``."""

    def __getitem__(self, name: str) -> sa.Table:
        return current().tables[name]

    def __iter__(self):
        return iter(current().tables)

    def __len__(self) -> int:
        return len(current().tables)

    def __contains__(self, name: object) -> bool:
        return name in current().tables
