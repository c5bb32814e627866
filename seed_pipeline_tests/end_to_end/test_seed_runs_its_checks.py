"""`seed` runs every data check while seeding, and a failing one makes it exit 1 naming it (README:
"a run in which a table fails or a check fails exits 1 and names it").

One business rule is made to report broken rows (as a generator bug would make it) and a light seed
runs through the real CLI, in process, so the patched rule is the one the asset check calls.
"""

from seed_pipeline.checks import catalog
from seed_pipeline.cli.main import main

BROKEN = "client_running_totals"  # a non-blocking rule: the seed goes on and reports it


def test_seed_runs_every_check_and_exits_1_naming_the_failing_one(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(catalog.RULES, BROKEN, lambda conn, as_of: 3)
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    code = main(["seed", "--db", f"sqlite:///{tmp_path / 'seed.sqlite'}", "--scenario", "light",
                 "--end-date", "2026-10-31"])
    out, err = capsys.readouterr()
    checks = len(catalog.active_checks())
    assert BROKEN in {c.name for c in catalog.active_checks()}
    assert code == 1
    assert f"checks: {checks - 1} passed, 1 failed\n  failed: clients:{BROKEN}\n" in out
    assert err.strip() == "seed-pipeline: error: checks: 1 failed"

