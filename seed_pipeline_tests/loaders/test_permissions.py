"""A user who may read but not write gets one clear line naming the user and the table, and the
database stays as it was."""

import secrets

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from seed_pipeline.loaders import SeedDatabase, SeedDatabaseError
from seed_pipeline.loaders.engines import dispose, make_engine
from seed_pipeline_tests.loaders import samples
from seed_pipeline_tests.loaders.samples import PROVENANCE, snapshot


def _admin(url: str) -> sa.Engine:
    return make_engine(url).execution_options(isolation_level="AUTOCOMMIT")


@pytest.fixture
def pg_reader(pg_url):
    """(URL of a role that may only SELECT, URL of the owner); the role is dropped afterwards."""
    SeedDatabase(url=pg_url).ensure_schema()
    role = f"seedtest_ro_{secrets.token_hex(4)}"
    admin = _admin(pg_url)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    url = make_url(pg_url).set(username=role).render_as_string(hide_password=False)
    try:
        yield url, role
    finally:
        dispose(url)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.exec_driver_sql(f"DROP ROLE {role}")
        admin.dispose()


@pytest.fixture
def mysql_reader(mysql_url):
    SeedDatabase(url=mysql_url).ensure_schema()
    user = f"seedtest_ro_{secrets.token_hex(4)}"
    database = make_url(mysql_url).database
    admin = _admin(mysql_url)
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE USER '{user}'@'%'"))
        conn.execute(sa.text(f"GRANT SELECT ON `{database}`.* TO '{user}'@'%'"))
    url = make_url(mysql_url).set(username=user).render_as_string(hide_password=False)
    try:
        yield url, user
    finally:
        dispose(url)
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP USER '{user}'@'%'"))
        admin.dispose()


@pytest.mark.parametrize("reader", ["pg_reader", "mysql_reader"])
def test_a_read_only_user_gets_a_clear_error(request, reader):
    url, user = request.getfixturevalue(reader)
    db = SeedDatabase(url=url)
    assert db.check() == "terp"
    before = snapshot(url, ["users"])
    with pytest.raises(SeedDatabaseError) as caught:
        db.write_table("users", samples.users(), PROVENANCE)
    message = str(caught.value)
    assert message == f"user {user} cannot write to table users: grant INSERT/UPDATE/DELETE or use another --db"
    assert snapshot(url, ["users"]) == before
    assert db.read_table("users").empty and db.row_counts(["users"]) == {"users": 0}
