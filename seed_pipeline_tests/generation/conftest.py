"""A whole database per scenario, generated once per test session by the generic generator alone."""

import time

import pytest

from seed_pipeline.generation.generic import generate_generic
from seed_pipeline_tests.helpers import generate_all, settings


@pytest.fixture(scope="session", params=["light", "full"])
def seeded(request):
    """(settings, frames) of a scenario; prints its size and generation time."""
    chosen = settings(request.param)
    began = time.perf_counter()
    frames = generate_all(chosen, generate_generic)
    took = time.perf_counter() - began
    print(f"\n{request.param}: {sum(len(f) for f in frames.values())} rows in {len(frames)} tables, {took:.2f}s")
    return chosen, frames
