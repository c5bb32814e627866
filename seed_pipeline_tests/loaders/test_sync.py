"""Converging the tool's rows of one table on each engine: unique values that move between seeded
rows, composite-key rows the tool did not create, and removals that would reach users' rows."""

import pytest

from seed_pipeline.loaders import SeedDatabase, SeedDatabaseError
from seed_pipeline_tests.loaders import samples
from seed_pipeline_tests.loaders.samples import PROVENANCE, execute, insert, scalar, snapshot


@pytest.fixture
def db(terp_url) -> SeedDatabase:
    return SeedDatabase(url=terp_url)


def test_unique_values_may_move_between_seeded_rows(db):
    db.write_table("clients", samples.clients(), PROVENANCE)
    moved = samples.clients()
    moved["teri_code"] = moved["teri_code"].iloc[::-1].to_numpy()  # row 1 takes row 3's code and back
    db.write_table("clients", moved, PROVENANCE)
    assert db.read_table("clients")["teri_code"].tolist() == moved["teri_code"].tolist()


def test_numeric_unique_keys_may_move_between_seeded_rows(db):
    users = db.write_table("users", samples.users(), PROVENANCE).frame
    db.write_table("roles", samples.roles(), PROVENANCE)
    settings = lambda ids: samples.pd.DataFrame({"id": [1, 2], "user_id": ids})  # noqa: E731
    db.write_table("calendar_invitation_settings", settings([1, 2]), PROVENANCE)
    db.write_table("calendar_invitation_settings", settings([2, 1]), PROVENANCE)  # user_id is unique
    assert db.read_table("calendar_invitation_settings")["user_id"].tolist() == [2, 1]
    assert len(users) == 4


def test_a_users_composite_row_for_a_seeded_user_is_kept(db, terp_url):
    users = db.write_table("users", samples.users(), PROVENANCE).frame
    roles = db.write_table("roles", samples.roles(), PROVENANCE).frame
    db.write_table("user_roles", samples.user_roles(users["openId"][:2], roles["id"]), PROVENANCE)
    insert(terp_url, "user_roles", user_id="open-1", role_id=2)  # the user's own assignment
    before = snapshot(terp_url, ["user_roles"])["user_roles"]
    db.write_table("user_roles", samples.user_roles(users["openId"][:2], roles["id"]), PROVENANCE)
    assert snapshot(terp_url, ["user_roles"])["user_roles"] == before
    db.write_table("user_roles", samples.user_roles(users["openId"][:1], roles["id"][:1]), PROVENANCE)
    assert scalar(terp_url, "SELECT count(*) FROM user_roles WHERE user_id = 'open-1' AND role_id = 2") == 1
    assert db.read_table("user_roles")[["user_id", "role_id"]].values.tolist() == [["open-1", 1]]


def test_removing_a_row_a_users_row_points_at_is_refused(db, terp_url):
    db.write_table("users", samples.users(), PROVENANCE)
    db.write_table("clients", samples.clients(), PROVENANCE)
    insert(terp_url, "orders", id=100, order_number="APP-ORD", orderType="SALE", items="[]", subtotal=1, total=1,
           paymentTerms="COD", created_by=1, client_id=3)
    before = snapshot(terp_url, ["clients", "orders"])
    with pytest.raises(SeedDatabaseError) as caught:
        db.write_table("clients", samples.clients(n=2, text=["a", "b"]), PROVENANCE)
    assert "orders 100 (client_id -> clients 3)" in str(caught.value) and "\n" not in str(caught.value)
    assert snapshot(terp_url, ["clients", "orders"]) == before
    execute(terp_url, "DELETE FROM orders WHERE id = 100")
    db.write_table("clients", samples.clients(n=2, text=["a", "b"]), PROVENANCE)
    assert db.read_table("clients")["id"].tolist() == [1, 2]
