"""The calendar tells the other domains' story: the photo sessions are the ones that moved batches to
PHOTOGRAPHY_COMPLETE, the intakes are the intake sessions, and each sales sheet sent has its follow-up.

Frames are generated as a seed makes them (the catalogue tests' fixture: deferred photo sessions filled,
media made after them) for several scenarios, seeds and end dates; the expectations are written from
the tables' meaning (times, people, statuses), not from the generators' functions.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.graph import build_graph
from seed_pipeline_tests.generators.test_catalogue import seeded  # noqa: F401  (the shared fixture)
from seed_pipeline_tests.helpers import fill_all

SESSION = pd.Timedelta(minutes=45)  # TERP-side length of a PHOTOGRAPHY event as the calendar writes it


def _moment(day, clock) -> pd.Series:
    return pd.Series(pd.to_datetime(pd.Series(day)).to_numpy() + pd.to_timedelta(pd.Series(clock, dtype=str)).to_numpy())


def _photographed(frames) -> pd.DataFrame:
    """Each batch's change to PHOTOGRAPHY_COMPLETE: batch, at, by."""
    slug = frames["workflow_statuses"].set_index("id")["slug"]
    h = frames["batch_status_history"]
    shot = h[h["toStatusId"].map(slug) == "photography_complete"]
    return pd.DataFrame({"batch": shot["batchId"].to_numpy(), "at": pd.to_datetime(shot["createdAt"]).to_numpy(),
                         "by": shot["changedBy"].to_numpy()})


def test_each_photographed_batch_points_at_the_completed_session_that_ended_at_its_change(seeded):  # noqa: F811
    chosen, frames = seeded
    e = frames["calendar_events"].set_index("id")
    shot = _photographed(frames)
    assert shot["batch"].is_unique and len(shot) > 0
    session = frames["batches"].set_index("id")["photo_session_event_id"].reindex(shot["batch"])
    assert session.notna().all()
    ev = e.loc[session.astype("int64")]
    assert (ev["event_type"] == "PHOTOGRAPHY").all() and (ev["status"] == "COMPLETED").all()
    assert (ev["entity_type"] == "batch").all() and (ev["entity_id"].to_numpy() == shot["batch"].to_numpy()).all()
    ended = _moment(ev["end_date"], ev["end_time"])
    assert (ended.to_numpy() == shot["at"].to_numpy()).all()  # the change is recorded when the session ends
    assert (_moment(ev["start_date"], ev["start_time"]) + SESSION == ended).all()
    assert (ev["assigned_to"].to_numpy() == shot["by"].to_numpy()).all()  # by the photographer


def test_no_session_took_place_without_a_change_and_the_booked_ones_are_ahead(seeded):  # noqa: F811
    chosen, frames = seeded
    e = frames["calendar_events"]
    photo = e[e["event_type"] == "PHOTOGRAPHY"]
    assert (photo["entity_type"] == "batch").all()
    done = photo[photo["status"] == "COMPLETED"]
    assert set(done["entity_id"]) == set(_photographed(frames)["batch"]) and done["entity_id"].is_unique
    rest = photo[photo["status"] != "COMPLETED"]
    assert (rest["status"] == "SCHEDULED").all()
    assert (pd.to_datetime(rest["start_date"]) > pd.Timestamp(chosen.end_date)).all()
    booked = frames["batches"].set_index("id")["photo_session_event_id"].dropna().astype("int64")
    assert set(booked) == set(photo["id"])  # each batch's own session, taken or booked


def test_media_of_a_batch_come_after_its_change_to_photography_complete(seeded):  # noqa: F811
    _, frames = seeded
    m = frames["productMedia"]
    code = m["filename"].str.split("_").str[1]
    batch = code.map(frames["batches"].set_index("code")["id"])
    at = batch.map(_photographed(frames).set_index("batch")["at"])
    assert len(m) > 0 and at.notna().all()
    assert (pd.to_datetime(m["createdAt"]) > at).all()


def test_each_intake_event_is_its_lots_intake_session(seeded):  # noqa: F811
    _, frames = seeded
    s, sb = frames["intake_sessions"], frames["intake_session_batches"]
    lot = sb["batch_id"].map(frames["batches"].set_index("id")["lotId"]).groupby(sb["intake_session_id"]).agg(set)
    assert (lot.map(len) == 1).all()
    sessions = s.assign(lot=s["id"].map(lot.map(min)))
    e = frames["calendar_events"]
    intakes = e[e["event_type"] == "INTAKE"]
    assert (intakes["entity_type"] == "lot").all() and intakes["entity_id"].is_unique
    f = sessions.merge(intakes, left_on="lot", right_on="entity_id", how="outer", suffixes=("", "_event"))
    assert f["id"].notna().all() and f["id_event"].notna().all()
    assert (pd.to_datetime(f["start_date"]) == pd.to_datetime(f["receive_date"])).all()
    assert (f["assigned_to"].to_numpy() == f["received_by"].to_numpy()).all()
    assert ((f["status_event"] == "IN_PROGRESS") == (f["status"] == "IN_PROGRESS")).all()
    assert (f["status"] == "IN_PROGRESS").any()
    vendor = f["lot"].map(frames["lots"].set_index("id")["vendorId"])
    assert (f["vendor_id_event"].to_numpy() == vendor.to_numpy()).all()  # the lot's vendor, not the session's seller client


def test_each_sales_sheet_sent_gets_one_follow_up_by_its_rep_the_next_business_day(seeded):  # noqa: F811
    chosen, frames = seeded
    e = frames["calendar_events"]
    ref = next(r for r in build_graph().deferred if (r.table, r.column, r.type_value) == ("calendar_events", "entity_id", "sales_sheet"))
    filled = fill_all(chosen, frames)[ref].reindex(e["id"]).to_numpy()
    about = e["entity_type"] == "sales_sheet"
    assert about.any() and e.loc[about, "entity_id"].isna().all()  # NULL until the sheets exist
    kept = e.loc[~about, "entity_id"]
    assert pd.Series(filled[~about.to_numpy()], index=kept.index).astype("Int64").equals(kept.astype("Int64"))
    f = e[about].assign(sheet=filled[about.to_numpy()]).merge(frames["sales_sheet_history"], left_on="sheet", right_on="id",
                                                              suffixes=("", "_sheet"))
    assert len(f) == about.sum() and f["sheet"].is_unique and set(f["sheet"]) == set(frames["sales_sheet_history"]["id"])
    assert (f["event_type"] == "FOLLOW_UP").all() and (f["module"] == "CLIENTS").all()
    assert (f["client_id"].to_numpy() == f["client_id_sheet"].to_numpy()).all()
    assert (f["assigned_to"].to_numpy() == f["created_by_sheet"].to_numpy()).all()
    sent = pd.to_datetime(f["created_at_sheet"])
    # the next day the business is open (a sheet sent on a weekend: the first after it)
    next_day = np.busday_offset(sent.to_numpy().astype("datetime64[D]"), 1, roll="backward", holidays=hours.holidays())
    assert (pd.to_datetime(f["start_date"]).to_numpy() == next_day.astype("datetime64[ns]")).all()
    assert f["start_time"].between("09:00:00", "16:45:00").all()
