"""Contract of the workflow, inventory, purchasing, intake, order history, audit, deployments tables."""

from seed_pipeline.contract.model import JsonColumn, StateColumn

JSON: tuple[JsonColumn, ...] = ()
STATES: tuple[StateColumn, ...] = ()
