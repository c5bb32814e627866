"""The asset graph is the model's reference graph: every reference is an edge, a deferred fill or a self-reference."""

from pathlib import Path

from seed_pipeline.checks.document import render_checks_md
from seed_pipeline.contract.document import render_contract_md
from seed_pipeline.definitions import defs
from seed_pipeline.graph import GROUP_OF, PHASES, build_graph
from seed_pipeline.graph.document import render_tables_md
from seed_pipeline.schema import TABLES, references

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_every_reference_is_accounted_for_once():
    graph = build_graph()
    accounted = list(graph.edges) + list(graph.deferred) + list(graph.self_references)
    assert sorted(map(str, accounted)) == sorted(map(str, references()))


def test_order_puts_every_parent_first():
    graph = build_graph()
    position = {t: i for i, t in enumerate(graph.order)}
    assert sorted(position) == sorted(TABLES)
    for table in TABLES:
        for parent in graph.parents(table):
            assert position[parent] < position[table], (parent, table)


def test_deferred_references_are_nullable_and_point_forward_or_close_a_cycle():
    graph = build_graph()
    phase = {g: i for i, g in enumerate(PHASES)}
    for ref in graph.deferred:
        assert ref.nullable, ref
        forward = phase[GROUP_OF[ref.target]] > phase[GROUP_OF[ref.table]]
        # otherwise the target (transitively) depends on the source already
        assert forward or ref.table in _ancestors(graph, ref.target), ref
    for ref in graph.edges:
        assert phase[GROUP_OF[ref.target]] <= phase[GROUP_OF[ref.table]], ref


def _ancestors(graph, table, seen=None):
    seen = set() if seen is None else seen
    for parent in {r.target for r in graph.edges if r.table == table}:
        if parent not in seen:
            seen.add(parent)
            _ancestors(graph, parent, seen)
    return seen


def test_asset_graph_equals_dependency_graph():
    graph = build_graph()
    asset_graph = defs.resolve_asset_graph()
    keys = asset_graph.get_all_asset_keys()
    assert sorted(k.path[-1] for k in keys) == sorted(TABLES)
    for key in keys:
        table = key.path[-1]
        node = asset_graph.get(key)
        assert sorted(p.path[-1] for p in node.parent_keys) == sorted(graph.parents(table)), table
        assert node.group_name == GROUP_OF[table]
    assert len({asset_graph.get(k).group_name for k in keys}) == 6


def test_jobs_cover_the_graph_and_each_phase():
    names = {job.name for job in defs.resolve_all_job_defs()}
    phases = [f"seed_{n}_{g}" for n, g in enumerate(PHASES, 1)]
    assert {"seed_all", "seed_all_parallel", "verify_expectations", *phases} <= names
    assert sorted(phases) == phases  # listed alphabetically, the UI shows them in the order they run


def test_seeding_runs_the_seed_checks_and_the_expectation_suites_have_their_own_job():
    graph = defs.resolve_asset_graph()
    seeding = defs.resolve_job_def("seed_all").asset_layer.asset_graph.asset_check_keys
    suites = defs.resolve_job_def("verify_expectations").asset_layer.asset_graph.asset_check_keys
    assert len(suites) == 120 and all(k.name.endswith("_expectations") for k in suites)
    assert not any(k.name.endswith("_expectations") for k in seeding)
    assert len(seeding) + len(suites) == len(graph.asset_check_keys)


def test_generated_docs_match_the_code():
    for name, render in (("tables.md", render_tables_md), ("checks.md", render_checks_md),
                         ("contract.md", render_contract_md)):
        doc = PROJECT_ROOT / "docs" / name
        assert doc.read_text() == render(), f"docs/{name} is stale: run `seed-pipeline docs`"
