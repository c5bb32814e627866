"""How fast the loaders write: a 1M-row narrow table (productSynonyms: int, int, varchar, timestamp)
through the same path as ``write_table``, on each engine, printed as rows/s.

Not a test. Run: python -m benchmarks.bench_loaders [--rows N] [--engines sqlite,postgresql,mysql]
Servers come from SEED_TEST_PG_URL / SEED_TEST_MYSQL_URL (as for the tests); each run uses a
throw-away database ``seedbench_<random>`` and drops it afterwards.
"""

import argparse
import time

import numpy as np
import pandas as pd
import sqlalchemy as sa

from benchmarks.scratch import scratch_database
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders import bulk, rows

TABLE = "productSynonyms"


def narrow_frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "id": np.arange(1, n + 1),
            "productId": rng.integers(1, 5_000, n),
            "synonym": pd.Series([f"synonym {i}, \"grade\" {i % 7}" for i in range(n)]),
            "createdAt": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 60_000_000, n), unit="s"),
        }
    )


def rate(n: int, seconds: float) -> str:
    return f"{seconds:7.2f} s  {n / seconds:>12,.0f} rows/s"


def bench(engine: str, frame: pd.DataFrame, insert_rows: int) -> None:
    n = len(frame)
    with scratch_database(engine) as url:
        db = SeedDatabase(url=url)
        db.ensure_schema()
        started = time.perf_counter()
        wire = rows.prepare(TABLE, frame)
        print(f"{engine:10} prepare (frame -> wire values)   {rate(n, time.perf_counter() - started)}")
        first = db.write_table(TABLE, frame, {"bench": True})
        print(f"{engine:10} write_table, empty table         {rate(n, first.seconds)}")
        again = db.write_table(TABLE, frame, {"bench": True})
        print(f"{engine:10} write_table, replacing (staged)  {rate(n, again.seconds)}")
        if engine == "mysql":  # the path taken when the server refuses LOAD DATA LOCAL
            part = wire.iloc[:insert_rows].assign(id=wire["id"].iloc[:insert_rows] + n)
            with db.engine().begin() as conn:
                started = time.perf_counter()
                bulk.insert_many(conn, TABLE, part)
                seconds = time.perf_counter() - started
                conn.rollback()
            print(f"{engine:10} multi-row INSERT fallback ({len(part):,}) {rate(len(part), seconds)}")
        with db.engine().connect() as conn:
            assert conn.execute(sa.text(f"SELECT count(*) FROM {bulk._q(conn, TABLE)}")).scalar() == n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--engines", default="sqlite,postgresql,mysql")
    parser.add_argument("--insert-rows", type=int, default=200_000, help="rows for the MariaDB INSERT fallback")
    args = parser.parse_args()
    frame = narrow_frame(args.rows)
    print(f"{args.rows:,} rows of {TABLE} ({', '.join(frame.columns)})")
    for engine in args.engines.split(","):
        bench(engine, frame, args.insert_rows)


if __name__ == "__main__":
    main()
