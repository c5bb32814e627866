"""The commercial rules and contract hold on databases of other seeds, end dates and scenarios than the catalog's.

Each database is written table by table from the generators and filled like a seed run does, then
every rule of the commercial tables is evaluated in it.
"""

from datetime import date

import pytest
import sqlalchemy as sa

from seed_pipeline.checks import commercial, contract, sales_sheets
from seed_pipeline.contract import commercial as commercial_contract
from seed_pipeline.generation.context import GenerationContext, SeedSettings
from seed_pipeline.generation.fill import fill_deferred
from seed_pipeline.generation.registry import generator_for
from seed_pipeline.graph import build_graph
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.engines import make_engine

CONTRACT = tuple(f"{c.table}_{c.column}_" for c in (*commercial_contract.JSON, *commercial_contract.STATES))
RULES = {**commercial.RULES, **sales_sheets.RULES, **{n: r for n, r in contract.RULES.items() if n.startswith(CONTRACT)}}


def _seed(url: str, settings: SeedSettings) -> None:
    database, graph, frames = SeedDatabase(url=url), build_graph(), {}
    for table in graph.order:
        frame = generator_for(table)(GenerationContext.for_table(table, settings), {p: frames[p] for p in graph.parents(table)})
        written = database.write_table(table, frame, provenance={})
        frames[table] = written.frame
        for ref in graph.deferred_into(table):
            values = fill_deferred(GenerationContext.for_table(f"{ref.table}.{ref.column}", settings), ref, frames[ref.table], written.frame)
            database.fill_column(ref.table, ref.column, values)


@pytest.mark.parametrize("scenario, seed, end", [
    ("light", 1, date(2025, 11, 14)), ("light", 2, date(2026, 3, 31)), ("light", 3, date(2026, 7, 15)),
    ("edge-cases", 4, date(2026, 5, 31)), ("chaos", 5, date(2026, 1, 15)),
])
def test_commercial_rules_hold(sqlite_terp_url, scenario, seed, end):
    _seed(sqlite_terp_url, SeedSettings(scenario, seed, 1.0, end))
    engine = make_engine(sqlite_terp_url)
    try:
        with engine.connect() as conn:
            broken = {name: n for name, rule in RULES.items() if (n := rule(conn, end))}
    finally:
        engine.dispose()
    # 8 rules, one per JSON and state column, one more per JSON column holding rows' ids
    assert len(RULES) == 8 + len(CONTRACT) + sum(1 for c in commercial_contract.JSON if c.references)
    assert broken == {}


def _as_text(table: sa.Table, *columns: str) -> sa.Table:
    """The table with these JSON columns read as text, as a driver may give them."""
    return sa.Table(table.name, sa.MetaData(), *(sa.Column(c.name, sa.Text if c.name in columns else c.type) for c in table.c))


def test_json_columns_are_read_from_their_text(seeded_sqlite, monkeypatch):
    """A driver may give a JSON column as its text (MariaDB's JSON is LONGTEXT, which a followed live schema reflects
    as text): the pricing rules' conditions, the profiles' rules and the sample requests' products are decoded all
    the same, so the light seed still holds the rules that read them."""
    tables = dict(commercial.T)
    tables["pricing_rules"] = _as_text(tables["pricing_rules"], "conditions")
    tables["pricing_profiles"] = _as_text(tables["pricing_profiles"], "rules")
    tables["sampleRequests"] = _as_text(tables["sampleRequests"], "products")
    monkeypatch.setattr(commercial, "T", tables)
    engine = make_engine(f"sqlite:///{seeded_sqlite('light', 42, '2026-10-31')}")
    try:
        with engine.connect() as conn:
            assert isinstance(conn.execute(sa.select(tables["pricing_rules"].c.conditions)).scalar(), str)
            end = date(2026, 10, 31)
            assert [commercial.profile_prices_reproduce_charged_prices(conn, end), commercial.price_alerts_watch_real_prices(conn, end),
                    commercial.sample_log_agrees_with_batches(conn, end)] == [0, 0, 0]
    finally:
        engine.dispose()
