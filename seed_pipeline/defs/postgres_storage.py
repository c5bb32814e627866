"""Dagster's PostgreSQL storage, with the driver dagster-postgres needs whatever the URL names.

dagster-postgres is written for psycopg2: under psycopg 3 its event watcher's
``NOTIFY run_events, %s`` reaches the server as ``NOTIFY run_events, $1`` and fails, and with
SQLAlchemy 2.1 a bare ``postgresql://`` URL selects psycopg 3, so the daemon, the UI and the CLI
failed. The URL operators already have (``DAGSTER_PG_URL=postgresql://...``, or one
naming psycopg 3) is therefore rewritten to ``postgresql+psycopg2://``. Used through
``storage: custom:`` in deploy/postgres/dagster.yaml.
"""

from dagster_postgres import DagsterPostgresStorage
from dagster_postgres.utils import get_token_provider_from_config, pg_url_from_config
from sqlalchemy.engine import make_url


def psycopg2_url(url: str) -> str:
    """``url`` with the psycopg2 driver; anything but PostgreSQL is returned as given."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return url
    return parsed.set(drivername="postgresql+psycopg2").render_as_string(hide_password=False)


class PostgresStorage(DagsterPostgresStorage):
    """``storage: postgres`` (the same configuration keys) on psycopg2."""

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> "PostgresStorage":
        return cls(
            inst_data=inst_data,
            postgres_url=psycopg2_url(pg_url_from_config(config_value)),
            should_autocreate_tables=config_value.get("should_autocreate_tables", True),
            token_provider=get_token_provider_from_config(config_value),
        )
