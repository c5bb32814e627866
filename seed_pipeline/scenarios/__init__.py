"""Scenario parameters and the row volume of every table."""

from seed_pipeline.scenarios.config import SCENARIOS, Scenario, scenario

__all__ = ["SCENARIOS", "Scenario", "scenario"]
