"""Contract of the orders, lots, batches, invoices, returns tables."""

from seed_pipeline.contract.model import JsonColumn, StateColumn

JSON: tuple[JsonColumn, ...] = ()
STATES: tuple[StateColumn, ...] = ()
