"""What the warehouse and back-office generators share: the operations simulation and who did the work."""

import numpy as np
import pandas as pd

from seed_pipeline.business.operations import Operations, operations
from seed_pipeline.business.operations.permissions import NEEDS, jobs_allowed
from seed_pipeline.generation.context import GenerationContext, table_rng
from seed_pipeline.generators._core import history, staff


def ops(ctx: GenerationContext) -> Operations:
    return operations(ctx.settings)


def allowed(users: pd.DataFrame, permission: str, n: int, rng: np.random.Generator) -> np.ndarray:
    """Ids of people whose role grants ``permission``, one per row."""
    return staff(users, jobs_allowed(permission), n, rng)


def by_kind(users: pd.DataFrame, kinds, permissions: dict[str, str], rng: np.random.Generator) -> np.ndarray:
    """Per row, someone allowed to do that row's kind of work (``permissions``: kind -> permission)."""
    kinds = np.asarray(kinds, dtype=object)
    out = np.zeros(len(kinds), dtype=np.int64)
    for kind, permission in permissions.items():
        rows = np.flatnonzero(kinds == kind)
        out[rows] = allowed(users, permission, len(rows), rng)
    return out


MANAGERS = {"Inventory Manager"}
MOVED_BY = {"INTAKE": "inventory:intake", "SAMPLE": "inventory:update", "TRANSFER": "inventory:transfer",
            "ADJUSTMENT": NEEDS[("Batch", "QTY_ADJUST")]}


def receivers(ctx: GenerationContext, users: pd.DataFrame) -> pd.Series:
    """Who checked in each lot (by lot id): the same person on its intake session, its batches' intake and samples."""
    lots = history(ctx).lots["id"]
    rng = table_rng(ctx.settings.seed, "operations.receivers")
    able = jobs_allowed("inventory:intake") & jobs_allowed(NEEDS[("batch_status_history", "status")])
    return pd.Series(staff(users, able, len(lots), rng), index=lots.to_numpy())


def _on_arrival(ctx: GenerationContext, users: pd.DataFrame, batch, arrival: np.ndarray, by: np.ndarray) -> np.ndarray:
    """``by``, with the lot's receiver on the rows recorded on arrival."""
    lot = history(ctx).batches["lotId"].to_numpy()[np.asarray(batch)]
    return np.where(arrival, receivers(ctx, users).reindex(lot).to_numpy(), by)


def status_changers(ctx: GenerationContext, users: pd.DataFrame) -> np.ndarray:
    """Who made each workflow change: the same people in the status history and in the audit log."""
    w, rng = ops(ctx).workflow, table_rng(ctx.settings.seed, "operations.status_changers")
    floor = jobs_allowed(NEEDS[("batch_status_history", "status")])
    managers = staff(users, MANAGERS & floor, len(w), rng)
    by = np.where(w["by"] == "manager", managers, staff(users, floor, len(w), rng))
    return _on_arrival(ctx, users, w["batch"], w["from"].isna().to_numpy(), by)


def movers(ctx: GenerationContext, users: pd.DataFrame) -> np.ndarray:
    """Who recorded each stock movement other than sales and returns (those are the order's and return's people)."""
    m, rng = ops(ctx).movements, table_rng(ctx.settings.seed, "operations.movers")
    by = by_kind(users, m["type"], MOVED_BY, rng)
    return _on_arrival(ctx, users, m["batch"], m["type"].isin(["INTAKE", "SAMPLE"]).to_numpy(), by)
