"""Whether a check can run on the schema a run seeds: a check reading a column the database lacks is not applicable.

A rule is written against the model's tables. Which columns it reads is derived from the statements
it executes: each one is looked at before it reaches the database, and a column (or table) the run's
model does not have, as when a newer TERP followed as it is (``--follow-live-schema``) dropped
``vendors.contactPhone``, stops the rule there. The check is then reported as not applicable, with the
columns it lacks, neither passed on its data nor failed; no rule needs to know which schemas lack what.
"""

from collections.abc import Callable
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.sql import visitors

from seed_pipeline.model import Model, current

NOT_APPLICABLE = "not_applicable"  # the outcome's key, and the Dagster check result's metadata key


class NotApplicable(Exception):
    """A statement read columns the run's model does not have."""

    def __init__(self, lacking: list[str]):
        self.lacking = lacking
        super().__init__(f"reads {', '.join(lacking)}, which the database lacks")


def columns_read(statement) -> set[tuple[str, str]]:
    """(table, column) of every table column the statement names (through aliases too)."""
    found = set()
    for element in visitors.iterate(statement):
        table = getattr(element, "table", None)
        if isinstance(element, sa.Column) and table is not None:
            table = getattr(table, "element", table)  # an alias of a table: the table
            if isinstance(table, sa.Table):
                found.add((table.name, element.name))
    return found


def lacking(model: Model, statement) -> list[str]:
    """``table.column`` of each column the statement reads that ``model`` lacks, sorted."""
    return sorted(f"{t}.{c}" for t, c in columns_read(statement)
                  if t not in model.tables or c not in model.tables[t].c)


@contextmanager
def only_present_columns(conn: sa.Connection):
    """Statements on ``conn`` that read a column the current model lacks raise ``NotApplicable`` unsent."""
    model = current()
    if model.followed is None:  # the model the checks are written against: nothing can be lacking
        yield
        return

    def guard(_conn, statement, *_args):
        if isinstance(statement, sa.sql.ClauseElement) and (missing := lacking(model, statement)):
            raise NotApplicable(missing)

    event.listen(conn, "before_execute", guard)
    try:
        yield
    finally:
        event.remove(conn, "before_execute", guard)


def applicable_or_reason(run: Callable[[], object], conn: sa.Connection) -> tuple[object, str | None]:
    """``run()``'s result and None, or None and why the check is not applicable on this schema."""
    try:
        with only_present_columns(conn):
            return run(), None
    except NotApplicable as exc:
        return None, str(exc)
