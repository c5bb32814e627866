"""The dependency graph of all tables, built from the model's references.

Rules, applied in this order:
- A self-reference is filled inside its own table's generation: it is no edge.
- A NOT NULL reference is a hard edge: its target is seeded first. A hard edge into a later
  phase, or a cycle of hard edges, is a modelling error and stops the build.
- A nullable reference into a later phase, or one that would close a cycle, is *deferred*: the
  column is left NULL when its table is generated and filled by an update when the target
  table is materialised. The target's asset then lists the source table upstream.
- Every other nullable reference is a normal edge.
- A table whose generator must read a table it has no reference to names it in ``@generates(reads=...)``.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from graphlib import TopologicalSorter

from seed_pipeline.generation.registry import reads_of
from seed_pipeline.model import Model, current
from seed_pipeline.schema import Reference


class GraphError(ValueError):
    """The model cannot be seeded in any order; the message names the offending reference."""


@dataclass(frozen=True)
class DependencyGraph:
    edges: tuple[Reference, ...]  # kept references: target is seeded before table
    deferred: tuple[Reference, ...]  # filled by an update once the target exists
    self_references: tuple[Reference, ...]
    model: Model = field(compare=False, repr=False)

    @cached_property
    def _known(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """Parents and children already worked out: a run asks tens of thousands of times."""
        return {}

    def parents(self, table: str) -> tuple[str, ...]:
        """Tables whose rows this table's generator reads (the asset's upstream)."""
        if ("parents", table) not in self._known:
            direct = {r.target for r in self.edges if r.table == table}
            filled_here = {r.table for r in self.deferred if r.target == table}
            self._known["parents", table] = tuple(sorted(direct | filled_here | set(reads_of(table))))
        return self._known["parents", table]

    def with_upstream(self, tables: set[str]) -> set[str]:
        """``tables`` and every table their generators need first (parents, their parents, ...)."""
        needed, pending = set(), list(tables)
        while pending:
            table = pending.pop()
            if table not in needed:
                needed.add(table)
                pending.extend(self.parents(table))
        return needed

    def descendants(self, tables: set[str]) -> set[str]:
        """Every table built on ``tables`` (children, their children, ...), ``tables`` themselves not included."""
        found, pending = set(), list(tables)
        while pending:
            for child in self.children(pending.pop()):
                if child not in found:
                    found.add(child)
                    pending.append(child)
        return found

    def children(self, table: str) -> tuple[str, ...]:
        if ("children", table) not in self._known:
            self._known["children", table] = tuple(t for t in self.order if table in self.parents(t))
        return self._known["children", table]

    def deferred_into(self, table: str) -> tuple[Reference, ...]:
        """Deferred references whose column is filled when ``table`` is materialised."""
        return tuple(r for r in self.deferred if r.target == table)

    def deferred_from(self, table: str) -> tuple[Reference, ...]:
        return tuple(r for r in self.deferred if r.table == table)

    @cached_property
    def order(self) -> tuple[str, ...]:
        """A topological order, ties broken by phase and business order."""
        sorter = TopologicalSorter({t: self.parents(t) for t in self.model.tables})
        sorter.prepare()
        ordered: list[str] = []
        while sorter.is_active():
            ready = sorted(sorter.get_ready(), key=self.model.rank)
            ordered.extend(ready)
            sorter.done(*ready)
        return tuple(ordered)

    def group(self, table: str) -> str:
        return self.model.group_of[table]


def _reaches(adjacency: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(adjacency[node])
    return False


def build_graph() -> DependencyGraph:
    """The graph of the current model (built once per model: ``Model.graph``)."""
    return current().graph


def graph_of(model: Model) -> DependencyGraph:
    group_of, rank = model.group_of, model.rank
    missing = set(model.tables) ^ set(group_of)
    if missing:
        raise GraphError(f"tables without a phase group, or phases naming unknown tables: {sorted(missing)}")
    phase_index = {g: i for i, g in enumerate(model.phases)}
    adjacency: dict[str, set[str]] = defaultdict(set)  # table -> targets it depends on
    kept, deferred, selfs = [], [], []
    refs = model.references
    for ref in refs:
        if ref.is_self:
            selfs.append(ref)
        elif not ref.nullable:
            if phase_index[group_of[ref.target]] > phase_index[group_of[ref.table]]:
                raise GraphError(f"NOT NULL reference into a later phase: {ref}; move one of the tables")
            if _reaches(adjacency, ref.target, ref.table):
                raise GraphError(f"cycle of NOT NULL references through {ref}")
            adjacency[ref.table].add(ref.target)
            kept.append(ref)
    soft = [r for r in refs if r.nullable and not r.is_self]
    soft.sort(key=lambda r: (rank(r.target) > rank(r.table), rank(r.table), r.column, r.target))
    for ref in soft:
        later_phase = phase_index[group_of[ref.target]] > phase_index[group_of[ref.table]]
        if later_phase or _reaches(adjacency, ref.target, ref.table):
            deferred.append(ref)
        else:
            adjacency[ref.table].add(ref.target)
            kept.append(ref)
    return DependencyGraph(tuple(kept), tuple(deferred), tuple(selfs), model)
