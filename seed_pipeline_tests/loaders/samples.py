"""Small hand-built frames covering every column type, and helpers to compare and snapshot tables."""

import datetime as dt
import math

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.loaders.engines import make_engine
from seed_pipeline.loaders.ownership import OWNERSHIP
from seed_pipeline.schema import TABLES

PROVENANCE = {"scenario": "test", "seed": 1}

# Text that trips up CSV, LOAD DATA and COPY: delimiters, quotes, escapes, NULL markers.
TRICKY = [
    "plain",
    "comma, inside",
    'quote " inside',
    "tab\tinside",
    "new\nline",
    "carriage\r\nreturn",
    "back\\slash",
    "\\N",
    "",
    "Ünïcødé 🌿 it's",
    "ends with backslash \\",
    '"starts with a quote',
    'ends with a quote"',
    "\\.",
]


def users(n: int = 4) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": np.arange(1, n + 1),
            "openId": [f"open-{i}" for i in range(1, n + 1)],
            "name": [f"User {i}" for i in range(1, n + 1)],
            "email": [f"u{i}@example.com" if i % 2 else None for i in range(1, n + 1)],
            "role": ["admin" if i == 1 else "user" for i in range(1, n + 1)],
            "createdAt": pd.to_datetime([f"2025-01-0{i} 08:30:1{i}" for i in range(1, n + 1)]),
            "lastSignedIn": pd.to_datetime([f"2025-02-0{i} 23:59:59" for i in range(1, n + 1)]),
        }
    )


def _json_value(i: int, text: str):
    """JSON of every shape: array, object (holding tricky text), bare string, number, NULL."""
    return [["whale", "vip"], {"tier": i, "note": text, "nested": {"b": [1, 2.5, None]}}, "solo", 42, None][i % 5]


def clients(n: int = 3, text: list[str] | None = None, prefix: str = "T") -> pd.DataFrame:
    text = text or [f"{i} Main St" for i in range(n)]
    n = len(text) if text else n
    return pd.DataFrame(
        {
            "id": np.arange(1, n + 1),
            "teri_code": [f"{prefix}{i:04d}" for i in range(1, n + 1)],
            "name": [f"Client {i}" for i in range(1, n + 1)],
            "address": text,
            "is_buyer": [i % 2 == 0 for i in range(n)],
            "is_seller": pd.array([True if i == 0 else None for i in range(n)], dtype="boolean"),
            "tags": [_json_value(i, text[i]) for i in range(n)],
            "pricing_profile_id": pd.array([None] * n, dtype="Int64"),
            "cogs_adjustment_value": [0.12345 * i for i in range(n)],  # rounded to 4 places
            "total_spent": [1234567.891 + i for i in range(n)],  # rounded to 2 places
            "oldest_debt_days": pd.array([i * 10 if i % 2 else None for i in range(n)], dtype="Int64"),
            "vip_portal_last_login": pd.to_datetime(["2025-03-01 10:00:00" if i == 0 else None for i in range(n)]),
        }
    )


def orders(client_ids, user_id: int = 1) -> pd.DataFrame:
    n = len(client_ids)
    return pd.DataFrame(
        {
            "id": np.arange(1, n + 1),
            "order_number": [f"ORD-{i:05d}" for i in range(1, n + 1)],
            "orderType": ["SALE" if i % 2 else "QUOTE" for i in range(1, n + 1)],
            "is_draft": [False] * n,
            "client_id": list(client_ids),
            "items": [[{"batchId": i, "qty": 1.5, "name": "Blue Dream"}] for i in range(n)],
            "subtotal": [100.005 * (i + 1) for i in range(n)],
            "total": [110.0 * (i + 1) for i in range(n)],
            "valid_until": [dt.date(2025, 4, i + 1) for i in range(n)],  # dates as objects
            "due_date": pd.to_datetime([f"2025-05-{i + 1:02d}" for i in range(n)]),  # dates as datetime64
            "paymentTerms": ["NET_30"] * n,
            "created_by": [user_id] * n,
            "converted_from_order_id": pd.array([None] + list(range(1, n)), dtype="Int64"),  # self-reference
            "notes": [None] * n,
        }
    )


def sales(n: int = 3) -> pd.DataFrame:
    """A table of logical references only, with varchar columns holding numbers."""
    return pd.DataFrame(
        {
            "id": np.arange(1, n + 1),
            "batchId": [7] * n,
            "productId": [3] * n,
            "quantity": [f"{i}.50" for i in range(n)],
            "cogsAtSale": ["800.00"] * n,
            "salePrice": ["1200.00"] * n,
            "saleDate": pd.to_datetime(["2025-05-05 12:00:00"] * n),
            "createdBy": [1] * n,
        }
    )


def roles() -> pd.DataFrame:
    return pd.DataFrame({"id": [1, 2], "name": ["Seeded admin", "Seeded clerk"], "is_system_role": [1, 0]})


def user_roles(open_ids, role_ids) -> pd.DataFrame:
    created = pd.Timestamp("2025-01-01 09:00:00")
    return pd.DataFrame({"user_id": list(open_ids), "role_id": list(role_ids), "created_at": created})


def _plain(value):
    """One comparable form per value: None for every NULL, Timestamp for dates, floats rounded."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.date, np.datetime64)):
        return pd.Timestamp(value)
    if isinstance(value, (np.integer, np.bool_)):
        return value.item()
    if isinstance(value, (float, np.floating)):
        return round(float(value), 4)
    return value


def values(series: pd.Series) -> list:
    return [_plain(v) for v in series.tolist()]


def assert_frame_written(read: pd.DataFrame, written: pd.DataFrame, table: str) -> None:
    """Every written column reads back with equal values (decimals rounded to the column's scale)."""
    assert len(read) == len(written)
    for column in written.columns:
        kind = TABLES[table].c[column].type
        expected = written[column]
        if isinstance(kind, sa.Numeric):
            expected = expected.round(kind.scale)
        assert values(read[column]) == values(expected), column


def snapshot(url: str, tables) -> dict:
    """Every row of ``tables`` and of the bookkeeping table: equal snapshots, untouched database."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            out = {}
            for name in tables:
                t = TABLES[name]
                out[name] = conn.execute(sa.select(t).order_by(*t.primary_key.columns)).all()
            if sa.inspect(conn).has_table(OWNERSHIP.name):
                out[OWNERSHIP.name] = conn.execute(sa.select(OWNERSHIP).order_by(OWNERSHIP.c.table_name)).all()
            return out
    finally:
        engine.dispose()


def execute(url: str, *statements: str) -> None:
    """Plain SQL, as another application would write it."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(sa.text(statement))
    finally:
        engine.dispose()


def insert(url: str, table: str, **row) -> None:
    """One row inserted with plain SQL, as another application would (ids from the engine unless given)."""
    columns = ", ".join(q(url, c) for c in row)
    marks = ", ".join(f":{c}" for c in row)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(f"INSERT INTO {q(url, table)} ({columns}) VALUES ({marks})"), row)
    finally:
        engine.dispose()


def scalar(url: str, statement: str):
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(statement)).scalar()
    finally:
        engine.dispose()


def q(url: str, name: str) -> str:
    """A quoted identifier for ``url``'s engine (TERP mixes case in names)."""
    return "`" + name + "`" if url.startswith("mysql") else f'"{name}"'
