"""The SQLAlchemy model is TERP's schema: every table, column, type, nullability, enum and key of the snapshot."""

import json
import re

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from seed_pipeline.schema import TABLES
from seed_pipeline_tests.shared import terp_file

DIALECT = mysql.dialect()
TYPE_NAMES = {"INTEGER": "int", "BOOL": "boolean", "NUMERIC": "decimal", "VARCHAR": "varchar"}


@pytest.fixture(scope="module")
def snapshot() -> dict:
    return json.loads(terp_file("schema.snapshot.json").read_text())["tables"]


def model_type(column: sa.Column) -> str:
    """The column's type as TERP's snapshot spells it."""
    if isinstance(column.type, sa.Enum):
        return "enum(" + ",".join(f"'{v}'" for v in column.type.enums) + ")"
    compiled = column.type.compile(dialect=DIALECT)
    name, _, args = compiled.partition("(")
    name = TYPE_NAMES.get(name, name.lower())
    return f"{name}({args.replace(' ', '')}" if args else name


def test_same_tables(snapshot):
    assert sorted(TABLES) == sorted(snapshot)
    assert len(TABLES) == 120


def test_columns_in_order_with_type_and_nullability(snapshot):
    for name, spec in snapshot.items():
        table = TABLES[name]
        assert [c.name for c in table.columns] == list(spec["columns"]), name
        for column in table.columns:
            expected = spec["columns"][column.name]
            assert model_type(column) == expected["type"], f"{name}.{column.name}"
            assert (not column.nullable) == expected["notNull"], f"{name}.{column.name} nullability"
            assert ("default" in expected) == (column.server_default is not None), f"{name}.{column.name} default"


def test_primary_keys(snapshot):
    for name, spec in snapshot.items():
        (pk,) = spec["compositePrimaryKeys"].values()
        assert [c.name for c in TABLES[name].primary_key.columns] == pk["columns"], name


def test_declared_foreign_keys(snapshot):
    for name, spec in snapshot.items():
        expected = {
            (fk["columnsFrom"][0], fk["tableTo"], fk["columnsTo"][0], fk["onDelete"].upper())
            for fk in spec["foreignKeys"].values()
        }
        actual = {
            (fk.parent.name, fk.column.table.name, fk.column.name, (fk.ondelete or "NO ACTION").upper())
            for fk in TABLES[name].foreign_keys
        }
        assert actual == expected, name


def test_unique_constraints_and_indexes(snapshot):
    for name, spec in snapshot.items():
        table = TABLES[name]
        uniques = {
            (c.name, tuple(col.name for col in c.columns))
            for c in table.constraints
            if isinstance(c, sa.UniqueConstraint)
        }
        assert uniques == {(u["name"], tuple(u["columns"])) for u in spec["uniqueConstraints"].values()}, name
        indexes = {(i.name, tuple(c.name for c in i.columns), bool(i.unique)) for i in table.indexes}
        assert indexes == {
            (i["name"], tuple(i["columns"]), i["isUnique"]) for i in spec["indexes"].values()
        }, name


def test_enum_values_are_the_apps_vocabulary(snapshot):
    for name, spec in snapshot.items():
        for column in TABLES[name].columns:
            declared = spec["columns"][column.name]["type"]
            if declared.startswith("enum("):
                assert list(column.type.enums) == re.findall(r"'([^']*)'", declared), f"{name}.{column.name}"


def test_timestamps_keep_terps_precision_after_dagster_loads():
    """Dagster's storage turns sa.TIMESTAMP into TIMESTAMP(6) on MySQL for every importer; ours stay TERP's."""
    import dagster._core.storage.sql  # noqa: F401  (registers Dagster's compile hooks)
    from sqlalchemy.schema import CreateTable

    ddl = str(CreateTable(TABLES["invoices"]).compile(dialect=DIALECT))
    assert "TIMESTAMP NOT NULL" in ddl and "TIMESTAMP(6)" not in ddl
