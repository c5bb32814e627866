"""States TERP's screens count, present on end dates the any-seed sweep found them missing.

Each case lacked one when the sweep found it (the history's exact counts had moved every draw after
them), for want of a construction that guarantees it: light seed 6 ending 2025-04-01 had no PAID invoice (every past-due
invoice was left open), chaos seed 3 ending 2025-05-31 no credit spent in full (the only credits
that could be spent were kept or spent in part), light seed 8 ending 2025-04-30 a user without an
upcoming reminder (their next 1:1 was the next morning, its only reminder already sent); chaos seed 8
ending 2026-05-31 no credit spent in part (every credit that could be spent had lapsed), light seed 45
ending 2026-10-25 no collection call (its one overdue invoice was part paid, which counted as settled),
light seed 34 ending 2026-05-01 no batch left PHOTOGRAPHY_COMPLETE.
"""

import pytest

from datetime import date

from seed_pipeline.business.credit import credit_book
from seed_pipeline.business.history import core_history
from seed_pipeline.generation.context import GenerationContext, SeedSettings
from seed_pipeline.generation.registry import generator_for
from seed_pipeline.graph import build_graph


def test_a_one_month_history_has_a_paid_invoice_and_sale():
    history = core_history(SeedSettings("light", 6, 1.0, date(2025, 4, 1)))
    assert (history.invoices["status"] == "PAID").sum() >= 1
    assert (history.orders["saleStatus"] == "PAID").sum() >= 1


@pytest.mark.parametrize("end", [date(2025, 5, 31), date(2026, 5, 31)])
@pytest.mark.parametrize("seed", [3, 8])
def test_a_six_month_history_has_credits_open_spent_in_part_and_in_full(seed, end):
    credits = credit_book(SeedSettings("chaos", seed, 1.0, end)).credits
    assert {"ACTIVE", "PARTIALLY_USED", "FULLY_USED"} <= set(credits["status"])


def _frames_until(settings: SeedSettings, last: str) -> dict:
    """Every table up to ``last`` in graph order (parents come first), each from its parents' frames."""
    graph, frames = build_graph(), {}
    for table in graph.order[:graph.order.index(last) + 1]:
        frames[table] = generator_for(table)(GenerationContext.for_table(table, settings),
                                             {p: frames[p] for p in graph.parents(table)})
    return frames


def test_everyone_has_an_upcoming_reminder_when_a_1_1_is_the_next_morning():
    frames = _frames_until(SeedSettings("light", 8, 1.0, date(2025, 4, 30)), "calendar_reminders")
    reminders = frames["calendar_reminders"]
    assert set(frames["users"]["id"]) - set(reminders.loc[reminders["status"] == "PENDING", "user_id"]) == set()


def test_a_part_paid_overdue_invoice_gets_its_collection_calls():
    events = _frames_until(SeedSettings("light", 45, 1.0, date(2026, 10, 25)), "calendar_events")["calendar_events"]
    assert (events["event_type"] == "AR_COLLECTION").sum() >= 1


def test_a_photographed_batch_is_still_photography_complete_at_the_end():
    batches = _frames_until(SeedSettings("light", 34, 1.0, date(2026, 5, 1)), "batches")["batches"]
    assert (batches["batchStatus"] == "PHOTOGRAPHY_COMPLETE").sum() >= 1
