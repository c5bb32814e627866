"""Pricing, matchmaking, samples, sales sheets and the live catalog follow the core history.

Prices are recomputed here by hand from the rule rows (cost x markup x concession), not with the
pricing engine the generators use; everything else is read back from the generated frames.
"""

import json

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business.commercial import commercial
from seed_pipeline.business.commercial.pricing import apply_rules
from seed_pipeline.business.history import core_history
from seed_pipeline.contract.commercial import STATES
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline_tests.helpers import END_DATE, fill_all, generate_all, shared_frames, tables_problems

COMMERCIAL = ("pricing_rules", "pricing_profiles", "client_price_alerts", "vendor_supply", "client_needs", "match_records",
              "sampleRequests", "sampleAllocations", "sample_inventory_log", "client_interest_lists",
              "client_interest_list_items", "client_draft_interests", "client_catalog_views", "sales_sheet_templates",
              "salesSheetVersions", "sales_sheet_history")
# references to what a row led to, which comes after it by nature
FORWARD = ("match_records.sale_order_id", "sampleRequests.relatedOrderId", "client_interest_lists.converted_to_order_id")


@pytest.fixture(scope="module", params=[("light", 42, END_DATE), ("light", 7, pd.Timestamp("2026-04-30").date()), ("full", 1, END_DATE)],
                ids=["light-42", "light-7-april", "full-1"])
def seeded(request):
    chosen = SeedSettings(request.param[0], request.param[1], 1.0, request.param[2])
    frames = shared_frames(chosen)
    for ref, values in fill_all(chosen, frames).items():
        frames[ref.table][ref.column] = values.reindex(frames[ref.table]["id"]).to_numpy()
    return chosen, frames


def _price(frames) -> pd.DataFrame:
    """Each client's price of each batch, by hand: cost times every percent rule of the client's profile."""
    rules = frames["pricing_rules"].set_index("id")
    factor = {}
    for pid, listed in zip(frames["pricing_profiles"]["id"], frames["pricing_profiles"]["rules"]):
        f = 1.0
        for r in listed:
            sign = 1 if rules.loc[r["ruleId"], "adjustment_type"] == "PERCENT_MARKUP" else -1
            f *= 1 + sign * rules.loc[r["ruleId"], "adjustment_value"] / 100
        factor[pid] = f
    return frames["clients"].set_index("id")["pricing_profile_id"].map(factor)


def _cost(frames) -> pd.Series:
    return frames["batches"].set_index("id")["unitCogs"].astype(float)


def test_frames_obey_the_model_and_their_references(seeded):
    chosen, frames = seeded
    problems = tables_problems(COMMERCIAL, frames, chosen)
    assert [p for p in problems if not any(f"{ref} ->" in p and "dated before" in p for ref in FORWARD)] == []


def test_every_counted_state_is_there(seeded):
    _, frames = seeded
    missing = {f"{s.table}.{s.column}": set(s.counted) - set(frames[s.table][s.column]) for s in STATES}
    assert {k: v for k, v in missing.items() if v} == {}


def test_the_pricing_engine_applies_rules_as_terp_does():
    rules = [{"id": 1, "name": "markup", "adjustment_type": "PERCENT_MARKUP", "adjustment_value": 50, "conditions": {"priceMin": 0}, "priority": 9},
             {"id": 2, "name": "off", "adjustment_type": "DOLLAR_MARKDOWN", "adjustment_value": 5, "conditions": {"grade": "A"}, "priority": 1},
             {"id": 3, "name": "never", "adjustment_type": "PERCENT_MARKDOWN", "adjustment_value": 90, "conditions": {"category": "Vapes", "grade": "A"},
              "logic_type": "AND", "priority": 5}]
    items = pd.DataFrame({"basePrice": [100.0, 10.0], "grade": ["A", "B"], "category": ["Flower", "Flower"]})
    priced = apply_rules(items, rules)
    assert priced["retailPrice"].tolist() == [145.0, 15.0]
    assert priced["priceMarkup"].tolist() == [45.0, 50.0]
    assert [[r["ruleId"] for r in a] for a in priced["appliedRules"]] == [[1, 2], [1]]


def test_every_client_has_its_tier_profile_and_profiles_give_the_prices_charged(seeded):
    _, frames = seeded
    clients = frames["clients"]
    names = frames["pricing_profiles"].set_index("id")["name"]
    assert clients["pricing_profile_id"].notna().all()
    tier = clients["pricing_profile_id"].map(names)
    whales = clients["tags"].map(lambda t: "whale" in t).astype(bool)
    assert (tier[whales] == "Key accounts").all() and (tier[~whales] != "Key accounts").all()
    lines = frames["order_line_items"].merge(frames["orders"][["id", "client_id"]], left_on="order_id", right_on="id")
    expected = _cost(frames).reindex(lines["batch_id"]).to_numpy() * _price(frames).reindex(lines["client_id"]).to_numpy()
    # by client id, not row position: a line of client 10 is priced by client 10's profile
    ratio = pd.Series(lines["unit_price"].to_numpy() / expected).groupby(tier.set_axis(clients["id"]).reindex(lines["client_id"]).to_numpy())
    assert (ratio.median() - 1).abs().max() < 0.02
    assert ratio.quantile(0.05).min() > 0.9 and ratio.quantile(0.95).max() < 1.1


def test_matches_are_of_the_same_goods_and_sales_follow_them(seeded):
    _, frames = seeded
    m = frames["match_records"].merge(frames["client_needs"], left_on="client_need_id", right_on="id", suffixes=("", "_need"))
    assert (m["client_id"] == m["client_id_need"]).all()
    goods = frames["batches"].merge(frames["products"], left_on="productId", right_on="id", suffixes=("", "_p"))
    on_batch = m[m["inventory_batch_id"].notna()].merge(goods, left_on="inventory_batch_id", right_on="id", suffixes=("", "_b"))
    assert (on_batch["strainId"] == on_batch["strainId_b"]).all() and (on_batch["grade"] == on_batch["grade_b"]).all()
    assert (on_batch["category"] == on_batch["category_b"]).all()
    offers = m[m["vendor_supply_id"].notna()].merge(frames["vendor_supply"], left_on="vendor_supply_id", right_on="id", suffixes=("", "_o"))
    assert len(offers) and (offers[["strain", "category", "grade"]].to_numpy() == offers[["strain_o", "category_o", "grade_o"]].to_numpy()).all()
    sold = m[m["resulted_in_sale"]].merge(frames["orders"], left_on="sale_order_id", right_on="id", suffixes=("", "_order"))
    assert len(sold) and (sold["client_id_order"] == sold["client_id"]).all()
    assert (sold["created_at"] < sold["created_at_order"]).all() and (sold["created_at_need"] < sold["created_at"]).all()
    named = frames["orders"][frames["orders"]["client_need_id"].notna()]
    assert sorted(named["id"]) == sorted(sold["sale_order_id"])
    assert set(m["match_type"]) == {"EXACT", "CLOSE", "HISTORICAL"}
    assert ((m["match_type"] == "EXACT") == (m["confidence_score"] >= 80))[m["match_type"] != "HISTORICAL"].all()


def test_sample_stock_is_what_batches_set_aside_and_requests_took(seeded):
    _, frames = seeded
    log, batches = frames["sample_inventory_log"], frames["batches"].set_index("id")
    per = log.pivot_table(index="batch_id", columns="action", values="quantity", aggfunc="sum", fill_value=0.0)
    aside = (per["ALLOCATED"] - per["RELEASED"]).reindex(batches.index, fill_value=0.0)
    assert np.allclose(aside, batches["sampleQty"].astype(float), atol=0.005)
    assert (per["CONSUMED"] <= (per["ALLOCATED"] - per["RELEASED"]) + 1e-6).all()
    req = frames["sampleRequests"]
    done = req[req["sampleRequestStatus"] == "FULFILLED"]
    handed = pd.Series({p["productId"]: 0.0 for ps in done["products"] for p in ps})
    for ps in done["products"]:
        for p in ps:
            handed[p["productId"]] += float(p["quantity"])
    consumed = log[log["action"] == "CONSUMED"].assign(product=lambda x: batches["productId"].reindex(x["batch_id"]).to_numpy())
    assert np.allclose(consumed.groupby("product")["quantity"].sum().reindex(handed.index), handed, atol=0.005)
    allowance = frames["sampleAllocations"]
    assert np.allclose(allowance["allocatedQuantity"].astype(float) - allowance["usedQuantity"].astype(float),
                       allowance["remainingQuantity"].astype(float), atol=0.005)
    assert (allowance["remainingQuantity"].astype(float) >= 0).all()


def test_samples_that_led_to_orders_came_first(seeded):
    _, frames = seeded
    req = frames["sampleRequests"]
    led = req[req["relatedOrderId"].notna()].merge(frames["orders"], left_on="relatedOrderId", right_on="id", suffixes=("", "_o"))
    assert len(led) and (led["fulfilledDate"] < led["created_at"]).all() and (led["clientId"] == led["client_id"]).all()
    assert (led["related_sample_request_id"] == led["id"]).all()
    lines = frames["order_line_items"].merge(frames["batches"], left_on="batch_id", right_on="id")
    bought = lines.groupby("order_id")["productId"].agg(set)
    assert all(p[0]["productId"] in bought[o] for p, o in zip(led["products"], led["relatedOrderId"]))


def test_sheets_and_lists_are_priced_by_the_client_profile_in_time_order(seeded):
    _, frames = seeded
    price, cost = _price(frames), _cost(frames)
    arrived = frames["batches"].set_index("id")["createdAt"]
    for sheet in frames["sales_sheet_history"].itertuples():
        expected = [round(cost[i["id"]] * price[sheet.client_id], 2) for i in sheet.items]
        assert np.allclose([i["retailPrice"] for i in sheet.items], expected, atol=0.011)
        assert all(arrived[i["id"]] < sheet.created_at for i in sheet.items)
        assert sheet.total_value == pytest.approx(sum(i["retailPrice"] for i in sheet.items), abs=0.011)
    items = frames["client_interest_list_items"].merge(frames["client_interest_lists"], left_on="interest_list_id", right_on="id")
    expected = cost.reindex(items["batch_id"]).to_numpy() * price.reindex(items["client_id"]).to_numpy()
    assert np.allclose(items["price_at_interest"], expected, atol=0.011)
    lists = frames["client_interest_lists"].merge(frames["orders"], left_on="converted_to_order_id", right_on="id", suffixes=("", "_o"))
    assert len(lists) and (lists["submitted_at"] < lists["created_at_o"]).all() and (lists["client_id"] == lists["client_id_o"]).all()


def test_template_versions_tell_how_the_selection_changed(seeded):
    _, frames = seeded
    versions, templates = frames["salesSheetVersions"], frames["sales_sheet_templates"].set_index("id")
    for tid, v in versions.groupby("templateId"):
        assert v["versionNumber"].tolist() == list(range(1, len(v) + 1)) and v["createdAt"].is_monotonic_increasing
        assert templates.loc[tid, "current_version"] == len(v)
        assert json.dumps(templates.loc[tid, "selected_items"]) == json.dumps(v["selected_items"].iloc[-1])
        for before, after, told in zip(v["selected_items"].iloc[:-1], v["selected_items"].iloc[1:], v["changes"].iloc[1:]):
            added = {i["id"] for i in after} - {i["id"] for i in before}
            assert bool(added) == told.startswith("Added")


def test_same_settings_give_the_same_tables_and_another_seed_others():
    chosen = SeedSettings("light", 5, 1.0, END_DATE)
    first = generate_all(chosen)
    commercial.cache_clear()
    core_history.cache_clear()
    again = generate_all(chosen)
    other = generate_all(SeedSettings("light", 6, 1.0, END_DATE))
    for table in COMMERCIAL:
        pd.testing.assert_frame_equal(first[table], again[table], obj=table)
    # even the rules differ: each tier's concession is what that seed's clients were charged
    assert [t for t in COMMERCIAL if first[t].equals(other[t])] == []
