"""A check reading a column that a followed schema lacks is not applicable: it reports which columns it
lacks, neither failing nor passing on data, and every check reading only present columns runs (and passes).

The drifted copies are the light seed with one column dropped; which rules read that column is written
down here by hand from reading the rules (the oracle), not worked out by the code under test.
"""

import shutil
import sqlite3
from datetime import date

import pytest

from seed_pipeline.checks.catalog import Outcome, active_checks
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.engines import dispose, make_engine
from seed_pipeline.model import using
from seed_pipeline.schema.follow import followed_model

END = date(2026, 10, 31)
SETTINGS = SeedSettings("light", 42, 1.0, END)
# (table, column dropped) -> the active checks that read it
READERS = {
    ("vendors", "contactPhone"): {"parties_in_california"},  # a vendor's phone is Californian
    ("clients", "phone"): {"parties_in_california"},  # a client's phone is of its city
    # refunds are the invoices noted as refunded; a credit is spent on an invoice paid, not refunded; a voided
    # invoice is the one noted as re-issued, which no sale, client account or write-off counts
    ("invoices", "notes"): {"refunds_share_on_target", "credits_are_spent_where_they_can_be", "unsold_counts_are_exact",
                            "voided_invoice_is_reversed_and_reissued", "one_invoice_per_order",
                            "client_accounts_match_the_books", "write_offs_posted_to_bad_debt"},
}


def outcomes(url: str, model=None) -> dict[str, Outcome]:
    engine = make_engine(url)
    try:
        with using(model), engine.connect() as conn:
            return {check.name: check.run(conn, SETTINGS) for check in active_checks()}
    finally:
        engine.dispose()


@pytest.fixture
def seeded_copy(seeded_sqlite, tmp_path):
    path = tmp_path / "drifted.sqlite"
    shutil.copyfile(seeded_sqlite("light", 42, END.isoformat()), path)
    yield path
    dispose(f"sqlite:///{path}")


@pytest.mark.parametrize("table, column", list(READERS))
def test_exactly_the_checks_reading_a_dropped_column_are_not_applicable(table, column, seeded_copy):
    with sqlite3.connect(seeded_copy) as conn:
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.close()
    url = f"sqlite:///{seeded_copy}"
    found = outcomes(url, followed_model(*SeedDatabase(url=url).live_schema()))
    skipped = {name: o for name, o in found.items() if o.not_applicable}
    assert set(skipped) == READERS[table, column]
    reason = f"reads {table}.{column}, which the database lacks"
    assert all(o == Outcome(True, {"not_applicable": reason}) for o in skipped.values())
    assert [name for name, o in found.items() if not o.passed] == []  # the others ran on the data and hold


def test_on_the_models_own_schema_every_check_runs(seeded_copy):
    found = outcomes(f"sqlite:///{seeded_copy}")
    assert [name for name, o in found.items() if o.not_applicable or not o.passed] == []
