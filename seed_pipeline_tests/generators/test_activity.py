"""The calendar and the comments tell the same story as the core history: a delivery on each
shipping day, events in every month, reminders before their events, comments after their subjects."""

import pandas as pd
import pytest

from seed_pipeline.business.activity.calendar import COMMENT_SUBJECTS, CREATED_AT, REMINDER_LEADS, event_start
from seed_pipeline.business.history.timeline import month_starts
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline_tests.helpers import generate_all, settings, shared_frames, tables_problems

pytestmark = pytest.mark.xdist_group("generated_frames")  # one worker generates the shared frames once

ACTIVITY = ("calendar_events", "calendar_reminders", "comments")


def sold(orders: pd.DataFrame) -> pd.DataFrame:
    """The sales that stand: confirmed, not a draft, not cancelled before shipping (a written-off sale shipped)."""
    gone = (orders["saleStatus"] == "CANCELLED") & orders["shipped_at"].isna()
    return orders[(orders["orderType"] == "SALE") & ~orders["is_draft"].astype(bool) & ~gone]


@pytest.fixture(scope="module", params=["light", "full"])
def seeded(request):
    chosen = settings(request.param)
    return chosen, shared_frames(chosen), GenerationContext.for_table("calendar_events", chosen).window


def test_frames_obey_the_model_and_their_references(seeded):
    chosen, frames, _ = seeded
    assert tables_problems(ACTIVITY, frames, chosen) == []


def test_every_month_of_the_history_has_events(seeded):
    _, frames, window = seeded
    held = set(frames["calendar_events"]["start_date"].dt.to_period("M"))
    assert [m for m in month_starts(window.start, window.end) if m.to_period("M") not in held] == []


def test_every_shipped_order_has_its_delivery_on_its_shipping_day(seeded):
    _, frames, _ = seeded
    e, orders = frames["calendar_events"], sold(frames["orders"])  # quotes, drafts and cancelled sales ship nothing
    deliveries = e[e["event_type"] == "DELIVERY"].merge(orders, left_on="entity_id", right_on="id", suffixes=("", "_order"))
    assert set(deliveries["entity_type"]) == {"order"} and deliveries["entity_id"].is_unique
    assert len(deliveries) == len(orders)
    shipped = deliveries[deliveries["shipped_at"].notna()]
    assert (shipped["start_date"] == shipped["shipped_at"].dt.normalize()).all()
    assert (shipped["client_id"] == shipped["client_id_order"]).all()
    assert (shipped["assigned_to"] == shipped["shipped_by"]).all()
    assert (deliveries.loc[deliveries["shipped_at"].isna(), "status"] == "SCHEDULED").all()


def test_each_kind_of_event_is_there_with_past_done_and_future_scheduled(seeded):
    _, frames, window = seeded
    e = frames["calendar_events"]
    assert {"DELIVERY", "INTAKE", "PAYMENT_DUE", "AR_COLLECTION", "MEETING", "AUDIT", "FOLLOW_UP", "DEADLINE"} <= set(e["event_type"])
    # one intake per lot checked in: a lot that brought no batch never was
    assert (e.groupby("event_type").size()["INTAKE"]) == frames["batches"]["lotId"].nunique()
    start = event_start(e["start_date"], e["start_time"])
    ahead = start > window.end_ts
    assert set(e.loc[ahead, "status"]) == {"SCHEDULED"}
    past = e[~ahead]
    assert set(past["status"]) == {"COMPLETED", "CANCELLED", "SCHEDULED", "IN_PROGRESS"}
    # past events still open are the payment due dates of invoices still owed and unconfirmed client meetings
    still_open = past[past["status"] == "SCHEDULED"]
    assert set(still_open["event_type"] + "/" + still_open["module"]) <= {"PAYMENT_DUE/ACCOUNTING", "MEETING/CLIENTS"}
    assert set(past.loc[past["status"] == "IN_PROGRESS", "event_type"]) == {"INTAKE"}  # lots still being received
    assert (past["status"] == "COMPLETED").mean() > 0.7
    all_day = e["event_type"] == "PAYMENT_DUE"  # a due date: a day, no times
    assert e.loc[all_day, ["start_time", "end_time"]].isna().all().all() and e.loc[all_day, "is_floating_time"].all()
    assert (e.loc[all_day, "start_date"] == e.loc[all_day, "end_date"]).all()
    assert (e["created_at"].dt.normalize() <= e["start_date"]).all() and (e["created_at"] <= window.end_ts).all()
    timed = e[~all_day]
    assert (timed["created_at"] <= start[~all_day]).all()
    # appointments on a weekday, from 08:00, over by 18:00 the same day
    assert timed["start_time"].str.match(r"^(0[89]|1[0-7]):[0-5]\d:00$").all()
    assert (timed["end_time"].str.match(r"^(0[89]|1[0-7]):[0-5]\d:00$") | (timed["end_time"] == "18:00:00")).all()
    assert (timed["start_date"] == timed["end_date"]).all() and (timed["start_time"] < timed["end_time"]).all()
    assert (timed["start_date"].dt.day_of_week < 5).all()
    assert (e["timezone"] == "America/Los_Angeles").all()
    assert not e["title"].str.contains("lorem", case=False).any()
    assert set(e.loc[e["is_recurring"].astype(bool), "title"]) == {"Weekly team meeting", "Sales huddle", "Cycle count"}


def test_reminders_fire_before_their_events_and_after_they_were_made(seeded):
    _, frames, window = seeded
    r = frames["calendar_reminders"].merge(frames["calendar_events"], left_on="event_id", right_on="id",
                                          suffixes=("", "_event"))
    start = event_start(r["start_date"], r["start_time"])
    assert (r["reminder_time"] <= start).all() and (r["reminder_time"] >= r["created_at_event"]).all()
    assert (r["reminder_time"] == start - pd.to_timedelta(r["relative_minutes"], unit="m")).all()
    assert (r["created_at"] == r["created_at_event"]).all()
    assert all(m in REMINDER_LEADS[t] for m, t in zip(r["relative_minutes"], r["event_type"]))
    assert (r["user_id"] == r["assigned_to"].fillna(r["created_by"])).all()
    assert r.groupby("event_id").size().max() <= 2
    past = r["reminder_time"] <= window.end_ts
    assert set(r.loc[~past, "status"]) <= {"PENDING", "CANCELLED"}
    sent = r["status"] == "SENT"
    assert (r.loc[sent, "sent_at"] == r.loc[sent, "reminder_time"]).all() and r.loc[~sent, "sent_at"].isna().all()
    assert set(r.loc[r["status"] == "CANCELLED", "status_event"]) <= {"CANCELLED"}


def test_comments_come_after_their_subjects(seeded):
    _, frames, window = seeded
    c = frames["comments"]
    assert set(c["commentable_type"]) <= set(COMMENT_SUBJECTS)
    assert {"order", "client", "invoice"} <= set(c["commentable_type"])
    for kind, part in c.groupby("commentable_type"):
        table, column = CREATED_AT[kind]
        born = frames[table].set_index("id")[column].reindex(part["commentable_id"]).to_numpy()
        assert (part["created_at"].to_numpy() >= born).all(), kind
    assert (c["created_at"] <= window.end_ts).all()
    resolved = c["is_resolved"]
    assert (c.loc[resolved, "resolved_at"] >= c.loc[resolved, "created_at"]).all()
    assert c.loc[resolved, "resolved_by"].notna().all() and c.loc[~resolved, "resolved_at"].isna().all()
    share = c.loc[c["commentable_type"] == "order", "commentable_id"].nunique() / len(sold(frames["orders"]))
    assert 0.15 < share < 0.35
    assert all(n in text for n, text in zip(
        frames["orders"].set_index("id")["order_number"].reindex(c.loc[c["commentable_type"] == "order", "commentable_id"]),
        c.loc[c["commentable_type"] == "order", "content"]))


def test_entity_types_come_from_the_polymorphic_vocabulary(seeded):
    _, frames, _ = seeded
    vocabulary = {"client", "vendor", "order", "batch", "invoice", "lot", "sales_sheet"}  # + calendarFinancials.ts
    assert set(frames["calendar_events"]["entity_type"].dropna()) <= vocabulary


def test_same_settings_give_the_same_frames_and_another_seed_others():
    first, again, other = (generate_all(s) for s in (settings("light"), settings("light"), settings("light", 7)))
    for table in ACTIVITY:
        pd.testing.assert_frame_equal(first[table], again[table])
        assert not first[table].equals(other[table])
