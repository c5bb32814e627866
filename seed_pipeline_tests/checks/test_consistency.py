"""``consistency.some_buyers_lapsed`` at its edges, on copies of the light seed.

The light seed's history is October 2026 alone, too short to ask for lapsed buyers (the rule holds on it);
each case makes it longer by moving the top buyer's first order back, then places other buyers' last sales.
Lapsed is TERP's ``getLapsedBuyers``: whole days since the last SALE, from the end of the end date, 90 or more.
The end date is 2026-10-31, so its end is 2026-11-01 00:00: 2026-08-03 00:00 is exactly 90 days back, and a
history from 2026-07-03 00:00 exactly 121 (a season: a lapse and a month), from 2026-07-02 00:00 122.
"""

import shutil
import sqlite3
from datetime import date

import pytest

from seed_pipeline.checks import consistency
from seed_pipeline.loaders.engines import make_engine

END = date(2026, 10, 31)
TOP = "(SELECT client_id FROM orders GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1)"  # client 2, 17 orders
FEWEST = "(SELECT client_id FROM orders GROUP BY client_id ORDER BY count(*), client_id LIMIT 1)"  # client 3, 3 sales
QUOTING = ("(SELECT client_id FROM orders GROUP BY client_id HAVING sum(orderType = 'QUOTE') > 0 "
           "ORDER BY count(*), client_id LIMIT 1)")  # client 9: 3 sales and 2 quotes


def _top_first(moment: str) -> str:
    """The top buyer's first order moved to ``moment``: the history starts there, and that buyer still buys in October."""
    return f"UPDATE orders SET created_at = '{moment}' WHERE id = (SELECT min(id) FROM orders WHERE client_id = {TOP})"


LONG = _top_first("2026-01-05 10:00:00")


@pytest.fixture(scope="module")
def seeded(seeded_sqlite):
    return seeded_sqlite("light", 42, END.isoformat())


@pytest.fixture
def lapsed(seeded, tmp_path):
    """Runs the statements on a copy of the seed, then the rule on it."""
    def run(*statements: str) -> int:
        copy = tmp_path / "lapsed.sqlite"
        shutil.copy(seeded, copy)
        conn = sqlite3.connect(copy)
        for statement in statements:
            assert conn.execute(statement).rowcount > 0, statement
        conn.commit()
        conn.close()
        engine = make_engine(f"sqlite:///{copy}")
        try:
            with engine.connect() as c:
                return consistency.some_buyers_lapsed(c, END)
        finally:
            engine.dispose()

    return run


@pytest.mark.parametrize("statements, violations", [
    ((), 0),  # a month of history: not asked
    ((LONG,), 1),  # a long history, every buyer bought in October: none lapsed
    # a buyer whose last sale is exactly 90 days back has lapsed; a second later, 89 days and a rest, not yet
    ((LONG, f"UPDATE orders SET created_at = '2026-08-03 00:00:00' WHERE client_id = {FEWEST}"), 0),
    ((LONG, f"UPDATE orders SET created_at = '2026-08-03 00:00:01' WHERE client_id = {FEWEST}"), 1),
    # a buyer whose sales are all long past lapsed, though it asked for quotes in October: a quote is no purchase
    ((LONG, f"UPDATE orders SET created_at = '2026-07-01 10:00:00' WHERE client_id = {QUOTING} AND orderType = 'SALE'"), 0),
    # a history of exactly a season is not asked yet; a day longer, it is (none lapsed)
    ((_top_first("2026-07-03 00:00:00"),), 0),
    ((_top_first("2026-07-02 00:00:00"),), 1),
    # no order at all: nothing to ask
    (("DELETE FROM orders",), 0),
], ids=["short", "none-lapsed", "exactly-90-days", "a-second-short", "quotes-are-no-purchase", "a-season",
        "a-day-over-a-season", "no-order"])
def test_some_buyers_lapsed_at_its_edges(lapsed, statements, violations):
    assert lapsed(*statements) == violations
