"""Before a reseed writes: the seeded rows it gives up that users' rows point at, directly or through
a seeded row that would go with them; refused with the list, or handed over to the users' side."""

import pytest

from seed_pipeline.loaders import SeedDatabase, SeedDatabaseError
from seed_pipeline_tests.loaders import samples
from seed_pipeline_tests.loaders.samples import PROVENANCE, insert, snapshot

SHRINK = {"clients": 2, "orders": 3}  # the new settings: one client fewer, as many orders


@pytest.fixture
def seeded(terp_url) -> str:
    """Three seeded clients and orders, order 1 of client 3; a user's order line on order 1 (logical)
    and a user's order of client 2 (declared)."""
    db = SeedDatabase(url=terp_url)
    db.write_table("users", samples.users(), PROVENANCE)
    db.write_table("clients", samples.clients(), PROVENANCE)
    db.write_table("orders", samples.orders([3, 1, 2]), PROVENANCE)
    insert(terp_url, "order_line_items", id=100, order_id=1, batch_id=1, quantity=1, cogs_per_unit=1,
           original_cogs_per_unit=1, margin_percent=0, margin_dollar=0, margin_source="MANUAL", unit_price=1, line_total=1)
    insert(terp_url, "orders", id=100, order_number="APP-ORD", orderType="SALE", items="[]", subtotal=1, total=1,
           paymentTerms="COD", created_by=1, client_id=2)
    return terp_url


def test_a_row_that_would_go_with_a_given_up_parent_is_listed_and_nothing_changes(seeded):
    before = snapshot(seeded, ["clients", "orders", "order_line_items"])
    with pytest.raises(SeedDatabaseError) as caught:
        SeedDatabase(url=seeded).give_up(SHRINK)
    assert "order_line_items 100 (order_id -> orders 1)" in str(caught.value) and "\n" not in str(caught.value)
    assert snapshot(seeded, ["clients", "orders", "order_line_items"]) == before  # the bookkeeping too


def test_nothing_given_up_is_pointed_at_when_the_counts_stay(seeded):
    assert SeedDatabase(url=seeded).give_up({"clients": 3, "orders": 3}) == {}


def test_keeping_hands_over_the_given_up_parent_only(seeded):
    keeping = SeedDatabase(url=seeded, keep_referenced_rows=True)
    assert keeping.give_up(SHRINK) == {"clients": 1}  # client 3, whose removal would take order 1 along
    records = keeping.records()
    assert records["clients"].ids().tolist() == [1, 2] and records["orders"].ids().tolist() == [1, 2, 3]
    assert records["clients"].row_count == 2
    client_3 = [r for r in snapshot(seeded, ["clients"])["clients"] if r.id == 3]
    lines = snapshot(seeded, ["order_line_items"])["order_line_items"]
    keeping.write_table("clients", samples.clients(n=2, text=["a", "b"]), PROVENANCE)  # now nothing to refuse
    assert [r for r in snapshot(seeded, ["clients"])["clients"] if r.id == 3] == client_3
    assert snapshot(seeded, ["order_line_items"])["order_line_items"] == lines
    assert keeping.read_table("clients")["id"].tolist() == [1, 2]


def test_the_refusal_names_five_rows_and_counts_the_rest(seeded):
    for i in range(101, 107):  # six users' orders of client 3, with the line on order 1: seven rows
        insert(seeded, "orders", id=i, order_number=f"APP-ORD-{i}", orderType="SALE", items="[]", subtotal=1, total=1,
               paymentTerms="COD", created_by=1, client_id=3)
    with pytest.raises(SeedDatabaseError) as caught:
        SeedDatabase(url=seeded).give_up(SHRINK)
    message = str(caught.value)
    assert message.count("(client_id -> clients 3)") + message.count("(order_id -> orders 1)") == 5
    assert "; and 2 more;" in message
