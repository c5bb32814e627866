"""Rules of the calendar and collaboration tables: cause before effect, a calendar that covers the history.

Each rule fetches the few columns it needs (joined in SQL) and compares the moments in pandas with
the functions of ``business/activity/calendar.py`` that made them, since SQLite returns dates as text.
Rows breaking a rule in several ways are counted once.
"""

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.activity.calendar import (
    COMMENT_SUBJECTS, CREATED_AT, EVENT_PARTY, EVENT_SUBJECTS, PARTY_CREATED, delivery_day, event_start, made_in_time,
)
from seed_pipeline.business.history.timeline import month_starts
from seed_pipeline.checks.violations import fetch_frame, last_moment, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
events, reminders, comments, orders = (T[t] for t in ("calendar_events", "calendar_reminders", "comments", "orders"))
CALENDAR = tuple(t for t in T if t.startswith("calendar_"))


def reminder_before_its_event(conn, as_of) -> int:
    """A reminder fires at or before its event's start and not before the event was created; it is created with or after the event."""
    f = fetch_frame(conn, sa.select(reminders.c.id, reminders.c.reminder_time, reminders.c.created_at,
                               events.c.start_date, events.c.start_time, events.c.created_at.label("event_created"))
               .select_from(reminders.join(events, events.c.id == reminders.c.event_id)))
    fires, event_created = moments(f["reminder_time"]), moments(f["event_created"])
    start = event_start(f["start_date"], f["start_time"])
    return int(((fires > start) | (fires < event_created) | (moments(f["created_at"]) < event_created)).sum())


def comment_after_its_subject(conn, as_of) -> int:
    """A comment is written after its subject was created and by the end date; it is resolved, if at all, after it was written."""
    own = fetch_frame(conn, sa.select(comments.c.id, comments.c.created_at, comments.c.resolved_at))
    created = moments(own["created_at"])
    bad = set(own["id"][(created > last_moment(as_of)) | (moments(own["resolved_at"]) < created)])
    for kind in COMMENT_SUBJECTS:
        table, column = CREATED_AT[kind]
        subject = T[table]
        f = fetch_frame(conn, sa.select(comments.c.id, comments.c.created_at, subject.c[column].label("subject_created"))
                   .select_from(comments.join(subject, subject.c.id == comments.c.commentable_id))
                   .where(comments.c.commentable_type == kind))
        bad |= set(f["id"][moments(f["created_at"]) < moments(f["subject_created"])])
    return len(bad)


def calendar_covers_every_month(conn, as_of) -> int:
    """Every calendar month from the first order to the end date has at least one calendar event.

    The span comes from the orders (when the business started trading), not from the events
    themselves, so a calendar that starts late or is empty is caught.
    """
    first = conn.execute(sa.select(sa.func.min(orders.c.created_at))).scalar()
    first = min(moments([first]).iloc[0], pd.Timestamp(as_of)) if first is not None else pd.Timestamp(as_of)
    months = month_starts(first, as_of)
    days = fetch_frame(conn, sa.select(events.c.start_date).where(events.c.deleted_at.is_(None)).distinct())["start_date"]
    covered = set(moments(days).dt.to_period("M"))
    return sum(1 for m in months if m.to_period("M") not in covered)


def event_follows_its_subject(conn, as_of) -> int:
    """An event about a record is not created before the record and is with its client or vendor; a
    DELIVERY is on its order's shipping day, or still SCHEDULED after the end date when not shipped."""
    bad: set = set()
    for kind in EVENT_SUBJECTS:
        table, column = CREATED_AT[kind]
        subject = T[table]
        party = EVENT_PARTY.get(kind)
        columns = [events.c.id, events.c.created_at, subject.c[column].label("subject_created")]
        if party:
            columns += [events.c[party[0]].label("party"), subject.c[party[1]].label("subject_party")]
        f = fetch_frame(conn, sa.select(*columns).select_from(events.join(subject, subject.c.id == events.c.entity_id))
                   .where(events.c.entity_type == kind))
        wrong = moments(f["created_at"]) < moments(f["subject_created"])
        if party:
            wrong |= f["party"].isna() | (f["party"].astype("Int64") != f["subject_party"].astype("Int64")).fillna(True)
        bad |= set(f["id"][wrong])
    d = fetch_frame(conn, sa.select(events.c.id, events.c.start_date, events.c.status, orders.c.shipped_at)
               .select_from(events.outerjoin(orders, sa.and_(events.c.entity_type == "order", orders.c.id == events.c.entity_id)))
               .where(events.c.event_type == "DELIVERY"))
    shipped, day = d["shipped_at"].notna(), moments(d["start_date"])
    off_day = shipped & (day != delivery_day(d["shipped_at"]))
    not_ahead = ~shipped & ((day <= pd.Timestamp(as_of)) | (d["status"] != "SCHEDULED"))
    return len(bad | set(d["id"][off_day | not_ahead]))


def _party_references(table: str):
    return [r for r in shared().references_from(table) if r.target in PARTY_CREATED]


def calendar_after_its_people(conn, as_of) -> int:
    """No moment of a calendar row comes before the user or client it names exists (its creator, assignee,
    participant, invitee, grantee, the client an event is with): a client won late is not invited before."""
    total = 0
    for table in CALENDAR:
        t, refs = T[table], _party_references(table)
        stamps = [c for c in t.columns if isinstance(c.type, sa.DateTime)]
        if not (refs and stamps):
            continue
        joined, born = t, []
        for k, ref in enumerate(refs):  # one row per calendar row: each party joined on its key
            party = T[ref.target].alias(f"party_{k}")
            on = party.c[ref.target_column] == t.c[ref.column]
            joined = joined.outerjoin(party, sa.and_(on, t.c[ref.type_column] == ref.type_value) if ref.type_column else on)
            born.append(party.c[PARTY_CREATED[ref.target]].label(f"party_{k}"))
        f = fetch_frame(conn, sa.select(*stamps, *born).select_from(joined))
        earliest = pd.concat([moments(f[c.name]) for c in stamps], axis=1).min(axis=1)
        latest = pd.concat([moments(f[c.name]) for c in born], axis=1).max(axis=1)
        total += int((earliest < latest).sum())
    return total


def calendar_steps_in_order(conn, as_of) -> int:
    """Cause before effect around each event: it is made by the time it starts (an all-day one by its day's end);
    an invitation is made with or after it, sent after that and by the start, answered after it was sent and by the
    start; a participant is added with or after it and answers after that, by the start; its history, grants and
    rule come no earlier than the event, its files no earlier than its start."""
    e = fetch_frame(conn, sa.select(events.c.id, events.c.created_at, events.c.start_date, events.c.start_time)).set_index("id")
    made, start = moments(e["created_at"]), event_start(e["start_date"], e["start_time"]).set_axis(e.index)
    total = int((~made_in_time(e["created_at"], e["start_date"], e["start_time"])).sum())

    def of(table: str, *columns: str, key: str = "event_id") -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
        f = fetch_frame(conn, sa.select(*(T[table].c[c] for c in (key, *columns))))
        return f, made.reindex(f[key]).to_numpy(), start.reindex(f[key]).to_numpy()

    v, v_made, v_start = of("calendar_event_invitations", "created_at", "sent_at", "responded_at")
    created, sent, answered = moments(v["created_at"]), moments(v["sent_at"]), moments(v["responded_at"])
    total += int(((created < v_made) | (sent < created) | (sent > v_start) | (answered < sent) | (answered > v_start)).sum())
    p, p_made, p_start = of("calendar_event_participants", "added_at", "responded_at")
    added, answered = moments(p["added_at"]), moments(p["responded_at"])
    total += int(((added < p_made) | (answered < added) | (answered > p_start)).sum())
    for table, column in (("calendar_event_history", "changed_at"), ("calendar_event_permissions", "granted_at"),
                          ("calendar_recurrence_rules", "created_at")):
        f, f_made, _ = of(table, column)
        total += int((moments(f[column]) < f_made).sum())
    a, _, a_start = of("calendar_event_attachments", "uploaded_at")
    return total + int((moments(a["uploaded_at"]) < a_start).sum())


RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    f.__name__: f for f in (
        reminder_before_its_event, comment_after_its_subject, calendar_covers_every_month, event_follows_its_subject,
        calendar_after_its_people, calendar_steps_in_order,
    )
}


# Where each rule is checked: the table it guards, and the other tables it reads.
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "reminder_before_its_event": ("calendar_reminders", ("calendar_events",)),
    "comment_after_its_subject": ("comments", ("clients", "vendors", "orders", "batches", "invoices", "products", "calendar_events")),
    "calendar_covers_every_month": ("calendar_events", ("orders",)),
    "event_follows_its_subject": ("calendar_events", ("clients", "vendors", "orders", "batches", "invoices", "lots")),
    "calendar_after_its_people": ("calendar_event_invitations", ("users", "clients", *(t for t in CALENDAR
                                                                                       if t != "calendar_event_invitations"))),
    "calendar_steps_in_order": ("calendar_event_invitations", ("calendar_events", "calendar_event_participants",
                                                               "calendar_event_history", "calendar_event_permissions",
                                                               "calendar_recurrence_rules", "calendar_event_attachments")),
}
