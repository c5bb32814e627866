"""write_table / read_table / fill_column on each engine: values round-trip per column type,
re-writing is idempotent, ids move past rows the tool did not create, and those rows survive."""

import json

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.loaders import SeedDatabase, SeedDatabaseError
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.loaders import samples
from seed_pipeline_tests.loaders.samples import PROVENANCE, assert_frame_written, execute, insert, scalar, snapshot

WRITTEN = ["users", "clients", "orders", "sales", "roles", "user_roles"]


@pytest.fixture
def db_url(terp_url) -> str:
    """Here every database starts with TERP's schema already in place."""
    return terp_url


@pytest.fixture
def db(db_url) -> SeedDatabase:
    database = SeedDatabase(url=db_url)
    assert database.ensure_schema() is False
    return database


def app_order(url: str, **row) -> None:
    insert(url, "orders", order_number="APP-ORD", orderType="SALE", items="[]", subtotal=1, total=1,
           paymentTerms="COD", created_by=1, **row)


def seed_all(db: SeedDatabase, text=None) -> dict:
    users = db.write_table("users", samples.users(), PROVENANCE).frame
    clients = db.write_table("clients", samples.clients(text=text), PROVENANCE).frame
    orders = db.write_table("orders", samples.orders(clients["id"], int(users["id"].iloc[0])), PROVENANCE).frame
    db.write_table("sales", samples.sales(), PROVENANCE)
    roles = db.write_table("roles", samples.roles(), PROVENANCE).frame
    db.write_table("user_roles", samples.user_roles(users["openId"][:2], roles["id"]), PROVENANCE)
    return {"users": users, "clients": clients, "orders": orders}


def test_every_column_type_round_trips(db):
    frames = {
        "users": samples.users(),
        "clients": samples.clients(text=[t for t in samples.TRICKY]),
        "sales": samples.sales(),
        "roles": samples.roles(),
    }
    for table, frame in frames.items():
        result = db.write_table(table, frame, PROVENANCE)
        assert (result.rows, result.id_offset) == (len(frame), 0)
        assert result.frame["id"].tolist() == list(range(1, len(frame) + 1))  # an empty database gives 1..n
        assert_frame_written(db.read_table(table), frame, table)
    orders = samples.orders([1, 2, 3, 3])
    db.write_table("orders", orders, PROVENANCE)
    read = db.read_table("orders")
    assert_frame_written(read, orders, "orders")
    assert read["items"][0] == [{"batchId": 0, "name": "Blue Dream", "qty": 1.5}]
    assert read["valid_until"].dtype.kind == "M" and read["created_at"].notna().all()  # DB default filled
    assert str(read["converted_from_order_id"].dtype) == "Int64" and read["id"].dtype == np.int64
    assert str(read["is_draft"].dtype) == "boolean" and read["subtotal"].dtype == np.float64
    assert db.read_table("clients")["address"].tolist() == samples.TRICKY  # '' and '\\N' are not NULL


def test_literal_null_text_and_the_insert_fallback(db):
    """MariaDB reads an unquoted NULL in LOAD DATA as NULL: such frames go through INSERTs."""
    text = ["NULL", "null", "a,b", "\\N"]
    db.write_table("clients", samples.clients(text=text), PROVENANCE)
    assert db.read_table("clients")["address"].tolist() == text


def test_composite_keys_round_trip(db):
    seed_all(db)
    read = db.read_table("user_roles")
    assert read[["user_id", "role_id"]].values.tolist() == [["open-1", 1], ["open-2", 2]]
    assert db.row_counts(["user_roles", "roles"]) == {"user_roles": 2, "roles": 2}


def test_rewriting_is_idempotent_and_keeps_children(db, db_url):
    first = seed_all(db)
    before = snapshot(db_url, WRITTEN)
    again = seed_all(db)
    assert snapshot(db_url, WRITTEN) == before
    assert again["clients"]["id"].tolist() == first["clients"]["id"].tolist()
    assert db.row_counts(["orders"]) == {"orders": 3}  # clients' cascading FK did not take the orders along


def test_rows_the_tool_did_not_create_survive(db, db_url):
    insert(db_url, "clients", id=1, teri_code="APP-1", name="made by the app")
    frames = seed_all(db)
    assert frames["clients"]["id"].tolist() == [2, 3, 4]  # moved past the app's row
    insert(db_url, "clients", teri_code="APP-2", name="made later")
    app_order(db_url, client_id=2)
    foreign = snapshot(db_url, ["clients"])["clients"]
    result = db.write_table("clients", samples.clients(), PROVENANCE)
    assert result.id_offset == 1  # the owned range 2..4 is reused: the later app row sits at 5
    after = snapshot(db_url, ["clients"])["clients"]
    assert after == foreign
    assert scalar(db_url, "SELECT count(*) FROM orders WHERE order_number = 'APP-ORD'") == 1
    assert [r.teri_code for r in after if r.id not in (2, 3, 4)] == ["APP-1", "APP-2"]
    assert db.read_table("clients")["id"].tolist() == [2, 3, 4]
    assert db.row_counts(["clients"]) == {"clients": 5}


def test_growing_past_an_app_row_keeps_the_seeded_keys(db, db_url):
    assert db.write_table("orders", samples.orders([1]).iloc[0:0], PROVENANCE).rows == 0  # nothing to write is fine
    seed_all(db)
    insert(db_url, "sales", id=4, batchId=1, productId=1, quantity="1", cogsAtSale="1", salePrice="1",
           saleDate="2025-01-01 00:00:00", createdBy=1)
    result = db.write_table("sales", samples.sales(5), PROVENANCE)  # 1..5 would hit the app's row 4
    assert result.frame["id"].tolist() == [1, 2, 3, 5, 6]  # 1..3 keep their keys, the new ones go past row 4
    assert db.row_counts(["sales"]) == {"sales": 6}
    assert db.read_table("sales")["id"].tolist() == [1, 2, 3, 5, 6]
    db.write_table("sales", samples.sales(2), PROVENANCE)  # shrinking drops the last owned ids, never the app's
    assert db.read_table("sales")["id"].tolist() == [1, 2]
    assert scalar(db_url, "SELECT count(*) FROM sales WHERE id = 4") == 1


def test_self_references_move_with_the_ids(db, db_url):
    seed_all(db)
    execute(db_url, "UPDATE orders SET converted_from_order_id = NULL", "DELETE FROM orders",
            "DELETE FROM seed_pipeline_ownership WHERE table_name = 'orders'")
    app_order(db_url, id=10, client_id=1)
    result = db.write_table("orders", samples.orders([1, 2, 3]), PROVENANCE)
    assert result.id_offset == 10
    assert result.frame["converted_from_order_id"].tolist() == [pd.NA, 11, 12]
    assert db.read_table("orders")["converted_from_order_id"].tolist() == [pd.NA, 11, 12]


def test_a_shorter_frame_removes_only_its_own_extra_rows(db, db_url):
    seed_all(db)
    insert(db_url, "clients", teri_code="APP-9", name="kept")
    db.write_table("clients", samples.clients(n=2, text=["a", "b"]), PROVENANCE)
    assert db.read_table("clients")["id"].tolist() == [1, 2]
    assert scalar(db_url, "SELECT count(*) FROM clients WHERE teri_code = 'APP-9'") == 1
    assert db.row_counts(["orders"]) == {"orders": 2}  # the order of client 3 cascaded


def test_rows_deleted_by_the_app_are_written_again(db, db_url):
    seed_all(db)
    execute(db_url, "DELETE FROM sales WHERE id = 2")
    db.write_table("sales", samples.sales(4), PROVENANCE)
    assert db.read_table("sales")["id"].tolist() == [1, 2, 3, 4]
    assert_frame_written(db.read_table("sales"), samples.sales(4), "sales")


def test_fill_column_updates_owned_rows_only(db, db_url):
    seed_all(db)
    insert(db_url, "clients", id=50, teri_code="APP-50", name="not ours")
    values = pd.Series([7.0, np.nan, 9.0, 3.0], index=[1, 2, 3, 50])
    assert db.fill_column("clients", "pricing_profile_id", values) == 3
    assert db.read_table("clients")["pricing_profile_id"].tolist() == [7, pd.NA, 9]
    assert scalar(db_url, "SELECT pricing_profile_id FROM clients WHERE id = 50") is None
    assert db.fill_column("orders", "notes", pd.Series(["first", None], index=[1, 2])) == 2
    assert samples.values(db.read_table("orders")["notes"]) == ["first", None, None]


def test_updates_leave_on_update_timestamps_alone(db):
    """MariaDB's ON UPDATE CURRENT_TIMESTAMP must not stamp the wall clock into seeded rows."""
    stamped = samples.clients().assign(updated_at=pd.Timestamp("2025-01-01 12:00:00"))
    db.write_table("clients", stamped, PROVENANCE)
    db.fill_column("clients", "pricing_profile_id", pd.Series([4, 5, 6], index=[1, 2, 3]))
    renamed = samples.clients().drop(columns="pricing_profile_id").assign(name=["x", "y", "z"])
    db.write_table("clients", renamed, PROVENANCE)  # no updated_at, no pricing_profile_id: both stay
    read = db.read_table("clients")
    assert read["name"].tolist() == ["x", "y", "z"] and read["pricing_profile_id"].tolist() == [4, 5, 6]
    assert read["updated_at"].tolist() == [pd.Timestamp("2025-01-01 12:00:00")] * 3


def test_a_failed_write_changes_nothing(db, db_url):
    seed_all(db)
    insert(db_url, "clients", id=100, teri_code="T9999", name="the app took this code")
    before = snapshot(db_url, WRITTEN)
    clash = samples.clients()
    clash.loc[2, "teri_code"] = "T9999"
    with pytest.raises(SeedDatabaseError) as caught:
        db.write_table("clients", clash, PROVENANCE)  # replacement path
    message = str(caught.value)
    assert "clients" in message and "teri_code" in message and "\n" not in message
    assert snapshot(db_url, WRITTEN) == before
    with pytest.raises(SeedDatabaseError, match="teri_code"):  # the new row 4 collides (insert from the stage)
        db.write_table("clients", pd.concat([samples.clients(), clash.iloc[2:].assign(id=4)]), PROVENANCE)
    assert snapshot(db_url, WRITTEN) == before


def test_a_failed_first_write_changes_nothing(db, db_url):
    insert(db_url, "users", id=100, openId="open-3", name="app user")
    before = snapshot(db_url, ["users"])
    with pytest.raises(SeedDatabaseError, match="table users, column openId: "):
        db.write_table("users", samples.users(), PROVENANCE)  # straight bulk insert path
    assert snapshot(db_url, ["users"]) == before


def test_a_missing_parent_is_reported(db, db_url):
    before = snapshot(db_url, ["orders"])
    with pytest.raises(SeedDatabaseError, match="foreign key"):
        db.write_table("orders", samples.orders([1]), PROVENANCE)
    assert snapshot(db_url, ["orders"]) == before


@pytest.mark.parametrize(
    "change, says",
    [
        (lambda f: f.assign(nickname="x"), "table clients has no column nickname"),
        (lambda f: f.assign(name=[None, "b", "c"]), "clients.name is required"),
        (lambda f: f.assign(teri_code=["x" * 51, "b", "c"]), "holds at most 50 characters"),
        (lambda f: f.assign(cogsAdjustmentType=["NONE", "BOGUS", "FIXED_AMOUNT"]), "'BOGUS', not one of its values"),
        (lambda f: f.assign(oldest_debt_days=[1.5, 2, 3]), "clients.oldest_debt_days cannot hold"),
        (lambda f: f.assign(id=[1, 1, 2]), "repeats ids"),
        (lambda f: f.assign(id=[0, 1, 2]), "local ids from 1 up"),
        (lambda f: f.drop(columns="id"), "has no id column"),
    ],
)
def test_bad_frames_are_refused_in_one_line(sqlite_terp_url, change, says):
    """Checked before any SQL runs, the same for every engine: SQLite alone will do."""
    db = SeedDatabase(url=sqlite_terp_url)
    with pytest.raises(SeedDatabaseError, match=says) as caught:
        db.write_table("clients", change(samples.clients()), PROVENANCE)
    assert "\n" not in str(caught.value)
    assert db.row_counts(["clients"]) == {"clients": 0}


def test_unknown_tables_are_refused(db):
    with pytest.raises(SeedDatabaseError, match="not one of TERP's tables"):
        db.write_table("nope", pd.DataFrame({"id": [1]}), PROVENANCE)
    with pytest.raises(SeedDatabaseError, match="cannot fill"):
        db.fill_column("user_roles", "created_at", pd.Series([1]))


def test_every_table_reads_back_empty(db):
    for table in TABLES:
        frame = db.read_table(table)
        assert frame.empty and list(frame.columns) == [c.name for c in TABLES[table].columns]


def test_ids_of_its_own_rows_inside_json_move_with_the_rows(db, db_url):
    """A write-off names the transaction it writes off: when a user's row holds id 1, the tool's rows
    take 2 and 3, and the id inside the JSON follows (local 1 -> 2), as a self-reference column would."""
    users = db.write_table("users", samples.users(), PROVENANCE).frame
    client, user = int(db.write_table("clients", samples.clients(), PROVENANCE).frame["id"].iloc[0]), int(users["id"].iloc[0])
    insert(db_url, "transactions", id=1, transactionNumber="USER-TXN", transactionType="INVOICE", clientId=client,
           transactionDate="2026-01-05 10:00:00", amount="1.00", transactionStatus="PENDING", createdBy=user)
    frame = pd.DataFrame({
        "id": [1, 2], "transactionNumber": ["TXN-1", "TXN-2"], "transactionType": ["INVOICE", "PAYMENT"],
        "clientId": [client, client], "transactionDate": pd.to_datetime(["2026-01-06 10:00:00", "2026-03-06 10:00:00"]),
        "amount": ["10.00", "10.00"], "transactionStatus": ["PENDING", "COMPLETED"], "notes": [None, None],
        "metadata": ['{"invoiceNumber": "INV-1"}',
                     '{"invoiceNumber": "INV-1", "originalTransactionId": 1, "writeOffType": "BAD_DEBT"}'],
        "createdBy": [user, user]})
    written = db.write_table("transactions", frame, PROVENANCE).frame
    assert written["id"].tolist() == [2, 3]
    stored = scalar(db_url, "SELECT metadata FROM transactions WHERE id = 3")
    assert json.loads(stored)["originalTransactionId"] == 2
    assert json.loads(written["metadata"].iloc[1])["originalTransactionId"] == 2
    assert scalar(db_url, "SELECT metadata FROM transactions WHERE id = 1") is None


def test_the_bookkeeping_is_asked_for_once_while_the_run_lock_is_held(db, db_url, monkeypatch):
    """Without the lock every write makes sure of the bookkeeping tables (another run may be making them);
    while this process holds it, the first write's answer stands for the rest."""
    from seed_pipeline.loaders import lock, ownership

    asked = []
    ensure_table = ownership.ensure_table
    monkeypatch.setattr(ownership, "ensure_table", lambda conn: asked.append(1) or ensure_table(conn))
    seed_all(db)
    assert len(asked) == len(WRITTEN)
    lock.acquire(db_url)
    try:
        seed_all(db)
        assert len(asked) == len(WRITTEN) + 1
    finally:
        lock.release(db_url)
    seed_all(db)
    assert len(asked) == 2 * len(WRITTEN) + 1
