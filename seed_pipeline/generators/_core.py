"""What the core-table generators share: the one simulated history, and its local keys made real."""

import numpy as np
import pandas as pd

from seed_pipeline.business.history import CoreHistory, core_history
from seed_pipeline.business.rules import stands
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.generators._system import jobs_of

SALES = {"Sales Rep", "Sales Manager"}
WAREHOUSE = {"Warehouse Staff", "Inventory Manager"}
ACCOUNTING = {"Accountant"}
SERVICE = {"Customer Service", "Sales Manager"}


def history(ctx: GenerationContext) -> CoreHistory:
    return core_history(ctx.settings)


def sales_orders(orders: pd.DataFrame) -> pd.DataFrame:
    """The sales that stand among the ``orders`` rows (the history's orders, first and in order); quotes,
    drafts and cancelled sales follow them and have no fulfilment, invoice or stock of their own."""
    return orders[stands(orders["orderType"], orders["is_draft"], orders["saleStatus"], orders["shipped_at"])]


def real_ids(parent: pd.DataFrame, local) -> np.ndarray:
    """The parent's real id of each local key (the k-th generated row is the parent frame's k-th row)."""
    return parent["id"].to_numpy()[np.asarray(local, dtype=np.int64) - 1]


def optional_real_ids(parent: pd.DataFrame, local) -> pd.array:
    """``real_ids`` for a key that may be missing: NULL stays NULL."""
    local = pd.Series(local).astype("Int64")
    ids = np.full(len(local), None, dtype=object)
    present = local.notna().to_numpy()
    ids[present] = real_ids(parent, local[present].to_numpy(dtype=np.int64))
    return pd.array(ids, dtype="Int64")


def staff(users: pd.DataFrame, jobs: set[str], n: int, rng: np.random.Generator) -> np.ndarray:
    """Ids of users doing one of ``jobs`` (anyone, in a team too small to have them), one per row."""
    doing = users["id"].to_numpy()[[job in jobs for job in jobs_of(users)]]
    return rng.choice(doing if len(doing) else users["id"].to_numpy(), n)


def quantity_text(values, whole) -> np.ndarray:
    """TERP keeps stock quantities as text: whole units without decimals, pounds with two."""
    values = np.asarray(values, dtype=float)
    return np.where(np.asarray(whole), np.char.mod("%d", np.round(values).astype(np.int64)), np.char.mod("%.2f", values)).astype(object)


def money_text(values) -> np.ndarray:
    return np.char.mod("%.2f", np.round(np.asarray(values, dtype=float), 2)).astype(object)
