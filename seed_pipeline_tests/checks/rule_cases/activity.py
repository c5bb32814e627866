"""Breaking cases of the team's screens: series, invitations, tasks, inbox, mentions, meetings, and
the contract of the calendar and collaboration tables (a JSON value TERP cannot read, a counted state gone)."""

from seed_pipeline_tests.checks.rule_cases import case


def _first(table: str, where: str = "1 = 1") -> str:
    return f"id = (SELECT min(id) FROM {table} WHERE {where})"


_START = "(SELECT e.start_date || ' ' || e.start_time FROM calendar_events e WHERE e.id = event_id)"  # its event's start
_WEEKLY = "interval = 1 AND by_day = '[5]'"  # the Friday series, 2 October to 20 November
_FORTNIGHTLY = "interval = 2"  # the Thursday series: 1, 15 (cancelled) and 29 October, 12 November
_PENDING = "(SELECT min(id) FROM calendar_event_invitations WHERE status = 'PENDING')"
_ACCEPTED = "(SELECT min(invitation_id) FROM calendar_invitation_history WHERE action = 'ACCEPTED')"
_LATER = ("(SELECT v.id FROM calendar_event_invitations v JOIN calendar_events e ON e.id = v.event_id "
          "WHERE e.start_date > '2026-10-31')")  # invitations to meetings after the end date
_INVITED_START = ("(SELECT e.start_date || ' ' || e.start_time FROM calendar_events e JOIN calendar_event_invitations v "
                  "ON v.event_id = e.id WHERE v.id = invitation_id)")  # the start of a step's invitation's event
_TODO, _DONE, _IN_PROGRESS = (f"(SELECT min(id) FROM todo_tasks WHERE status = '{s}')" for s in ("todo", "done", "in_progress"))
_UNREAD_MENTION = "(SELECT min(source_id) FROM inbox_items WHERE source_type = 'mention' AND status = 'unread')"
_MET = "(SELECT calendar_event_id FROM client_meeting_history WHERE " + _first("client_meeting_history") + ")"
_MEETING_START = "(SELECT start_date || ' ' || start_time FROM calendar_events WHERE id = calendar_event_id)"
_ITS_DUE = "id = (SELECT min(id) FROM calendar_events WHERE event_type = 'PAYMENT_DUE')"  # the first invoice's, open
_OVERDUE = f"(SELECT entity_id FROM calendar_events WHERE {_ITS_DUE})"  # that invoice, overdue since 13 October

CASES = {
    "recurrence_instances_follow_their_rule": (
        case(  # the rule's date now has no instance, and the next day one too many
            2,
            "UPDATE calendar_recurrence_instances SET instance_date = date(instance_date, '+1 day') WHERE "
            + _first("calendar_recurrence_instances")),
        # an exception date inside the weekly series, its instance left out (holds), and kept (one row)
        case(0, f"UPDATE calendar_recurrence_rules SET exception_dates = '[\"2026-10-16\"]' WHERE {_WEEKLY}",
             "DELETE FROM calendar_recurrence_instances WHERE instance_date = '2026-10-16'"),
        case(1, f"UPDATE calendar_recurrence_rules SET exception_dates = '[\"2026-10-16\"]' WHERE {_WEEKLY}"),
        # the Monday series moved to Sundays, weekday 0 (holds)
        case(0, "UPDATE calendar_recurrence_rules SET by_day = '[0]', start_date = date(start_date, '-1 day') WHERE by_day = '[1]'",
             "UPDATE calendar_recurrence_instances SET instance_date = date(instance_date, '-1 day') WHERE parent_event_id = "
             "(SELECT event_id FROM calendar_recurrence_rules WHERE by_day = '[0]')"),
        case(1, "UPDATE calendar_recurrence_instances SET start_time = time(start_time, '+1 minute') WHERE "
                + _first("calendar_recurrence_instances")),  # a minute off its series' time
        # the fortnightly series (four instances) made monthly, or on Wednesdays: each of its instances
        case(4, f"UPDATE calendar_recurrence_rules SET frequency = 'MONTHLY' WHERE {_FORTNIGHTLY}"),
        case(4, f"UPDATE calendar_recurrence_rules SET by_day = '[3]' WHERE {_FORTNIGHTLY}"),
        # its rule starting a step later: the first instance comes before it
        case(1, f"UPDATE calendar_recurrence_rules SET start_date = date(start_date, '+14 days') WHERE {_FORTNIGHTLY}"),
        # an instance a week early in the fortnightly series: off its step, and its step left without one
        case(2, "UPDATE calendar_recurrence_instances SET instance_date = date(instance_date, '-7 days') WHERE "
                "instance_date = '2026-10-29'"),
    ),
    "invitation_history_before_the_event": (
        case(1, "UPDATE calendar_invitation_history SET performed_at = '2030-01-01 00:00:00' WHERE "
                + _first("calendar_invitation_history")),
        # a pending invitation's CREATED step a second before the invitation was made
        case(1, "UPDATE calendar_invitation_history SET performed_at = datetime(performed_at, '-1 second') WHERE "
                + _first("calendar_invitation_history", f"action = 'CREATED' AND invitation_id = {_PENDING}")),
        # an acceptance (its invitation's last step) a second after the event began, and the very second (holds)
        case(1, f"UPDATE calendar_invitation_history SET performed_at = datetime({_INVITED_START}, '+1 second') WHERE "
                + _first("calendar_invitation_history", "action = 'ACCEPTED'")),
        case(0, f"UPDATE calendar_invitation_history SET performed_at = {_INVITED_START} WHERE "
                + _first("calendar_invitation_history", "action = 'ACCEPTED'")),
        # an acceptance of a meeting after the end date, in the end date's last second (holds) and the second after
        case(0, "UPDATE calendar_invitation_history SET performed_at = '2026-10-31 23:59:59' WHERE "
                + _first("calendar_invitation_history", f"action = 'ACCEPTED' AND invitation_id IN {_LATER}")),
        case(1, "UPDATE calendar_invitation_history SET performed_at = '2026-11-01 00:00:00' WHERE "
                + _first("calendar_invitation_history", f"action = 'ACCEPTED' AND invitation_id IN {_LATER}")),
        # a pending invitation never sent: its last step is CREATED; and one with no step at all
        case(1, "DELETE FROM calendar_invitation_history WHERE "
                + _first("calendar_invitation_history", f"action = 'SENT' AND invitation_id = {_PENDING}")),
        case(1, f"DELETE FROM calendar_invitation_history WHERE invitation_id = {_PENDING}"),
        # an accepted invitation's steps keyed out of order: the acceptance under the SENT step's id, the sending
        # (made as it was created) under the last id; the last step in time is still the acceptance (holds)
        case(0, f"UPDATE calendar_invitation_history SET action = 'ACCEPTED', performed_at = (SELECT performed_at FROM "
                f"calendar_invitation_history WHERE action = 'ACCEPTED' AND invitation_id = {_ACCEPTED}) "
                f"WHERE action = 'SENT' AND invitation_id = {_ACCEPTED}",
             "UPDATE calendar_invitation_history SET action = 'SENT', performed_at = (SELECT performed_at FROM "
             f"calendar_invitation_history WHERE action = 'CREATED' AND invitation_id = {_ACCEPTED}) WHERE id = "
             f"(SELECT max(id) FROM calendar_invitation_history WHERE invitation_id = {_ACCEPTED})"),
    ),
    "task_status_agrees_with_its_story": (
        case(1, "UPDATE todo_tasks SET status = 'done' WHERE " + _first("todo_tasks", "status = 'todo'")),
        # a task still to do marked completed, given a completion time, or with no activity at all
        case(1, "UPDATE todo_tasks SET is_completed = 1 WHERE " + _first("todo_tasks", "status = 'todo'")),
        case(1, "UPDATE todo_tasks SET completed_at = datetime(created_at, '+1 day') WHERE " + _first("todo_tasks", "status = 'todo'")),
        case(1, f"DELETE FROM todo_task_activity WHERE task_id = {_TODO}"),
        # a task still to do whose creation was logged a second after it was made
        case(1, f"UPDATE todo_task_activity SET created_at = datetime(created_at, '+1 second') WHERE task_id = {_TODO}"),
        case(1, "UPDATE todo_tasks SET completed_by = NULL WHERE " + _first("todo_tasks", "status = 'done'")),
        # a task done in the end date's last second, as its activity says (holds), and the second after
        case(0, "UPDATE todo_tasks SET completed_at = '2026-10-31 23:59:59' WHERE " + _first("todo_tasks", "status = 'done'"),
             f"UPDATE todo_task_activity SET created_at = '2026-10-31 23:59:59' WHERE action = 'completed' AND task_id = {_DONE}"),
        case(1, "UPDATE todo_tasks SET completed_at = '2026-11-01 00:00:00' WHERE " + _first("todo_tasks", "status = 'done'"),
             f"UPDATE todo_task_activity SET created_at = '2026-11-01 00:00:00' WHERE action = 'completed' AND task_id = {_DONE}"),
        # a task in progress that was never moved, and one moved that is back to do
        case(1, f"DELETE FROM todo_task_activity WHERE action = 'status_changed' AND task_id = {_IN_PROGRESS}"),
        case(1, "UPDATE todo_tasks SET status = 'todo' WHERE " + _first("todo_tasks", "status = 'in_progress'")),
    ),
    "inbox_item_follows_its_source": (
        case(1, "UPDATE inbox_items SET reference_id = reference_id + 1 WHERE "
                + _first("inbox_items", "source_type = 'task_assignment'")),
        # an item seen, or completed, a second before it arrived
        case(1, "UPDATE inbox_items SET seen_at = datetime(created_at, '-1 second') WHERE " + _first("inbox_items")),
        case(1, "UPDATE inbox_items SET completed_at = datetime(created_at, '-1 second') WHERE "
                + _first("inbox_items", "status = 'completed'")),
        # completed with no completion time; unread yet seen
        case(1, "UPDATE inbox_items SET completed_at = NULL WHERE " + _first("inbox_items", "status = 'completed'")),
        case(1, "UPDATE inbox_items SET seen_at = created_at WHERE " + _first("inbox_items", "status = 'unread'")),
        # an unread mention and its comment in the end date's last second (holds), and the second after
        case(0, f"UPDATE comments SET created_at = '2026-10-31 23:59:59' WHERE id = {_UNREAD_MENTION}",
             f"UPDATE inbox_items SET created_at = '2026-10-31 23:59:59' WHERE source_id = {_UNREAD_MENTION} AND source_type = 'mention'"),
        case(1, f"UPDATE comments SET created_at = '2026-11-01 00:00:00' WHERE id = {_UNREAD_MENTION}",
             f"UPDATE inbox_items SET created_at = '2026-11-01 00:00:00' WHERE source_id = {_UNREAD_MENTION} AND source_type = 'mention'"),
        # a mention naming another record, another kind of record, or for a user the comment does not mention
        case(1, "UPDATE inbox_items SET reference_id = reference_id + 1 WHERE " + _first("inbox_items", "source_type = 'mention'")),
        case(1, "UPDATE inbox_items SET reference_type = 'order' WHERE " + _first("inbox_items", "source_type = 'mention'")),
        case(1, "UPDATE inbox_items SET user_id = user_id + 1 WHERE " + _first("inbox_items", "source_type = 'mention'")),
        # a task's assignment for someone other than its assignee, its update for someone other than its creator
        case(1, "UPDATE inbox_items SET user_id = user_id + 1 WHERE " + _first("inbox_items", "source_type = 'task_assignment'")),
        case(1, "UPDATE inbox_items SET user_id = user_id + 1 WHERE " + _first("inbox_items", "source_type = 'task_update'")),
    ),
    "mentions_match_their_comment": case(1, "DELETE FROM comment_mentions WHERE " + _first("comment_mentions")),
    "meeting_record_matches_its_event": (
        case(1, "UPDATE client_meeting_history SET outcome = 'rescheduled' WHERE " + _first("client_meeting_history")),
        # the meeting cancelled, its cancellation recorded the very second the event was made (holds), and a second before
        case(0, f"UPDATE calendar_events SET status = 'CANCELLED' WHERE id = {_MET}",
             "UPDATE client_meeting_history SET outcome = 'cancelled', created_at = (SELECT created_at FROM calendar_events "
             "WHERE id = calendar_event_id) WHERE " + _first("client_meeting_history")),
        case(1, f"UPDATE calendar_events SET status = 'CANCELLED' WHERE id = {_MET}",
             "UPDATE client_meeting_history SET outcome = 'cancelled', created_at = (SELECT datetime(created_at, '-1 second') "
             "FROM calendar_events WHERE id = calendar_event_id) WHERE " + _first("client_meeting_history")),
        # the meeting cancelled, a no-show recorded the very second it was to begin (holds)
        case(0, f"UPDATE calendar_events SET status = 'CANCELLED' WHERE id = {_MET}",
             f"UPDATE client_meeting_history SET outcome = 'no-show', created_at = {_MEETING_START} WHERE "
             + _first("client_meeting_history")),
        # a completed meeting recorded a second before it began; the same all day, a second before its day
        case(1, f"UPDATE client_meeting_history SET created_at = datetime({_MEETING_START}, '-1 second') WHERE "
                + _first("client_meeting_history")),
        case(1, f"UPDATE calendar_events SET start_time = NULL WHERE id = {_MET}",
             "UPDATE client_meeting_history SET created_at = (SELECT datetime(start_date, '-1 second') FROM calendar_events "
             "WHERE id = calendar_event_id) WHERE " + _first("client_meeting_history")),
        # the record's event a follow-up, not a meeting; another client's meeting; a meeting still scheduled
        case(1, f"UPDATE calendar_events SET event_type = 'FOLLOW_UP' WHERE id = {_MET}"),
        case(1, "UPDATE client_meeting_history SET client_id = (SELECT max(id) FROM clients) WHERE " + _first("client_meeting_history")),
        case(1, f"UPDATE calendar_events SET status = 'SCHEDULED' WHERE id = {_MET}"),
    ),
    "overdue_payment_due_stays_open": (
        case(1, "UPDATE calendar_events SET status = 'COMPLETED' WHERE " + _first(
            "calendar_events", "event_type = 'PAYMENT_DUE' AND status = 'SCHEDULED' AND start_date < '2026-10-31'")),
        # that invoice owing a cent, its due date closed
        case(1, f"UPDATE invoices SET amountDue = 0.01 WHERE id = {_OVERDUE}",
             f"UPDATE calendar_events SET status = 'COMPLETED' WHERE {_ITS_DUE}"),
        # due on the end date, so not yet overdue: its due date closed (holds)
        case(0, f"UPDATE invoices SET dueDate = '2026-10-31' WHERE id = {_OVERDUE}",
             f"UPDATE calendar_events SET status = 'COMPLETED' WHERE {_ITS_DUE}"),
        # its open due date about an order of the same id, or deleted
        case(1, f"UPDATE calendar_events SET entity_type = 'order' WHERE {_ITS_DUE}"),
        case(1, f"UPDATE calendar_events SET deleted_at = '2026-10-20 08:00:00' WHERE {_ITS_DUE}"),
    ),
    "calendar_after_its_people": (
        # a client's invitation sent, a participant added, a grant given, an event with a client made: a second
        # before that client or user existed
        case(1, "UPDATE calendar_event_invitations SET sent_at = (SELECT datetime(c.created_at, '-1 second') FROM clients c "
                "WHERE c.id = client_id) WHERE " + _first("calendar_event_invitations", "invitee_type = 'CLIENT'")),
        case(1, "UPDATE calendar_event_participants SET added_at = (SELECT datetime(u.createdAt, '-1 second') FROM users u "
                "WHERE u.id = user_id) WHERE " + _first("calendar_event_participants")),
        case(1, "UPDATE calendar_event_permissions SET granted_at = (SELECT datetime(u.createdAt, '-1 second') FROM users u "
                "WHERE u.id = grantee_id) WHERE " + _first("calendar_event_permissions")),
        case(1, "UPDATE calendar_events SET created_at = (SELECT datetime(c.created_at, '-1 second') FROM clients c "
                "WHERE c.id = client_id) WHERE " + _first("calendar_events", "client_id IS NOT NULL")),
        # the same event made the very second its client was (holds); a user's view made a second before the user
        case(0, "UPDATE calendar_events SET created_at = (SELECT c.created_at FROM clients c "
                "WHERE c.id = client_id) WHERE " + _first("calendar_events", "client_id IS NOT NULL")),
        case(1, "UPDATE calendar_views SET created_at = (SELECT datetime(u.createdAt, '-1 second') FROM users u "
                "WHERE u.id = user_id) WHERE " + _first("calendar_views")),
    ),
    "calendar_steps_in_order": (
        # a delivery (no participants, no invitations) starting a second before it was made
        case(1, "UPDATE calendar_events SET start_date = date(created_at), start_time = time(created_at, '-1 second') WHERE "
                + _first("calendar_events", "event_type = 'DELIVERY'")),
        # a due date (all day) the day before it was made
        case(1, "UPDATE calendar_events SET start_date = date(created_at, '-1 day'), end_date = date(created_at, '-1 day') "
                "WHERE " + _first("calendar_events", "event_type = 'PAYMENT_DUE'")),
        case(1, "UPDATE calendar_event_invitations SET sent_at = datetime(created_at, '-1 second') WHERE "
                + _first("calendar_event_invitations")),
        case(1, "UPDATE calendar_event_invitations SET responded_at = datetime(expires_at, '+1 second') WHERE "
                + _first("calendar_event_invitations", "responded_at IS NOT NULL")),  # it expires as the meeting starts
        case(1, "UPDATE calendar_event_participants SET responded_at = datetime(added_at, '-1 second') WHERE "
                + _first("calendar_event_participants", "responded_at IS NOT NULL")),
        case(1, "UPDATE calendar_event_history SET changed_at = datetime(changed_at, '-1 second') WHERE "
                + _first("calendar_event_history", "change_type = 'CREATED'")),  # logged as the event was made
        case(1, "UPDATE calendar_event_attachments SET uploaded_at = (SELECT datetime(e.start_date || ' ' || e.start_time, "
                "'-1 second') FROM calendar_events e WHERE e.id = event_id) WHERE " + _first("calendar_event_attachments")),
        # at the very second the event starts (each holds): a file uploaded, an invitation sent or answered, a
        # participant's answer
        case(0, f"UPDATE calendar_event_attachments SET uploaded_at = {_START} WHERE " + _first("calendar_event_attachments")),
        case(0, f"UPDATE calendar_event_invitations SET sent_at = {_START} WHERE "
                + _first("calendar_event_invitations", "responded_at IS NULL")),
        case(0, f"UPDATE calendar_event_invitations SET responded_at = {_START} WHERE "
                + _first("calendar_event_invitations", "responded_at IS NOT NULL")),
        case(0, f"UPDATE calendar_event_participants SET responded_at = {_START} WHERE "
                + _first("calendar_event_participants", "responded_at IS NOT NULL")),
        # an invitation no one answered, sent a second after the event started
        case(1, "UPDATE calendar_event_invitations SET sent_at = (SELECT datetime(e.start_date || ' ' || e.start_time, "
                "'+1 second') FROM calendar_events e WHERE e.id = event_id) WHERE "
                + _first("calendar_event_invitations", "responded_at IS NULL")),
    ),
    "participants_can_see_their_event": case(1, "DELETE FROM calendar_event_permissions WHERE " + _first("calendar_event_permissions", "permission = 'VIEW'")),
    "everyone_has_their_own_screens": case(1, "DELETE FROM calendar_views WHERE user_id = (SELECT min(id) FROM users) AND is_default = 1"),
}

# JSON columns: one value TERP's reader could not read (many=True columns hold arrays of objects).
_OBJECT_ARRAYS = {("userDashboardPreferences", "widgetConfig"), ("client_meeting_history", "attendees"),
                  ("client_meeting_history", "action_items")}
_JSON = {
    ("calendar_events", "metadata"), ("userDashboardPreferences", "widgetConfig"), ("dashboard_widget_layouts", "config"),
    ("calendar_views", "filters"), ("calendar_recurrence_rules", "by_day"), ("calendar_recurrence_rules", "exception_dates"),
    ("calendar_invitation_settings", "auto_accept_from_organizers"), ("calendar_invitation_settings", "auto_accept_by_event_type"),
    ("calendar_invitation_settings", "auto_accept_by_module"), ("client_meeting_history", "attendees"),
    ("client_meeting_history", "action_items"), ("calendar_event_history", "full_snapshot"), ("freeform_notes", "content"),
    ("freeform_notes", "tags"), ("freeform_notes", "sharedWith"), ("note_activity", "metadata"), ("client_activity", "metadata"),
}
for _table, _column in _JSON:
    _bad = "'[{\"unknownKey\": 1}]'" if (_table, _column) in _OBJECT_ARRAYS else "'{\"unknownKey\": 1}'"
    CASES[f"{_table}_{_column}_reads_as_terp_expects"] = case(
        1, f'UPDATE "{_table}" SET "{_column}" = {_bad} WHERE id = (SELECT min(id) FROM "{_table}")')

# Status columns: every row of one counted state moved to another, so a screen counting it comes back empty.
for _table, _column, _gone, _to in (
    ("calendar_events", "status", "IN_PROGRESS", "COMPLETED"), ("calendar_events", "event_type", "DEADLINE", "OTHER"),
    ("calendar_reminders", "status", "PENDING", "SENT"), ("calendar_event_invitations", "status", "DECLINED", "ACCEPTED"),
    ("calendar_recurrence_instances", "status", "MODIFIED", "GENERATED"), ("todo_tasks", "status", "in_progress", "done"),
    ("inbox_items", "status", "unread", "seen"), ("client_communications", "communicationType", "NOTE", "CALL"),
):
    CASES[f"{_table}_{_column}_has_every_counted_state"] = case(  # one state gone: one missing state
        1, f"UPDATE \"{_table}\" SET \"{_column}\" = '{_to}' WHERE \"{_column}\" = '{_gone}'")
