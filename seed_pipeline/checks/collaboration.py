"""Rules of the team's own screens: series, invitations, tasks, the inbox, mentions, meetings, and
that every person has what their job gives them.

Each is formulated from TERP's reading of the tables (its instance generator, its permission
service, its inbox writers), not from the generators' functions, and counts breaking rows (or,
for per-user rules, missing things). Dates are compared in pandas, since SQLite returns text.
"""

import re
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.checks.violations import decoded, fetch_frame, last_moment, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
MENTION = re.compile(r"@\[([^\]]+)\]\((\d+)\)")  # server/services/mentionParser.ts


def _start(f: pd.DataFrame) -> pd.Series:
    return moments(f["start_date"]) + pd.to_timedelta(f["start_time"].fillna("00:00:00").astype(str))


def recurrence_instances_follow_their_rule(conn, as_of) -> int:
    """Each instance falls on its rule's step (start + k × interval weeks) and weekday, not on an
    exception date, at its series' time; and no step between the rule's start and its last instance is missing."""
    r, i, e = T["calendar_recurrence_rules"], T["calendar_recurrence_instances"], T["calendar_events"]
    rules = fetch_frame(conn, sa.select(r.c.event_id, r.c.interval, r.c.by_day, r.c.start_date, r.c.exception_dates,
                                        r.c.frequency, e.c.start_time).select_from(r.join(e, e.c.id == r.c.event_id)))
    inst = fetch_frame(conn, sa.select(i.c.id, i.c.parent_event_id, i.c.instance_date, i.c.start_time))
    bad = set(inst["id"][~inst["parent_event_id"].isin(rules["event_id"])])
    for _, rule in rules.iterrows():
        mine = inst[inst["parent_event_id"] == rule["event_id"]]
        day, first = moments(mine["instance_date"]), pd.Timestamp(rule["start_date"])
        step = 7 * int(rule["interval"])
        skipped = {pd.Timestamp(d) for d in (decoded(rule["exception_dates"]) or [])}
        weekday = (day.dt.day_of_week + 1) % 7
        wrong = ((day - first).dt.days % step != 0) | (day < first) | ~weekday.isin(decoded(rule["by_day"]) or []) \
            | day.isin(skipped) | (mine["start_time"].to_numpy() != rule["start_time"]) | (rule["frequency"] != "WEEKLY")
        bad |= set(mine["id"][wrong.to_numpy()])
        if len(day):
            expected = [d for d in pd.date_range(first, day.max(), freq=f"{step}D") if d not in skipped]
            bad |= {f"missing {rule['event_id']} {d}" for d in set(expected) - set(day)}
    return len(bad)


def invitation_history_before_the_event(conn, as_of) -> int:
    """Every step of an invitation happens after it was created and by the time its event starts, and
    the last step says what the invitation's status says (SENT for one still PENDING)."""
    h, v, e = T["calendar_invitation_history"], T["calendar_event_invitations"], T["calendar_events"]
    f = fetch_frame(conn, sa.select(h.c.id, h.c.invitation_id, h.c.action, h.c.performed_at, v.c.created_at, v.c.status,
                                    e.c.start_date, e.c.start_time)
                    .select_from(h.join(v, v.c.id == h.c.invitation_id).join(e, e.c.id == v.c.event_id)))
    at = moments(f["performed_at"])
    bad = set(f["id"][(at > _start(f)) | (at < moments(f["created_at"])) | (at > last_moment(as_of))])
    last = f.assign(at=at).sort_values(["invitation_id", "at", "id"]).groupby("invitation_id").tail(1)
    said = last["status"].replace({"PENDING": "SENT"})
    bad |= set(last["id"][last["action"].to_numpy() != said.to_numpy()])
    invitations = fetch_frame(conn, sa.select(v.c.id))["id"]
    return len(bad) + int((~invitations.isin(f["invitation_id"])).sum())


def task_status_agrees_with_its_story(conn, as_of) -> int:
    """A task is done exactly when it is completed (flag, time, who) by the end date; its activity
    starts with its creation, a done task's ends in ``completed`` at that time, one in progress was
    moved to in_progress and not completed, one still to do was never moved."""
    t, a = T["todo_tasks"], T["todo_task_activity"]
    tasks = fetch_frame(conn, sa.select(t.c.id, t.c.status, t.c.is_completed, t.c.completed_at, t.c.completed_by, t.c.created_at))
    acts = fetch_frame(conn, sa.select(a.c.id, a.c.task_id, a.c.action, a.c.created_at))
    done, completed_at, created = tasks["status"] == "done", moments(tasks["completed_at"]), moments(tasks["created_at"])
    wrong = (done != tasks["is_completed"].astype(bool)) | (done != completed_at.notna()) | (done != tasks["completed_by"].notna()) \
        | (completed_at < created) | (completed_at > last_moment(as_of))
    acts["at"] = moments(acts["created_at"])
    moved = set(acts["task_id"][acts["action"] == "status_changed"])
    finished = acts[acts["action"] == "completed"].set_index("task_id")["at"]
    first = acts.sort_values(["at", "id"]).groupby("task_id").head(1).set_index("task_id")["action"]
    born = acts.groupby("task_id")["at"].min()
    ids = tasks["id"]
    wrong |= (first.reindex(ids).to_numpy() != "created") | (born.reindex(ids).to_numpy() != created.to_numpy())
    wrong |= done & (finished.reindex(ids).to_numpy() != completed_at.to_numpy())
    wrong |= (tasks["status"] == "in_progress") & (~ids.isin(moved) | ids.isin(finished.index))
    wrong |= (tasks["status"] == "todo") & (ids.isin(moved) | ids.isin(finished.index))
    return int(wrong.sum())


def inbox_item_follows_its_source(conn, as_of) -> int:
    """A mention item is for a user mentioned in its comment, refers to what the comment is about and
    arrives with the comment; a task item refers to its task, is for its assignee (assignment) or
    creator (update) and arrives with it (an update once it was done); seen and completed come after."""
    i, c, m, t = T["inbox_items"], T["comments"], T["comment_mentions"], T["todo_tasks"]
    items = fetch_frame(conn, sa.select(i))
    comments = fetch_frame(conn, sa.select(c.c.id, c.c.commentable_type, c.c.commentable_id, c.c.created_at)).set_index("id")
    mentioned = set(map(tuple, fetch_frame(conn, sa.select(m.c.comment_id, m.c.mentioned_user_id)).to_numpy().tolist()))
    tasks = fetch_frame(conn, sa.select(t.c.id, t.c.assigned_to, t.c.created_by, t.c.created_at, t.c.completed_at)).set_index("id")
    created = moments(items["created_at"])
    wrong = (moments(items["seen_at"]) < created) | (moments(items["completed_at"]) < created) | (created > last_moment(as_of))
    wrong |= (items["status"] == "completed") & items["completed_at"].isna()
    wrong |= (items["status"] == "unread") & items["seen_at"].notna()
    mention = (items["source_type"] == "mention").to_numpy()
    src = comments.reindex(items["source_id"])
    wrong |= mention & ((src["commentable_type"].to_numpy() != items["reference_type"].to_numpy())
                        | (src["commentable_id"].to_numpy() != items["reference_id"].to_numpy())
                        | (moments(src["created_at"]).to_numpy() != created.to_numpy())
                        | ~np.array([(s, u) in mentioned for s, u in zip(items["source_id"], items["user_id"])]))
    task = tasks.reindex(items["source_id"])
    assignment, update = (items["source_type"] == "task_assignment").to_numpy(), (items["source_type"] == "task_update").to_numpy()
    on_task = assignment | update
    wrong |= on_task & ((items["reference_type"].to_numpy() != "task") | (items["reference_id"].to_numpy() != items["source_id"].to_numpy())
                        | task["created_by"].isna().to_numpy())
    wrong |= assignment & ((task["assigned_to"].to_numpy() != items["user_id"].to_numpy())
                           | (moments(task["created_at"]).to_numpy() != created.to_numpy()))
    wrong |= update & ((task["created_by"].to_numpy() != items["user_id"].to_numpy())
                       | (moments(task["completed_at"]).to_numpy() != created.to_numpy()))
    return int(wrong.sum())


def mentions_match_their_comment(conn, as_of) -> int:
    """comment_mentions holds exactly the @[name](id) mentions of each comment's text, by its author, at its time."""
    c, m = T["comments"], T["comment_mentions"]
    comments = fetch_frame(conn, sa.select(c.c.id, c.c.user_id, c.c.content, c.c.created_at))
    said = {(cid, int(u), by, str(moments([at]).iloc[0])) for cid, by, text, at in comments.itertuples(index=False)
            for _, u in MENTION.findall(text or "")}
    rows = fetch_frame(conn, sa.select(m.c.comment_id, m.c.mentioned_user_id, m.c.mentioned_by_user_id, m.c.created_at))
    stored = {(cid, int(u), by, str(moments([at]).iloc[0])) for cid, u, by, at in rows.itertuples(index=False)}
    return len(said ^ stored)


def meeting_record_matches_its_event(conn, as_of) -> int:
    """A client meeting's record is of a MEETING with that client that was confirmed: outcome
    completed for a COMPLETED event (recorded after it began), cancelled or no-show for a CANCELLED
    one (a no-show recorded after it began, a cancellation after the event was made)."""
    h, e = T["client_meeting_history"], T["calendar_events"]
    f = fetch_frame(conn, sa.select(h.c.id, h.c.client_id, h.c.outcome, h.c.created_at, e.c.client_id.label("event_client"),
                                    e.c.event_type, e.c.status, e.c.start_date, e.c.start_time,
                                    e.c.created_at.label("event_created"))
                    .select_from(h.outerjoin(e, e.c.id == h.c.calendar_event_id)))
    expected = f["status"].map({"COMPLETED": {"completed"}, "CANCELLED": {"cancelled", "no-show"}})
    recorded = moments(f["created_at"])
    wrong = (f["event_type"] != "MEETING") | (f["client_id"] != f["event_client"]) \
        | ~pd.Series([o in (x if isinstance(x, set) else set()) for o, x in zip(f["outcome"], expected)]) \
        | ((f["outcome"] != "cancelled") & (recorded < _start(f))) | (recorded < moments(f["event_created"]))
    return int(wrong.sum())


def overdue_payment_due_stays_open(conn, as_of) -> int:
    """Every invoice unpaid past its due date at the end date has its PAYMENT_DUE event still open
    (SCHEDULED), which is how TERP's overdue-payments screen finds it."""
    inv, e = T["invoices"], T["calendar_events"]
    overdue = fetch_frame(conn, sa.select(inv.c.id, inv.c.amountDue, inv.c.dueDate))
    overdue = overdue[(overdue["amountDue"].astype(float) > 0) & (moments(overdue["dueDate"]) < pd.Timestamp(as_of))]
    open_due = fetch_frame(conn, sa.select(e.c.entity_id).where(e.c.event_type == "PAYMENT_DUE", e.c.entity_type == "invoice",
                                                                 e.c.status == "SCHEDULED", e.c.deleted_at.is_(None)))
    return int((~overdue["id"].isin(open_due["entity_id"])).sum())


def participants_can_see_their_event(conn, as_of) -> int:
    """Every participant can VIEW their event under TERP's permission service: a COMPANY event, their
    own (creator or assignee), or a USER grant."""
    p, e, g = T["calendar_event_participants"], T["calendar_events"], T["calendar_event_permissions"]
    f = fetch_frame(conn, sa.select(p.c.id, p.c.event_id, p.c.user_id, e.c.visibility, e.c.created_by, e.c.assigned_to)
                    .select_from(p.join(e, e.c.id == p.c.event_id)))
    grants = set(map(tuple, fetch_frame(conn, sa.select(g.c.event_id, g.c.grantee_id).where(g.c.grant_type == "USER"))
                     .to_numpy().tolist()))
    sees = (f["visibility"] == "COMPANY") | (f["created_by"] == f["user_id"]) | (f["assigned_to"] == f["user_id"]) \
        | pd.Series([(ev, u) in grants for ev, u in zip(f["event_id"], f["user_id"])])
    return int((~sees).sum())


# What each person's own screens read (TERP: calendar getMyEvents, reminders getMyUpcomingReminders,
# todoLists getMyLists, todoTasks by assignee, calendarViews getDefaultView, dashboardPreferences,
# dashboard getLayout, inbox getMyItems): table -> the column naming the person, and what must hold.
OWN = {
    "calendar_events": ("assigned_to", None), "calendar_reminders": ("user_id", ("status", "PENDING")),
    "todo_tasks": ("assigned_to", None), "todo_list_members": ("user_id", None), "calendar_views": ("user_id", ("is_default", True)),
    "userDashboardPreferences": ("userId", None), "dashboard_widget_layouts": ("userId", None), "inbox_items": ("user_id", None),
}


def everyone_has_their_own_screens(conn, as_of) -> int:
    """Every user, the super admin included, has something on each of their own screens (``OWN``),
    an upcoming reminder among them; the count is of empty screens."""
    users = set(fetch_frame(conn, sa.select(T["users"].c.id))["id"])
    empty = 0
    for table, (column, condition) in OWN.items():
        t = T[table]
        query = sa.select(t.c[column]).distinct()
        if condition:
            query = query.where(t.c[condition[0]] == condition[1])
        empty += len(users - set(fetch_frame(conn, query)[column].dropna()))
    return empty


RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    f.__name__: f for f in (
        recurrence_instances_follow_their_rule, invitation_history_before_the_event, task_status_agrees_with_its_story,
        inbox_item_follows_its_source, mentions_match_their_comment, meeting_record_matches_its_event,
        overdue_payment_due_stays_open, participants_can_see_their_event, everyone_has_their_own_screens,
    )
}

HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "recurrence_instances_follow_their_rule": ("calendar_recurrence_instances", ("calendar_recurrence_rules", "calendar_events")),
    "invitation_history_before_the_event": ("calendar_invitation_history", ("calendar_event_invitations", "calendar_events")),
    "task_status_agrees_with_its_story": ("todo_task_activity", ("todo_tasks",)),
    "inbox_item_follows_its_source": ("inbox_items", ("comments", "comment_mentions", "todo_tasks")),
    "mentions_match_their_comment": ("comment_mentions", ("comments",)),
    "meeting_record_matches_its_event": ("client_meeting_history", ("calendar_events",)),
    "overdue_payment_due_stays_open": ("calendar_events", ("invoices",)),
    "participants_can_see_their_event": ("calendar_event_permissions", ("calendar_event_participants", "calendar_events")),
    "everyone_has_their_own_screens": ("inbox_items", ("users", *(t for t in OWN if t != "inbox_items"))),
}
