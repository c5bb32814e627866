"""The schema ensure_schema creates on MariaDB is TERP's own, column for column and key for key:
compared with TERP's reference DDL through information_schema."""

import pytest
import sqlalchemy as sa

from seed_pipeline.loaders import SeedDatabase, mysql_ddl
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline_tests.shared import terp_file

QUERIES = {
    "columns": """
        SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA
        FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE :skip""",
    "keys": """
        SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, POSITION_IN_UNIQUE_CONSTRAINT,
               REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
        FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE :skip""",
    "foreign keys": """
        SELECT TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_NAME, UNIQUE_CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE
        FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE :skip""",
    "constraints": """
        SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE
        FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE :skip""",
    "indexes": """
        SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE
        FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE :skip""",
}


def describe_schema(url: str) -> dict[str, list[tuple]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                name: sorted(tuple(row) for row in conn.execute(sa.text(sql), {"skip": "seed\\_pipeline\\_%"}))
                for name, sql in QUERIES.items()
            }
    finally:
        engine.dispose()


def run_ddl(url: str, ddl: str) -> None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            cursor = conn.connection.driver_connection.cursor()
            for statement in ddl.split(";\n"):
                if statement.strip():
                    cursor.execute(statement)
    finally:
        engine.dispose()


@pytest.mark.slow  # TERP's file as it is: an ALTER TABLE or CREATE INDEX a key, ~30 s on MariaDB
def test_created_schema_equals_terps_ddl(mysql_url, other_mysql_url):
    run_ddl(other_mysql_url, terp_file("schema.mysql.sql").read_text())
    assert SeedDatabase(url=mysql_url).ensure_schema() is True
    terp, ours = describe_schema(other_mysql_url), describe_schema(mysql_url)
    assert len({row[0] for row in terp["columns"]}) == 120
    for aspect in QUERIES:
        missing = sorted(set(terp[aspect]) - set(ours[aspect]))
        extra = sorted(set(ours[aspect]) - set(terp[aspect]))
        assert (missing, extra) == ([], []), aspect


def test_indexes_inline_make_what_create_all_makes_even_with_a_cycle(mysql_url, other_mysql_url):
    """Two tables naming each other (a followed schema may hold such a cycle), with plain, unique and
    two-column indexes: mysql_ddl.create_all and SQLAlchemy's own create_all leave the same schema."""
    metadata = sa.MetaData()
    sa.Table("a", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("b_id", sa.ForeignKey("b.id")),
             sa.Column("code", sa.String(20), unique=True), sa.Index("ix_a_pair", "b_id", "code"))
    sa.Table("b", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("a_id", sa.ForeignKey("a.id"), index=True))
    for url, create in ((mysql_url, lambda conn: mysql_ddl.create_all(conn, metadata)),
                        (other_mysql_url, lambda conn: metadata.create_all(conn, checkfirst=False))):
        engine = make_engine(url)
        try:
            with engine.begin() as conn:
                create(conn)
        finally:
            engine.dispose()
    ours, theirs = describe_schema(mysql_url), describe_schema(other_mysql_url)
    assert len(ours["foreign keys"]) == 2 and {row[1] for row in ours["indexes"]} == {"PRIMARY", "code", "ix_a_pair", "ix_b_a_id"}
    assert ours == theirs
