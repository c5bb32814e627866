"""Contract of the pricing, matchmaking, samples, sales sheets, interest lists, tags, media, VIP portal tables."""

from seed_pipeline.contract.model import JsonColumn, StateColumn

JSON: tuple[JsonColumn, ...] = ()
STATES: tuple[StateColumn, ...] = ()
