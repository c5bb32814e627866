"""Which function generates each table.

A hand-written generator lives in ``seed_pipeline/generators/<table>.py`` and registers itself
with ``@generates("<table>")``; every other table is served by the generic generator.
"""

from collections.abc import Callable, Mapping

import pandas as pd

from seed_pipeline.generation.context import GenerationContext

Parents = Mapping[str, pd.DataFrame]
Generator = Callable[[GenerationContext, Parents], pd.DataFrame]

_GENERATORS: dict[str, Generator] = {}
_READS: dict[str, tuple[str, ...]] = {}


def generates(table: str, reads: tuple[str, ...] = ()) -> Callable[[Generator], Generator]:
    """Register ``table``'s generator; ``reads`` names tables whose real ids it writes inside JSON
    (``pricing_profiles.rules`` holds rule ids), which no schema reference declares."""
    def register(fn: Generator) -> Generator:
        if table in _GENERATORS:
            raise ValueError(f"two generators for {table}: {_GENERATORS[table].__module__} and {fn.__module__}")
        _GENERATORS[table] = fn
        if reads:
            _READS[table] = tuple(reads)
        return fn

    return register


def reads_of(table: str) -> tuple[str, ...]:
    """Tables a generator reads beyond its references: they are seeded first and handed to it as parents."""
    import seed_pipeline.generators  # noqa: F401

    return _READS.get(table, ())


def generator_for(table: str) -> Generator:
    import seed_pipeline.generators  # noqa: F401  (registers the hand-written generators)
    from seed_pipeline.generation.generic import generate_generic

    return _GENERATORS.get(table, generate_generic)


def hand_written() -> dict[str, Generator]:
    import seed_pipeline.generators  # noqa: F401

    return dict(_GENERATORS)
