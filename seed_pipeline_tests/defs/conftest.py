"""A Dagster instance as deployed: deploy/postgres/dagster.yaml, storage in a fresh PostgreSQL database."""

import shutil

import pytest
from dagster import DagsterInstance

from seed_pipeline_tests.shared import PROJECT_ROOT


@pytest.fixture
def pg_instance(pg_url, tmp_path, monkeypatch):
    """(instance, storage URL): DAGSTER_HOME holds the project's PostgreSQL dagster.yaml; DAGSTER_PG_URL is pg_url."""
    assert pg_url.startswith("postgresql://")  # the documented form, no driver named
    shutil.copy(PROJECT_ROOT / "deploy" / "postgres" / "dagster.yaml", tmp_path / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    monkeypatch.setenv("DAGSTER_PG_URL", pg_url)
    monkeypatch.chdir(tmp_path)
    with DagsterInstance.get() as instance:
        yield instance, pg_url
