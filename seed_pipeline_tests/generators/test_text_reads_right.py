"""Text the seed writes reads as a person wrote it: "1 batch", never "1 batches"."""

import re

import sqlalchemy as sa

from seed_pipeline.business.catalog import count_of
from seed_pipeline.generation.pools import pools_for
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline.schema import TABLES

# "1" counting a plural noun, not part of a number ("$1 items" is no count; "0.1 lbs" neither)
# where the history keeps the names of its companies and people
REAL_NAMES = {"clients": ("name",), "vendors": ("name", "contactName"), "brands": ("name",),
              "users": ("name",)}
ONE_OF_MANY = re.compile(r"(?<![\d.,$])\b1 (?:lines|batches|items|orders|units|days|months|clients|samples|notes|events|lots)\b")


def test_count_of_names_one_and_many():
    assert [count_of(n, "batch") for n in (0, 1, 2)] == ["0 batches", "1 batch", "2 batches"]
    assert [count_of(n, "line") for n in (1, 12)] == ["1 line", "12 lines"]


def test_no_text_counts_one_thing_as_many(seeded_sqlite):
    engine = make_engine(f"sqlite:///{seeded_sqlite('light', 42)}")
    found = []
    try:
        with engine.connect() as conn:
            for name, table in sorted(TABLES.items()):
                texts = [c for c in table.columns if isinstance(c.type, sa.String) and not isinstance(c.type, sa.Enum)]
                for column in texts:
                    for (value,) in conn.execute(sa.select(column).where(column.is_not(None))):
                        if ONE_OF_MANY.search(str(value)):
                            found.append(f"{name}.{column.name}: {value[:80]}")
    finally:
        engine.dispose()
    assert found == []


def test_text_names_only_the_companies_and_people_of_the_history(seeded_sqlite):
    """A company or person named in any text is a real row of the history: a client, vendor or brand, a user or
    a party's contact. The detector is the seed's own name pools (every made-up name comes from them); the
    oracle is the names in the seeded tables."""
    pools = pools_for(42)
    engine = make_engine(f"sqlite:///{seeded_sqlite('light', 42)}")
    try:
        with engine.connect() as conn:
            real = set()
            for table, columns in REAL_NAMES.items():
                for column in columns:
                    real |= {v for (v,) in conn.execute(sa.select(TABLES[table].c[column])) if v}
            made_up = sorted((set(pools.companies) | set(pools.people)) - real, key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(n) for n in made_up))
            found = []
            for name, table in sorted(TABLES.items()):
                texts = [c for c in table.columns if isinstance(c.type, sa.String) and not isinstance(c.type, sa.Enum)]
                for column in texts:
                    for (value,) in conn.execute(sa.select(column).where(column.is_not(None))):
                        if (hit := pattern.search(str(value))):
                            found.append(f"{name}.{column.name}: {hit.group(0)!r} in {str(value)[:60]!r}")
    finally:
        engine.dispose()
    assert found == []
