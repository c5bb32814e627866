"""Following a newer TERP, without seeding: where its new tables go and how many rows they get, which
enum value replaces one the database dropped, and the shared model untouched: a followed model is an
object of its own."""

import pytest

from seed_pipeline.errors import UserInputError
from seed_pipeline.graph import GROUP_OF, build_graph
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.model import shared, using
from seed_pipeline.scenarios.volumes import VOLUMES, Fixed, Per
from seed_pipeline.schema import TABLES, references
from seed_pipeline.schema.follow import followed_model, nearest_allowed
from seed_pipeline_tests.schema import drifted
from seed_pipeline_tests.schema.test_schema_diff import build

SYSTEM, CORE = "system_defaults", "core"
# worked out by hand from drifted.NEW_TABLES: the latest phase of a table's parents, none: system defaults
GROUPS = {
    "vehicles": SYSTEM, "delivery_routes": SYSTEM, "delivery_stops": CORE, "loyalty_programs": SYSTEM,
    "loyalty_members": CORE, "loyalty_points": CORE, "compliance_licenses": CORE, "compliance_audits": CORE,
    "lab_results": CORE, "lab_result_files": CORE, "price_tiers": SYSTEM, "price_tier_items": CORE,
    "return_reasons": SYSTEM, "return_authorizations": CORE, "warehouse_zones": SYSTEM, "zone_assignments": CORE,
    "sales_territories": SYSTEM, "territory_clients": CORE, "notification_channels": SYSTEM,
    "notification_deliveries": SYSTEM, "integration_webhooks": SYSTEM, "integration_events": SYSTEM,
    "client_referrals": CORE,
}
# one row per row of the latest NOT NULL parent placed before the table; vehicles opens the cycle
VOLUME_SPECS = {
    "vehicles": Fixed(10), "price_tiers": Fixed(10), "return_reasons": Fixed(10), "warehouse_zones": Fixed(10),
    "delivery_routes": Per("vehicles"), "delivery_stops": Per("orders"), "loyalty_points": Per("loyalty_members"),
    "client_referrals": Per("clients"), "compliance_licenses": Per("vendors"), "lab_result_files": Per("lab_results"),
}


@pytest.fixture
def newer(sqlite_url):
    build("sqlite", sqlite_url, drifted.newer())
    return SeedDatabase(url=sqlite_url).live_schema()


def test_new_tables_are_placed_after_their_parents(newer):
    model_orders = TABLES["orders"]
    model = followed_model(*newer)
    assert model.followed.new == GROUPS
    assert model.followed.changed == sorted({t for t, *_ in drifted.NEWER_COLUMNS + drifted.REMOVED_COLUMNS + drifted.RETYPED}
                                            | {t for t, *_ in drifted.ENUM_EDITS} | {drifted.NEW_FOREIGN_KEY[0], "paymentHistory"})
    assert {t: model.volumes[t] for t in VOLUME_SPECS} == VOLUME_SPECS
    with using(model):
        graph = build_graph()
        assert graph is model.graph
        assert [str(r) for r in graph.deferred if r.table in GROUPS] == [
            "vehicles.home_route_id -> delivery_routes.id (declared)"]
        assert graph.order.index("vehicles") < graph.order.index("delivery_routes") < graph.order.index("delivery_stops")
        lines = [r for r in references() if r.table == "order_line_items" and r.column == "order_id"]
        assert [r.kind for r in lines] == ["declared"]  # the logical reference TERP now declares, taken once
        assert "notes" not in TABLES["orders"].c and TABLES["orders"].c.channel.nullable is False
    assert TABLES["orders"] is model_orders and not set(GROUPS) & (set(TABLES) | set(GROUP_OF) | set(VOLUMES))


def foreign_key_targets() -> dict:
    return {(t.name, fk.parent.name): fk.column for t in TABLES.values() for fk in t.foreign_keys}


def test_following_leaves_the_shared_model_as_it_was(newer):
    before, targets, refs, graph = dict(TABLES), foreign_key_targets(), references(), build_graph()
    model = followed_model(*newer)
    assert model.metadata is not shared().metadata and not set(model.tables.values()) & set(before.values())
    with using(model):
        assert len(TABLES) == len(before) + len(GROUPS) and build_graph() is not graph
    assert dict(TABLES) == before and references() is refs and build_graph() is graph
    # every foreign key points at the model's own column, so the schema is created parents first
    assert all(foreign_key_targets()[key] is column for key, column in targets.items())
    assert all(column.table is TABLES[column.table.name] for column in targets.values())


@pytest.mark.parametrize("model, allowed, expected", [
    (["DRAFT", "SENT", "VIEWED", "ACCEPTED"], ["DRAFT", "SENT", "ACCEPTED"], {"VIEWED": "SENT"}),
    (["A", "B", "C", "D"], ["D", "X"], {"A": "D", "B": "D", "C": "D"}),
    (["A", "B", "C", "D"], ["B", "D"], {"A": "B", "C": "B"}),  # equally near: the state before
    (["A", "B"], ["A", "B", "C"], {}),
])
def test_a_dropped_enum_value_becomes_the_nearest_allowed(model, allowed, expected):
    assert nearest_allowed(model, allowed, "t.c") == expected


def test_no_value_in_common_is_refused_naming_both():
    with pytest.raises(UserInputError, match=r"^t\.c: the model writes A, B; the database allows only X, Y: "):
        nearest_allowed(["A", "B"], ["X", "Y"], "t.c")

