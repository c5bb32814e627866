"""The Dagster UI end to end: a real webserver seeds a phase group through GraphQL, and the
group's lineage renders its assets and their checks in headless Chromium."""

import pytest
import sqlalchemy as sa

from seed_pipeline.graph import PHASES
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.ui import browser, runs
from seed_pipeline_tests.ui.webserver import LIGHT, Webserver

GROUP = "system_defaults"  # the first phase: nothing upstream, so it seeds an empty database

# One worker runs both, sharing the server; starting it and seeding take ~25 s of the ~40 s.
pytestmark = [pytest.mark.xdist_group("dagster_ui"), pytest.mark.slow]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A webserver over an empty SQLite file, after its GROUP job ran through GraphQL."""
    workdir = tmp_path_factory.mktemp("dagster_ui")
    url = f"sqlite:///{workdir / 'target.sqlite'}"
    server = Webserver(workdir, url, LIGHT)
    try:
        server.start()
        runs.seed_group(server, GROUP)
        yield server, url
    finally:
        server.stop()


def test_phase_job_launched_through_graphql_writes_its_group_and_nothing_else(seeded):
    server, url = seeded
    assets = runs.group_assets(server, GROUP)
    assert set(assets) == set(PHASES[GROUP])
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        counts = {t: conn.execute(sa.select(sa.func.count()).select_from(TABLES[t])).scalar_one() for t in TABLES}
    engine.dispose()
    assert {t: counts[t] for t in PHASES[GROUP]} == {t: a.row_count for t, a in assets.items()}
    assert all(counts[t] > 0 for t in PHASES[GROUP]), counts
    assert {t: n for t, n in counts.items() if t not in PHASES[GROUP] and n} == {}
    unpassed = {c: s for a in assets.values() for c, s in a.checks.items() if c in a.blocking and s != "SUCCEEDED"}
    assert unpassed == {}


def test_group_lineage_draws_every_asset_with_its_checks(seeded):
    browser.require_browser()
    server, _ = seeded
    assets = runs.group_assets(server, GROUP)
    passed = {name: f"{list(a.checks.values()).count('SUCCEEDED')} / {len(a.checks)} Passed" for name, a in assets.items()}
    with browser.chromium(1400, 4000) as driver:  # tall enough that no node of the group is culled
        driver.get(browser.lineage_url(server.url, GROUP))
        nodes = browser.rendered_nodes(driver, passed)
        assert set(nodes) == set(PHASES[GROUP])
        assert all("Materialized" in text for text in nodes.values()), nodes

        users = assets["users"]
        driver.get(f"{server.url}/assets/users?view=checks")
        page = browser.wait_for_text(driver, [f"Checks ({len(users.checks)})", *users.checks])
        for check in users.blocking:
            assert f"{check}\nSucceeded" in page
