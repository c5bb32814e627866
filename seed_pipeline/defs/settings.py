"""The run's seed settings as a Dagster resource: set once per run from the CLI, the environment or the launchpad."""

import os

import dagster as dg

from seed_pipeline.generation.context import DEFAULT_SEED, SeedSettings


class SeedSettingsResource(dg.ConfigurableResource):
    """Scenario, seed, scale and end date; an empty end date means today."""

    scenario: str = "full"
    seed: int = DEFAULT_SEED
    scale: float = 1.0
    end_date: str = ""

    @classmethod
    def from_env(cls) -> "SeedSettingsResource":
        """Defaults for the launchpad and schedules, taken from SEED_* environment variables."""
        return cls(
            scenario=os.environ.get("SEED_SCENARIO", "full"),
            seed=int(os.environ.get("SEED_SEED", DEFAULT_SEED)),
            scale=float(os.environ.get("SEED_SCALE", 1.0)),
            end_date=os.environ.get("SEED_END_DATE", ""),
        )

    def settings(self) -> SeedSettings:
        return SeedSettings.parse(self.scenario, self.seed, self.scale, self.end_date)
