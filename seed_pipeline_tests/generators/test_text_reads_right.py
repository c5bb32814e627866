"""Text the seed writes reads as a person wrote it: "1 batch", never "1 batches"."""

import re

import sqlalchemy as sa

from seed_pipeline.business.catalog import count_of
from seed_pipeline.loaders.engines import make_engine
from seed_pipeline.schema import TABLES

# "1" counting a plural noun, not part of a number ("$1 items" is no count; "0.1 lbs" neither)
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
