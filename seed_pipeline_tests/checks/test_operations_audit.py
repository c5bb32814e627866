"""``operations_audit`` rules on what the rule cases cannot plant: the order a database returns rows in, and JSON
given as text. Each reads a copy of the light seed through tables standing in for the model's."""

import shutil
import sqlite3
from datetime import date

import pytest
import sqlalchemy as sa

from seed_pipeline.checks import operations_audit
from seed_pipeline.loaders.engines import make_engine

END = date(2026, 10, 31)


@pytest.fixture(scope="module")
def seeded(seeded_sqlite):
    return seeded_sqlite("light", 42, END.isoformat())


def _stand_in(monkeypatch, name: str, table: sa.Table) -> None:
    monkeypatch.setattr(operations_audit, "T", {**operations_audit.T, name: table})


def test_audit_entries_are_numbered_by_id_whatever_order_they_are_stored_in(seeded, tmp_path, monkeypatch):
    """A database returns rows without an ORDER BY in its own order (PostgreSQL's is where each row was last
    written): the entries of a table stored newest first are still in time order by their numbers (the rule holds)."""
    copy = tmp_path / "newest_first.sqlite"
    shutil.copy(seeded, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute('CREATE TABLE audit_newest_first AS SELECT * FROM "auditLogs" ORDER BY id DESC')
    columns = (sa.Column(c.name, c.type) for c in operations_audit.T["auditLogs"].columns)
    _stand_in(monkeypatch, "auditLogs", sa.Table("audit_newest_first", sa.MetaData(), *columns))
    engine = make_engine(f"sqlite:///{copy}")
    try:
        with engine.connect() as c:
            stored = [i for (i,) in c.exec_driver_sql("SELECT id FROM audit_newest_first")]
            assert stored == sorted(stored, reverse=True) and len(stored) > 1  # unordered, they come newest first
            assert operations_audit.audit_trail_in_time_order_by_permitted_users(c, END) == 0
    finally:
        engine.dispose()


def test_standing_orders_are_read_from_json_text(seeded, monkeypatch):
    """A driver may give a JSON column as its text (MariaDB's JSON is LONGTEXT, which a followed live schema reflects
    as text): the templates are decoded all the same, so the seed's standing orders still hold."""
    as_text = sa.Table("recurring_orders", sa.MetaData(), sa.Column("id", sa.Integer), sa.Column("client_id", sa.Integer),
                       sa.Column("order_template", sa.Text), sa.Column("last_generated_date", sa.Date))
    _stand_in(monkeypatch, "recurring_orders", as_text)
    engine = make_engine(f"sqlite:///{seeded}")
    try:
        with engine.connect() as c:
            assert isinstance(c.execute(sa.select(as_text.c.order_template)).scalar(), str)
            assert operations_audit.standing_orders_follow_their_clients(c, END) == 0
    finally:
        engine.dispose()
