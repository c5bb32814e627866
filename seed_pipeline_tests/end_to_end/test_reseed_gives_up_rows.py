"""A reseed that gives up seeded rows users' rows point at (fewer rows with the new settings) refuses
before writing anything, listing those rows; told to keep them, it hands them over to the users'
side and the users' rows stay valid and byte-identical."""

import pytest

from seed_pipeline.cli.main import main
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.dbtools import fingerprint, integrity_violations
from seed_pipeline_tests.end_to_end.reseed import fresh, seed
from seed_pipeline_tests.loaders.samples import insert, scalar, snapshot

USERS = 900002  # the id of each users' row below


def _users_rows_on_the_last_seeded_rows(url: str) -> tuple[int, int]:
    """A reminder on the last seeded event and an order of the last seeded client (declared references
    that cascade): both made by scale 2 only, and an order line on the first batch. The targets' ids."""
    event = scalar(url, "SELECT max(id) FROM calendar_events")
    client = scalar(url, "SELECT max(id) FROM clients")
    insert(url, "calendar_reminders", id=USERS, event_id=event, user_id=1, reminder_time="2026-10-01 09:00:00",
           method="EMAIL", status="PENDING")
    insert(url, "orders", id=USERS, order_number="USER-ORD-2", orderType="SALE", client_id=client, items="[]",
           subtotal=0, total=0, paymentTerms="COD", created_by=1)
    insert(url, "order_line_items", id=USERS, order_id=USERS, batch_id=1, quantity=1, cogs_per_unit=1,
           original_cogs_per_unit=1, margin_percent=0, margin_dollar=0, margin_source="MANUAL", unit_price=1, line_total=1)
    return event, client


def _rows(url: str, picks: dict[str, int]) -> dict[str, list[tuple]]:
    """The rows ``table: id`` exactly as stored."""
    found = snapshot(url, sorted(picks))
    return {t: [row for row in found[t] if row.id == i] for t, i in picks.items()}


@pytest.mark.parametrize("engine", ["sqlite_url", "pg_url", "mysql_url"])
def test_a_reseed_giving_up_rows_users_point_at_refuses_before_writing(request, engine, capsys):
    url = request.getfixturevalue(engine)
    assert seed(url, "--scale", "2") == 0
    event, client = _users_rows_on_the_last_seeded_rows(url)
    before = snapshot(url, sorted(TABLES))
    capsys.readouterr()
    assert seed(url) == 2  # scale 1 makes fewer events and clients
    [line] = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert f"calendar_reminders {USERS} (event_id -> calendar_events {event})" in line
    assert f"orders {USERS} (client_id -> clients {client})" in line
    assert "--keep-referenced-rows" in line
    assert snapshot(url, sorted(TABLES)) == before  # every row and the bookkeeping as they were


@pytest.mark.parametrize("engine", ["sqlite_url", "mysql_url"])
def test_keeping_the_rows_users_point_at_hands_them_over(request, engine, seeded_sqlite):
    url = request.getfixturevalue(engine)
    assert seed(url, "--scale", "2") == 0
    event, client = _users_rows_on_the_last_seeded_rows(url)
    users = {"calendar_reminders": USERS, "orders": USERS, "order_line_items": USERS}
    kept = {"calendar_events": event, "clients": client}
    made, targets = _rows(url, users), _rows(url, kept)
    assert seed(url, "--keep-referenced-rows") == 0
    assert _rows(url, users) == made and _rows(url, kept) == targets  # byte-identical
    records = SeedDatabase(url=url).records()
    assert event not in records["calendar_events"].ids() and client not in records["clients"].ids()
    assert integrity_violations(url) == []  # the users' and the handed-over rows point at rows that exist
    # the tool's rows are a fresh scale-1 seed's: every row up to its counts
    reference = fresh(seeded_sqlite)
    fresh_counts = {t: int(records[t].row_count) for t in records if [c.name for c in TABLES[t].primary_key] == ["id"]}
    where = {t: TABLES[t].c.id <= n for t, n in fresh_counts.items()}
    assert fingerprint(url, where=where) == reference
    assert main(["verify", "--db", url]) == 0
