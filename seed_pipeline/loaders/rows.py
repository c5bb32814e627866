"""Frames to database values and back, per column type, the same on every engine.

Generators hand over pandas frames (ints, floats for decimals, datetime64, bool, Python objects
for JSON, str). ``prepare`` turns one into a *wire frame* every bulk path can write as it is:
nullable ints, floats rounded to the column's scale, dates and timestamps as ISO text, booleans
as 0/1, JSON as canonical text. It also rejects values the target would reject, so a bad
value fails with the same message on SQLite (which checks little) as on MariaDB.
``to_frame`` does the reverse for rows read back, so a parent looks the same whether it comes
from memory or from the database.
"""

import json
import math
from decimal import Decimal

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.loaders.errors import SeedDatabaseError
from seed_pipeline.schema import TABLES

DATE_FORMAT = "%Y-%m-%d"
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
DATETIME_UNIT = "datetime64[us]"


def _json_default(value):
    """numpy scalars, Decimals and dates turn up in generated JSON; json.dumps knows none of them."""
    if isinstance(value, (np.integer, np.floating, np.bool_)):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _is_null(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def dump_json(value) -> str | None:
    if _is_null(value):
        return None
    # allow_nan=False: NaN is not JSON; PostgreSQL and MariaDB would refuse it, SQLite would not
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=_json_default, allow_nan=False)


def _datetimes(series: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_dtype(series.dtype):
        return series  # naive already, as generators make them
    values = pd.to_datetime(series)
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_convert(None)  # naive UTC
    return values


def _strings(series: pd.Series) -> pd.Series:
    """pandas' string dtype: non-str values become their text, its string methods run in C."""
    return series.astype("str")


def _check_strings(name: str, column: sa.Column, values: pd.Series) -> None:
    """Over the values as a Python list: pandas' dropna, isin and str.len cost a table of a light seed
    more than its rows, and a list is as quick per value at any size."""
    present = [v for v in values.tolist() if isinstance(v, str)]  # NULL is NaN in the str dtype
    if isinstance(column.type, sa.Enum):
        allowed = set(column.type.enums)
        bad = list(dict.fromkeys(v for v in present if v not in allowed))
        if bad:
            raise SeedDatabaseError(
                f"column {name} got {', '.join(map(repr, bad[:3]))}, not one of its values ({', '.join(column.type.enums)}); fix its generator"
            )
    elif column.type.length is not None and present:
        longest = max(present, key=len)  # the first of the longest, as idxmax gave
        if len(longest) > column.type.length:
            raise SeedDatabaseError(
                f"column {name} holds at most {column.type.length} characters, got {len(longest)} ({longest[:40]!r}...); fix its generator"
            )


def wire_column(table: str, column: sa.Column, series: pd.Series) -> pd.Series:
    """One frame column as values every bulk path writes unchanged (NaN/NA for NULL)."""
    name = f"{table}.{column.name}"
    kind = column.type
    try:
        if isinstance(kind, sa.Boolean):
            return series.astype("boolean").astype("Int64")
        if isinstance(kind, sa.Integer):
            if series.dtype == np.int64:  # no NULLs: the masked array built directly, a third of astype's cost
                return pd.Series(pd.arrays.IntegerArray(series.to_numpy(copy=True), np.zeros(len(series), dtype=bool)),
                                 index=series.index, name=series.name)
            return series.astype("Int64")
        if isinstance(kind, sa.Numeric):
            values = pd.to_numeric(series).astype("float64")
            return values.round(kind.scale) if kind.scale is not None else values
        if isinstance(kind, sa.Date):
            return _strings(_datetimes(series).dt.strftime(DATE_FORMAT))
        if isinstance(kind, sa.DateTime):
            return _strings(_datetimes(series).dt.strftime(TIMESTAMP_FORMAT))
        if isinstance(kind, sa.JSON):
            return pd.Series([dump_json(v) for v in series], index=series.index, dtype="str")
    except (TypeError, ValueError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SeedDatabaseError(f"column {name} cannot hold {series.dtype} values ({detail}); fix its generator") from None
    values = _strings(series)
    _check_strings(name, column, values)
    return values


def prepare(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The wire frame of ``frame``; a SeedDatabaseError for unknown columns or unusable values."""
    t = TABLES[table]
    unknown = [c for c in frame.columns if c not in t.c]
    if unknown:
        raise SeedDatabaseError(f"table {table} has no column {', '.join(map(str, unknown))}; fix its generator")
    if frame.columns.duplicated().any():
        raise SeedDatabaseError(f"frame for table {table} repeats columns; fix its generator")
    # each wire column is new (astype copies), so the frame takes them as they are rather than copying again
    wire = pd.DataFrame({c: wire_column(table, t.c[c], frame[c]) for c in frame.columns}, index=frame.index, copy=False)
    for key in t.primary_key.columns:
        if key.name not in wire.columns:
            raise SeedDatabaseError(f"frame for table {table} has no {key.name} column; fix its generator")
    for column in wire.columns:
        if not t.c[column].nullable and wire[column].isna().any():
            raise SeedDatabaseError(f"column {table}.{column} is required (NOT NULL) but got empty values; fix its generator")
    return wire


def records(wire: pd.DataFrame) -> list[tuple]:
    """Rows of plain Python values (None for NULL) for DB-API executemany."""
    columns = [wire[c].to_numpy(dtype=object, na_value=None).tolist() for c in wire.columns]
    return list(zip(*columns))


def read_columns(table: str) -> list[sa.ColumnElement]:
    """The table's columns as selected for ``to_frame``: decimals come back as floats."""
    out = []
    for column in TABLES[table].columns:
        if isinstance(column.type, sa.Numeric) and not isinstance(column.type, sa.Float):
            plain = sa.Numeric(column.type.precision, column.type.scale, asdecimal=False)
            out.append(sa.type_coerce(column, plain).label(column.name))
        else:
            out.append(column)
    return out


def _frame_column(column: sa.Column, values: list) -> pd.Series:
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return pd.Series(values, dtype="boolean")
    if isinstance(kind, sa.Integer):
        return pd.Series(values, dtype="Int64" if column.nullable else "int64")
    if isinstance(kind, sa.Numeric):
        return pd.Series(values, dtype="float64")
    if isinstance(kind, (sa.Date, sa.DateTime)):
        return pd.to_datetime(pd.Series(values, dtype=object)).astype(DATETIME_UNIT)
    if isinstance(kind, sa.JSON):  # already parsed by the driver or SQLAlchemy
        return pd.Series(values, dtype=object)
    return pd.Series(values, dtype="str")


def to_frame(table: str, rows: list) -> pd.DataFrame:
    """Rows read with ``read_columns`` as a frame following the generators' conventions."""
    columns = list(TABLES[table].columns)
    transposed = list(zip(*rows)) if rows else [[] for _ in columns]
    return pd.DataFrame({c.name: _frame_column(c, list(v)) for c, v in zip(columns, transposed)})
