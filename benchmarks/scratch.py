"""Throw-away databases for the benchmarks: a SQLite file, or a new database on the PostgreSQL or
MariaDB server named by SEED_TEST_PG_URL / SEED_TEST_MYSQL_URL (as for the tests), dropped after."""

import os
import secrets
import tempfile
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from seed_pipeline.loaders.engines import dispose, make_engine

SERVERS = {
    "postgresql": os.environ.get("SEED_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test"),
    "mysql": os.environ.get("SEED_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/test"),
}
ENGINES = ("sqlite", "postgresql", "mysql")


@contextmanager
def scratch_database(engine: str):
    """Yield the URL of an empty database on ``engine``; drop it afterwards."""
    if engine == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
            yield url
            dispose(url)
        return
    server = make_url(SERVERS[engine])
    name = f"seedbench_{secrets.token_hex(4)}"
    admin_db = "postgres" if engine == "postgresql" else "information_schema"
    admin = make_engine(server.set(database=admin_db).render_as_string(hide_password=False))
    admin = admin.execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        dispose(url)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE {name}" + (" WITH (FORCE)" if engine == "postgresql" else ""))
        admin.dispose()
