"""How the rules read the database.

Rules written as SQL return the rows breaking them: the asset checks count those rows, and the
Great Expectations suites run the same queries as ``UnexpectedRowsExpectation`` (see
``expectations.py``), so both hold the data to one definition. Rules computed in Python fetch the
few columns they need with ``fetch_frame``; rules that read a whole column read it with
``column_values``, once per batch of checks sharing a connection (``shared_reads``).
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

import pandas as pd
import sqlalchemy as sa

RowQueries = Callable[[date], list[sa.Select]]
CENT = 0.005  # half a cent: money is kept to the cent, so amounts further apart than this differ
QTY = 0.011  # quantities are kept to two decimals: more than a hundredth apart (with float noise) differ


def counted(rows: RowQueries) -> Callable[[sa.Connection, date], int]:
    """The rule as a count of breaking rows, over all of its queries."""
    def count(conn: sa.Connection, as_of: date) -> int:
        return sum(int(conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar() or 0)
                   for q in rows(as_of))

    count.__name__, count.__doc__ = rows.__name__, rows.__doc__
    return count


def fetch_frame(conn: sa.Connection, query) -> pd.DataFrame:
    """The query's rows as a frame, with its columns even when no row came back.

    The rows go in as plain tuples: given SQLAlchemy rows, pandas asks each row for a ``dtype``
    attribute, which a row answers by raising, and that cost more than the query on large tables."""
    result = conn.execute(query)
    return pd.DataFrame([tuple(row) for row in result.fetchall()], columns=list(result.keys()))


def moments(values) -> pd.Series:
    """The values as datetimes, whatever the driver gave (datetimes, dates, ISO text, NULLs), index kept.

    A column the frame already holds as datetimes is returned as it is: passing it through Python objects
    first cost the checks most of a second on the full seed."""
    values = values if isinstance(values, pd.Series) else pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return values
    return pd.to_datetime(values.astype(object), format="mixed")


def last_moment(as_of: date) -> pd.Timestamp:
    """The last second of the end date: nothing the history records is later."""
    return pd.Timestamp(datetime.combine(as_of, time(23, 59, 59)))


def decoded(value):
    """A JSON column's value as data, whether the driver gave its text or already decoded it."""
    return json.loads(value) if isinstance(value, str | bytes) else value


_SHARED = "seed_pipeline.shared_reads"  # key in the connection's info while a batch of checks shares it


@contextmanager
def shared_reads(conn: sa.Connection) -> Iterator[sa.Connection]:
    """The checks run on ``conn`` inside share the columns they read whole (``column_values``).

    Only for a batch of checks that read and never write: a JSON column's shape rule and its ids
    rule decode the column once between them, not once each."""
    conn.info[_SHARED] = {}
    try:
        yield conn
    finally:
        conn.info.pop(_SHARED, None)


def column_values(conn: sa.Connection, column: sa.Column) -> list:
    """Every value of ``column`` (decoded, for a JSON column), in the table's storage order."""
    shared = conn.info.get(_SHARED)
    key = (column.table.name, column.name)
    if shared is not None and key in shared:
        return shared[key]
    values = conn.execute(sa.select(column)).scalars().all()
    if shared is not None:
        shared[key] = values
    return values


def by_name(*rules: RowQueries) -> dict[str, RowQueries]:
    return {rule.__name__: rule for rule in rules}
