"""Breaking cases of the team's screens: series, invitations, tasks, inbox, mentions, meetings, and
the contract of the calendar and collaboration tables (a JSON value TERP cannot read, a counted state gone)."""

from seed_pipeline_tests.checks.rule_cases import case


def _first(table: str, where: str = "1 = 1") -> str:
    return f"id = (SELECT min(id) FROM {table} WHERE {where})"


_START = "(SELECT e.start_date || ' ' || e.start_time FROM calendar_events e WHERE e.id = event_id)"  # its event's start

CASES = {
    "recurrence_instances_follow_their_rule": case(  # the rule's date now has no instance, and the next day one too many
        2,
        "UPDATE calendar_recurrence_instances SET instance_date = date(instance_date, '+1 day') WHERE "
        + _first("calendar_recurrence_instances")),
    "invitation_history_before_the_event": case(1, 
        "UPDATE calendar_invitation_history SET performed_at = '2030-01-01 00:00:00' WHERE " + _first("calendar_invitation_history")),
    "task_status_agrees_with_its_story": case(1, "UPDATE todo_tasks SET status = 'done' WHERE " + _first("todo_tasks", "status = 'todo'")),
    "inbox_item_follows_its_source": case(1, 
        "UPDATE inbox_items SET reference_id = reference_id + 1 WHERE " + _first("inbox_items", "source_type = 'task_assignment'")),
    "mentions_match_their_comment": case(1, "DELETE FROM comment_mentions WHERE " + _first("comment_mentions")),
    "meeting_record_matches_its_event": case(1, "UPDATE client_meeting_history SET outcome = 'rescheduled' WHERE " + _first("client_meeting_history")),
    "overdue_payment_due_stays_open": case(1, "UPDATE calendar_events SET status = 'COMPLETED' WHERE " + _first(
        "calendar_events", "event_type = 'PAYMENT_DUE' AND status = 'SCHEDULED' AND start_date < '2026-10-31'")),
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
