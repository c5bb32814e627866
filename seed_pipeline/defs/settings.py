"""The run's seed settings as a Dagster resource: set once per run from the CLI, the environment or the launchpad."""

import os

import dagster as dg

from seed_pipeline.generation.context import DEFAULT_SEED, SeedSettings
from seed_pipeline.loaders import DEFAULT_URL
from seed_pipeline.loaders.engines import display

# The database a run writes to unless its launchpad, the CLI or a schedule names another.
TARGET_VARIABLE = "SEED_DATABASE_URL"
DEFAULT_TARGET = os.environ.get(TARGET_VARIABLE) or DEFAULT_URL
TARGET_TAG = "seed_pipeline/database"  # each run's target, password redacted
DEFAULT_SHOWN = display(DEFAULT_TARGET)  # the same, as shown in the UI: without its password


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
