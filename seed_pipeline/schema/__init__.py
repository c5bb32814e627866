"""TERP's schema as SQLAlchemy Core tables, one module per business domain.

Importing this package registers all 120 tables on ``metadata``.
"""

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
from seed_pipeline.schema.references import Reference, polymorphic_of, references, references_from
from seed_pipeline.schema.types import LogicalTarget, Polymorphic, metadata

TABLES = metadata.tables

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
