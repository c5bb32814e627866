"""The Dagster instance the CLI records its runs in, the same one `dagster dev` shows."""

import json
import os
from pathlib import Path

from dagster import DagsterInstance
from dagster._core.instance.ref import InstanceRef

# Dagster writes the events it sends as a batch (a run's planned materialisations and checks, one
# per asset and check) in one call when this is set; the pooled SQLite storage makes that call one
# transaction. Unset, each of the run's ~430 planned events was a transaction of its own.
EVENT_BATCH_SIZE = "1000"


def cli_instance() -> DagsterInstance:
    """DAGSTER_HOME when set (a shared instance); else the project's dagster.yaml, as `dagster dev` does."""
    os.environ.setdefault("DAGSTER_EVENT_BATCH_SIZE", EVENT_BATCH_SIZE)
    if os.environ.get("DAGSTER_HOME"):
        return DagsterInstance.get()
    cwd = Path.cwd()
    home = cwd / ".dagster_home"
    home.mkdir(exist_ok=True)
    config_dir = cwd if (cwd / "dagster.yaml").exists() else home
    if config_dir == home and not (home / "dagster.yaml").exists():
        (home / "dagster.yaml").write_text(
            "storage:\n  custom:\n    module: seed_pipeline.defs.sqlite_storage\n    class: PooledSqliteStorage\n"
            f"    config:\n      base_dir: {json.dumps(str(home))}\ntelemetry:\n  enabled: false\n"
        )
    return DagsterInstance.from_ref(InstanceRef.from_dir(str(home), config_dir=str(config_dir)))
