"""The pricing engine against cases computed by hand from TERP's ``server/pricingEngine.ts``:
rules highest priority first, a price range as one condition, tags looked up in the item's list."""

import pandas as pd
import pytest

from seed_pipeline.business.commercial.pricing import apply_rules

ITEMS = pd.DataFrame({
    "basePrice": [5.0, 15.0, 25.0],
    "category": ["Flower", "Flower", "Vape"],
    "tags": [["sale"], [], None],
})


def rule(conditions, kind="PERCENT_MARKDOWN", value=10, logic="AND", priority=0, rule_id=1):
    return {"id": rule_id, "name": f"rule {rule_id}", "adjustment_type": kind, "adjustment_value": value,
            "conditions": conditions, "logic_type": logic, "priority": priority}


@pytest.mark.parametrize("conditions, logic, prices", [
    # one check for the range: under OR it still selects only 10 <= price <= 20
    ({"priceMin": 10, "priceMax": 20}, "OR", [5.0, 13.5, 25.0]),
    ({"priceMin": 10, "priceMax": 20}, "AND", [5.0, 13.5, 25.0]),
    ({"priceMax": 20}, "AND", [4.5, 13.5, 25.0]),
    ({"priceMin": "20"}, "AND", [5.0, 15.0, 22.5]),  # numeric text, as JavaScript compares it
    # the range OR a category: Flower, or priced 20 to 30
    ({"category": "Flower", "priceMin": 20, "priceMax": 30}, "OR", [4.5, 13.5, 22.5]),
    ({"category": "Flower", "priceMin": 10}, "AND", [5.0, 13.5, 25.0]),
    ({"tag": "sale"}, "AND", [4.5, 15.0, 25.0]),
    ({"tag": "sale", "category": "Vape"}, "OR", [4.5, 15.0, 22.5]),
    ({"strain": "Blue Dream"}, "AND", [5.0, 15.0, 25.0]),  # a field the items lack matches none
    ({}, "AND", [5.0, 15.0, 25.0]),  # no condition: no match
])
def test_conditions_select_as_terps_matches_conditions(conditions, logic, prices):
    assert apply_rules(ITEMS, [rule(conditions, logic=logic)])["retailPrice"].tolist() == prices


def test_rules_apply_highest_priority_first_and_never_below_zero():
    rules = [rule({"priceMin": 0}, kind="DOLLAR_MARKDOWN", value=10, priority=1, rule_id=2),
             rule({"priceMin": 0}, kind="PERCENT_MARKUP", value=100, priority=5, rule_id=1)]
    priced = apply_rules(ITEMS, rules)
    # 5 -> 10 -> 0; 15 -> 30 -> 20; 25 -> 50 -> 40
    assert priced["retailPrice"].tolist() == [0.0, 20.0, 40.0]
    assert priced["priceMarkup"].tolist() == [-100.0, 33.33, 60.0]
    assert [[a["ruleId"] for a in applied] for applied in priced["appliedRules"]] == [[1, 2]] * 3
