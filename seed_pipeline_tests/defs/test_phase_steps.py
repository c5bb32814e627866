"""The phase steps: each table is still its own asset with its checks; a failed blocking check stops
only what is built on its table; a check reading a later phase runs after it; re-materialising
identical data leaves the children fresh."""

import dagster as dg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from dagster._core.definitions.assets.graph.asset_graph import AssetGraph
from dagster._core.definitions.reconstruct import ReconstructableRepository
from dagster._core.definitions.data_version import CachingStaleStatusResolver, StaleStatus
from dagster._core.loader import LoadingContextForTest

from seed_pipeline.checks.catalog import Check, Outcome
from seed_pipeline.defs.assets import table_assets
from seed_pipeline.defs.jobs import seed_check_keys
from seed_pipeline.defs.settings import SeedSettingsResource
from seed_pipeline.definitions import defs
from seed_pipeline.graph import PHASES, build_graph
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline_tests.dbtools import fingerprint
from seed_pipeline_tests.shared import PROJECT_ROOT

END = "2026-10-31"
FIRST_TWO = dg.AssetSelection.groups("system_defaults", "core")


def _seed(url: str, checks, selection, instance):
    SeedDatabase(url=url).ensure_schema()
    return dg.materialize(
        table_assets(checks),
        selection=selection,
        instance=instance,
        resources={"database": SeedDatabase(url=url), "seed_settings": SeedSettingsResource(scenario="light", end_date=END)},
        raise_on_error=False,
    )


def _materialised(result) -> set[str]:
    return {e.asset_key.path[-1] for e in result.get_asset_materialization_events()}


def _count(url: str, table: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


def test_a_failed_blocking_check_stops_only_the_tables_built_on_its_table(sqlite_url):
    refuse = Check("clients_refused", "clients", (), True, "always fails", lambda conn, s: Outcome(False, {}, ("no",)))
    with dg.DagsterInstance.ephemeral() as instance:
        result = _seed(sqlite_url, [refuse], FIRST_TWO, instance)
        evaluations = [e.event_specific_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert not result.success
    assert [(e.check_name, e.passed) for e in evaluations] == [("clients_refused", False)]
    core = set(PHASES["core"])
    blocked = build_graph().descendants({"clients"})
    assert _materialised(result) == set(PHASES["system_defaults"]) | (core - blocked)
    assert {"orders", "invoices"} <= blocked and "vendors" not in blocked
    assert _count(sqlite_url, "orders") == 0 and _count(sqlite_url, "vendors") > 0


def test_a_check_reading_a_later_phase_runs_in_its_own_step_after_that_phase(sqlite_url):
    def orders_seen(conn, settings):
        return Outcome(True, {"orders": conn.execute(sa.text("SELECT count(*) FROM orders")).scalar_one()})

    late = Check("users_see_orders", "users", ("orders",), False, "reads a later phase", orders_seen)
    with dg.DagsterInstance.ephemeral() as instance:
        result = _seed(sqlite_url, [late], FIRST_TWO, instance)
    assert result.success
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.check_name == "users_see_orders" and evaluation.passed
    assert evaluation.metadata["orders"].value == _count(sqlite_url, "orders") > 0
    steps = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SUCCESS"}
    assert steps == {"system_defaults_tables", "core_tables", "checks_after_core"}


@pytest.mark.parametrize("table, child", [("lots", "batches"), ("users", "user_roles")])
def test_rematerialising_identical_data_keeps_the_version_and_the_children_fresh(sqlite_url, table, child):
    with dg.DagsterInstance.ephemeral() as instance:
        first = _seed(sqlite_url, None, FIRST_TWO, instance)
        again = _seed(sqlite_url, None, dg.AssetSelection.assets(table), instance)
        assert first.success and again.success and _materialised(again) == {table}
        records = instance.fetch_materializations(dg.AssetKey(table), limit=5).records
        versions = {r.asset_materialization.tags["dagster/data_version"] for r in records}
        assert len(records) == 2 and len(versions) == 1
        graph = AssetGraph.from_assets(table_assets())
        stale = CachingStaleStatusResolver(instance, graph, LoadingContextForTest(instance))
        assert stale.get_status(dg.AssetKey(child)) == StaleStatus.FRESH


def test_a_phase_whose_upstream_is_not_seeded_names_the_job_to_run_first(sqlite_url):
    with dg.DagsterInstance.ephemeral() as instance:
        result = _seed(sqlite_url, [], dg.AssetSelection.groups("core"), instance)
    assert not result.success and _materialised(result) == set()
    [failure] = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert "run seed_1_system_defaults first" in failure.event_specific_data.error.message


def test_each_run_shows_its_target_without_the_password(pg_terp_url):
    url = make_url(pg_terp_url).set(password="s3cret").render_as_string(hide_password=False)
    with dg.DagsterInstance.ephemeral() as instance:
        result = _seed(url, [], dg.AssetSelection.groups("system_defaults"), instance)
        tags = instance.get_run_by_id(result.run_id).tags
    assert result.success
    assert tags["seed_pipeline/database"] == make_url(url).render_as_string(hide_password=True)
    assert "s3cret" not in str(tags) and ":***@" in tags["seed_pipeline/database"]


def test_phase_steps_in_subprocesses_write_what_the_in_process_seed_writes(sqlite_terp_url, seeded_sqlite, tmp_path):
    """seed_all_parallel: each step in its own process reads its parents back from the database; two
    phases that need only the core run at the same time."""
    tables = sorted(PHASES["system_defaults"] + PHASES["core"] + PHASES["phase1_ux"] + PHASES["phase4_polish"])
    keys = {dg.AssetKey(t) for t in tables}
    checks = seed_check_keys(defs.resolve_asset_graph(), keys)
    job = ReconstructableRepository.for_module("seed_pipeline.definitions", "defs", str(PROJECT_ROOT)
                                               ).get_reconstructable_job("seed_all_parallel"
                                                                         ).get_subset(asset_selection=keys, asset_check_selection=checks)
    run_config = {"resources": {"database": {"config": {"url": sqlite_terp_url}},
                                "seed_settings": {"config": {"scenario": "light", "end_date": END}}}}
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        # not entered: that would set up the resources again after the run, whose lock is then free
        result = dg.execute_job(job, instance, run_config=run_config)
        assert result.success
        steps = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SUCCESS"}
    assert steps == {"system_defaults_tables", "core_tables", "phase1_ux_tables", "phase4_polish_tables"}
    # a table with a column filled once a table of an unselected phase exists still lacks it here
    filled_later = {ref.table for ref in build_graph().deferred if ref.target not in tables}
    same = sorted(set(tables) - filled_later)
    assert len(same) > 60
    assert fingerprint(sqlite_terp_url, same) == fingerprint(f"sqlite:///{seeded_sqlite('light', 42, END)}", same)
