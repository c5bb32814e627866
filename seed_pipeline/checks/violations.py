"""How the rules read the database.

Rules written as SQL return the rows breaking them: the asset checks count those rows, and the
Great Expectations suites run the same queries as ``UnexpectedRowsExpectation`` (see
``expectations.py``), so both hold the data to one definition. Rules computed in Python fetch the
few columns they need with ``fetch_frame``; rules that read a whole column read it with
``column_values``, once per batch of checks sharing a connection (``shared_reads``).
"""

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

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


class json_text(FunctionElement):
    """The string a JSON text column holds under a top-level key, NULL where the text is not JSON or lacks it.

    This is how TERP's code reads such a column (``JSON.parse(metadata).invoiceNumber``), and an equality a join
    can use: a LIKE on the text made every row of one table meet every row of the other (minutes at scale 10).
    PostgreSQL 15 has no test of JSON text that does not raise on bad text, so there the string is read with
    a pattern: the first member of that name, nested ones too, whose string holds no escaped character (the
    document numbers this reads never do).
    """

    type = sa.String()
    inherit_cache = True

    def __init__(self, column, key: str):
        super().__init__(column, sa.literal(f"$.{key}"), sa.literal(f'"{re.escape(key)}"\\s*:\\s*"([^"\\\\]*)"'))


def _json_text_parts(element, compiler, used: tuple[int, ...], **kw) -> list[str]:
    """The column and the clauses this dialect uses, compiled (a clause compiled but unused would bind a parameter)."""
    clauses = list(element.clauses)
    return [compiler.process(clauses[i], **kw) for i in used]


@compiles(json_text)
def _json_text_sqlite(element, compiler, **kw):
    column, path = _json_text_parts(element, compiler, (0, 1), **kw)
    return f"CASE WHEN json_valid({column}) THEN json_extract({column}, {path}) END"


@compiles(json_text, "mysql")
@compiles(json_text, "mariadb")  # SQLAlchemy's name for MariaDB when a URL says mariadb://
def _json_text_mysql(element, compiler, **kw):
    column, path = _json_text_parts(element, compiler, (0, 1), **kw)
    return f"CASE WHEN JSON_VALID({column}) THEN JSON_UNQUOTE(JSON_EXTRACT({column}, {path})) END"


@compiles(json_text, "postgresql")
def _json_text_postgresql(element, compiler, **kw):
    column, pattern = _json_text_parts(element, compiler, (0, 2), **kw)
    return f"substring({column} from {pattern})"


def by_name(*rules: RowQueries) -> dict[str, RowQueries]:
    return {rule.__name__: rule for rule in rules}
