"""Contract of the calendar, comments, notes, todo lists, inbox, dashboards, client activity tables."""

from seed_pipeline.contract.model import JsonColumn, StateColumn

JSON: tuple[JsonColumn, ...] = ()
STATES: tuple[StateColumn, ...] = ()
