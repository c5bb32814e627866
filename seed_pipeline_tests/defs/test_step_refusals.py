"""A run launched from the UI's Materialize or a phase job refuses, in its first step and before
writing anything, what the command line refuses, with the same one-line message (defs/preflight.py)."""

import shutil

import dagster as dg
import pytest

from seed_pipeline.defs.assets import table_assets
from seed_pipeline.defs.settings import SeedSettingsResource
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.loaders.samples import snapshot

END = "2026-10-31"


def _materialize(url: str, selection, seed: int):
    with dg.DagsterInstance.ephemeral() as instance:
        return dg.materialize(
            table_assets(),
            selection=selection,
            instance=instance,
            resources={"database": SeedDatabase(url=url),
                       "seed_settings": SeedSettingsResource(scenario="light", seed=seed, end_date=END)},
            raise_on_error=False,
        )


@pytest.fixture
def seeded(seeded_sqlite, tmp_path) -> str:
    """A copy of the light seed with seed 42, to write to."""
    target = tmp_path / "seeded.sqlite"
    shutil.copyfile(seeded_sqlite("light", 42, END), target)
    return f"sqlite:///{target}"


def _refusal(result) -> str:
    assert not result.success and not result.get_asset_materialization_events()
    [failure] = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    return failure.event_specific_data.error.message


def test_other_settings_that_would_leave_descendants_disagreeing_are_refused_in_the_step(seeded):
    url = seeded
    before = snapshot(url, sorted(TABLES))
    message = _refusal(_materialize(url, dg.AssetSelection.assets("users"), seed=4))
    assert "users with scenario light, seed 4" in message and "would leave" in message
    assert "use --select 'users+'" in message and len(message.strip().splitlines()) == 1
    assert snapshot(url, sorted(TABLES)) == before


def test_upstream_seeded_with_other_settings_is_refused_in_the_step(seeded):
    url = seeded
    before = snapshot(url, sorted(TABLES))
    message = _refusal(_materialize(url, dg.AssetSelection.groups("phase4_polish"), seed=4))
    assert "were seeded with scenario light, seed 42" in message
    assert snapshot(url, sorted(TABLES)) == before
