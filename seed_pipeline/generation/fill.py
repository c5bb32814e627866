"""Values for a deferred reference, once the table it points at exists.

A generator that knows which target row each source row means (a client's pricing profile, the
need an order answered) registers a filler with ``@fills``. Where the target table points back
at the source (an invoice's ``referenceType='ORDER'`` and ``referenceId``, a sample request's
``relatedOrderId``), the two sides are paired exactly: an order's ``invoice_id`` is the invoice
that names that order. Otherwise a realistic share of source rows gets a random target row.
"""

from collections.abc import Callable

import numpy as np
import pandas as pd

from seed_pipeline.generation.columns import typed
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.schema import TABLES, Reference, references_from

FILL_SHARE = 0.25  # of source rows given a random value when nothing pairs them

# (ctx, source frame, written target frame) -> the target id of each source row, in source order
Filler = Callable[[GenerationContext, pd.DataFrame, pd.DataFrame], np.ndarray]
_FILLERS: dict[tuple[str, str], Filler] = {}


def fills(table: str, column: str) -> Callable[[Filler], Filler]:
    """Register how ``table.column`` (a deferred reference) is filled from the rows of its target."""
    def register(fn: Filler) -> Filler:
        _FILLERS[(table, column)] = fn
        return fn

    return register


def _back_reference(ref: Reference) -> Reference | None:
    """A reference of the target table to the source table's key, if there is one."""
    return next((r for r in references_from(ref.target) if r.target == ref.table and r.target_column == "id"), None)


def _paired(back: Reference, ref: Reference, source_ids: pd.Index, target: pd.DataFrame) -> np.ndarray:
    """For each source id, the first target row pointing back at it (or NULL)."""
    pointing = target[back.column].notna()
    if back.type_column is not None:
        pointing &= target[back.type_column] == back.type_value
    pairs = target.loc[pointing, [back.column, ref.target_column]].drop_duplicates(back.column)
    found = pd.Series(pairs[ref.target_column].to_numpy(), index=pairs[back.column].astype(np.int64).to_numpy())
    return found.reindex(source_ids).to_numpy(dtype=object)


def _random(ctx: GenerationContext, ref: Reference, n: int, target: pd.DataFrame) -> np.ndarray:
    pool = target[ref.target_column].dropna().drop_duplicates().to_numpy()
    values = np.full(n, None, dtype=object)
    if len(pool) == 0:
        return values
    filled = ctx.rng.random(n) < FILL_SHARE
    values[filled] = pool[ctx.rng.integers(len(pool), size=int(filled.sum()))]
    return values


def fill_deferred(ctx: GenerationContext, ref: Reference, source: pd.DataFrame, target: pd.DataFrame) -> pd.Series:
    """Values of ``ref.column`` for every row of ``source``, indexed by the source ids, from ``target``."""
    import seed_pipeline.generators  # noqa: F401  (registers the fillers of hand-written generators)

    source_ids = pd.Index(source["id"], name="id")
    back = _back_reference(ref)
    if (ref.table, ref.column) in _FILLERS:
        values = _FILLERS[(ref.table, ref.column)](ctx, source, target)
    elif back is not None:
        values = _paired(back, ref, source_ids, target)
    else:
        values = _random(ctx, ref, len(source_ids), target)
    filled = typed(TABLES[ref.table].c[ref.column], pd.Series(values))
    return filled.set_axis(source_ids)
