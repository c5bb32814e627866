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


def generates(table: str) -> Callable[[Generator], Generator]:
    def register(fn: Generator) -> Generator:
        if table in _GENERATORS:
            raise ValueError(f"two generators for {table}: {_GENERATORS[table].__module__} and {fn.__module__}")
        _GENERATORS[table] = fn
        return fn

    return register


def generator_for(table: str) -> Generator:
    import seed_pipeline.generators  # noqa: F401  (registers the hand-written generators)
    from seed_pipeline.generation.generic import generate_generic

    return _GENERATORS.get(table, generate_generic)


def hand_written() -> dict[str, Generator]:
    import seed_pipeline.generators  # noqa: F401

    return dict(_GENERATORS)
