"""`verify --expectations` and the `verify_expectations` job read a seeded database (a sound one passes:
checks/test_expectations.py), name what is broken in the tool's rows, not in the users' rows beside
them, and leave the database as it was."""

import shutil
import sqlite3

import dagster as dg
import pytest
import sqlalchemy as sa

from seed_pipeline.checks.expectations import Validator, validate_all
from seed_pipeline.cli.main import main
from seed_pipeline.definitions import defs
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.loaders.engines import dispose, make_engine
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.end_to_end.reseed import END, seed
from seed_pipeline_tests.loaders.samples import insert

# a strain descending from one that does not exist: no business rule reads the lineage, so only the
# strains integrity check and the strains suite can see it
BREAK = "UPDATE strains SET parentStrainId = 999999 WHERE id = 1"
ORPHAN_STRAIN = ("unexpected_rows_expectation", "orphan strains.parentStrainId -> strains.id (logical)", 1)
USERS = 900001  # the id of each users' row below


def add_users_rows(url: str) -> None:
    """Rows another application added, each outside what a seed may hold, so a suite judging them fails:
    a $1M sale made in 2030 (revenue, dates), a reminder of 2030, and a strain descending from none."""
    later = "2030-01-01 09:00:00"
    insert(url, "orders", id=USERS, order_number="USER-ORD-1", orderType="SALE", is_draft=False, client_id=1,
           items="[]", subtotal=1_000_000, total=1_000_000, paymentTerms="COD", created_by=1, created_at=later)
    insert(url, "calendar_reminders", id=USERS, event_id=1, user_id=1, reminder_time=later, created_at=later)
    insert(url, "strains", id=USERS, name="A user's strain", standardizedName="a user's strain", parentStrainId=999999)


def _copy(seeded_sqlite, tmp_path, *statements: str) -> tuple[str, bytes]:
    """A copy of the light seed holding the users' rows, changed by ``statements``; its URL and bytes."""
    path = tmp_path / "copy.sqlite"
    shutil.copyfile(seeded_sqlite("light", 42), path)
    add_users_rows(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    return f"sqlite:///{path}", path.read_bytes()


def _unchanged(url: str, before: bytes) -> bool:
    dispose(url)
    return open(url.removeprefix("sqlite:///"), "rb").read() == before


def test_verify_with_expectations_names_the_broken_suite_of_the_tools_rows_and_writes_nothing(seeded_sqlite, tmp_path, capsys):
    url, before = _copy(seeded_sqlite, tmp_path, BREAK)
    assert main(["verify", "--db", url, "--expectations"]) == 1
    failed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  FAILED")]
    assert failed == [  # the seeded strain only: the users' orphan strain, sale and reminder are not the seed's
        "  FAILED strains:strains_integrity: orphan strains.parentStrainId -> strains.id (logical): 1 rows",
        "  FAILED strains:strains_expectations: {} [{}]: {}".format(*ORPHAN_STRAIN)]
    assert _unchanged(url, before)


def test_the_verify_expectations_job_runs_every_suite_on_the_tools_rows_and_writes_nothing(seeded_sqlite, tmp_path):
    url, before = _copy(seeded_sqlite, tmp_path, BREAK)
    config = {"resources": {"database": {"config": {"url": url}},
                            "seed_settings": {"config": {"scenario": "light", "end_date": "2026-10-31"}}}}
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("verify_expectations").execute_in_process(
            run_config=config, instance=instance, raise_on_error=False)
    evaluations = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert len(evaluations) == len(TABLES)
    assert {name for name, passed in evaluations.items() if not passed} == {"strains_expectations"}
    [strains] = [e for e in result.get_asset_check_evaluations() if e.check_name == "strains_expectations"]
    assert strains.metadata["failures"].value == "- {} [{}]: {}".format(*ORPHAN_STRAIN)
    assert _unchanged(url, before)


@pytest.mark.slow  # a light seed on each server
@pytest.mark.parametrize("engine", ["pg_url", "mysql_url"])
def test_the_suites_judge_the_tools_rows_on_a_server(request, engine):
    """On a server GE queries through a pool of its own: the users' rows stay hidden on every query."""
    url = request.getfixturevalue(engine)
    assert seed(url) == 0
    add_users_rows(url)
    settings = SeedSettings.parse("light", 42, 1.0, END)
    tables = ["calendar_reminders", "orders", "strains"]
    assert [str(r) for r in validate_all(url, settings, tables)] == [f"{t}: ok" for t in tables]
    orders = TABLES["orders"]
    with Validator(url, settings) as validator:  # any connection GE's engine hands out, even two at once
        engine = validator.execution_engine.engine
        with engine.connect() as one, engine.connect() as two:
            mine = sa.select(sa.func.count()).select_from(orders).where(orders.c.id == USERS)
            assert [one.execute(mine).scalar(), two.execute(mine).scalar()] == [0, 0]
    strains = TABLES["strains"]
    with make_engine(url).begin() as conn:  # BREAK, keeping updatedAt, which MariaDB would set to now
        conn.execute(sa.update(strains).where(strains.c.id == 1).values(parentStrainId=999999, updatedAt=strains.c.updatedAt))
    assert [r.failures for r in validate_all(url, settings, tables)] == [[], [], [ORPHAN_STRAIN]]
