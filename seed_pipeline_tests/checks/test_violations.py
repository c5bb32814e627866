"""How the rules read the database (``checks/violations.py``), held to hand-worked cases on a small table.

Every rule goes through these helpers, so the seeded tests run them all the time; but ``counted`` wraps each
rule as its module is imported, before any test (or mutant) runs, so only a rule wrapped here is measured.
"""

from datetime import date, datetime

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy import event

from seed_pipeline.checks.violations import (column_values, counted, decoded, fetch_frame, last_moment, moments,
                                             shared_reads)

METADATA = sa.MetaData()
SALES = sa.Table("sales", METADATA, sa.Column("id", sa.Integer, primary_key=True), sa.Column("day", sa.Date),
                 sa.Column("note", sa.String))
DAYS = [date(2026, 10, d) for d in (1, 2, 30, 31)] + [date(2026, 11, 1)]  # ids 1 to 5


@pytest.fixture
def conn():
    engine = sa.create_engine("sqlite://")
    METADATA.create_all(engine)
    with engine.begin() as c:
        c.execute(SALES.insert(), [{"id": i, "day": d, "note": f"n{i}"} for i, d in enumerate(DAYS, 1)])
    with engine.connect() as c:
        yield c
    engine.dispose()


def after_the_end_or_first_two(as_of: date) -> list[sa.Select]:
    """Sales after the end date, sales among the first two, and sales with no day."""
    return [sa.select(SALES.c.id).where(SALES.c.day > as_of), sa.select(SALES.c.id).where(SALES.c.id <= 2),
            sa.select(SALES.c.id).where(SALES.c.day.is_(None))]


def test_a_counted_rule_adds_up_the_rows_of_each_of_its_queries(conn):
    rule = counted(after_the_end_or_first_two)
    assert rule(conn, date(2026, 10, 29)) == 3 + 2 + 0  # the 30th, the 31st and November; ids 1 and 2; none
    assert rule(conn, date(2026, 11, 1)) == 0 + 2 + 0
    assert (rule.__name__, rule.__doc__) == ("after_the_end_or_first_two", after_the_end_or_first_two.__doc__)


def test_a_frame_holds_the_rows_and_its_columns_even_with_no_row(conn):
    frame = fetch_frame(conn, sa.select(SALES.c.id, SALES.c.note).where(SALES.c.id >= 4).order_by(SALES.c.id))
    assert list(frame.columns) == ["id", "note"]
    assert frame.values.tolist() == [[4, "n4"], [5, "n5"]]
    empty = fetch_frame(conn, sa.select(SALES.c.id, SALES.c.note).where(SALES.c.id > 5))
    assert (list(empty.columns), len(empty)) == (["id", "note"], 0)


def test_moments_read_every_shape_a_driver_gives_and_keep_the_index():
    given = ["2026-10-31 10:00:00", date(2026, 10, 30), datetime(2026, 10, 29, 8, 30), None, "2026-10-28"]
    expected = [pd.Timestamp("2026-10-31 10:00"), pd.Timestamp("2026-10-30"), pd.Timestamp("2026-10-29 08:30"),
                pd.NaT, pd.Timestamp("2026-10-28")]
    as_list = moments(given)
    assert as_list.tolist() == expected
    as_series = moments(pd.Series(given, index=[5, 6, 7, 8, 9]))
    assert (as_series.index.tolist(), as_series.tolist()) == ([5, 6, 7, 8, 9], expected)


def test_moments_already_datetimes_are_returned_as_they_are():
    held = pd.Series([pd.Timestamp("2026-10-31 10:00"), pd.Timestamp("2026-10-30")], index=[3, 1])
    assert moments(held) is held


def test_the_last_moment_is_the_end_dates_last_second():
    assert last_moment(date(2026, 10, 31)) == pd.Timestamp("2026-10-31 23:59:59")


def test_decoded_reads_json_text_and_keeps_what_the_driver_decoded():
    assert decoded('{"items": [1, 2]}') == {"items": [1, 2]}
    assert decoded(b"[3]") == [3]
    already = {"items": []}
    assert decoded(already) is already
    assert decoded(None) is None


def statements(conn) -> list:
    sent = []
    event.listen(conn, "before_execute", lambda _c, statement, *_a: sent.append(statement))
    return sent


def test_a_column_is_read_in_storage_order_each_time_outside_a_shared_batch(conn):
    sent = statements(conn)
    assert column_values(conn, SALES.c.note) == ["n1", "n2", "n3", "n4", "n5"]
    assert column_values(conn, SALES.c.day) == DAYS
    assert column_values(conn, SALES.c.note) == ["n1", "n2", "n3", "n4", "n5"]
    assert len(sent) == 3


def test_a_shared_batch_reads_each_column_once(conn):
    sent = statements(conn)
    with shared_reads(conn):
        notes = column_values(conn, SALES.c.note)
        assert column_values(conn, SALES.c.day) == DAYS
        assert column_values(conn, SALES.c.note) is notes
        assert column_values(conn, SALES.c.day) == DAYS
    assert notes == ["n1", "n2", "n3", "n4", "n5"]
    assert len(sent) == 2
    column_values(conn, SALES.c.note)  # the batch is over: read again
    assert len(sent) == 3
