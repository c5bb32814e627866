"""`verify --expectations` and the `verify_expectations` job read a seeded database (a sound one passes:
checks/test_expectations.py), name what is broken, and leave the file byte for byte as it was."""

import shutil
import sqlite3

import dagster as dg

from seed_pipeline.cli.main import main
from seed_pipeline.definitions import defs
from seed_pipeline.loaders.engines import dispose
from seed_pipeline.schema import TABLES

# a strain descending from one that does not exist: no business rule reads the lineage, so only the
# strains integrity check and the strains suite can see it
BREAK = "UPDATE strains SET parentStrainId = 999999 WHERE id = 1"


def _copy(seeded_sqlite, tmp_path, *statements: str) -> tuple[str, bytes]:
    path = tmp_path / "copy.sqlite"
    shutil.copyfile(seeded_sqlite("light", 42), path)
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    return f"sqlite:///{path}", path.read_bytes()


def _unchanged(url: str, before: bytes) -> bool:
    dispose(url)
    return open(url.removeprefix("sqlite:///"), "rb").read() == before


def test_verify_with_expectations_names_the_broken_suite_and_writes_nothing(seeded_sqlite, tmp_path, capsys):
    url, before = _copy(seeded_sqlite, tmp_path, BREAK)
    assert main(["verify", "--db", url, "--expectations"]) == 1
    failed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  FAILED")]
    assert [line.split(":")[0:2] for line in failed] == [["  FAILED strains", "strains_integrity"],
                                                         ["  FAILED strains", "strains_expectations"]]
    assert failed[0] == "  FAILED strains:strains_integrity: orphan strains.parentStrainId -> strains.id (logical): 1 rows"
    assert _unchanged(url, before)


def test_the_verify_expectations_job_runs_every_suite_and_writes_nothing(seeded_sqlite, tmp_path):
    url, before = _copy(seeded_sqlite, tmp_path, BREAK)
    config = {"resources": {"database": {"config": {"url": url}},
                            "seed_settings": {"config": {"scenario": "light", "end_date": "2026-10-31"}}}}
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("verify_expectations").execute_in_process(
            run_config=config, instance=instance, raise_on_error=False)
    evaluations = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert len(evaluations) == len(TABLES)
    assert {name for name, passed in evaluations.items() if not passed} == {"strains_expectations"}
    assert _unchanged(url, before)
