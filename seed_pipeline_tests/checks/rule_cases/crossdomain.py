"""Breaking cases of the rules that hold the calendar to the workflow, intake sessions, sales sheets and media."""

from seed_pipeline_tests.checks.rule_cases import case

CASES = {
    "photographed_after_a_completed_session": case(1,   # the session is moved after the change it led to
        "UPDATE calendar_events SET end_date = date(end_date, '+1 day') WHERE id = (SELECT min(photo_session_event_id) "
        "FROM batches)"),
    "intake_event_is_its_session": case(1,   # someone else takes the intake
        "UPDATE calendar_events SET assigned_to = (SELECT min(id) FROM users WHERE id <> calendar_events.assigned_to) "
        "WHERE id = (SELECT min(id) FROM calendar_events WHERE event_type = 'INTAKE')"),
    # the follow-up names another client's sheet: that sheet has two follow-ups, its own none, and the
    # event is not with the sheet's client
    "sheet_follow_up_is_its_sheets": case(3,
        "UPDATE calendar_events SET entity_id = (SELECT min(s.id) FROM sales_sheet_history s "
        "WHERE s.client_id <> calendar_events.client_id) WHERE id = (SELECT min(id) FROM calendar_events "
        "WHERE entity_type = 'sales_sheet')"),
}
