"""The pooled SQLite storage (defs/sqlite_storage.py) records what stock Dagster's SQLite storage records,
in the same order, and writes a step's deferred events before anything reads the log or the step ends."""

import json
from collections import Counter

import dagster as dg
import pytest
import sqlalchemy as sa
from dagster._core.instance.ref import InstanceRef
from dagster._core.storage.event_log import SqliteEventLogStorage

from seed_pipeline.defs.sqlite_storage import DEFERRED, PooledSqliteStorage


@dg.asset
def parent():
    return dg.MaterializeResult(metadata={"rows": 3})


@dg.asset(deps=[parent], check_specs=[dg.AssetCheckSpec("positive", asset="child"),
                                      dg.AssetCheckSpec("small", asset="child")])
def child():
    yield dg.MaterializeResult(metadata={"rows": 2})
    yield dg.AssetCheckResult(check_name="positive", passed=True)
    yield dg.AssetCheckResult(check_name="small", passed=False, metadata={"largest": 9})


STORAGES = {
    "pooled": "custom:\n    module: seed_pipeline.defs.sqlite_storage\n    class: PooledSqliteStorage\n    config:",
    "stock": "sqlite:",
}


def _instance(kind: str, home) -> dg.DagsterInstance:
    """An instance whose dagster.yaml names ``kind`` of storage in ``home``, as cli_instance makes one."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text(f"storage:\n  {STORAGES[kind]}\n      base_dir: {json.dumps(str(home))}\n"
                                      "telemetry:\n  enabled: false\n")
    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))


def _recorded(kind: str, base_dir) -> dict:
    """What a run of both assets leaves in the files, read back with plain SQL (no storage of ours)."""
    with _instance(kind, base_dir) as instance:
        run_id = dg.materialize([parent, child], instance=instance, raise_on_error=False).run_id
    engine = sa.create_engine(f"sqlite:///{base_dir / 'history' / 'runs' / f'{run_id}.db'}")
    index = sa.create_engine(f"sqlite:///{base_dir / 'history' / 'runs' / 'index.db'}")
    try:
        with engine.connect() as run, index.connect() as cross:
            return {
                "run": run.exec_driver_sql("SELECT dagster_event_type, asset_key, step_key FROM event_logs ORDER BY id").all(),
                "index": cross.exec_driver_sql("SELECT dagster_event_type, asset_key FROM event_logs ORDER BY id").all(),
                "checks": cross.exec_driver_sql(
                    "SELECT asset_key, check_name, execution_status, evaluation_event_storage_id IS NOT NULL, "
                    "materialization_event_storage_id IS NOT NULL FROM asset_check_executions ORDER BY id").all(),
                "assets": cross.exec_driver_sql(
                    "SELECT asset_key, last_materialization IS NOT NULL, last_run_id = ? FROM asset_keys ORDER BY asset_key",
                    (run_id,)).all(),
            }
    finally:
        engine.dispose()
        index.dispose()


def test_a_run_leaves_what_stock_dagster_leaves(tmp_path):
    ours = _recorded("pooled", tmp_path / "pooled")
    assert ours == _recorded("stock", tmp_path / "stock")
    deferred = Counter(kind for kind, *_ in ours["run"] if kind in {t.value for t in DEFERRED})
    assert deferred == {"STEP_OUTPUT": 4, "ASSET_MATERIALIZATION": 2, "ASSET_CHECK_EVALUATION": 2}  # so some were deferred
    assert ours["checks"] == [('["child"]', "positive", "SUCCEEDED", 1, 1), ('["child"]', "small", "FAILED", 1, 1)]


@pytest.fixture
def events(tmp_path):
    """The events of one run of both assets, as a stock instance stored them."""
    with _instance("stock", tmp_path / "source") as instance:
        run_id = dg.materialize([parent, child], instance=instance).run_id
        return [record.event_log_entry for record in instance.get_records_for_run(run_id).records]


def _stored(base_dir, run_id: str) -> list[str]:
    """The event types in the run's file, as another process (a stock reader) sees them."""
    reader = SqliteEventLogStorage(str(base_dir / "history" / "runs"))
    try:
        return [r.event_log_entry.dagster_event_type.value for r in reader.get_records_for_run(run_id).records]
    finally:
        reader.dispose()


def test_deferred_events_are_written_before_the_next_other_event_or_any_read(events, tmp_path):
    base = tmp_path / "pooled"
    storage = PooledSqliteStorage.from_local(str(base)).event_log_storage
    run_id = events[0].run_id
    kinds = [e.dagster_event_type.value for e in events]
    step_end = kinds.index("STEP_SUCCESS")
    first_deferred = next(i for i, e in enumerate(events) if e.dagster_event_type in DEFERRED)
    for event in events[:first_deferred + 1]:
        storage.store_event(event)
    assert _stored(base, run_id) == kinds[:first_deferred]  # held in memory for now
    assert [r.event_log_entry.dagster_event_type.value for r in storage.get_records_for_run(run_id).records] \
        == kinds[:first_deferred + 1]  # a read here writes it first
    assert _stored(base, run_id) == kinds[:first_deferred + 1]
    for event in events[first_deferred + 1:step_end]:
        storage.store_event(event)
    assert kinds[step_end - 1] in {t.value for t in DEFERRED}
    storage.store_event(events[step_end])  # the step's end writes what came before it, then itself
    assert _stored(base, run_id) == kinds[:step_end + 1]
    for event in events[step_end + 1:]:
        storage.store_event(event)
    storage.dispose()
    assert _stored(base, run_id) == kinds
