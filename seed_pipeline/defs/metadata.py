"""What each table's materialisation shows in the UI: its column schema, a preview and a data
version computed from its rows."""

import hashlib

import dagster as dg
import pandas as pd
from sqlalchemy.dialects import mysql

from seed_pipeline.schema import TABLES

PREVIEW_ROWS = 5
_MYSQL = mysql.dialect()  # column types are shown as TERP declares them


def column_schema(table: str) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=c.name,
                type=str(c.type.compile(dialect=_MYSQL)),
                constraints=dg.TableColumnConstraints(nullable=c.nullable, unique=c.unique or False),
            )
            for c in TABLES[table].columns
        ]
    )


def preview(frame: pd.DataFrame) -> dg.MetadataValue:
    return dg.MetadataValue.md(frame.head(PREVIEW_ROWS).to_markdown(index=False))


def content_version(frame: pd.DataFrame) -> dg.DataVersion:
    """A digest of the rows as written: the same data gives the same version, so children stay fresh."""
    hashable = frame.astype({c: str for c in frame.columns if frame[c].dtype == object})  # JSON lists and dicts
    digest = hashlib.sha256(pd.util.hash_pandas_object(hashable, index=False).to_numpy().tobytes())
    digest.update(",".join(frame.columns).encode())
    return dg.DataVersion(digest.hexdigest()[:24])
