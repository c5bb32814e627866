"""Contract of the tags, synonyms, media and VIP portal tables."""

from seed_pipeline.contract.model import JsonColumn, StateColumn

JSON: tuple[JsonColumn, ...] = ()
STATES: tuple[StateColumn, ...] = ()
