"""Building blocks of the schema model: TERP's MySQL conventions and the references its DDL leaves out.

Every domain module builds its tables on the shared ``metadata`` with these helpers, so that
the same model creates TERP's exact schema on MariaDB and a faithful one on PostgreSQL and SQLite.
"""

import hashlib
from dataclasses import dataclass
from types import MappingProxyType

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import CreateColumn, CreateIndex
from sqlalchemy.sql.compiler import FK_ON_DELETE, FK_ON_UPDATE

def _referred(constraint: sa.ForeignKeyConstraint, _table: sa.Table) -> str:
    """``<target>_<targetcol>`` of a foreign key, read from its spelling: the target table may come later."""
    return constraint.elements[0].target_fullname.replace(".", "_")


# TERP's (drizzle's) constraint names: a foreign key or unique key declared without a name gets these,
# so only names TERP shortened (a hash for those over 64 characters) or chose itself are written out.
NAMING = {
    "referred": _referred,
    "fk": "%(table_name)s_%(column_0_name)s_%(referred)s_fk",
    "uq": "%(table_name)s_%(column_0_N_name)s_unique",
}
metadata = sa.MetaData(naming_convention=NAMING)

# TERP's `DEFAULT (now())`; a literal keyword every engine accepts as a column default.
NOW = sa.text("CURRENT_TIMESTAMP")

# TERP's `ON UPDATE CURRENT_TIMESTAMP` (MySQL only); rendered by the hook below.
ON_UPDATE_NOW = MappingProxyType({"on_update_now": True})

MAX_IDENTIFIER = 63  # PostgreSQL's limit; MySQL allows 64


class Timestamp(sa.TIMESTAMP):
    """TERP's ``timestamp``: whole seconds.

    Dagster's storage layer registers a MySQL compile hook that turns every ``sa.TIMESTAMP`` into
    ``TIMESTAMP(6)`` for its own tables, in any process that imports it; this type compiles itself.
    """

    cache_ok = True


@compiles(Timestamp, "mysql")
def _mysql_timestamp(element, compiler, **kw):
    return "TIMESTAMP"


def table(name: str, *items, **kw) -> sa.Table:
    """A TERP table on the shared ``metadata``: its columns, keys and indexes, named by TERP's conventions."""
    return sa.Table(name, metadata, *items, **kw)


def serial() -> sa.Column:
    """TERP's ``id int AUTO_INCREMENT`` primary key."""
    return sa.Column("id", sa.Integer(), primary_key=True)


def foreign(name: str, target: str, ondelete: str | None = None, fk_name: str | None = None, **kw) -> sa.Column:
    """An int column with a declared foreign key to ``target.id``; ``fk_name`` only where TERP's name is not
    the convention's (drizzle shortens names over 64 characters with a hash)."""
    return sa.Column(name, sa.Integer(), sa.ForeignKey(f"{target}.id", name=fk_name, ondelete=ondelete), **kw)


def created(name: str, nullable: bool = False) -> sa.Column:
    """TERP's creation stamp (``createdAt`` or ``created_at``): a timestamp that defaults to now()."""
    return sa.Column(name, Timestamp(), nullable=nullable, server_default=NOW)


def updated(name: str, nullable: bool = False) -> sa.Column:
    """TERP's update stamp: now() when the row is written and, on MySQL, whenever it changes."""
    return sa.Column(name, Timestamp(), nullable=nullable, server_default=NOW, info=ON_UPDATE_NOW)


def scoped_name(*parts: str) -> str:
    """A name unique per schema and short enough for PostgreSQL, stable across runs."""
    name = "_".join(parts)
    if len(name) <= MAX_IDENTIFIER:
        return name
    digest = hashlib.sha1(name.encode()).hexdigest()[:8]
    return f"{name[: MAX_IDENTIFIER - 9]}_{digest}"


def enum(table: str, column: str, *values: str) -> sa.Enum:
    """TERP's inline MySQL ENUM; PostgreSQL needs a named type, so it gets one per column."""
    return sa.Enum(*values, name=scoped_name(table, column), validate_strings=True)


@dataclass(frozen=True)
class LogicalTarget:
    """What an undeclared reference points at: TERP's code joins on it, its DDL does not say so."""

    table: str
    column: str = "id"


def refers_to(table: str, column: str = "id") -> dict:
    """Column info for a logical reference: honoured like a foreign key, never emitted as one."""
    return {"references": LogicalTarget(table, column)}


@dataclass(frozen=True)
class Polymorphic:
    """A type column naming the target table and an id column holding its key.

    ``targets`` maps each type value the seeder writes to a table; a value mapped to None
    (such as ``GLOBAL``) means the id column stays NULL.
    """

    type_column: str
    id_column: str
    targets: MappingProxyType

    def values(self) -> list[str]:
        return list(self.targets)


def polymorphic(type_column: str, id_column: str, targets: dict[str, str | None]) -> Polymorphic:
    return Polymorphic(type_column, id_column, MappingProxyType(dict(targets)))


def polymorphic_refs(*refs: Polymorphic) -> dict:
    """Table info holding the table's polymorphic references."""
    return {"polymorphic": refs}


@compiles(CreateColumn, "mysql")
def _mysql_on_update(element, compiler, **kw):
    text = compiler.visit_create_column(element, **kw)
    if text is not None and element.element.info.get("on_update_now"):
        text += " ON UPDATE CURRENT_TIMESTAMP"
    return text


@compiles(CreateIndex, "postgresql")
@compiles(CreateIndex, "sqlite")
def _schema_wide_index_name(element, compiler, **kw):
    """MySQL scopes index names per table (TERP has a dozen `idx_user_id`); these engines per schema."""
    text = compiler.visit_create_index(element, **kw)
    index = element.element
    old = compiler.preparer.quote(index.name)
    new = compiler.preparer.quote(scoped_name(index.table.name, index.name))
    return text.replace(f"INDEX {old} ON", f"INDEX {new} ON", 1)


@compiles(sa.ForeignKeyConstraint, "mysql")
def _mysql_explicit_fk_actions(element, compiler, **kw):
    """TERP's DDL spells out `ON DELETE no action ON UPDATE no action`; MySQL reports an omitted rule as RESTRICT."""
    phrase = compiler.preparer.validate_sql_phrase
    text = compiler.define_constraint_preamble(element, **kw)
    text += compiler.define_foreign_key_body(element, **kw)
    text += compiler.define_constraint_match(element)
    text += f" ON DELETE {phrase(element.ondelete or 'NO ACTION', FK_ON_DELETE)}"
    text += f" ON UPDATE {phrase(element.onupdate or 'NO ACTION', FK_ON_UPDATE)}"
    return text
