"""Every table has a row count, and the scenarios keep their promised sizes."""

import pytest

from seed_pipeline.scenarios import scenario
from seed_pipeline.scenarios.volumes import VOLUMES, rows, total_rows
from seed_pipeline.schema import TABLES


def test_every_table_has_a_volume_spec():
    assert sorted(set(TABLES) - set(VOLUMES)) == []
    assert sorted(set(VOLUMES) - set(TABLES)) == []


def test_an_unknown_table_is_named():
    with pytest.raises(KeyError, match="no_such_table"):
        rows("no_such_table", scenario("light"))


def test_business_volumes_follow_the_scenario():
    full = scenario("full")
    assert rows("users", full) == full.users
    assert rows("clients", full) == full.clients
    assert rows("orders", full) == full.orders
    assert rows("lots", full) == round(full.months * full.lots_per_month)
    assert rows("order_line_items", full) == round(full.orders * full.lines_per_order)
    assert rows("returns", scenario("light")) >= 1
    assert rows("locations", full) == 9


def test_proportional_tables_follow_the_actual_parent_sizes():
    assert rows("order_line_items", scenario("full"), {"orders": 10, "batches": 5}) == 30


def test_full_scenario_is_in_the_low_hundreds_of_thousands():
    assert 100_000 < total_rows(scenario("full")) < 300_000
    assert total_rows(scenario("full", 0.1)) < total_rows(scenario("full"))
