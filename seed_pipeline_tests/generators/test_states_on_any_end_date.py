"""States TERP's screens count, present on end dates the any-seed sweep found them missing.

Each case lacked one when the sweep found it (the history's exact counts had moved every draw after
them), for want of a construction that guarantees it: light seed 6 ending 2025-04-01 had no PAID invoice (every past-due
invoice was left open), chaos seed 3 ending 2025-05-31 no credit spent in full (the only credits
that could be spent were kept or spent in part), light seed 8 ending 2025-04-30 a user without an
upcoming reminder (their next 1:1 was the next morning, its only reminder already sent).
"""

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


def test_a_six_month_history_has_credits_open_spent_in_part_and_in_full():
    credits = credit_book(SeedSettings("chaos", 3, 1.0, date(2025, 5, 31))).credits
    assert {"ACTIVE", "PARTIALLY_USED", "FULLY_USED"} <= set(credits["status"])


def test_everyone_has_an_upcoming_reminder_when_a_1_1_is_the_next_morning():
    settings = SeedSettings("light", 8, 1.0, date(2025, 4, 30))
    graph, frames = build_graph(), {}
    for table in graph.order[:graph.order.index("calendar_reminders") + 1]:  # parents come first
        frames[table] = generator_for(table)(GenerationContext.for_table(table, settings),
                                             {p: frames[p] for p in graph.parents(table)})
    reminders = frames["calendar_reminders"]
    assert set(frames["users"]["id"]) - set(reminders.loc[reminders["status"] == "PENDING", "user_id"]) == set()
