"""`plan` says how many rows a fresh seed writes in each table, exactly, without a database: the oracle
is the row count of every table in a database the real CLI seeded with the same settings."""

import pytest

from seed_pipeline.cli.main import main
from seed_pipeline.cli.plan import build_plan
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline_tests.conftest import SEED_END
from seed_pipeline_tests.dbtools import row_counts

slow = pytest.mark.slow
# (scenario, seed, scale): three seeds of light; full at whole scale (the seeds the figures' test shares)
# and at half scale; the two odd scenarios.
SETTINGS = [
    ("light", 42, 1.0), ("light", 3, 1.0), ("light", 9, 1.0),
    pytest.param(("full", 42, 1.0), marks=slow), pytest.param(("full", 1, 1.0), marks=slow),
    pytest.param(("full", 2, 1.0), marks=slow), pytest.param(("full", 5, 0.5), marks=slow),
    pytest.param(("edge-cases", 42, 1.0), marks=slow), pytest.param(("chaos", 42, 1.0), marks=slow),
]


@pytest.mark.parametrize("chosen", SETTINGS, ids=lambda s: "-".join(map(str, s)))
def test_the_plan_counts_what_the_seed_writes(seeded_sqlite, chosen):
    scenario, seed, scale = chosen
    written = row_counts(f"sqlite:///{seeded_sqlite(scenario, seed, SEED_END, scale)}")
    planned = {s.table: s.rows for s in build_plan(SeedSettings.parse(scenario, seed, scale, SEED_END))}
    assert planned == written


def test_a_selection_plans_the_counts_of_a_whole_seed(seeded_sqlite, capsys):
    written = row_counts(f"sqlite:///{seeded_sqlite('light', 42, SEED_END)}")
    capsys.readouterr()  # the seed's own report, when this test made it
    assert main(["plan", "--scenario", "light", "--seed", "42", "--end-date", SEED_END,
                 "--select", "key:productMedia or key:order_line_items"]) == 0
    head, *lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[1]: int(line.split()[3].replace(",", "")) for line in lines}
    assert rows == {t: written[t] for t in ("order_line_items", "productMedia")}
    assert f"2 tables, {written['order_line_items'] + written['productMedia']:,} rows in a fresh seed" in head
