"""Rules written as SQL that returns the rows breaking them.

The asset checks count those rows; the Great Expectations suites run the same queries as
``UnexpectedRowsExpectation`` (see ``expectations.py``), so both hold the data to one definition.
"""

from collections.abc import Callable
from datetime import date

import sqlalchemy as sa

RowQueries = Callable[[date], list[sa.Select]]


def counted(rows: RowQueries) -> Callable[[sa.Connection, date], int]:
    """The rule as a count of breaking rows, over all of its queries."""
    def count(conn: sa.Connection, as_of: date) -> int:
        return sum(int(conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar() or 0)
                   for q in rows(as_of))

    count.__name__, count.__doc__ = rows.__name__, rows.__doc__
    return count


def by_name(*rules: RowQueries) -> dict[str, RowQueries]:
    return {rule.__name__: rule for rule in rules}
