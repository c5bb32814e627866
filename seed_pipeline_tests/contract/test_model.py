"""The contract's two promises on hand-made values: a shape refuses what TERP could not read; states need their history."""

import json

import pytest
from pydantic import ValidationError

from seed_pipeline.contract import JSON_COLUMNS, STATE_COLUMNS
from seed_pipeline.contract.model import JsonColumn, Shape, StateColumn
from seed_pipeline.schema import TABLES


class Item(Shape):
    productId: int
    quantity: float
    note: str | None = None


ITEMS = JsonColumn("orders", "items", Item, ("server/ordersDb.ts",))


def test_values_are_plain_json_without_absent_optionals():
    rows = ITEMS.values([[{"productId": 3, "quantity": 2}], None, [Item(productId=1, quantity=0.5, note="x")]])
    assert rows == [[{"productId": 3, "quantity": 2.0}], None, [{"productId": 1, "quantity": 0.5, "note": "x"}]]


@pytest.mark.parametrize("bad", [[{"productId": 3}], [{"productId": 3, "quantity": 1, "batchCode": "B"}], {"productId": 1, "quantity": 1}])
def test_values_refuse_what_terp_could_not_read(bad):
    with pytest.raises(ValidationError):
        ITEMS.values([bad])


def test_invalid_names_exactly_the_unreadable_stored_values():
    stored = [json.dumps([{"productId": 1, "quantity": 1}]), None, "[{\"productId\": \"x\"}]", "not json",
              [{"productId": 2, "quantity": 3}], json.dumps({"productId": 1, "quantity": 1})]
    assert ITEMS.invalid(stored) == [2, 3, 5]


def test_blocks_validate_and_name_positions_as_one_call_would(monkeypatch):
    """Validated two values at a time, the values and the positions named are those of the whole column."""
    monkeypatch.setattr("seed_pipeline.contract.model.VALIDATED_AT_ONCE", 2)
    good = [{"productId": 1, "quantity": 1}]
    stored = [json.dumps(good), "[{\"productId\": \"x\"}]", None, json.dumps(good), json.dumps(good),
              "[{\"quantity\": 1}]", "[]", json.dumps({"productId": 1, "quantity": 1})]
    assert ITEMS.invalid(stored) == [1, 5, 7]
    rows = ITEMS.values([good, None, [], [{"productId": 2, "quantity": 3, "note": "n"}], good])
    assert rows == [[{"productId": 1, "quantity": 1.0}], None, [], [{"productId": 2, "quantity": 3.0, "note": "n"}],
                    [{"productId": 1, "quantity": 1.0}]]
    with pytest.raises(ValidationError):
        ITEMS.values([good, good, good, [{"productId": 3}]])  # the bad value in the second block


def test_a_state_is_required_once_the_history_can_hold_it():
    bills = StateColumn("bills", "status", {"PENDING": "AP", "OVERDUE": "AP aging"}, min_months={"OVERDUE": 2})
    assert bills.required(1) == ["PENDING"]
    assert bills.required(2) == ["PENDING", "OVERDUE"]


def test_every_contract_names_a_real_column_and_its_reader():
    for (table, column), spec in {**JSON_COLUMNS, **STATE_COLUMNS}.items():
        assert column in TABLES[table].c, f"{table}.{column} is not in the model"
    for spec in JSON_COLUMNS.values():
        assert spec.read_by, f"{spec.table}.{spec.column} names no TERP reader"
