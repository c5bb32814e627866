"""One-line errors: what went wrong and what to do, never a driver traceback.

Database failures arrive as driver exceptions whose text differs per engine; ``describe``
turns the common ones (permissions, unique and foreign-key violations, bad values) into
the same kind of sentence on PostgreSQL, MariaDB/MySQL and SQLite.
"""

import re

from seed_pipeline.schema import TABLES


class SeedDatabaseError(RuntimeError):
    """A problem with the target database the user can fix; the message is one line."""


def one_line(text: object) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else type(text).__name__


def _driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception (SQLAlchemy wraps it in ``.orig``)."""
    return getattr(exc, "orig", None) or exc


def _code(err: BaseException) -> str:
    """MySQL error number or PostgreSQL SQLSTATE, as text; '' for SQLite.

    PyMySQL also sets a (generic) sqlstate: its error number says more.
    """
    args = getattr(err, "args", ())
    if args and isinstance(args[0], int):
        return str(args[0])
    return getattr(err, "sqlstate", None) or ""


def _message(err: BaseException) -> str:
    args = getattr(err, "args", ())
    if len(args) >= 2 and isinstance(args[0], int):  # pymysql: (code, message)
        return one_line(args[1])
    return one_line(err)


def _unique_columns(table: str | None, key: str) -> str:
    """Columns of a MySQL key name, from the model (MySQL names the key, not the columns)."""
    if table not in TABLES:
        return key
    if key == "PRIMARY":
        return ", ".join(c.name for c in TABLES[table].primary_key.columns)
    for item in (*TABLES[table].constraints, *TABLES[table].indexes):
        if item.name == key:
            return ", ".join(c.name for c in item.columns)
    return key


def _unique(err: BaseException, table: str | None, text: str) -> str:
    detail = getattr(getattr(err, "diag", None), "message_detail", None) or ""
    if m := re.search(r"Key \((.*?)\)=\((.*)\) already exists", detail):  # PostgreSQL
        table = getattr(err.diag, "table_name", None) or table
        column, value = m.group(1).replace('"', ""), m.group(2)
    elif m := re.search(r"Duplicate entry '(.*)' for key '(?:\w+\.)?(\w+)'", text):  # MySQL
        value, column = m.group(1), _unique_columns(table, m.group(2))
    elif m := re.search(r"UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)", text):  # SQLite
        parts = [p.split(".") for p in m.group(1).split(", ")]
        table, column, value = parts[0][0], ", ".join(p[-1] for p in parts), None
    else:
        return f"table {table}: a unique value is already taken ({text}); remove the conflicting row or use another --db"
    shown = f" value {value!r}" if value is not None else " a value"
    return (
        f"table {table}, column {column}:{shown} is already taken by a row this tool did not create "
        f"(or is repeated in the generated data); remove that row or use another --db"
    )


def _table_in(text: str, fallback: str | None) -> str | None:
    for pattern in (r"for table [`\"]?(?:\w+[`\"]?\.[`\"]?)?([\w]+)", r"relation \"(\w+)\"", r"table \"(\w+)\""):
        if m := re.search(pattern, text):
            return m.group(1)
    return fallback


GRANTS = {"write": "INSERT/UPDATE/DELETE", "read": "SELECT", "inspect": "SELECT", "create tables in": "CREATE"}


def describe(exc: BaseException, *, user: str, target: str, table: str | None = None, action: str = "write") -> SeedDatabaseError:
    """A SeedDatabaseError for a failed statement; ``target`` is the password-free URL.

    ``action`` is what the call was doing: "write", "read", "inspect" or "create tables in".
    """
    if isinstance(exc, SeedDatabaseError):
        return exc
    err = _driver_error(exc)
    code, text = _code(err), _message(err)
    where = f"table {table}" if table else target
    fix = f"fix the generator of {table}" if table else "check the data"
    if "readonly database" in text:
        return SeedDatabaseError(f"cannot write to {target}: the file is read-only; make it writable or use another --db")
    if code in ("42501", "1142", "1143", "1044", "1227"):
        if m := re.search(r"permission denied for sequence (\w+)", text):  # setval after explicit ids
            return SeedDatabaseError(f"user {user} cannot move sequence {m.group(1)} past the seeded ids: grant USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA to {user}")
        if "permission denied to create temporary tables" in text or (code == "1044" and action == "write"):
            return SeedDatabaseError(f"user {user} cannot create the temporary staging table in {target}: grant {'TEMPORARY ON DATABASE' if code == '42501' else 'CREATE TEMPORARY TABLES'} to {user}")
        name = _table_in(text, table) if action != "create tables in" else None
        verb = "write to" if action == "write" else action
        grant = GRANTS.get(action, "the needed privileges")
        return SeedDatabaseError(f"user {user} cannot {verb} {f'table {name}' if name else target}: grant {grant} or use another --db")
    if code in ("23505", "1062", "1586") or "UNIQUE constraint failed" in text:
        return SeedDatabaseError(_unique(err, table, text))
    if code in ("23503", "1451", "1452") or "FOREIGN KEY constraint failed" in text:
        return SeedDatabaseError(
            f"{where}: a foreign key check failed ({text}); seed the parent tables first, "
            "or remove rows that still point at rows being replaced"
        )
    if code in ("23502", "1048", "1263", "1364") or "NOT NULL constraint failed" in text:
        return SeedDatabaseError(f"{where}: a required column got no value ({text}); {fix}")
    if code.startswith("22") or code in ("1265", "1366", "1406", "1264", "1292", "4025"):
        return SeedDatabaseError(f"{where}: a value was rejected ({text}); {fix}")
    return SeedDatabaseError(f"{action} failed on {where} in {target}: {text}")


def connection_error(exc: BaseException, target: str) -> SeedDatabaseError:
    text = _message(_driver_error(exc))
    if "does not exist" in text or "Unknown database" in text:
        advice = "create the database first or fix the --db URL"
    elif target.startswith("sqlite"):
        advice = "check that the file's directory exists and is writable"
    else:
        advice = "check that the server is running and the --db URL is right"
    return SeedDatabaseError(f"cannot connect to {target}: {text}; {advice}")
