"""How the rules read the database.

Rules written as SQL return the rows breaking them: the asset checks count those rows, and the
Great Expectations suites run the same queries as ``UnexpectedRowsExpectation`` (see
``expectations.py``), so both hold the data to one definition. Rules computed in Python fetch the
few columns they need with ``fetch_frame``.
"""

from collections.abc import Callable
from datetime import date

import pandas as pd
import sqlalchemy as sa

RowQueries = Callable[[date], list[sa.Select]]


def counted(rows: RowQueries) -> Callable[[sa.Connection, date], int]:
    """The rule as a count of breaking rows, over all of its queries."""
    def count(conn: sa.Connection, as_of: date) -> int:
        return sum(int(conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar() or 0)
                   for q in rows(as_of))

    count.__name__, count.__doc__ = rows.__name__, rows.__doc__
    return count


def fetch_frame(conn: sa.Connection, query) -> pd.DataFrame:
    """The query's rows as a frame, with its columns even when no row came back."""
    result = conn.execute(query)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def by_name(*rules: RowQueries) -> dict[str, RowQueries]:
    return {rule.__name__: rule for rule in rules}
