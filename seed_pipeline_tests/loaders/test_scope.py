"""Checks read the tool's rows only: on a ``tool_rows`` connection each table holding users' rows
reads as the seeded rows (a single-id table by its id ranges, a composite-key table by its recorded
keys), and once the connection is handed back the real tables read whole again; on every engine."""

import sqlalchemy as sa

from seed_pipeline.loaders import SeedDatabase
from seed_pipeline_tests.loaders import samples
from seed_pipeline_tests.loaders.samples import PROVENANCE, insert


def _read(conn, table: str, *columns: str) -> list[tuple]:
    t = sa.table(table, *(sa.column(c) for c in columns))
    return [tuple(r) for r in conn.execute(sa.select(*t.columns).order_by(*t.columns))]


def test_a_tool_rows_connection_hides_exactly_the_users_rows(terp_url):
    db = SeedDatabase(url=terp_url)
    db.write_table("users", samples.users(), PROVENANCE)
    db.write_table("roles", samples.roles(), PROVENANCE)
    db.write_table("user_roles", samples.user_roles(["open-1", "open-2"], [1, 1]), PROVENANCE)
    insert(terp_url, "users", id=900001, openId="open-user", name="A user's user")
    insert(terp_url, "user_roles", user_id="open-1", role_id=2)  # a user's pair on a seeded user
    insert(terp_url, "user_roles", user_id="open-user", role_id=1)
    db.write_table("clients", samples.clients(), PROVENANCE)  # only seeded rows: read as it is

    assert db.foreign_tables() == ["user_roles", "users"]
    with db.tool_rows() as conn:
        assert _read(conn, "users", "id") == [(1,), (2,), (3,), (4,)]
        assert _read(conn, "user_roles", "user_id", "role_id") == [("open-1", 1), ("open-2", 1)]
        assert len(_read(conn, "clients", "id")) == 3
    with db.tool_rows() as conn:  # the same pooled connection again: shadows were dropped and remade
        assert len(_read(conn, "users", "id")) == 4
    engine = db.engine()
    with engine.connect() as conn:
        assert len(_read(conn, "users", "id")) == 5
        assert len(_read(conn, "user_roles", "user_id", "role_id")) == 4
