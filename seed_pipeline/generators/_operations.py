"""What the warehouse and back-office generators share: the operations simulation and who did the work."""

import numpy as np
import pandas as pd

from seed_pipeline.business.operations import Operations, operations
from seed_pipeline.business.operations.permissions import jobs_allowed
from seed_pipeline.business.operations.permissions import NEEDS
from seed_pipeline.generation.context import GenerationContext, table_rng
from seed_pipeline.generators._core import staff


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


def status_changers(ctx: GenerationContext, users: pd.DataFrame) -> np.ndarray:
    """Who made each workflow change: the same people in the status history and in the audit log."""
    w, rng = ops(ctx).workflow, table_rng(ctx.settings.seed, "operations.status_changers")
    floor = jobs_allowed(NEEDS[("batch_status_history", "status")])
    managers = staff(users, MANAGERS & floor, len(w), rng)
    return np.where(w["by"] == "manager", managers, staff(users, floor, len(w), rng))


def movers(ctx: GenerationContext, users: pd.DataFrame) -> np.ndarray:
    """Who recorded each stock movement other than sales and returns (those are the order's and return's people)."""
    rng = table_rng(ctx.settings.seed, "operations.movers")
    return by_kind(users, ops(ctx).movements["type"], MOVED_BY, rng)
