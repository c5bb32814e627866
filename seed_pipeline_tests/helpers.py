"""Shared by tests: a whole seeded database in memory, and the rules every frame must obey.

Each ``*_problems`` function returns readable problems (empty when the frame is fine), so a
test can check all tables at once and report every offender.
"""

import json
from datetime import date
from functools import lru_cache

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.rules import may_be_future

from seed_pipeline.generation.context import GenerationContext, SeedSettings
from seed_pipeline.generation.fill import fill_deferred
from seed_pipeline.generation.generic import moment_column, unique_keys
from seed_pipeline.generation.registry import Generator, generator_for
from seed_pipeline.graph import build_graph
from seed_pipeline.schema import TABLES, Reference

END_DATE = date(2025, 11, 14)


def settings(scenario: str = "light", seed: int = 42) -> SeedSettings:
    return SeedSettings(scenario, seed, 1.0, END_DATE)


def generate_all(settings: SeedSettings, generator: Generator | None = None) -> dict[str, pd.DataFrame]:
    """Every table in graph order, each from its parents' frames; ``generator`` replaces the registry's."""
    graph = build_graph()
    frames: dict[str, pd.DataFrame] = {}
    for table in graph.order:
        make = generator or generator_for(table)
        frames[table] = make(GenerationContext.for_table(table, settings), {p: frames[p] for p in graph.parents(table)})
    return frames


@lru_cache(maxsize=None)  # about twenty settings, three of them full (a few hundred MB each)
def _generated_once(settings: SeedSettings) -> dict[str, pd.DataFrame]:
    return generate_all(settings)


def shared_frames(settings: SeedSettings) -> dict[str, pd.DataFrame]:
    """generate_all's frames, generated once per process and settings for the module fixtures that
    read them (a full scenario takes seconds); each caller gets its own copies, free to change.
    Kept for the whole session: an xdist worker runs a module's tests between other modules' tests,
    so a module fixture may be set up again after other settings were generated.
    Tests of determinism call generate_all itself, twice."""
    return {name: frame.copy() for name, frame in _generated_once(settings).items()}


def fill_all(settings: SeedSettings, frames: dict[str, pd.DataFrame]) -> dict[Reference, pd.Series]:
    """The values of every deferred reference, each from its own seeded context."""
    return {
        ref: fill_deferred(GenerationContext.for_table(f"{ref.table}.{ref.column}", settings), ref,
                           frames[ref.table], frames[ref.target])
        for ref in build_graph().deferred
    }


def _shape_problems(table: sa.Table, frame: pd.DataFrame) -> list[str]:
    problems = [] if len(frame) else ["no rows"]
    extra = set(frame.columns) - set(table.c.keys())
    if extra:
        problems.append(f"columns not in the table: {sorted(extra)}")
    for column in table.columns:
        if column.name not in frame:
            continue
        values = frame[column.name]
        if not column.nullable and values.isna().any():
            problems.append(f"{column.name}: NULL in a NOT NULL column")
        present = values.dropna()
        length = getattr(column.type, "length", None)
        if length and len(present) and present.astype(str).str.len().max() > length:
            problems.append(f"{column.name}: longer than {length}")
        if isinstance(column.type, sa.Enum) and not set(present) <= set(column.type.enums):
            problems.append(f"{column.name}: values outside the enum: {sorted(set(present) - set(column.type.enums))}")
        if isinstance(column.type, sa.JSON):
            try:
                json.dumps(values.tolist())
            except (TypeError, ValueError) as error:
                problems.append(f"{column.name}: not JSON-serialisable ({error})")
    return problems


def _key_problems(table: sa.Table, frame: pd.DataFrame) -> list[str]:
    problems = []
    for key in unique_keys(table):
        cells = frame[list(key)].dropna()  # a key with a NULL in it never clashes (MySQL)
        if cells.duplicated().any():
            problems.append(f"unique key {key} repeats")
    return problems


def _time_problems(table: sa.Table, frame: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> list[str]:
    problems = []
    for column in table.columns:
        if isinstance(column.type, sa.Date | sa.DateTime) and column.name in frame:
            values = frame[column.name].dropna()
            if len(values) and (values.min() < start or (values.max() > end and not may_be_future(column.name))):
                problems.append(f"{column.name}: outside the history window")
    for early, late in (("createdAt", "updatedAt"), ("created_at", "updated_at"), ("start_date", "end_date"),
                        ("startDate", "endDate")):
        if early in frame and late in frame and (frame[early] > frame[late]).any():
            problems.append(f"{early} after {late}")
    return problems


def reference_problems(ref: Reference, frames: dict[str, pd.DataFrame]) -> list[str]:
    """A kept reference: every value resolves into the parent frame, and never predates its parent row."""
    frame, parent = frames[ref.table], frames[ref.target]
    values = frame[ref.column]
    if ref.type_column is not None:
        values = values[frame[ref.type_column] == ref.type_value]
    values = values.dropna()
    orphans = ~values.isin(parent[ref.target_column])
    if orphans.any():
        return [f"{ref}: {int(orphans.sum())} orphans"]
    child_at = moment_column(TABLES[ref.table], frame.columns)
    parent_at = moment_column(TABLES[ref.target], parent.columns)
    if child_at is None or parent_at is None or ref.is_self:
        return []
    parent_time = parent.drop_duplicates(ref.target_column).set_index(ref.target_column)[parent_at]
    early = frame.loc[values.index, child_at].to_numpy() < parent_time.reindex(values).to_numpy()
    return [f"{ref}: {int(early.sum())} rows dated before their parent row"] if early.any() else []


def _of_its_type(ref: Reference, frame: pd.DataFrame) -> pd.Series:
    """The rows a reference covers: all of them, or for a polymorphic one those of its type value."""
    if ref.type_column is None:
        return pd.Series(True, index=frame.index)
    return frame[ref.type_column] == ref.type_value


def frame_problems(name: str, frames: dict[str, pd.DataFrame], settings: SeedSettings) -> list[str]:
    """Everything wrong with one table's frame, given all frames generated before it."""
    table, frame, graph = TABLES[name], frames[name], build_graph()
    context = GenerationContext.for_table(name, settings)
    problems = _shape_problems(table, frame) + _key_problems(table, frame)
    problems += _time_problems(table, frame, context.window.start_ts, context.window.end_ts)
    for ref in graph.edges:
        if ref.table == name:
            problems += reference_problems(ref, frames)
    for ref in graph.deferred_from(name):
        if frame.loc[_of_its_type(ref, frame), ref.column].notna().any():
            problems.append(f"{ref}: deferred but filled at generation")
    for ref in graph.self_references:
        if ref.table == name:
            pointing = frame[ref.column].notna()
            if (frame.loc[pointing, ref.column] >= frame.loc[pointing, ref.target_column]).any():
                problems.append(f"{ref}: points at a later row")
    return [f"{name}: {p}" for p in problems]


def fill_problems(ref: Reference, filled: pd.Series, frames: dict[str, pd.DataFrame]) -> list[str]:
    problems = []
    if not filled.index.equals(pd.Index(frames[ref.table]["id"])):
        problems.append(f"{ref}: filled values are not indexed by the source ids")
    filled = filled[_of_its_type(ref, frames[ref.table]).to_numpy()]
    orphans = ~filled.dropna().isin(frames[ref.target][ref.target_column])
    if orphans.any():
        problems.append(f"{ref}: {int(orphans.sum())} filled values without a target row")
    return problems


def expected_dtype(column: sa.Column) -> str:
    """The frame dtype convention of a column's type (see ``columns.typed``)."""
    t = column.type
    if isinstance(t, sa.JSON):
        return "object"
    if isinstance(t, sa.Boolean):
        return "boolean" if column.nullable else "bool"
    if isinstance(t, sa.Integer):
        return "Int64" if column.nullable else "int64"
    if isinstance(t, sa.Numeric):
        return "float64"
    if isinstance(t, sa.Date | sa.DateTime):
        return "datetime64[s]"
    return "str"


def dtype_problems(name: str, frame: pd.DataFrame) -> list[str]:
    table = TABLES[name]
    return [
        f"{name}.{c.name}: {frame[c.name].dtype} instead of {expected_dtype(c)}"
        for c in table.columns
        if c.name in frame and str(frame[c.name].dtype) != expected_dtype(c)
    ] + ([] if list(frame.columns) == list(table.c.keys()) else [f"{name}: columns not in table order"])


def tables_problems(tables, frames: dict[str, pd.DataFrame], settings: SeedSettings) -> list[str]:
    """Everything wrong with the frames of ``tables``: the model, references, time order and dtypes."""
    return [p for t in tables for p in frame_problems(t, frames, settings) + dtype_problems(t, frames[t])]
