"""Breaking cases of the rules that hold the calendar to the workflow, intake sessions, sales sheets and media."""

from seed_pipeline_tests.checks.rule_cases import case

SESSION = "(SELECT min(photo_session_event_id) FROM batches)"  # the first photo session (its batch: PHOTOGRAPHED)
PHOTOGRAPHED = f"(SELECT entity_id FROM calendar_events WHERE id = {SESSION})"
# the PHOTOGRAPHY_COMPLETE change of that batch
CHANGE = (f"(SELECT h.id FROM batch_status_history h JOIN workflow_statuses s ON s.id = h.toStatusId "
          f"WHERE s.slug = 'photography_complete' AND h.batchId = {PHOTOGRAPHED})")
OF_PHOTOGRAPHED = f"filename LIKE '%\\_' || (SELECT code FROM batches WHERE id = {PHOTOGRAPHED}) || '\\_%' ESCAPE '\\'"
FIRST_MEDIA = f"(SELECT min(id) FROM productMedia WHERE {OF_PHOTOGRAPHED})"
NEVER_PHOTOGRAPHED = "(SELECT min(id) FROM batches WHERE photo_session_event_id IS NULL)"
TO_NEVER_PHOTOGRAPHED = (f"filename = replace(filename, (SELECT code FROM batches WHERE id = {PHOTOGRAPHED}), "
                         f"(SELECT code FROM batches WHERE id = {NEVER_PHOTOGRAPHED}))")
INTAKE = "(SELECT min(id) FROM calendar_events WHERE event_type = 'INTAKE')"  # the first lot's intake, COMPLETED
OPEN_INTAKE = "(SELECT min(id) FROM calendar_events WHERE event_type = 'INTAKE' AND status = 'IN_PROGRESS')"
FOLLOW_UP = "(SELECT min(id) FROM calendar_events WHERE entity_type = 'sales_sheet')"  # the first sheet's
SENT = "(SELECT created_at FROM sales_sheet_history WHERE id = calendar_events.entity_id)"
EVENT_COLUMNS = ("title", "description", "start_date", "end_date", "start_time", "end_time", "module", "event_type",
                 "status", "priority", "entity_type", "entity_id", "client_id", "vendor_id", "created_by", "assigned_to",
                 "visibility", "created_at", "updated_at", "deleted_at")


def _copy_event(event: str, **changed: str) -> str:
    """A second calendar event like ``event``, the ``changed`` columns set to the given SQL."""
    return (f"INSERT INTO calendar_events ({', '.join(EVENT_COLUMNS)}) "
            f"SELECT {', '.join(changed.get(c, c) for c in EVENT_COLUMNS)} FROM calendar_events WHERE id = {event}")


CASES = {
    "photographed_after_a_completed_session": (
        case(1, f"UPDATE calendar_events SET end_date = date(end_date, '+1 day') WHERE id = {SESSION}"),  # moved after
        # the session ends a second after the change it led to (the seed's ends the very second of it)
        case(1, f"UPDATE calendar_events SET end_time = time(end_time, '+1 second') WHERE id = {SESSION}"),
        case(1, f"UPDATE calendar_events SET status = 'SCHEDULED' WHERE id = {SESSION}"),  # not completed
        case(1, f"UPDATE calendar_events SET deleted_at = end_date WHERE id = {SESSION}"),  # deleted
        case(1, f"UPDATE calendar_events SET event_type = 'MEETING' WHERE id = {SESSION}"),  # not a photo session
        case(1, f"UPDATE calendar_events SET entity_type = 'lot' WHERE id = {SESSION}"),  # about a lot
        case(1, f"UPDATE batches SET photo_session_event_id = NULL WHERE id = {PHOTOGRAPHED}"),  # points at none
        # the batch photographed third points at the first session, which ended before its change but is another's
        case(1, f"UPDATE batches SET photo_session_event_id = {SESSION} WHERE photo_session_event_id = "
                "(SELECT id FROM calendar_events WHERE event_type = 'PHOTOGRAPHY' ORDER BY end_date, end_time LIMIT 1 "
                "OFFSET 2)"),
        # a completed session about a batch that never reached PHOTOGRAPHY_COMPLETE
        case(1, _copy_event(SESSION, entity_id=NEVER_PHOTOGRAPHED)),
        # a medium uploaded a second before the change, and the very second of it (not before: holds)
        case(1, f"UPDATE productMedia SET createdAt = datetime((SELECT createdAt FROM batch_status_history "
                f"WHERE id = {CHANGE}), '-1 second') WHERE id = {FIRST_MEDIA}"),
        case(0, f"UPDATE productMedia SET createdAt = (SELECT createdAt FROM batch_status_history WHERE id = {CHANGE}) "
                f"WHERE id = {FIRST_MEDIA}"),
        # a medium named after a batch that does not exist, every medium of the batch named after one (one batch),
        # and after one never photographed
        case(1, f"UPDATE productMedia SET filename = replace(filename, '_BAT-', '_BAT-9') WHERE id = {FIRST_MEDIA}"),
        case(1, f"UPDATE productMedia SET filename = replace(filename, '_BAT-', '_BAT-9') WHERE {OF_PHOTOGRAPHED}"),
        case(1, f"UPDATE productMedia SET {TO_NEVER_PHOTOGRAPHED} WHERE id = {FIRST_MEDIA}"),
        # both: the batch never photographed and the one that does not exist
        case(2, f"UPDATE productMedia SET {TO_NEVER_PHOTOGRAPHED} WHERE id = {FIRST_MEDIA}",
             f"UPDATE productMedia SET filename = replace(filename, '_BAT-', '_BAT-9') WHERE {OF_PHOTOGRAPHED}"),
        # the session about no batch: the batch pointing at it has none
        case(1, f"UPDATE calendar_events SET entity_id = NULL WHERE id = {SESSION}"),
        # the batch reached PHOTOGRAPHY_COMPLETE again two days later, after its media: it reached it first by the
        # session, before the media (holds)
        case(0, "INSERT INTO batch_status_history (batchId, fromStatusId, toStatusId, changedBy, notes, createdAt) "
                "SELECT batchId, fromStatusId, toStatusId, changedBy, notes, datetime(createdAt, '+2 days') "
                f"FROM batch_status_history WHERE id = {CHANGE}"),
        # two batches broken, each by another clause
        case(2, f"UPDATE calendar_events SET status = 'SCHEDULED' WHERE id = {SESSION}",
             _copy_event(SESSION, entity_id=NEVER_PHOTOGRAPHED, status="'COMPLETED'")),
    ),
    "intake_event_is_its_session": (
        case(1, "UPDATE calendar_events SET assigned_to = (SELECT min(id) FROM users WHERE id <> calendar_events.assigned_to) "
                f"WHERE id = {INTAKE}"),  # someone else takes the intake
        case(1, f"UPDATE calendar_events SET start_date = date(start_date, '+1 day'), end_date = date(end_date, '+1 day') "
                f"WHERE id = {INTAKE}"),  # the day after the session
        case(1, "UPDATE calendar_events SET vendor_id = (SELECT min(vendorId) FROM lots "
                f"WHERE vendorId <> calendar_events.vendor_id) WHERE id = {INTAKE}"),  # another vendor
        # in progress after the session closed, and closed while it is open; scheduled is not in progress (holds)
        case(1, f"UPDATE calendar_events SET status = 'IN_PROGRESS' WHERE id = {INTAKE}"),
        case(1, f"UPDATE calendar_events SET status = 'COMPLETED' WHERE id = {OPEN_INTAKE}"),
        case(0, f"UPDATE calendar_events SET status = 'SCHEDULED' WHERE id = {INTAKE}"),
        case(1, f"UPDATE calendar_events SET deleted_at = start_date WHERE id = {INTAKE}"),  # a session without its event
        # the event about no lot: its session has none, and it is no session's
        case(2, f"UPDATE calendar_events SET entity_id = NULL WHERE id = {INTAKE}"),
        case(1, _copy_event(INTAKE, entity_id="(SELECT max(id) + 1 FROM lots)")),  # an intake of a lot never received
        case(2, _copy_event(INTAKE)),  # a session with two events: neither is its one event
        case(1, _copy_event(INTAKE, entity_type="'batch'")),  # an intake about a batch, not a lot
        case(1, _copy_event(INTAKE, entity_type="NULL")),  # about nothing
        case(0, _copy_event(INTAKE, entity_type="'batch'", deleted_at="created_at")),  # deleted: not in the calendar
        # a second session receiving the first lot: the lot's one event is both sessions'
        case(2, "INSERT INTO intake_sessions (id, session_number, vendor_id, status, receive_date, received_by, "
                "paymentTerms) SELECT 1000, 'IS-1000', vendor_id, status, receive_date, received_by, paymentTerms "
                "FROM intake_sessions WHERE id = 1",
             "INSERT INTO intake_session_batches (intake_session_id, batch_id, received_qty, unit_cost, total_cost) "
             "SELECT 1000, batch_id, received_qty, unit_cost, total_cost FROM intake_session_batches WHERE id = "
             "(SELECT min(id) FROM intake_session_batches WHERE intake_session_id = 1)"),
    ),
    "sheet_follow_up_is_its_sheets": (
        # the follow-up names another client's sheet: that sheet has two follow-ups, its own none, and the
        # event is not with the sheet's client
        case(3, "UPDATE calendar_events SET entity_id = (SELECT min(s.id) FROM sales_sheet_history s "
                f"WHERE s.client_id <> calendar_events.client_id) WHERE id = {FOLLOW_UP}"),
        case(1, f"UPDATE calendar_events SET event_type = 'MEETING' WHERE id = {FOLLOW_UP}"),  # not a follow-up
        case(1, "UPDATE calendar_events SET client_id = (SELECT min(id) FROM clients WHERE id <> calendar_events.client_id) "
                f"WHERE id = {FOLLOW_UP}"),  # with another client
        case(1, "UPDATE calendar_events SET assigned_to = (SELECT min(id) FROM users WHERE id <> calendar_events.assigned_to) "
                f"WHERE id = {FOLLOW_UP}"),  # for another rep
        # put in the calendar a second before the sheet was sent (the seed's first, the very second: holds)
        case(1, f"UPDATE calendar_events SET created_at = datetime({SENT}, '-1 second') WHERE id = {FOLLOW_UP}"),
        # starting the very second the sheet was sent, and the second after (holds)
        case(1, f"UPDATE calendar_events SET start_date = date({SENT}), start_time = time({SENT}) WHERE id = {FOLLOW_UP}"),
        case(0, f"UPDATE calendar_events SET start_date = date({SENT}), start_time = time({SENT}, '+1 second') "
                f"WHERE id = {FOLLOW_UP}"),
        case(1, f"UPDATE calendar_events SET deleted_at = start_date WHERE id = {FOLLOW_UP}"),  # a sheet without one
        case(1, _copy_event(FOLLOW_UP)),  # a sheet with two
        case(1, _copy_event(FOLLOW_UP, entity_id="(SELECT max(id) + 1 FROM sales_sheet_history)")),  # no such sheet
    ),
}
