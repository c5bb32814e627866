"""``json_text``: the rules read a member of JSON text the way TERP's code does, on every engine.

The credit rules join an application's transaction to its invoice through ``metadata.invoiceNumber``;
each value below says what that member is, whatever else the text holds."""

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from seed_pipeline.checks.violations import json_text
from seed_pipeline.loaders.engines import make_engine

STORED = {  # id: (the text, the invoice number TERP reads from it)
    1: ('{"invoiceNumber": "INV-000007"}', "INV-000007"),
    2: ('{"invoiceNumber":"INV-000008","paymentNumber":"PAY-000001"}', "INV-000008"),
    3: ('{"paymentNumber": "PAY-000002", "invoiceNumber" : "INV-000009"}', "INV-000009"),
    4: ('{"paymentNumber": "PAY-000003"}', None),
    5: ('{"originalTransactionNumber": "INV-000010"}', None),
    6: ("INV-000011, not JSON", None),
    7: (None, None),
}


def test_the_member_is_read_as_terp_reads_it_on_every_engine(db_url):
    table = sa.Table("notes", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True), sa.Column("metadata", sa.Text))
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            table.create(conn)
            conn.execute(table.insert(), [{"id": i, "metadata": text} for i, (text, _) in STORED.items()])
        with engine.connect() as conn:
            read = dict(conn.execute(sa.select(table.c.id, json_text(table.c.metadata, "invoiceNumber"))).all())
            # as a join key: only the rows naming that number meet it
            named = conn.execute(sa.select(table.c.id).where(json_text(table.c.metadata, "invoiceNumber") == "INV-000008")).scalars().all()
    finally:
        engine.dispose()
    assert read == {i: number for i, (_, number) in STORED.items()}
    assert named == [2]


def test_mariadb_reads_it_as_mysql_does():
    """A dialect named ``mariadb`` (a mariadb:// URL) gets MariaDB's JSON functions, not another engine's."""
    query = sa.select(json_text(sa.table("t", sa.column("metadata")).c.metadata, "invoiceNumber"))
    mariadb = sa.engine.make_url("mariadb+pymysql://").get_dialect()()
    assert str(query.compile(dialect=mariadb)) == str(query.compile(dialect=mysql.dialect()))
