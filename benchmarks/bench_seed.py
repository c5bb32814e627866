"""Times a whole seed (all 120 tables, full scenario) on each engine: a benchmark, not a test.

    .venv/bin/python benchmarks/bench_seed.py [--scenario full] [--engines sqlite,postgresql,mysql]

Each engine gets a fresh database (dropped afterwards); the seed runs through the real CLI and
Dagster job, so the time includes generation, the bulk loads and Dagster's own overhead.
"""

import argparse
import os
import secrets
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import sqlalchemy as sa

from seed_pipeline.cli.main import main
from seed_pipeline.loaders.engines import dispose, make_engine

SERVERS = {
    "postgresql": os.environ.get("SEED_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test"),
    "mysql": os.environ.get("SEED_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/test"),
}


def _fresh(engine_name: str, workdir: Path) -> tuple[str, callable]:
    if engine_name == "sqlite":
        return f"sqlite:///{workdir / 'bench.sqlite'}", lambda: None
    server = sa.engine.make_url(SERVERS[engine_name])
    admin = make_engine(server.render_as_string(hide_password=False)).execution_options(isolation_level="AUTOCOMMIT")
    name = f"seedbench_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    url = server.set(database=name).render_as_string(hide_password=False)

    def drop():
        dispose(url)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE {name}" + (" WITH (FORCE)" if engine_name == "postgresql" else ""))
        admin.dispose()

    return url, drop


def bench(engine_name: str, scenario: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        url, drop = _fresh(engine_name, Path(tmp))
        try:
            out = StringIO()
            started = time.perf_counter()
            with redirect_stdout(out):
                code = main(["seed", "--db", url, "--scenario", scenario, "--end-date", "2026-10-31"])
            seconds = time.perf_counter() - started
            summary = next(line for line in out.getvalue().splitlines() if line.startswith("seeded"))
            print(f"{engine_name:<11} exit {code}  {seconds:6.1f} s wall  | {summary}")
        finally:
            drop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", default="full")
    parser.add_argument("--engines", default="sqlite,postgresql,mysql")
    args = parser.parse_args()
    for engine_name in args.engines.split(","):
        bench(engine_name, args.scenario)
