"""Rules that hold the calendar to the other domains' records: the same photo sessions, intakes and sales sheets.

The calendar (phase 1) and the workflow, intake sessions, sales sheets and media (core, phases 3 and 4) are generated
by different simulations; these rules read only the seeded tables, so they catch any drift between them.
"""

from collections.abc import Callable
from datetime import date

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.activity.calendar import event_start
from seed_pipeline.checks.catalogue_records import FILE
from seed_pipeline.checks.violations import fetch_frame, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
events = T["calendar_events"]


def photographed_after_a_completed_session(conn, as_of) -> int:
    """A batch reaches PHOTOGRAPHY_COMPLETE in its status history if and only if a COMPLETED PHOTOGRAPHY
    event about it took place: the batch points at that session (``photo_session_event_id``), the session
    ended by the change, and the batch's media were uploaded after the change."""
    h, s, b, m = T["batch_status_history"], T["workflow_statuses"], T["batches"], T["productMedia"]
    changed = fetch_frame(conn, sa.select(h.c.batchId, h.c.createdAt).select_from(h.join(s, s.c.id == h.c.toStatusId))
                          .where(s.c.slug == "photography_complete"))
    change = moments(changed["createdAt"]).groupby(changed["batchId"].to_numpy()).min()
    done = fetch_frame(conn, sa.select(events.c.id, events.c.entity_id, events.c.end_date, events.c.end_time)
                       .where(events.c.event_type == "PHOTOGRAPHY", events.c.status == "COMPLETED",
                              events.c.entity_type == "batch", events.c.entity_id.is_not(None),  # about no batch: none's
                              events.c.deleted_at.is_(None)))
    done["ended"] = event_start(done["end_date"], done["end_time"]).to_numpy()
    batches = fetch_frame(conn, sa.select(b.c.id, b.c.code, b.c.photo_session_event_id))
    media = fetch_frame(conn, sa.select(m.c.filename, m.c.createdAt))
    media["code"] = media["filename"].str.extract(FILE)["batch"]
    media = media.merge(batches[["id", "code"]], on="code", how="left")

    points = batches.dropna(subset=["photo_session_event_id"]).astype({"photo_session_event_id": "int64"})
    session = points.merge(done, left_on="photo_session_event_id", right_on="id", suffixes=("", "_event"))
    session = session[session["entity_id"].astype("int64") == session["id"]]
    session = session[session["ended"].to_numpy() <= change.reindex(session["id"]).to_numpy()]
    bad = set(change.index) - set(session["id"])  # photographed without its session before
    bad |= set(done["entity_id"].astype("int64")) - set(change.index)  # a session took place, no change followed
    early = moments(media["createdAt"]).to_numpy() < change.reindex(media["id"]).to_numpy()
    bad |= set(media["id"][media["id"].isna() | pd.isna(change.reindex(media["id"])).to_numpy() | early].fillna(-1))
    return len(bad)


def intake_event_is_its_session(conn, as_of) -> int:
    """Each INTAKE event is the intake session of its lot: on the session's receive date, with the lot's
    vendor, assigned to the person who received it, IN_PROGRESS exactly while the session is; and each
    session has one such event."""
    ses, sb, b, lots = T["intake_sessions"], T["intake_session_batches"], T["batches"], T["lots"]
    sessions = fetch_frame(conn, sa.select(ses.c.id, ses.c.receive_date, ses.c.received_by, ses.c.status,
                                           b.c.lotId, lots.c.vendorId).distinct()
                           .select_from(ses.join(sb, sb.c.intake_session_id == ses.c.id).join(b, b.c.id == sb.c.batch_id)
                                        .join(lots, lots.c.id == b.c.lotId)))
    intakes = fetch_frame(conn, sa.select(events.c.id.label("event"), events.c.entity_type, events.c.entity_id,
                                          events.c.start_date, events.c.assigned_to, events.c.vendor_id,
                                          events.c.status.label("event_status"))
                          .where(events.c.event_type == "INTAKE", events.c.deleted_at.is_(None)))
    f = sessions.merge(intakes[intakes["entity_type"] == "lot"].astype({"entity_id": "float"}),  # NULL: no session's
                       left_on="lotId", right_on="entity_id", how="outer")
    wrong = (f["id"].isna() | f["event"].isna() | f["id"].duplicated(keep=False) | f["event"].duplicated(keep=False)
             | (moments(f["start_date"]).dt.normalize() != moments(f["receive_date"]).dt.normalize())
             | (f["assigned_to"].astype("float") != f["received_by"].astype("float"))
             | (f["vendor_id"].astype("float") != f["vendorId"].astype("float"))
             | ((f["event_status"] == "IN_PROGRESS") != (f["status"] == "IN_PROGRESS")))
    stray = int((intakes["entity_type"] != "lot").sum())
    return int(wrong.sum()) + stray


def sheet_follow_up_is_its_sheets(conn, as_of) -> int:
    """Each sales sheet sent has one FOLLOW_UP event about it (TERP's sheet reminder), with the sheet's
    client, assigned to the rep who sent it, put in the calendar when it was sent and starting after."""
    sh = T["sales_sheet_history"]
    about = fetch_frame(conn, sa.select(events.c.id, events.c.entity_id, events.c.event_type, events.c.client_id,
                                        events.c.assigned_to, events.c.created_at, events.c.start_date, events.c.start_time,
                                        sh.c.id.label("sheet"), sh.c.client_id.label("sheet_client"), sh.c.created_by,
                                        sh.c.created_at.label("sent"))
                        .select_from(events.outerjoin(sh, sh.c.id == events.c.entity_id))
                        .where(events.c.entity_type == "sales_sheet", events.c.deleted_at.is_(None)))
    sent = moments(about["sent"])
    wrong = (about["sheet"].isna() | (about["event_type"] != "FOLLOW_UP")
             | (about["client_id"].astype("float") != about["sheet_client"].astype("float"))
             | (about["assigned_to"].astype("float") != about["created_by"].astype("float"))
             | (moments(about["created_at"]) < sent) | (event_start(about["start_date"], about["start_time"]) <= sent))
    sheets = fetch_frame(conn, sa.select(sh.c.id))["id"]
    followed = about["sheet"].dropna().astype("int64").value_counts()
    return int(wrong.sum()) + int((followed.reindex(sheets, fill_value=0) != 1).sum())


RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    f.__name__: f for f in (photographed_after_a_completed_session, intake_event_is_its_session,
                            sheet_follow_up_is_its_sheets)
}

HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "photographed_after_a_completed_session": ("productMedia", ("batches", "batch_status_history", "workflow_statuses",
                                                                "calendar_events")),
    "intake_event_is_its_session": ("intake_sessions", ("intake_session_batches", "batches", "lots", "calendar_events")),
    "sheet_follow_up_is_its_sheets": ("sales_sheet_history", ("calendar_events",)),
}
