"""The generic generator serves every table of the model with rows the database would accept."""

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.generation.generic import generate_generic
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.helpers import (
    dtype_problems,
    fill_all,
    fill_problems,
    frame_problems,
    generate_all,
    settings,
)


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problems:\n" + "\n".join(problems[:50])


def test_every_table_is_generated(seeded):
    _, frames = seeded
    assert set(frames) == set(TABLES)
    assert not [t for t, f in frames.items() if f.empty]


def test_frames_obey_the_schema_and_their_parents(seeded):
    chosen, frames = seeded
    problems = [p for table in frames for p in frame_problems(table, frames, chosen)]
    assert not problems, _report(problems)


def test_frames_follow_the_dtype_conventions(seeded):
    _, frames = seeded
    problems = [p for table, frame in frames.items() for p in dtype_problems(table, frame)]
    assert not problems, _report(problems)


def test_deferred_references_fill_from_their_targets(seeded):
    chosen, frames = seeded
    problems = [p for ref, filled in fill_all(chosen, frames).items() for p in fill_problems(ref, filled, frames)]
    assert not problems, _report(problems)


def test_same_settings_give_the_same_frames():
    first, second = generate_all(settings("light"), generate_generic), generate_all(settings("light"), generate_generic)
    for table in TABLES:
        pd.testing.assert_frame_equal(first[table], second[table], obj=table)


def test_another_seed_gives_other_frames():
    first = generate_all(settings("light"), generate_generic)
    other = generate_all(settings("light", 7), generate_generic)
    same = [t for t in TABLES if first[t].shape == other[t].shape and first[t].equals(other[t])]
    assert not same


def test_composite_keys_shrink_to_the_combinations_parents_offer():
    roles = pd.DataFrame({"id": np.arange(1, 3, dtype=np.int64)})
    permissions = pd.DataFrame({"id": np.arange(1, 4, dtype=np.int64)})
    ctx = GenerationContext.for_table("role_permissions", settings("full"))
    frame = generate_generic(ctx, {"roles": roles, "permissions": permissions})
    assert len(frame) == 6
    assert not frame[["role_id", "permission_id"]].duplicated().any()


def test_polymorphic_null_targets_only_where_the_id_may_be_null(seeded):
    _, frames = seeded
    alerts = frames["alert_configurations"]
    assert alerts.loc[alerts["target_type"] == "GLOBAL", "target_id"].isna().all()
    assert "TEAM" not in set(frames["calendar_event_permissions"]["grant_type"])


def test_self_references_point_at_some_earlier_rows(seeded):
    _, frames = seeded
    orders = frames["orders"]
    assert orders["converted_from_order_id"].notna().any()
    assert pd.isna(orders.loc[0, "converted_from_order_id"])


def test_a_missing_parent_is_named():
    ctx = GenerationContext.for_table("subcategories", settings())
    with pytest.raises(KeyError, match="categories"):
        generate_generic(ctx, {})


# the database's size, by scenario: full 4,400 orders (low hundreds of thousands of rows), light 50 orders
# (a few thousand); and each scenario's own orders exactly
SIZE = {"full": (4_400, 100_000, 300_000), "light": (50, 2_000, 20_000)}


def test_each_scenario_has_its_orders_and_its_size(seeded):
    chosen, frames = seeded
    orders, low, high = SIZE[chosen.scenario]
    assert len(frames["orders"]) == orders
    assert low < sum(len(f) for f in frames.values()) < high
