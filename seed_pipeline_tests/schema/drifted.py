"""Drifted copies of TERP's schema, made at test time from TERP's own DDL (../shared/terp/schema.mysql.sql)
by the kind of edits TERP's migrations make, with the differences each edit must produce written down
by hand: the oracle `schema diff` is held to.

``DDL`` holds the reference DDL statement by statement, applies edits, and renders it for MariaDB (as
is), PostgreSQL (an enum type per column, double quotes) or SQLite (enums as text, defaults SQLite
accepts, foreign keys inside CREATE TABLE); index names are made per schema where the engine needs it.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from seed_pipeline_tests.shared import terp_file

NEWER_COLUMNS = [  # (table, column, MySQL definition, as `schema diff` spells it on MariaDB, on SQLite)
    ("users", "deleted_at", "timestamp", "timestamp", "timestamp"),
    ("clients", "region_code", "varchar(8) NOT NULL", "varchar(8) NOT NULL", "varchar(8) NOT NULL"),
    ("orders", "channel", "enum('WEB','PHONE','REP') NOT NULL", "enum(WEB, PHONE, REP) NOT NULL", "varchar(5) NOT NULL"),
    ("orders", "metadata", "json", "json", "json"),
    ("products", "shelf_life_days", "int NOT NULL", "int NOT NULL", "int NOT NULL"),
    ("invoices", "late_fee", "decimal(12,2) NOT NULL", "decimal(12,2) NOT NULL", "decimal(12,2) NOT NULL"),
    ("vendors", "is_preferred", "boolean NOT NULL DEFAULT false", "boolean NOT NULL", "boolean NOT NULL"),
    ("batches", "archived_at", "timestamp NULL", "timestamp", "timestamp"),
]
REMOVED_COLUMNS = [("orders", "notes", "text"), ("vendors", "contactPhone", "varchar(50)")]
RETYPED = [  # (table, column, old MySQL type, new MySQL type, model spelling, live spelling)
    ("paymentHistory", "amount", "varchar(20)", "decimal(15,2)", "varchar(20)", "decimal(15,2)"),
    ("batches", "amountPaid", "varchar(20)", "decimal(12,2)", "varchar(20)", "decimal(12,2)"),
]
NULLABLE_NOW = [("paymentHistory", "paymentDate")]  # NOT NULL in the model, nullable in the database
ENUM_EDITS = [  # (table, column, values added, values removed)
    ("orders", "saleStatus", ["REFUNDED"], []),
    ("orders", "quoteStatus", [], ["VIEWED"]),
    ("invoices", "status", ["DISPUTED"], ["VIEWED"]),
]
NEW_FOREIGN_KEY = ("order_line_items", "order_id", "orders")  # a logical reference TERP now declares

# 23 new tables: (name, [(column, MySQL type, NOT NULL, referenced table or None)]). They reference old
# tables and each other, NOT NULL and nullable, and delivery_routes <-> vehicles is a cycle.
NEW_TABLES = [
    ("vehicles", [("plate", "varchar(20)", True, None), ("home_route_id", "int", False, "delivery_routes")]),
    ("delivery_routes", [("name", "varchar(100)", True, None), ("driver_id", "int", True, "users"),
                         ("vehicle_id", "int", True, "vehicles")]),
    ("delivery_stops", [("route_id", "int", True, "delivery_routes"), ("order_id", "int", True, "orders"),
                        ("sequence", "int", True, None), ("arrived_at", "timestamp NULL", False, None)]),
    ("loyalty_programs", [("name", "varchar(100)", True, None), ("created_by", "int", True, "users")]),
    ("loyalty_members", [("program_id", "int", True, "loyalty_programs"), ("client_id", "int", True, "clients"),
                         ("tier", "enum('BRONZE','SILVER','GOLD')", True, None)]),
    ("loyalty_points", [("member_id", "int", True, "loyalty_members"), ("invoice_id", "int", False, "invoices"),
                        ("points", "int", True, None)]),
    ("compliance_licenses", [("vendor_id", "int", False, "vendors"), ("client_id", "int", False, "clients"),
                             ("license_number", "varchar(50)", True, None), ("expires_on", "date", False, None)]),
    ("compliance_audits", [("license_id", "int", True, "compliance_licenses"), ("auditor_id", "int", True, "users"),
                           ("outcome", "enum('PASSED','FAILED','PENDING')", True, None), ("findings", "json", False, None)]),
    ("lab_results", [("batch_id", "int", True, "batches"), ("thc_percent", "decimal(5,2)", False, None),
                     ("report", "json", False, None)]),
    ("lab_result_files", [("lab_result_id", "int", True, "lab_results"), ("url", "varchar(500)", True, None)]),
    ("price_tiers", [("name", "varchar(100)", True, None), ("min_quantity", "decimal(10,2)", True, None)]),
    ("price_tier_items", [("tier_id", "int", True, "price_tiers"), ("product_id", "int", True, "products"),
                          ("price", "decimal(12,2)", True, None)]),
    ("return_reasons", [("code", "varchar(30)", True, None), ("label", "varchar(255)", False, None)]),
    ("return_authorizations", [("order_id", "int", True, "orders"), ("reason_id", "int", True, "return_reasons"),
                               ("approved_by", "int", False, "users"), ("approved", "boolean", True, None)]),
    ("warehouse_zones", [("name", "varchar(100)", True, None), ("capacity", "int", False, None)]),
    ("zone_assignments", [("zone_id", "int", True, "warehouse_zones"), ("batch_id", "int", True, "batches")]),
    ("sales_territories", [("name", "varchar(100)", True, None), ("manager_id", "int", False, "users")]),
    ("territory_clients", [("territory_id", "int", True, "sales_territories"), ("client_id", "int", True, "clients")]),
    ("notification_channels", [("user_id", "int", True, "users"), ("kind", "enum('EMAIL','SMS','PUSH')", True, None)]),
    ("notification_deliveries", [("channel_id", "int", True, "notification_channels"),
                                 ("sent_at", "timestamp NULL", False, None), ("body", "text", False, None)]),
    ("integration_webhooks", [("created_by", "int", True, "users"), ("url", "varchar(500)", True, None)]),
    ("integration_events", [("webhook_id", "int", True, "integration_webhooks"), ("payload", "json", True, None),
                            ("received_at", "timestamp NULL", False, None)]),
    ("client_referrals", [("referrer_id", "int", True, "clients"), ("referred_id", "int", True, "clients"),
                          ("reward_points_id", "int", False, "loyalty_points")]),
]

OLDER_DROPPED_TABLE = "calendar_views"  # no table references it
OLDER_DROPPED_FOREIGN_KEY = ("client_price_alerts", "client_id", "clients")

CREATE = re.compile(r"CREATE TABLE `(\w+)` \(\n(.*)\n\)", re.S)
ALTER_FK = re.compile(r"ALTER TABLE `(\w+)` ADD CONSTRAINT `(\w+)` (FOREIGN KEY .*?) ON UPDATE no action")
QUOTED = re.compile(r"'([^']*)'")
INDEX = re.compile(r"CREATE (UNIQUE )?INDEX `(\w+)` ON `(\w+)` (.*)")


@dataclass
class DDL:
    """TERP's DDL as tables (column and constraint lines), foreign keys and indexes, editable."""

    tables: dict[str, list[str]] = field(default_factory=dict)
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # (table, name, clause)
    indexes: list[tuple[str, str, str, str]] = field(default_factory=list)  # (unique, name, table, columns)

    @classmethod
    def terp(cls) -> "DDL":
        ddl = cls()
        for statement in terp_file("schema.mysql.sql").read_text().split(";\n"):
            statement = statement.strip()
            if m := CREATE.fullmatch(statement.rstrip(";")):
                ddl.tables[m[1]] = [line.strip().rstrip(",") for line in m[2].splitlines()]
            elif m := ALTER_FK.fullmatch(statement.rstrip(";")):
                ddl.foreign_keys.append((m[1], m[2], m[3]))
            elif m := INDEX.fullmatch(statement.rstrip(";")):
                ddl.indexes.append((m[1] or "", m[2], m[3], m[4]))
            elif statement:
                raise ValueError(f"unexpected statement in TERP's DDL: {statement[:80]}")
        return ddl

    def _line(self, table: str, column: str) -> int:
        (at,) = [i for i, line in enumerate(self.tables[table]) if line.startswith(f"`{column}` ")]
        return at

    def add_column(self, table: str, column: str, definition: str) -> None:
        lines = self.tables[table]
        first_constraint = next(i for i, line in enumerate(lines) if line.startswith("CONSTRAINT"))
        lines.insert(first_constraint, f"`{column}` {definition}")

    def drop_column(self, table: str, column: str) -> None:
        del self.tables[table][self._line(table, column)]

    def replace_in_column(self, table: str, column: str, old: str, new: str) -> None:
        at = self._line(table, column)
        assert old in self.tables[table][at], (table, column, old)
        self.tables[table][at] = self.tables[table][at].replace(old, new, 1)

    def enum_values(self, table: str, column: str) -> list[str]:
        return QUOTED.findall(re.search(r"enum\(([^)]*)\)", self.tables[table][self._line(table, column)])[1])

    def add_foreign_key(self, table: str, column: str, target: str, action: str = "no action") -> None:
        self.foreign_keys.append((table, f"{table}_{column}_{target}_id_fk",
                                  f"FOREIGN KEY (`{column}`) REFERENCES `{target}`(`id`) ON DELETE {action}"))

    def drop_table(self, table: str) -> None:
        del self.tables[table]
        self.foreign_keys = [fk for fk in self.foreign_keys if fk[0] != table]
        self.indexes = [ix for ix in self.indexes if ix[2] != table]

    def drop_foreign_key(self, table: str, column: str) -> None:
        self.foreign_keys = [fk for fk in self.foreign_keys if not (fk[0] == table and f"(`{column}`)" in fk[2])]

    def mysql(self) -> str:
        """Each table's indexes and foreign keys inside its CREATE TABLE, as mysqldump writes a schema: the
        schema TERP's statements leave, without InnoDB rebuilding its dictionary for each ALTER TABLE and
        CREATE INDEX of theirs (~20 s a build on MariaDB; test_mariadb_ddl.py runs TERP's own file as it is)."""
        keys = defaultdict(list)
        for u, n, t, cols in self.indexes:
            keys[t].append(f"{u}KEY `{n}` {cols}")
        for t, n, clause in self.foreign_keys:
            keys[t].append(f"CONSTRAINT `{n}` {clause} ON UPDATE no action")
        creates = [f"CREATE TABLE `{name}` (\n\t" + ",\n\t".join(lines + keys[name]) + "\n)" for name, lines in self.tables.items()]
        return ";\n".join(["SET FOREIGN_KEY_CHECKS = 0", *creates, "SET FOREIGN_KEY_CHECKS = 1"]) + ";\n"

    def sqlite(self) -> str:
        """The same schema in SQLite's dialect: what SQLite cannot say (enum values, ON UPDATE) left out."""
        statements = []
        for name, lines in self.tables.items():
            body = [_sqlite_line(line) for line in lines]
            body += [f"CONSTRAINT `{n}` {clause}" for t, n, clause in self.foreign_keys if t == name]
            statements.append(f"CREATE TABLE `{name}` (\n\t" + ",\n\t".join(body) + "\n)")
        statements += [f"CREATE {u}INDEX `{t}_{n}` ON `{t}` {cols}" for u, n, t, cols in self.indexes]
        return ";\n".join(statements) + ";\n"


    def postgresql(self) -> str:
        """The same schema in PostgreSQL's dialect: an enum is a type of its own, named per column."""
        types, statements = [], []
        for name, lines in self.tables.items():
            body = []
            for line in lines:
                line = line.replace("int AUTO_INCREMENT NOT NULL", "integer NOT NULL").replace(" ON UPDATE CURRENT_TIMESTAMP", "")
                if m := re.match(r"`(\w+)` enum\(([^)]*)\)", line):
                    kind = f"{name}_{m[1]}"  # PostgreSQL cuts a name at 63 bytes, here and where it is used alike
                    types.append(f'CREATE TYPE "{kind}" AS ENUM ({m[2]})')
                    line = line.replace(f"enum({m[2]})", f'"{kind}"')
                body.append(line.replace("`", '"'))
            statements.append(f'CREATE TABLE "{name}" (\n\t' + ",\n\t".join(body) + "\n)")
        statements += [f'ALTER TABLE "{t}" ADD CONSTRAINT "{n}" {clause.replace("`", chr(34))}' for t, n, clause in self.foreign_keys]
        statements += [f'CREATE {u}INDEX "{t}_{n}" ON "{t}" {cols.replace("`", chr(34))}' for u, n, t, cols in self.indexes]
        return ";\n".join(types + statements) + ";\n"


def _sqlite_line(line: str) -> str:
    line = line.replace("int AUTO_INCREMENT NOT NULL", "integer NOT NULL")
    line = line.replace("DEFAULT (now())", "DEFAULT CURRENT_TIMESTAMP").replace(" ON UPDATE CURRENT_TIMESTAMP", "")
    return re.sub(r"enum\(([^)]*)\)", lambda m: f"varchar({max(map(len, QUOTED.findall(m[1])))})", line)


def _enum_line(definition: str, values: list[str]) -> str:
    return re.sub(r"enum\([^)]*\)", "enum(" + ",".join(f"'{v}'" for v in values) + ")", definition, count=1)


def new_table_ddl(ddl: DDL, name: str, columns) -> None:
    ddl.tables[name] = ["`id` int AUTO_INCREMENT NOT NULL"]
    ddl.tables[name] += [f"`{c}` {kind}{' NOT NULL' if not_null else ''}" for c, kind, not_null, _ref in columns]
    ddl.tables[name].append(f"CONSTRAINT `{name}_id` PRIMARY KEY(`id`)")
    for column, _kind, not_null, target in columns:
        if target:
            ddl.add_foreign_key(name, column, target, "cascade" if not_null else "set null")


def newer() -> DDL:
    """TERP some months on: new columns of each kind, removed and retyped columns, changed enums,
    23 new tables and a foreign key declared between old tables."""
    ddl = DDL.terp()
    for table, column, definition, *_ in NEWER_COLUMNS:
        ddl.add_column(table, column, definition)
    for table, column, _spelled in REMOVED_COLUMNS:
        ddl.drop_column(table, column)
    for table, column, old, new, *_ in RETYPED:
        ddl.replace_in_column(table, column, old, new)
    for table, column in NULLABLE_NOW:
        ddl.replace_in_column(table, column, " NOT NULL", "")
    for table, column, added, removed in ENUM_EDITS:
        values = [v for v in ddl.enum_values(table, column) if v not in removed] + added
        at = ddl._line(table, column)
        ddl.tables[table][at] = _enum_line(ddl.tables[table][at], values)
    for name, columns in NEW_TABLES:
        new_table_ddl(ddl, name, columns)
    ddl.add_foreign_key(*NEW_FOREIGN_KEY)
    return ddl


def older() -> DDL:
    """TERP before a migration the model has: one table and one foreign key fewer."""
    ddl = DDL.terp()
    ddl.drop_table(OLDER_DROPPED_TABLE)
    ddl.drop_foreign_key(*OLDER_DROPPED_FOREIGN_KEY[:2])
    return ddl


def _fk(column: str, target: str) -> str:
    return f"({column}) -> {target}(id)"


def expected_newer(engine: str) -> set[tuple]:
    """(table, kind, column, model, live) of every difference `newer()` makes, as seen on ``engine``."""
    enums = engine != "sqlite"
    out = {(t, "column_added", c, "", mariadb if enums else sqlite) for t, c, _d, mariadb, sqlite in NEWER_COLUMNS}
    out |= {(t, "column_missing", c, spelled, "") for t, c, spelled in REMOVED_COLUMNS}
    out |= {(t, "column_retyped", c, model, live) for t, c, _o, _n, model, live in RETYPED}
    out |= {(t, "nullability_changed", c, "NOT NULL", "NULL") for t, c in NULLABLE_NOW}
    if enums:
        out |= {(t, "enum_values_added", c, "", ", ".join(a)) for t, c, a, _r in ENUM_EDITS if a}
        out |= {(t, "enum_values_removed", c, ", ".join(r), "") for t, c, _a, r in ENUM_EDITS if r}
    for name, columns in NEW_TABLES:
        parents = sorted({ref for *_c, ref in columns if ref})
        refs = f"; references {', '.join(parents)}" if parents else ""
        out.add((name, "table_added", "", "", f"{len(columns) + 1} columns{refs}"))
    table, column, target = NEW_FOREIGN_KEY
    out.add((table, "foreign_key_added", "", "", _fk(column, target)))
    return out


def expected_older() -> set[tuple]:
    table, column, target = OLDER_DROPPED_FOREIGN_KEY
    return {(OLDER_DROPPED_TABLE, "table_missing", "", "", ""), (table, "foreign_key_missing", "", _fk(column, target), "")}
