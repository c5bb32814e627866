"""Breaking cases of the rules that hold the calendar to the workflow, the intake sessions and the media."""

CASES = {
    "photographed_after_a_completed_session": [  # the session is moved after the change it led to
        "UPDATE calendar_events SET end_date = date(end_date, '+1 day') WHERE id = (SELECT min(photo_session_event_id) "
        "FROM batches)"],
    "intake_event_is_its_session": [  # someone else takes the intake
        "UPDATE calendar_events SET assigned_to = (SELECT min(id) FROM users WHERE id <> calendar_events.assigned_to) "
        "WHERE id = (SELECT min(id) FROM calendar_events WHERE event_type = 'INTAKE')"],
}
