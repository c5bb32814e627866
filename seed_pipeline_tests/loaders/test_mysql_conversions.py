"""The faster date and time converters given to PyMySQL return exactly what PyMySQL's own return: the
same value of the same type for every text, whether MariaDB sends it or not (a zero date stays text)."""

import random
from datetime import date, datetime

import pymysql
import pytest
import sqlalchemy as sa
from pymysql import converters
from pymysql.constants import FIELD_TYPE

from seed_pipeline.loaders.engines import MYSQL_CONVERSIONS, make_engine

TEXTS = [
    "2026-10-31 12:34:56", "2026-10-31T12:34:56", "2026-10-31 00:00:00", "1970-01-01 00:00:01", "9999-12-31 23:59:59",
    *(f"2026-10-31 12:34:56.{'123456'[:n]}" for n in range(1, 7)), "2026-10-31 12:34:56.1234567",
    "2026-10-31", "2026-1-5", "2026-1-5 1:2:3", "20261031", "20261031T123456", "2026-W44-6", "2026-304",
    "2026-10-31 12:34:56+02:00", "2026-10-31 12:34:56Z", "2026-10-31 12:34", "2026-10-31 24:00:00",
    "0000-00-00", "0000-00-00 00:00:00", "2026-02-31", "2026-02-31 00:00:00", "2026-13-01 00:00:00", "", "not a date",
]
def outcome(convert, raw):
    """What a converter makes of ``raw``: the value with its type, or the error it raises (PyMySQL's own
    raises on some texts MariaDB never sends, such as ``20261031``)."""
    try:
        value = convert(raw)
    except Exception as exc:  # noqa: BLE001 - the kind of failure is what is compared
        return "raises", type(exc)
    return type(value), value


def near_misses(count: int) -> list[str]:
    """Valid moments with one character replaced, dropped or added, and random text of their alphabet."""
    rng, alphabet = random.Random(13), "0123456789-: T.+Z"
    found = []
    for _ in range(count):
        text = rng.choice(TEXTS[:12])
        at = rng.randrange(len(text))
        found.append(rng.choice([text[:at] + rng.choice(alphabet) + text[at + 1:], text[:at] + text[at + 1:],
                                 text[:at] + rng.choice(alphabet) + text[at:],
                                 "".join(rng.choice(alphabet) for _ in range(rng.randrange(6, 28)))]))
    return found


TYPES = {"DATETIME": FIELD_TYPE.DATETIME, "TIMESTAMP": FIELD_TYPE.TIMESTAMP, "DATE": FIELD_TYPE.DATE}


@pytest.mark.parametrize("field", list(TYPES))
@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "text"])
def test_each_text_converts_as_pymysql_converts_it(field, as_bytes):
    ours, theirs = MYSQL_CONVERSIONS[TYPES[field]], converters.decoders[TYPES[field]]
    for text in TEXTS + near_misses(5_000):
        raw = text.encode() if as_bytes else text
        assert outcome(ours, raw) == outcome(theirs, raw), text


def test_the_rest_of_pymysqls_conversions_are_untouched():
    changed = {key for key, value in MYSQL_CONVERSIONS.items() if converters.conversions.get(key) is not value}
    assert changed == set(TYPES.values())
    assert MYSQL_CONVERSIONS.keys() == converters.conversions.keys()


def test_values_read_from_mariadb_are_pymysqls(mysql_url):
    """The values MariaDB itself sends for DATETIME(0 to 6), TIMESTAMP and DATE columns."""
    query = ("SELECT CAST('2026-10-31 12:34:56.123456' AS DATETIME(6)), CAST('2026-10-31 12:34:56.5' AS DATETIME(1)), "
             "CAST('2026-10-31 12:34:56' AS DATETIME), CAST('2026-10-31' AS DATE), TIMESTAMP('2026-10-31 01:02:03'), "
             "CAST(NULL AS DATETIME), DATE('1000-01-01'), CAST('9999-12-31 23:59:59.999999' AS DATETIME(6))")
    engine = make_engine(mysql_url)
    try:
        with engine.connect() as conn:
            ours = tuple(conn.exec_driver_sql(query).one())
    finally:
        engine.dispose()
    url = sa.make_url(mysql_url)
    plain = pymysql.connect(host=url.host, port=url.port or 3306, user=url.username, password=url.password or "",
                            database=url.database)
    try:
        with plain.cursor() as cursor:
            cursor.execute(query)
            theirs = cursor.fetchone()
    finally:
        plain.close()
    assert [(type(v), v) for v in ours] == [(type(v), v) for v in theirs]
    assert ours[0] == datetime(2026, 10, 31, 12, 34, 56, 123456) and ours[3] == date(2026, 10, 31)
