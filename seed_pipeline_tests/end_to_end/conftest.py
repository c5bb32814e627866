"""What every end-to-end test shares: its own Dagster instance, and private copies of seeded files."""

import shutil

import pytest


@pytest.fixture(autouse=True)
def _own_dagster_home(tmp_path, monkeypatch):
    """Each test records its runs in its own Dagster instance (`.dagster_home/` in its own folder)."""
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def seeded_copy(seeded_sqlite, tmp_path):
    """A function giving the URL of this test's own copy of a seeded SQLite file (light, the shared
    end date, settings as for ``seeded_sqlite``): the seed runs once per session, a test may write."""

    def copy(**settings) -> str:
        target = tmp_path / "seeded.sqlite"
        shutil.copyfile(seeded_sqlite(**settings), target)
        return f"sqlite:///{target}"

    return copy
