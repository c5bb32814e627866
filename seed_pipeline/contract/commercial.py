"""Contract of the pricing, matchmaking, samples, sales sheets and interest lists tables."""

from seed_pipeline.contract.model import JsonColumn, StateColumn

JSON: tuple[JsonColumn, ...] = ()
STATES: tuple[StateColumn, ...] = ()
