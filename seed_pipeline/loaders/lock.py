"""One writer at a time: a database-level lock held for a whole seed run.

PostgreSQL gets a session advisory lock, MariaDB/MySQL a named GET_LOCK (both vanish with the
session, so a killed run frees them), SQLite an exclusive flock on a file beside the database
(freed by the kernel when the process dies). A second run does not wait: it refuses in one line
naming who holds the lock. The lock is re-entrant within a process, so the CLI's lock and the
Dagster resource's share one.
"""

import fcntl
import os
import socket
import threading
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from seed_pipeline.loaders.engines import display, normalise_url
from seed_pipeline.loaders.errors import SeedDatabaseError

PG_KEY = (0x5EED, 0x7E2F)  # (classid, objid) of the advisory lock
_HELD: dict[str, list] = {}  # URL -> [handle, depth, facts this process learned while holding it]
_GUARD = threading.Lock()


def holder_label(run: str | None = None) -> str:
    """Who holds the lock; a run's label starts with its id (PostgreSQL keeps 63 characters of it)."""
    since = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    held_for = f"seed-pipeline run {run}" if run else "seed-pipeline"
    return f"{held_for} pid {os.getpid()} on {socket.gethostname()} since {since}"


def _run_lock_name(run: str) -> str:
    """MariaDB/MySQL: a second named lock saying which run holds the first (names hold 64 characters)."""
    return f"seed_pipeline_run:{run.replace('-', '')}"[:64]


def _busy(target: str, holder: str) -> SeedDatabaseError:
    return SeedDatabaseError(
        f"{target} is being seeded by another run ({holder}); wait for it to finish, or stop it, then run again"
    )


def _lock_path(url) -> Path:
    path = Path(url.database).resolve()
    return path.with_name(path.name + ".seed-lock")


def _sqlite(url, target: str, run: str | None) -> object:
    lock_path = _lock_path(url)
    try:
        handle = open(lock_path, "a+")
    except OSError as exc:
        raise SeedDatabaseError(f"cannot create the lock file {lock_path}: {exc.strerror}; make its directory writable") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise _busy(target, holder) from None
    handle.seek(0)
    handle.truncate()
    handle.write(holder_label(run))
    handle.flush()
    return handle


def _server(url, target: str, run: str | None) -> object:
    engine = sa.create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 10})
    conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT set_config('application_name', :label, false)"), {"label": holder_label(run)[:63]})
            got = conn.execute(sa.text("SELECT pg_try_advisory_lock(:a, :b)"), {"a": PG_KEY[0], "b": PG_KEY[1]}).scalar()
        else:
            got = conn.execute(sa.text("SELECT GET_LOCK(CONCAT('seed_pipeline:', DATABASE()), 0)")).scalar() == 1
        if not got:
            raise _busy(target, _server_holder(conn))
        if run and conn.dialect.name == "mysql":
            conn.execute(sa.text("SELECT GET_LOCK(:name, 0)"), {"name": _run_lock_name(run)})
    except SeedDatabaseError:
        conn.close()
        engine.dispose()
        raise
    return conn


def _server_holder(conn: sa.Connection) -> str:
    if conn.dialect.name == "postgresql":
        row = conn.execute(
            sa.text(
                "SELECT a.application_name, a.usename, a.client_addr, a.pid FROM pg_locks l "
                "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                "AND l.classid = :a AND l.objid = :b AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            ),
            {"a": PG_KEY[0], "b": PG_KEY[1]},
        ).first()
        if row is None:
            return "another session"
        return f"{row.application_name or 'a session'}, user {row.usename}, server pid {row.pid}"
    holder = conn.execute(sa.text("SELECT IS_USED_LOCK(CONCAT('seed_pipeline:', DATABASE()))")).scalar()
    row = conn.execute(sa.text("SELECT USER, HOST, TIME FROM information_schema.PROCESSLIST WHERE ID = :id"), {"id": holder}).first()
    seen = f", user {row.USER} from {row.HOST}, for {row.TIME} s" if row is not None else ""
    return f"connection {holder}{seen}"


def _release(handle) -> None:
    if isinstance(handle, sa.Connection):
        try:
            if handle.dialect.name == "postgresql":
                handle.execute(sa.text("SELECT pg_advisory_unlock(:a, :b)"), {"a": PG_KEY[0], "b": PG_KEY[1]})
            else:
                handle.execute(sa.text("SELECT RELEASE_ALL_LOCKS()"))
        finally:
            engine = handle.engine
            handle.close()
            engine.dispose()
    else:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def acquire(url: str, run: str | None = None) -> None:
    """Take the run lock of ``url`` (again, if this process holds it), for Dagster run ``run`` if given;
    a SeedDatabaseError if another run holds it."""
    parsed = normalise_url(url)
    key = parsed.render_as_string(hide_password=False)
    with _GUARD:
        if key in _HELD:
            _HELD[key][1] += 1
            return
        target = display(url)
        handle = _sqlite(parsed, target, run) if parsed.get_backend_name() == "sqlite" else _server(parsed, target, run)
        _HELD[key] = [handle, 1, set()]


def held_by_run(url: str, run: str) -> bool:
    """Whether another process holds the lock of ``url`` for Dagster run ``run`` (a step of that run asks)."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        try:
            with open(_lock_path(parsed)) as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return f"seed-pipeline run {run} " in handle.read()
                fcntl.flock(handle, fcntl.LOCK_UN)  # nobody held it
                return False
        except FileNotFoundError:
            return False
    engine = sa.create_engine(parsed, poolclass=NullPool, connect_args={"connect_timeout": 10})
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "mysql":
                return conn.execute(sa.text("SELECT IS_USED_LOCK(:name)"), {"name": _run_lock_name(run)}).scalar() is not None
            return f"seed-pipeline run {run} " in _server_holder(conn)
    finally:
        engine.dispose()


def remember(url: str, fact: str) -> None:
    """Keep ``fact`` about ``url`` until this process releases its lock (no other run can change it
    meanwhile); nothing is kept when the lock is not held."""
    key = normalise_url(url).render_as_string(hide_password=False)
    with _GUARD:
        if key in _HELD:
            _HELD[key][2].add(fact)


def remembered(url: str, fact: str) -> bool:
    key = normalise_url(url).render_as_string(hide_password=False)
    with _GUARD:
        return key in _HELD and fact in _HELD[key][2]


def release(url: str) -> None:
    key = normalise_url(url).render_as_string(hide_password=False)
    with _GUARD:
        held = _HELD.get(key)
        if held is None:
            return
        held[1] -= 1
        if held[1] == 0:
            del _HELD[key]
            _release(held[0])
