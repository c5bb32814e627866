"""The floor: the rows a seed wrote, loaded into an empty copy of the schema through the engine's
own bulk path (SQLite executemany, PostgreSQL COPY, MariaDB LOAD DATA or multi-row INSERT), with
the indexes in place. Only the load and its commit are timed; reading the rows back is not."""

import time

from seed_pipeline.graph import build_graph
from seed_pipeline.loaders import SeedDatabase, bulk, rows
from seed_pipeline.loaders.engines import dispose, make_engine

FK_OFF = {  # deferred references point at tables loaded later
    "postgresql": "SET session_replication_role = replica",
    "mysql": "SET FOREIGN_KEY_CHECKS = 0",
}


def floor_seconds(seeded_url: str, empty_url: str) -> float:
    source = SeedDatabase(url=seeded_url)
    wires = {table: rows.prepare(table, source.read_table(table)) for table in build_graph().order}
    dispose(seeded_url)
    SeedDatabase(url=empty_url).ensure_schema()
    engine = make_engine(empty_url)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            started = time.perf_counter()
            with conn.begin():
                if conn.dialect.name in FK_OFF:
                    conn.exec_driver_sql(FK_OFF[conn.dialect.name])
                for table, wire in wires.items():
                    bulk.load(conn, table, wire)
            return time.perf_counter() - started
    finally:
        engine.dispose()
