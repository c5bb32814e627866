"""Contract of the credits, credit limits and signals, COGS, invoice lines, payment history, sales tables."""

from seed_pipeline.contract.model import JsonColumn, StateColumn

JSON: tuple[JsonColumn, ...] = ()
STATES: tuple[StateColumn, ...] = ()
