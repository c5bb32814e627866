"""A user who may read but not write gets one clear line naming the user and the table, and the
database stays as it was."""

import secrets

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from seed_pipeline.loaders import SeedDatabase, SeedDatabaseError
from seed_pipeline.loaders.engines import dispose, make_engine
from seed_pipeline_tests.loaders import samples
from seed_pipeline_tests.loaders.samples import PROVENANCE, insert, snapshot


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


DOCUMENTED = {  # docs/operations.md, "Production": exactly these, nothing more
    "postgresql": ["GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {user}",
                   "GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {user}",
                   "GRANT CREATE ON SCHEMA public TO {user}", "GRANT TEMPORARY ON DATABASE {database} TO {user}"],
    "mysql": ["GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, CREATE TEMPORARY TABLES ON `{database}`.* TO '{user}'@'%'"],
}


@pytest.fixture(params=["pg_url", "mysql_url"])
def seeder_url(request, tmp_path, monkeypatch):
    """A user with exactly the documented privileges on a database that has TERP's schema."""
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    owner = request.getfixturevalue(request.param)
    SeedDatabase(url=owner).ensure_schema()
    user, database = f"seedtest_rw_{secrets.token_hex(4)}", make_url(owner).database
    admin = _admin(owner)
    mysql = admin.dialect.name == "mysql"
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE USER '{user}'@'%'" if mysql else f"CREATE ROLE {user} LOGIN"))
        for grant in DOCUMENTED[admin.dialect.name]:
            conn.execute(sa.text(grant.format(user=user, database=database)))
    url = make_url(owner).set(username=user).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        dispose(url)
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP USER '{user}'@'%'" if mysql else f"DROP OWNED BY {user}"))
            if not mysql:
                conn.execute(sa.text(f"DROP ROLE {user}"))
        admin.dispose()


@pytest.mark.slow
def test_the_documented_privileges_are_enough_to_seed_and_reseed(seeder_url):
    from seed_pipeline.cli.main import main

    assert main(["seed", "--db", seeder_url, "--scenario", "light", "--end-date", "2026-10-31"]) == 0
    assert main(["seed", "--db", seeder_url, "--scenario", "light", "--end-date", "2026-11-01"]) == 0


def test_the_documented_privileges_are_enough_to_judge_the_tools_rows(seeder_url):
    """Checks shadow a table holding users' rows with a temporary table, filled and then renamed."""
    db = SeedDatabase(url=seeder_url)
    db.write_table("users", samples.users(), PROVENANCE)
    insert(seeder_url, "users", id=900001, openId="open-user", name="A user's user")
    with db.tool_rows() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM users")).scalar() == 4
    assert db.row_counts(["users"]) == {"users": 5}
