"""Looking at a seeded database from the outside, with plain SQL."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from seed_pipeline.checks.integrity import violations
from seed_pipeline.loaders.engines import dispose, make_engine
from seed_pipeline.schema import TABLES


def planted(seeded: Path, path: Path, statements) -> Path:
    """``path``: a copy of the seeded SQLite file with ``statements`` run on it, each changing at least one row."""
    shutil.copy(seeded, path)
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            assert conn.execute(statement).rowcount > 0, statement
        conn.commit()
    finally:
        conn.close()
    return path


def editable(path: Path):
    """Yield (url, run SQL) for the SQLite file at ``path``, then dispose of its engine."""

    def execute(*statements: str) -> None:
        with sqlite3.connect(path) as conn:
            for sql in statements:
                conn.execute(sql)
        conn.close()

    yield f"sqlite:///{path}", execute
    dispose(f"sqlite:///{path}")


def _canonical(value) -> str:
    """One text form per value whatever the engine returns (Decimal vs float, 1 vs True)."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)


def fingerprint(url: str, tables=None, where=None) -> dict[str, str]:
    """A digest of every table's rows in key order: equal digests, equal data.

    ``where`` (table -> SQLAlchemy clause) limits the rows digested, e.g. to the tool's own.
    """
    engine = make_engine(url)
    digests = {}
    try:
        with engine.connect() as conn:
            for name in tables or sorted(TABLES):
                table = TABLES[name]
                query = sa.select(table).order_by(*table.primary_key.columns)
                if where and name in where:
                    query = query.where(where[name])
                h = hashlib.sha256()
                for row in conn.execute(query):
                    h.update("\t".join(_canonical(v) for v in row).encode())
                    h.update(b"\n")
                digests[name] = h.hexdigest()
    finally:
        engine.dispose()
    return digests


def row_counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                name: conn.execute(sa.select(sa.func.count()).select_from(TABLES[name])).scalar_one()
                for name in sorted(TABLES)
            }
    finally:
        engine.dispose()


def integrity_violations(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [str(v) for v in violations(conn)]
    finally:
        engine.dispose()
