"""What a generator receives besides its parent tables: settings, time window and seeded randomness."""

import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property

import numpy as np
import pandas as pd

from seed_pipeline.errors import UserInputError
from seed_pipeline.scenarios import Scenario, scenario

DEFAULT_SEED = 42


@dataclass(frozen=True)
class SeedSettings:
    """The four inputs that fully determine a seeded database."""

    scenario: str = "full"
    seed: int = DEFAULT_SEED
    scale: float = 1.0
    end_date: date = field(default_factory=date.today)

    @classmethod
    def parse(cls, scenario: str, seed: int | str, scale: float | str, end_date: str | date | None) -> "SeedSettings":
        """Validated settings from text (CLI, environment, launchpad), with one-line errors."""
        from seed_pipeline.scenarios import SCENARIOS

        if scenario not in SCENARIOS:
            raise UserInputError(f"unknown scenario {scenario!r}; choose one of {', '.join(SCENARIOS)}")
        try:
            seed = int(seed)
        except (TypeError, ValueError):
            raise UserInputError(f"seed must be a whole number, got {seed!r}") from None
        try:
            scale = float(scale)
        except (TypeError, ValueError):
            raise UserInputError(f"scale must be a number, got {scale!r}") from None
        if not 0 < scale <= 100:
            raise UserInputError(f"scale must be above 0 and at most 100, got {scale}")
        if end_date in (None, ""):
            end = date.today()
        elif isinstance(end_date, date):
            end = end_date
        else:
            try:
                end = date.fromisoformat(str(end_date))
            except ValueError:
                raise UserInputError(f"end date must be YYYY-MM-DD, got {end_date!r}") from None
        return cls(scenario, seed, scale, end)

    @cached_property
    def resolved(self) -> Scenario:
        return scenario(self.scenario, self.scale)


@dataclass(frozen=True)
class HistoryWindow:
    """The business's history: ``months`` whole months up to and including the end date."""

    start: date
    end: date

    @classmethod
    def ending(cls, end: date, months: int) -> "HistoryWindow":
        start = (pd.Timestamp(end) - pd.DateOffset(months=months)).date() + timedelta(days=1)
        return cls(start, end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def start_ts(self) -> pd.Timestamp:
        return pd.Timestamp(datetime.combine(self.start, time()))

    @property
    def end_ts(self) -> pd.Timestamp:
        """The last second of the end date."""
        return pd.Timestamp(datetime.combine(self.end, time(23, 59, 59)))


def table_rng(seed: int, table: str) -> np.random.Generator:
    """A generator per (seed, table): a table re-materialised alone gets the rows it got in a full run."""
    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(table.encode())]))


@dataclass(frozen=True)
class GenerationContext:
    table: str
    settings: SeedSettings
    rng: np.random.Generator

    @classmethod
    def for_table(cls, table: str, settings: SeedSettings) -> "GenerationContext":
        return cls(table, settings, table_rng(settings.seed, table))

    @property
    def scenario(self) -> Scenario:
        return self.settings.resolved

    @cached_property
    def window(self) -> HistoryWindow:
        return HistoryWindow.ending(self.settings.end_date, self.scenario.months)
