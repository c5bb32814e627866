"""Writing generated frames into the target database (PostgreSQL, MariaDB/MySQL or SQLite) and reading them back."""

from seed_pipeline.loaders.errors import SeedDatabaseError
from seed_pipeline.loaders.resource import DEFAULT_URL, SeedDatabase, WriteResult

__all__ = ["DEFAULT_URL", "SeedDatabase", "SeedDatabaseError", "WriteResult"]
