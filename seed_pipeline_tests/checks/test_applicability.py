"""Which columns a statement reads, and a check stopped unsent when the run's model lacks one
(``checks/applicability.py``), on two small hand-made schemas: the one the rules are written against and a
followed one without ``sales.note`` nor ``clients``. The seeded case is ``test_not_applicable.py``.
"""

import sqlalchemy as sa

from seed_pipeline.checks.applicability import NotApplicable, applicable_or_reason, columns_read, lacking
from seed_pipeline.model import Followed, Model, using

WRITTEN = sa.MetaData()
SALES = sa.Table("sales", WRITTEN, sa.Column("id", sa.Integer, primary_key=True), sa.Column("client_id", sa.Integer),
                 sa.Column("note", sa.String))
CLIENTS = sa.Table("clients", WRITTEN, sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String))

LIVE = sa.MetaData()
sa.Table("sales", LIVE, sa.Column("id", sa.Integer, primary_key=True), sa.Column("client_id", sa.Integer))
FOLLOWED = Model(LIVE, {}, {}, Followed(["sales"], {}))

BUYER = CLIENTS.alias("buyer")
SALES_OF_X = (sa.select(SALES.c.id).select_from(SALES.join(BUYER, BUYER.c.id == SALES.c.client_id))
              .where(BUYER.c.name == "x", sa.literal_column("1") == 1, sa.column("free") == 2))


def test_a_statement_reads_its_tables_columns_through_aliases_and_no_loose_column():
    assert columns_read(SALES_OF_X) == {("sales", "id"), ("sales", "client_id"), ("clients", "id"), ("clients", "name")}
    assert columns_read(sa.delete(SALES).where(SALES.c.note == "x")) == {("sales", "note")}
    assert columns_read(sa.select(sa.literal_column("1"))) == set()


def test_lacking_names_each_column_of_a_missing_table_or_a_dropped_column_sorted():
    assert lacking(FOLLOWED, SALES_OF_X) == ["clients.id", "clients.name"]
    assert lacking(FOLLOWED, sa.select(SALES.c.note, SALES.c.id)) == ["sales.note"]
    assert lacking(FOLLOWED, sa.select(SALES.c.client_id)) == []


def test_not_applicable_keeps_what_is_lacking_and_says_it():
    error = NotApplicable(["clients.name", "sales.note"])
    assert error.lacking == ["clients.name", "sales.note"]
    assert str(error) == "reads clients.name, sales.note, which the database lacks"


def test_a_check_reading_a_dropped_column_is_stopped_unsent_and_the_others_run():
    engine = sa.create_engine("sqlite://")
    LIVE.create_all(engine)  # the database lacks sales.note: a statement sent for it would fail there
    try:
        with using(FOLLOWED), engine.connect() as conn:
            notes = applicable_or_reason(lambda: conn.execute(sa.select(SALES.c.note)).all(), conn)
            ids = applicable_or_reason(lambda: conn.execute(sa.select(sa.func.count(SALES.c.id))).scalar(), conn)
    except sa.exc.OperationalError as sent:
        raise AssertionError("a statement reading the lacking column reached the database") from sent
    finally:
        engine.dispose()
    assert notes == (None, "reads sales.note, which the database lacks")
    assert ids == (0, None)
