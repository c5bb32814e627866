"""Real, throw-away databases for tests: a SQLite file, and a fresh database per test on the
PostgreSQL and MariaDB servers named by SEED_TEST_PG_URL / SEED_TEST_MYSQL_URL.

A server that cannot be reached skips its tests locally; CI starts both and sets
SEED_TEST_REQUIRE_SERVERS (or CI=true), which turns such a skip into a failure.

- ``sqlite_url`` / ``pg_url`` / ``mysql_url`` / ``db_url``: an empty database (no tables).
- ``terp_url``: a database that already has TERP's schema and no rows. Creating 120 tables
  takes about a second, so the schema is made once per session: SQLite copies a template
  file, the servers keep one database and empty what the previous test touched.
- ``seeded_database(engine, scenario, seed, end_date, scale)``: the URL of a database seeded through
  the real CLI once per session and settings; tests only read it. ``seeded_sqlite(...)``: the
  same for SQLite, as a path (a test that writes copies the file first). The SQLite files are
  shared by the session's xdist workers: the first to ask seeds, the other waits for it.

Temporary files go to /dev/shm where it exists: a seed commits each table in its own transaction,
and each commit's fsync on a disk cost as much as generating a small table.
"""

import fcntl
import os
import secrets
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from seed_pipeline.cli.main import main
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.engines import dispose, make_engine
from seed_pipeline.loaders.ownership import BOOKKEEPING, KEYS, OWNERSHIP
from seed_pipeline.schema import TABLES, metadata
from seed_pipeline_tests import mutation
from seed_pipeline_tests.shared import must_not_skip

PG_SERVER = os.environ.get("SEED_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test")
MYSQL_SERVER = os.environ.get("SEED_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/test")
ENGINES = {"sqlite": "sqlite_url", "postgresql": "pg_url", "mysql": "mysql_url"}


def pytest_configure(config):
    """tmp_path and the seeded files in memory (pytest's documented temp root, inherited by the
    xdist workers); a root given by the caller wins."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", str(shm))


def pytest_collection_modifyitems(items):
    """The slow tests first (keeping their order, and the others'): the two xdist workers start the
    longest ones at once and fill the end with short ones, instead of meeting a long one last."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    mutation.unseeded_first(items)


def _admin(server_url: str, name: str) -> sa.Engine:
    """An autocommit engine on the server, connected to a database that always exists."""
    url = make_url(server_url)
    url = url.set(database="postgres" if url.get_backend_name().startswith("postgres") else "information_schema")
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception as exc:  # any driver error means "not reachable here"
        engine.dispose()
        reason = f"{name} not reachable at {url.render_as_string()}: {str(exc).splitlines()[0]}"
        if must_not_skip():
            pytest.fail(reason + " (CI or SEED_TEST_REQUIRE_SERVERS is set: CI must test every engine)")
        pytest.skip(reason)
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def _fresh_database(server_url: str, name: str):
    """Yield the URL of a new database on the server; drop it afterwards."""
    admin = _admin(server_url, name)
    database = f"seedtest_{secrets.token_hex(4)}"
    quote = admin.dialect.identifier_preparer.quote
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {quote(database)}")
    url = make_url(server_url).set(database=database).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        dispose(url)
        force = " WITH (FORCE)" if admin.dialect.name == "postgresql" else ""
        _DROPS.drop(admin, f"DROP DATABASE IF EXISTS {quote(database)}{force}")


class _Drops:
    """A server drops a database while the next test runs: dropping 120 tables is the server's disk work
    (MariaDB unlinks a file a table, PostgreSQL checkpoints), up to seconds no test needs to wait for.
    One thread per session (mutmut runs many sessions in one process and its forks)."""

    def __init__(self):
        self.pool: ThreadPoolExecutor | None = None
        self.pending: list[Future] = []

    def drop(self, admin: sa.Engine, statement: str) -> None:
        self.pending.append(self.pool.submit(self._run, admin, statement))

    @staticmethod
    def _run(admin: sa.Engine, statement: str) -> None:
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(statement)
        finally:
            admin.dispose()

    def wait(self) -> None:
        pool, pending, self.pool, self.pending = self.pool, self.pending, None, []
        pool.shutdown(wait=True)
        for dropped in pending:
            dropped.result()  # a failed drop fails the session


_DROPS = _Drops()


@pytest.fixture(scope="session", autouse=True)
def _every_database_dropped():
    """Torn down last (autouse, session): every database the session made is gone, or the session errs."""
    _DROPS.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drop-database")
    yield
    _DROPS.wait()


@pytest.fixture
def sqlite_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'seed.sqlite'}"
    yield url
    dispose(url)


@pytest.fixture
def pg_url():
    yield from _fresh_database(PG_SERVER, "PostgreSQL")


@pytest.fixture
def mysql_url():
    yield from _fresh_database(MYSQL_SERVER, "MariaDB/MySQL")


@pytest.fixture
def other_mysql_url():
    """A second fresh MariaDB/MySQL database, for comparing two schemas."""
    yield from _fresh_database(MYSQL_SERVER, "MariaDB/MySQL")


@pytest.fixture(params=list(ENGINES))
def db_url(request):
    return request.getfixturevalue(ENGINES[request.param])


# --- databases with TERP's schema -------------------------------------------------------------


def _with_schema(url: str) -> str:
    SeedDatabase(url=url).ensure_schema()
    dispose(url)
    return url


@pytest.fixture(scope="session")
def _sqlite_terp_template(tmp_path_factory):
    return _with_schema(f"sqlite:///{tmp_path_factory.mktemp('template') / 'terp.sqlite'}")


@pytest.fixture(scope="session")
def _pg_terp_database():
    for url in _fresh_database(PG_SERVER, "PostgreSQL"):
        yield _with_schema(url)


@pytest.fixture(scope="session")
def _mysql_terp_database():
    for url in _fresh_database(MYSQL_SERVER, "MariaDB/MySQL"):
        yield _with_schema(url)


def _empty(url: str) -> None:
    """Empty the tables a test touched and rewind the id counters it moved (rolled-back inserts move them too)."""
    names = [*TABLES, *BOOKKEEPING]
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            quote = conn.dialect.identifier_preparer.quote_identifier
            counts = sa.union_all(*(sa.select(sa.literal(n), sa.func.count()).select_from(sa.table(n)) for n in names))
            touched = {name for name, count in conn.execute(counts) if count}
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(
                    "SELECT setval(format('%%I.%%I', schemaname, sequencename)::regclass, 1, false) "
                    "FROM pg_sequences WHERE last_value IS NOT NULL"
                )
                for table in reversed(metadata.sorted_tables):  # children first; TRUNCATE would fsync
                    if table.name in touched:
                        conn.execute(table.delete())
                conn.execute(OWNERSHIP.delete())
                conn.execute(KEYS.delete())
                return
            moved = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND AUTO_INCREMENT > 1"
            touched |= set(conn.execute(sa.text(moved)).scalars())
            conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 0")
            for name in sorted(touched):
                conn.exec_driver_sql(f"TRUNCATE TABLE {quote(name)}")
            conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 1")
    finally:
        engine.dispose()


@pytest.fixture
def sqlite_terp_url(_sqlite_terp_template, tmp_path):
    target = tmp_path / "terp.sqlite"
    shutil.copyfile(make_url(_sqlite_terp_template).database, target)
    url = f"sqlite:///{target}"
    yield url
    dispose(url)


@pytest.fixture
def pg_terp_url(_pg_terp_database):
    _empty(_pg_terp_database)
    yield _pg_terp_database
    dispose(_pg_terp_database)


@pytest.fixture
def mysql_terp_url(_mysql_terp_database):
    _empty(_mysql_terp_database)
    yield _mysql_terp_database
    dispose(_mysql_terp_database)


@pytest.fixture(params=list(ENGINES))
def terp_url(request):
    """A database with TERP's schema (and the bookkeeping table) and no rows, on each engine."""
    return request.getfixturevalue(ENGINES[request.param].replace("_url", "_terp_url"))


# --- seeded databases, shared ------------------------------------------------------------------

SEED_END = "2026-10-31"


def _seed_into(url: str, home: Path, scenario: str, seed: int, end_date: str, scale: float) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("DAGSTER_HOME", raising=False)
        mp.chdir(home)
        args = ["--scenario", scenario, "--seed", str(seed), "--end-date", end_date, "--scale", str(scale)]
        assert main(["seed", "--db", url, *args]) == 0
    dispose(url)


def _session_root(tmp_path_factory) -> Path:
    """The folder every xdist worker of this session shares (each worker's own base is inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _shared_sqlite(root: Path, scenario: str, seed: int, end_date: str, scale: float) -> str:
    """The URL of the session's SQLite file with these settings, seeded by whichever worker asks first
    (the others wait on a lock); a seed that failed leaves no mark, so the next asker seeds again."""
    home = root / "seeded" / f"sqlite_{scenario}_{seed}_{end_date}_{scale}"
    home.mkdir(parents=True, exist_ok=True)
    path = home / "seed.sqlite"
    with open(home / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (home / "seeded").exists():
            path.unlink(missing_ok=True)
            key = mutation.seed_key("sqlite", scenario, seed, end_date, scale)
            shared = key and mutation.CACHE / f"{key}.sqlite"
            if shared and shared.exists():
                shutil.copyfile(shared, path)
            else:
                _seed_into(f"sqlite:///{path}", home, scenario, seed, end_date, scale)
                if shared and mutation.may_store():
                    mutation.CACHE.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, shared.with_suffix(".part"))
                    shared.with_suffix(".part").rename(shared)
            (home / "seeded").touch()
    return f"sqlite:///{path}"


def _shared_server_seed(server_url: str, engine: str, key: str, home: Path, settings: tuple) -> str | None:
    """Under mutmut, the URL of the server database seeded with these settings by the original code
    (seeding it if this run is of the original code), or None when this run must seed its own."""
    admin = _admin(server_url, engine)
    try:
        database = f"seed_cache_{key}"
        url = make_url(server_url).set(database=database).render_as_string(hide_password=False)
        marker = mutation.CACHE / f"{database}.{engine}"
        with admin.connect() as conn:
            listed = "SELECT datname FROM pg_database" if engine == "postgresql" else "SHOW DATABASES"
            present = database in set(conn.exec_driver_sql(listed).scalars())
        if present and marker.exists():
            return url
        if not mutation.may_store():
            return None
        mutation.CACHE.mkdir(parents=True, exist_ok=True)
        with open(mutation.CACHE / f"{database}.{engine}.lock", "w") as lock:  # runs in parallel seed it once
            fcntl.flock(lock, fcntl.LOCK_EX)
            with admin.connect() as conn:
                if marker.exists() and database in set(conn.exec_driver_sql(listed).scalars()):
                    return url  # another run seeded it while this one waited
            marker.unlink(missing_ok=True)
            quote = admin.dialect.identifier_preparer.quote
            current = f"seed_cache_{mutation.code_key()}_"
            with admin.connect() as conn:  # the shared seeds of other code are stale; this code's stay, in use or not
                for stale in [d for d in conn.exec_driver_sql(listed).scalars()
                              if d.startswith("seed_cache_") and (d == database or not d.startswith(current))]:
                    force = " WITH (FORCE)" if engine == "postgresql" else ""
                    conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {quote(stale)}{force}")
                conn.exec_driver_sql(f"CREATE DATABASE {quote(database)}")
            _seed_into(url, home, *settings)
            marker.touch()
        return url
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory):
    """A function giving the URL of a database on ``engine`` seeded with the given settings through
    the real CLI, seeding it on first use; it lives for the session, so tests only read it."""
    made: dict[tuple, str] = {}
    servers = []

    def seeded(engine: str = "sqlite", scenario: str = "light", seed: int = 42, end_date: str = SEED_END,
               scale: float = 1.0) -> str:
        key = (engine, scenario, int(seed), end_date, float(scale))
        if key not in made:
            if engine == "sqlite":
                made[key] = _shared_sqlite(_session_root(tmp_path_factory), *key[1:])
                return made[key]
            home = tmp_path_factory.mktemp(f"seeded_{engine}_{scenario}_{seed}")
            server_url = PG_SERVER if engine == "postgresql" else MYSQL_SERVER
            shared = mutation.seed_key(*key)
            if shared and (url := _shared_server_seed(server_url, engine, shared, home, key[1:])):
                made[key] = url
                return url
            server = _fresh_database(server_url, engine)
            servers.append(server)
            url = next(server)
            _seed_into(url, home, scenario, seed, end_date, scale)
            made[key] = url
        return made[key]

    yield seeded
    for server in servers:
        server.close()  # drops the database


@pytest.fixture(scope="session")
def seeded_sqlite(seeded_database):
    """A function giving the path of the SQLite file seeded with the given settings (see seeded_database)."""

    def seeded(scenario: str = "light", seed: int = 42, end_date: str = SEED_END, scale: float = 1.0) -> Path:
        return Path(make_url(seeded_database("sqlite", scenario, seed, end_date, scale)).database)

    return seeded
