"""The generated frames the calendar and collaboration tests share, made once per settings per session."""

from functools import lru_cache

from seed_pipeline.generation.context import SeedSettings
from seed_pipeline_tests.helpers import generate_all


@lru_cache(maxsize=4)
def frames_for(settings: SeedSettings) -> dict:
    return generate_all(settings)
