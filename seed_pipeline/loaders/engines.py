"""From a user's --db URL to a SQLAlchemy engine with the drivers and session settings the loaders rely on.

Users write `postgres://`, `mysql://` or `mariadb://`; the loaders need psycopg 3 (COPY) and
PyMySQL with local_infile (LOAD DATA), SQLite with foreign keys enforced and real transactions.
"""

import getpass
import threading
from datetime import date, datetime

import sqlalchemy as sa
from pymysql import converters
from pymysql.constants import FIELD_TYPE
from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from seed_pipeline.loaders.errors import SeedDatabaseError

DRIVERS = {
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
    "postgresql+psycopg2": "postgresql+psycopg",  # another tool's URL: same server, our driver
    "mysql": "mysql+pymysql",
    "mariadb": "mysql+pymysql",
    "mysql+pymysql": "mysql+pymysql",
    "mariadb+pymysql": "mysql+pymysql",
    "mysql+mysqldb": "mysql+pymysql",
    "mysql+mysqlconnector": "mysql+pymysql",
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
}
CONNECT_TIMEOUT = 10  # seconds: an unreachable host fails fast with a clear message
SQLITE_BUSY_TIMEOUT = 60  # seconds: parallel steps wait for the writer instead of failing
# compiled statements kept per engine: a seed and its checks run ~850 distinct ones, and past SQLAlchemy's
# default of 500 the cache evicted and compiled them again on every seed (~5% of a light seed's CPU)
QUERY_CACHE_SIZE = 2000
MYSQL_SESSION = (
    "SET time_zone = '+00:00', "  # TIMESTAMPs round-trip unchanged (no DST gaps)
    "sql_mode = CONCAT_WS(',', NULLIF(@@sql_mode, ''), 'STRICT_ALL_TABLES')"  # bad values fail
)



def _iso_moment(text: str) -> datetime:
    head, fraction = text[:19], text[19:]
    if (len(head) != 19 or head[4] != "-" or head[7] != "-" or head[10] not in " T" or head[13] != ":" or head[16] != ":"
            or (fraction and not (len(fraction) <= 7 and fraction[0] == "." and fraction[1:].isdigit()))):
        raise ValueError(text)  # not the shape MariaDB sends for a moment: PyMySQL decides
    return datetime.fromisoformat(text)


def _iso_day(text: str) -> date:
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(text)
    return date.fromisoformat(text)


def _fast(parse, fallback):
    """PyMySQL's converter with the C parser of ISO text first: the same value for every text MariaDB sends
    (PyMySQL's regex parse was ~10% of the checks' time on MariaDB); anything else, such as a zero date,
    goes to PyMySQL's own, which returns it as text."""
    def convert(raw):
        try:
            return parse(raw.decode("ascii") if isinstance(raw, bytes | bytearray) else raw)
        except ValueError:
            return fallback(raw)
    return convert


MYSQL_CONVERSIONS = {
    **converters.conversions,
    FIELD_TYPE.DATETIME: _fast(_iso_moment, converters.convert_datetime),
    FIELD_TYPE.TIMESTAMP: _fast(_iso_moment, converters.convert_datetime),
    FIELD_TYPE.DATE: _fast(_iso_day, converters.convert_date),
}

_ENGINES: dict[str, sa.Engine] = {}
_LOCK = threading.Lock()


def normalise_url(url: str) -> URL:
    """The URL with the driver the loaders use; a SeedDatabaseError for anything unusable."""
    try:
        parsed = make_url(str(url).strip())
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise SeedDatabaseError(
            f"malformed database URL {url!r}: expected postgresql://user@host/db, mysql://user@host/db or sqlite:///file"
        ) from None
    driver = DRIVERS.get(parsed.drivername.lower())
    if driver is None:
        raise SeedDatabaseError(
            f"unknown database driver {parsed.drivername!r} in {display(parsed)}: use postgresql://, mysql:// (mariadb://) or sqlite:///"
        )
    parsed = parsed.set(drivername=driver)
    if driver.startswith("mysql"):
        query = {"charset": "utf8mb4", **parsed.query, "local_infile": "1"}
        parsed = parsed.set(query=query)
    elif driver == "sqlite" and not parsed.database:
        raise SeedDatabaseError(f"SQLite URL {url!r} names no file: use sqlite:///path/to/file.sqlite")
    elif not parsed.database:
        raise SeedDatabaseError(f"database URL {display(parsed)} names no database: add /<database> at its end")
    return parsed


def display(url: URL | str) -> str:
    """The URL as shown to people: no password, no driver-only query settings."""
    parsed = make_url(url) if isinstance(url, str) else url
    parsed = parsed.set(query={k: v for k, v in parsed.query.items() if k not in ("local_infile", "charset")})
    return parsed.render_as_string(hide_password=True)


def user_of(url: URL) -> str:
    """Who the server sees: the URL's user, else the OS user (libpq's default)."""
    if url.get_backend_name() == "sqlite":
        return getpass.getuser()
    return url.username or getpass.getuser()


def _sqlite_hooks(engine: sa.Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # the driver's implicit BEGINs skip DDL; we emit our own
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # A write takes the write lock up front: a deferred BEGIN that later upgrades fails at
        # once ("database is locked") instead of waiting when parallel steps write.
        immediate = conn.get_execution_options().get("sqlite_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str | URL) -> sa.Engine:
    """A new engine for ``url`` (the caller disposes it); see ``engine_for`` for the shared one."""
    parsed = normalise_url(url) if isinstance(url, str) else url
    backend = parsed.get_backend_name()
    common = {"pool_pre_ping": True, "query_cache_size": QUERY_CACHE_SIZE}
    if backend == "sqlite":
        engine = sa.create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT}, **common)
        _sqlite_hooks(engine)
    elif backend == "postgresql":
        engine = sa.create_engine(parsed, connect_args={"connect_timeout": CONNECT_TIMEOUT}, **common)
    else:
        args = {"connect_timeout": CONNECT_TIMEOUT, "init_command": MYSQL_SESSION, "conv": MYSQL_CONVERSIONS}
        engine = sa.create_engine(parsed, connect_args=args, **common)
    return engine


def engine_for(url: str) -> sa.Engine:
    """One engine per URL for the whole process, so a run reuses its connections."""
    parsed = normalise_url(url)
    key = parsed.render_as_string(hide_password=False)
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = make_engine(parsed)
        return engine


def dispose(url: str | None = None) -> None:
    """Close pooled connections (all engines, or ``url``'s), e.g. before dropping a database."""
    with _LOCK:
        keys = list(_ENGINES) if url is None else [normalise_url(url).render_as_string(hide_password=False)]
        for key in keys:
            engine = _ENGINES.pop(key, None)
            if engine is not None:
                engine.dispose()
