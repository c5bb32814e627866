"""Every integrity rule of every table, broken on one row just past its boundary, is reported alone with 1 row.

The rules are enumerated from the schema model (each reference, declared, logical or polymorphic;
each polymorphic vocabulary; each enum column), not from ``checks/integrity.py``, so a rule the
checks forget shows up as a case whose report is missing. Each break runs on the shared light seed
inside a transaction that is rolled back, each in a model of its own: a model builds its integrity rules on first use,
and the shared model built them as the catalog was imported, before mutmut switches a mutant on.
"""

from datetime import date

import pytest
import sqlalchemy as sa

from seed_pipeline.checks.catalog import all_checks, integrity_check
from seed_pipeline.checks.integrity import rules_for, violations
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.model import Model, shared, using
from seed_pipeline.schema import TABLES, Reference, polymorphic_of, references_from
END = date(2026, 10, 31)
SETTINGS = SeedSettings("light", 42, 1.0, END)


def _rules() -> list[tuple[str, str, object]]:
    """(table, rule name as the checks report it, what to break) for every rule the model implies."""
    rules = []
    for table, t in TABLES.items():
        rules += [(table, f"orphan {ref}", ref) for ref in references_from(table)]
        rules += [(table, f"{table}.{poly.type_column} vocabulary", poly) for poly in polymorphic_of(table)]
        rules += [(table, f"{table}.{c.name} outside its enum", c) for c in t.columns if isinstance(c.type, sa.Enum)]
    return rules


RULES = _rules()


def _q(name: str) -> str:
    return f'"{name}"'


def _one_row(conn, table: str, where: str) -> int | None:
    return conn.execute(sa.text(f"SELECT min(rowid) FROM {_q(table)} WHERE {where}")).scalar()


def _just_outside(value: str, vocabulary) -> str:
    """The value spelt with its case swapped (the slip a hand-written query makes), else one letter more."""
    swapped = value.swapcase()
    return swapped if swapped not in vocabulary and swapped != value else value + "X"


def _break_reference(conn, table: str, ref: Reference) -> set[str]:
    typed = f" AND {_q(ref.type_column)} = '{ref.type_value}'" if ref.type_column else ""
    row = _one_row(conn, table, f"{_q(ref.column)} IS NOT NULL{typed}") or _one_row(conn, table, "1 = 1")
    target = TABLES[ref.target].c[ref.target_column]
    if isinstance(target.type, sa.String):  # a key spelt one letter longer than any that exists
        nowhere = conn.execute(sa.select(sa.func.max(target) + "x")).scalar()
    else:  # the next id, not yet given
        nowhere = conn.execute(sa.select(sa.func.coalesce(sa.func.max(target), 0) + 1)).scalar()
    assignments = {ref.column: nowhere} | ({ref.type_column: ref.type_value} if ref.type_column else {})
    _update(conn, table, row, assignments)
    return {f"orphan {ref}"}


def _break_vocabulary(conn, table: str, poly) -> set[str]:
    idless = [v for v, target in poly.targets.items() if target is None]
    broken = {f"{table}.{poly.type_column} vocabulary"}
    if idless:  # a type that names no table, on a row that carries an id
        _update(conn, table, _one_row(conn, table, f"{_q(poly.id_column)} IS NOT NULL"), {poly.type_column: idless[0]})
        return broken
    row = _one_row(conn, table, f"{_q(poly.type_column)} IS NOT NULL")
    value = conn.execute(sa.text(f"SELECT {_q(poly.type_column)} FROM {_q(table)} WHERE rowid = {row}")).scalar()
    _update(conn, table, row, {poly.type_column: _just_outside(value, poly.values())})
    if isinstance(TABLES[table].c[poly.type_column].type, sa.Enum):  # the vocabulary is the enum: both rules see it
        broken.add(f"{table}.{poly.type_column} outside its enum")
    return broken


def _break_enum(conn, table: str, column: sa.Column) -> set[str]:
    row = _one_row(conn, table, f"{_q(column.name)} IS NOT NULL") or _one_row(conn, table, "1 = 1")
    value = conn.execute(sa.text(f"SELECT {_q(column.name)} FROM {_q(table)} WHERE rowid = {row}")).scalar()
    _update(conn, table, row, {column.name: _just_outside(value or column.type.enums[0], column.type.enums)})
    broken = {f"{table}.{column.name} outside its enum"}
    if any(p.type_column == column.name for p in polymorphic_of(table)):
        broken.add(f"{table}.{column.name} vocabulary")
    return broken


def _update(conn, table: str, row: int, values: dict) -> None:
    assert row is not None, f"{table} has no row to break"
    sets = ", ".join(f"{_q(column)} = :{i}" for i, column in enumerate(values))
    params = {str(i): value for i, value in enumerate(values.values())}
    assert conn.execute(sa.text(f"UPDATE {_q(table)} SET {sets} WHERE rowid = {row}"), params).rowcount == 1


def _break(conn, table: str, what) -> set[str]:
    if isinstance(what, Reference):
        return _break_reference(conn, table, what)
    if isinstance(what, sa.Column):
        return _break_enum(conn, table, what)
    return _break_vocabulary(conn, table, what)


@pytest.fixture(scope="module")
def seed_engine(seeded_sqlite):
    # foreign keys not enforced; the other worker may hold the shared seed's write lock for a moment: wait for it
    engine = sa.create_engine(f"sqlite:///{seeded_sqlite('light', 42, END.isoformat())}", connect_args={"timeout": 60})
    yield engine
    engine.dispose()


@pytest.fixture
def own_model():
    """The shared model's tables in a model whose integrity rules are built while the test runs: each test's own,
    so that mutmut, which records which tests call a function, sees every test call the rules' builders."""
    model = shared()
    with using(Model(model.metadata, model.phases, model.volumes)) as own:
        yield own


@pytest.mark.parametrize("table, rule, what", RULES, ids=[rule for _, rule, _ in RULES])
def test_integrity_rule_reports_exactly_the_one_row_broken(seed_engine, own_model, table, rule, what):
    # built while the test runs (mutmut sees it), only this table's, and before the write: a short lock
    check = integrity_check(table)
    with seed_engine.connect() as conn:
        try:
            expected = _break(conn, table, what)
            outcome = check.evaluate(conn, SETTINGS)
        finally:
            conn.rollback()  # the shared seed stays as it was
    assert rule in expected
    assert sorted(outcome.failures) == sorted(f"{r}: 1 rows" for r in expected)


def test_the_model_implies_exactly_the_rules_the_checks_run(own_model):
    run = {(table, rule) for table in TABLES for rule, _ in rules_for(table)}
    assert run == {(table, rule) for table, rule, _ in RULES}
    assert {c.asset for c in all_checks() if c.name.endswith("_integrity")} == {table for table, _ in run}


def test_the_violations_name_each_broken_rule_with_its_rows_and_table(seed_engine, own_model):
    with seed_engine.connect() as conn:
        try:
            assert violations(conn) == []
            conn.execute(sa.text("UPDATE invoices SET customerId = 999999 WHERE id IN (1, 2)"))
            conn.execute(sa.text("UPDATE orders SET orderType = 'sale' WHERE id = 1"))
            found = [str(v) for v in violations(conn)]
        finally:
            conn.rollback()
    # TERP declares no key on invoices.customerId ("will link to clients"): the reference is logical
    assert sorted(found) == ["orders.orderType outside its enum: 1 row(s) of orders",
                             "orphan invoices.customerId -> clients.id (logical): 2 row(s) of invoices"]


def test_a_known_type_without_its_optional_id_breaks_nothing(seed_engine, own_model):
    # ledgerEntries.referenceId may be NULL (an entry of no document): its type names a table, which it need not fill
    with seed_engine.connect() as conn:
        try:
            conn.execute(sa.text("UPDATE ledgerEntries SET referenceId = NULL WHERE id = (SELECT min(id) FROM ledgerEntries "
                                 "WHERE referenceType IS NOT NULL AND referenceId IS NOT NULL)"))
            found = violations(conn)
        finally:
            conn.rollback()
    assert found == []


def test_the_breaks_cover_every_kind_of_reference():
    assert {what.kind for _, _, what in RULES if isinstance(what, Reference)} == {"declared", "logical", "polymorphic"}
