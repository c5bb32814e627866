"""Shared by the reseed tests: seeding through the real CLI, fresh-seed oracles, and users' rows.

The oracle of a reseed is a fresh seed with the same settings into an empty SQLite file: the
content is the same on every engine, so one fresh fingerprint per settings serves them all. That
fresh seed is the session's shared one (``seeded_sqlite``), which other tests read too.
"""

import sqlalchemy as sa

from seed_pipeline.cli.main import main
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.dbtools import fingerprint

END = "2026-10-31"
LIGHT = ("--scenario", "light")
USERS_ID = 900001  # the id of each of the users' rows below
_FRESH: dict[tuple[str, ...], dict[str, str]] = {}
_SETTING = {"--scenario": "scenario", "--seed": "seed", "--end-date": "end_date", "--scale": "scale"}


def seed(url: str, *args: str) -> int:
    """`seed-pipeline seed` with the light scenario and END unless ``args`` say otherwise."""
    given = list(args)
    defaults = [*([] if "--scenario" in given else LIGHT), *([] if "--end-date" in given else ["--end-date", END])]
    return main(["seed", "--db", url, *defaults, *given])


def settings_of(*args: str) -> dict[str, str]:
    """The settings `seed` takes from ``args`` (flag, value pairs), as ``seeded_sqlite`` names them:
    light and END unless they say otherwise."""
    return {"end_date": END, **{_SETTING[flag]: value for flag, value in zip(args[::2], args[1::2], strict=True)}}


def fresh(seeded_sqlite, *args: str) -> dict[str, str]:
    """The fingerprint of a fresh seed with ``args``: the session's shared seed with those settings,
    digested once."""
    if args not in _FRESH:
        _FRESH[args] = fingerprint(f"sqlite:///{seeded_sqlite(**settings_of(*args))}")
    return _FRESH[args]


# Rows a user of TERP makes on top of a seeded database, pointing at seeded rows (a declared, a
# logical and a composite-key reference), with ids far past the seed's; the batch has no metadata.
USERS_ROWS = {
    "calendar_reminders": "INSERT INTO calendar_reminders (id, event_id, user_id, reminder_time, method, status) "
    "VALUES (900001, 1, 1, '2026-10-01 09:00:00', 'EMAIL', 'PENDING')",
    "orders": "INSERT INTO orders (id, order_number, orderType, client_id, items, subtotal, total, paymentTerms, "
    "created_by, intake_event_id) VALUES (900001, 'USER-ORD-1', 'SALE', 1, '[]', 0, 0, 'COD', 1, 1)",
    "order_line_items": "INSERT INTO order_line_items (id, order_id, batch_id, quantity, cogs_per_unit, "
    "original_cogs_per_unit, margin_percent, margin_dollar, margin_source, unit_price, line_total) "
    "VALUES (900001, 900001, 1, 1, 1, 1, 0, 0, 'MANUAL', 1, 1)",
    "batches": "INSERT INTO batches (id, code, sku, metadata, {copied}) SELECT 900001, 'USER-B-1', 'USER-SKU-1', NULL, "
    "{copied} FROM batches WHERE id = 1".format(
        copied=", ".join(c.name for c in TABLES["batches"].columns if c.name not in ("id", "code", "sku", "metadata"))
    ),
    "user_roles": "INSERT INTO user_roles (user_id, role_id) SELECT u.openId, r.id FROM users u, roles r "
    "WHERE u.id = 1 AND NOT EXISTS (SELECT 1 FROM user_roles x WHERE x.user_id = u.openId AND x.role_id = r.id) "
    "ORDER BY r.id LIMIT 1",
}


def add_users_rows(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            for statement in USERS_ROWS.values():
                conn.execute(sa.text(statement))
    finally:
        engine.dispose()


def _users_clauses() -> dict[str, sa.ColumnElement[bool]]:
    """Per table, the rows USERS_ROWS made (user_roles: the pairs the tool does not record as its own)."""
    clauses = {name: TABLES[name].c.id == USERS_ID for name in USERS_ROWS if name != "user_roles"}
    roles = TABLES["user_roles"]
    keys = sa.table("seed_pipeline_keys", sa.column("table_name"), sa.column("key_a"), sa.column("key_b"))
    clauses["user_roles"] = ~sa.exists().where(keys.c.table_name == "user_roles", keys.c.key_a == roles.c.user_id,
                                               keys.c.key_b == sa.cast(roles.c.role_id, sa.String(64)))
    return clauses


def users_rows(url: str) -> dict[str, list[tuple]]:
    """The users' rows exactly as stored."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {name: [tuple(r) for r in conn.execute(sa.select(TABLES[name]).where(clause))]
                    for name, clause in _users_clauses().items()}
    finally:
        engine.dispose()


def tool_fingerprint(url: str) -> dict[str, str]:
    """The fingerprint of the tool's rows: every row but the users'."""
    return fingerprint(url, where={name: ~clause for name, clause in _users_clauses().items()})
