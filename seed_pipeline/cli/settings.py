"""Which settings a run uses: the flag, else the SEED_* variable, else (for a partial run) what the
database was seeded with, else the default. Every source is validated, and a bad variable is named."""

import os
from datetime import date

from seed_pipeline.errors import UserInputError
from seed_pipeline.generation.context import DEFAULT_SEED, SeedSettings

EARLIEST_END, LATEST_END = date(1972, 1, 31), date(2037, 1, 19)  # history and forward dates inside TIMESTAMP's range
FIELDS = {"scenario": "SEED_SCENARIO", "seed": "SEED_SEED", "scale": "SEED_SCALE", "end_date": "SEED_END_DATE"}
DEFAULTS = {"scenario": "full", "seed": DEFAULT_SEED, "scale": 1.0, "end_date": ""}


def _parse(values: dict, source: str) -> SeedSettings:
    try:
        settings = SeedSettings.parse(values["scenario"], values["seed"], values["scale"], values["end_date"])
    except UserInputError as exc:
        raise UserInputError(f"{exc} ({source})") from None
    if settings.seed < 0:
        raise UserInputError(f"seed must be 0 or more, got {settings.seed} ({source})")
    if not EARLIEST_END <= settings.end_date <= LATEST_END:
        raise UserInputError(
            f"end date must lie between {EARLIEST_END} and {LATEST_END}, got {settings.end_date} ({source}): "
            "MariaDB's TIMESTAMP columns hold 1970-01-01 to 2038-01-19, and the history spans up to two years "
            "before the end date and some months after it; every engine gets the same data, so every engine gets this range"
        )
    return settings


def check_environment(args) -> None:
    """Before anything reads them (the Dagster definitions do on import): a given flag replaces its
    variable, a variable left in place must be valid."""
    for name, variable in FIELDS.items():
        flag = getattr(args, name, None)
        if variable not in os.environ:
            continue
        if flag is not None:
            os.environ[variable] = str(flag)
        elif os.environ[variable]:
            _parse({**DEFAULTS, name: os.environ[variable]}, f"environment variable {variable}")


def resolve(args, recorded: dict | None) -> SeedSettings:
    """The run's settings; ``recorded`` (the database's seed record) fills what neither flag nor variable gives."""
    chosen = {}
    for name, variable in FIELDS.items():
        flag = getattr(args, name, None)
        if flag is not None:
            chosen[name], source = flag, f"--{name.replace('_', '-')}"
        elif os.environ.get(variable):
            chosen[name], source = os.environ[variable], f"environment variable {variable}"
        elif recorded and recorded.get(name) is not None:
            chosen[name], source = recorded[name], "the database's seed record"
        else:
            chosen[name], source = DEFAULTS[name], "the default"
        _parse({**DEFAULTS, name: chosen[name]}, source)  # a bad value is named with where it came from
    return _parse(chosen, "settings")
