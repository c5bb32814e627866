"""Ids inside JSON are the rows' real keys even when the users' rows hold the first ids.

A database where someone's rows already hold id 1 of every table that JSON points into: the
seed's ids start after them, so an id written as the generator's local number would point at
the users' row or at nothing. The seed's own checks (``<table>_<column>_ids_are_rows``) must pass,
and the order items must name exactly the batches and products of the order's lines (plain SQL).
"""

import json
import sqlite3
from contextlib import closing

import sqlalchemy as sa

from seed_pipeline.contract import JSON_COLUMNS
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.end_to_end.reseed import seed

TARGETS = sorted({t for spec in JSON_COLUMNS.values() for _, t in spec.references})


def _placeholder(column: sa.Column):
    """A value any NOT NULL column takes (SQLite checks neither types nor, here, foreign keys)."""
    kind = column.type
    if isinstance(kind, sa.Enum):
        return kind.enums[0]
    if isinstance(kind, sa.JSON):
        return "{}"
    if isinstance(kind, sa.DateTime):
        return "2020-01-01 00:00:00"
    if isinstance(kind, sa.Date):
        return "2020-01-01"
    if isinstance(kind, sa.Integer | sa.Numeric | sa.Boolean):
        return 1
    return f"users-{column.name}"[: getattr(kind, "length", None) or 64]


def _add_users_first_rows(url: str) -> None:
    """Row 1 of every table JSON points into, made by a user; SQLite's own connection leaves foreign
    keys unchecked, so the placeholders' own references may lead nowhere."""
    with closing(sqlite3.connect(sa.make_url(url).database)) as conn, conn:
        for name in TARGETS:
            values = {c.name: _placeholder(c) for c in TABLES[name].columns if not c.nullable and c.server_default is None}
            conn.execute(f'INSERT INTO "{name}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in values)}) '
                         f'VALUES ({", ".join("?" * len(values))})', list(values.values()))


def test_ids_inside_json_are_real_keys_next_to_users_rows(sqlite_terp_url):
    _add_users_first_rows(sqlite_terp_url)
    assert seed(sqlite_terp_url, "--alongside-existing-rows") == 0  # every check passed, the JSON id rules included
    engine = make_engine(sqlite_terp_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT min(id) FROM batches WHERE code NOT LIKE 'users-%'")).scalar() == 2
            lines = {(o, b, p) for o, b, p in conn.execute(sa.text(
                "SELECT l.order_id, l.batch_id, b.productId FROM order_line_items l JOIN batches b ON b.id = l.batch_id"))}
            items = {(o, i["batchId"], i["productId"])  # sales' items: quotes, drafts and cancelled sales list items, never lines
                     for o, text in conn.execute(sa.text("SELECT id, items FROM orders WHERE orderType = 'SALE' AND NOT is_draft "
                                                         "AND NOT (saleStatus = 'CANCELLED' AND shipped_at IS NULL)"))
                     for i in json.loads(text)}
            returned = {b for (text,) in conn.execute(sa.text("SELECT items FROM returns")) for b in
                        (i["batchId"] for i in json.loads(text))}
            sold = {b for _, b, _ in lines}
    finally:
        engine.dispose()
    assert items == lines
    assert returned <= sold
