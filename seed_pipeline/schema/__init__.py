"""TERP's schema as SQLAlchemy Core tables, one module per business domain.

Importing this package registers all 120 tables on ``metadata``. ``TABLES`` is the tables of the
current model (``seed_pipeline/model.py``): these, unless a followed run's model is in use.
"""

import sqlalchemy as sa
from sqlalchemy.util import OrderedSet

from seed_pipeline.schema import (  # noqa: F401  (each import registers its tables)
    access,
    accounting,
    calendar,
    clients,
    collaboration,
    credit,
    dashboards,
    inventory,
    matchmaking,
    platform,
    pricing,
    products,
    reference_data,
    sales,
    samples,
    vendors,
    vip_portal,
)
from seed_pipeline.model import ActiveTables
from seed_pipeline.schema.references import Reference, polymorphic_of, references, references_from
from seed_pipeline.schema.types import LogicalTarget, Polymorphic, metadata

TABLES = ActiveTables()


def indexes_in_name_order(metadata: sa.MetaData) -> None:
    """SQLAlchemy keeps a table's indexes in a set and creates them in its iteration order, which
    follows object addresses and so changes from process to process; SQLite stores each CREATE INDEX
    in creation order, so the same settings gave different files. In name order, they give the same bytes."""
    for table in metadata.tables.values():
        table.indexes = OrderedSet(sorted(table.indexes, key=lambda index: index.name))


indexes_in_name_order(metadata)

__all__ = [
    "TABLES",
    "LogicalTarget",
    "Polymorphic",
    "Reference",
    "metadata",
    "polymorphic_of",
    "references",
    "references_from",
]
