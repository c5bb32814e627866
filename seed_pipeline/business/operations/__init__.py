"""The warehouse and back office around the core history: workflow, stock movements, purchasing, alerts.

A pure function of the seed settings, computed once per process like the core history, so the
batches' statuses, their status history, the movements that replay to their stock, their shelves
and the purchase orders and intake sessions that brought them in agree by construction. Keys are
the core history's local row numbers (batches and returns by row, lots and orders by id).
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from seed_pipeline.business.history import core_history
from seed_pipeline.business.operations.alerts import stock_alerts
from seed_pipeline.business.operations.movements import locations, places, stock_movements
from seed_pipeline.business.operations.photography import photo_sessions
from seed_pipeline.business.operations.purchasing import purchasing
from seed_pipeline.business.operations.workflow import batch_workflow, current_status
from seed_pipeline.generation.context import SeedSettings, table_rng


@dataclass(frozen=True)
class Operations:
    workflow: pd.DataFrame  # status changes: batch, from, to, at, by, notes
    status: np.ndarray  # each batch's status at the end date
    movements: pd.DataFrame
    locations: pd.DataFrame  # batch, place (row of catalog.LOCATIONS), qty, since
    purchase_orders: pd.DataFrame
    purchase_items: pd.DataFrame
    sessions: pd.DataFrame
    alerts: pd.DataFrame
    photo_sessions: pd.DataFrame  # batch, start, took_place, change (row of workflow)


@lru_cache(maxsize=4)
def operations(settings: SeedSettings) -> Operations:
    h = core_history(settings)
    rng = {part: table_rng(settings.seed, f"operations.{part}") for part in ("workflow", "stock", "purchasing", "alerts", "photography")}
    end = h.window.end_ts
    workflow = batch_workflow(h.batches, h.lines, h.orders, h.returns, h.lots, h.vendors, end, rng["workflow"])
    status = current_status(workflow, len(h.batches))
    first, second = places(h.batches, rng["stock"])
    movements = stock_movements(h.batches, h.lines, h.orders, h.returns, h.lots, workflow, second, end, rng["stock"])
    moved = movements[movements["type"] == "TRANSFER"].set_index("batch")["at"]
    shelves = locations(h.batches, first, second, moved, rng["stock"])
    orders, items, sessions = purchasing(h, status, workflow, rng["purchasing"])
    alerts = stock_alerts(h.batches, movements, workflow, status, end)
    photos = photo_sessions(workflow, h.batches, status, end, rng["photography"])
    return Operations(workflow, status, movements, shelves, orders, items, sessions, alerts, photos)
