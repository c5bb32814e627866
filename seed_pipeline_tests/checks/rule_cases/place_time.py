"""Breaking cases of the rules of place (Californian addresses, deliveries in reach) and time (working hours, nothing ahead).

Each statement moves one row just outside the rule: a city, a ZIP or an area code that is not its
city's, a moment after closing, on a Sunday or on a holiday, a date past the end date's last second.
"""

from seed_pipeline_tests.checks.rule_cases import case

FIRST_CLIENT = "(SELECT min(id) FROM clients)"
FIRST_ORDER = "(SELECT min(id) FROM orders)"
FIRST_MEETING = "(SELECT min(id) FROM calendar_events WHERE event_type = 'MEETING')"
FIRST_DUE = "(SELECT min(id) FROM calendar_events WHERE event_type = 'PAYMENT_DUE')"
FIRST_SHIPPED = "(SELECT min(id) FROM orders WHERE shipped_at IS NOT NULL)"
_IN_OAKLAND = (f"UPDATE clients SET address = '1 Broadway, Oakland, CA 94607' "
               f"WHERE id = (SELECT client_id FROM orders WHERE id = {FIRST_SHIPPED})",)
FIRST_DELIVERY = ("(SELECT min(id) FROM calendar_events WHERE event_type = 'DELIVERY' AND entity_id IN "
                  "(SELECT id FROM orders WHERE shipped_at IS NOT NULL))")

CASES = {
    "parties_in_california": (
        case(1, f"UPDATE clients SET address = '1 Virginia Street, Reno, NV 89501' WHERE id = {FIRST_CLIENT}"),
        # Oakland's own street, a Los Angeles ZIP code; its phone may be off too, but it is one row
        case(1, f"UPDATE clients SET address = '1 Broadway, Oakland, CA 90012' WHERE id = {FIRST_CLIENT}"),
        # a New York number for a client whose address is Californian (never of area code 212)
        case(1, f"UPDATE clients SET phone = '(212) 234-5678' WHERE id = {FIRST_CLIENT}"),
        case(1, "UPDATE vendors SET contactPhone = '(702) 234-5678' WHERE id = (SELECT min(id) FROM vendors)"),
        # an address off its city's ZIP codes with a phone of that city; an Oakland address with a San Francisco phone
        case(1, f"UPDATE clients SET address = '1 Broadway, Oakland, CA 90012', phone = '(510) 234-5678' WHERE id = {FIRST_CLIENT}"),
        case(1, f"UPDATE clients SET address = '1 Broadway, Oakland, CA 94607', phone = '(415) 234-5678' WHERE id = {FIRST_CLIENT}"),
        # no address: any Californian area code holds (San Francisco's), a New York one does not
        case(0, f"UPDATE clients SET address = NULL, phone = '(415) 234-5678' WHERE id = {FIRST_CLIENT}"),
        case(1, f"UPDATE clients SET address = NULL, phone = '(212) 234-5678' WHERE id = {FIRST_CLIENT}"),
        # no phone, no address: nothing to break
        case(0, f"UPDATE clients SET address = NULL, phone = NULL WHERE id = {FIRST_CLIENT}",
             "UPDATE vendors SET contactPhone = NULL WHERE id = (SELECT min(id) FROM vendors)"),
    ),
    "event_places_in_california": (
        case(1, "UPDATE calendar_events SET location = '500 Main Street, Portland, OR 97204' "
                "WHERE id = (SELECT min(id) FROM calendar_events)"),
        # an event without a place says nothing of where it is
        case(0, "UPDATE calendar_events SET location = NULL WHERE id = (SELECT min(id) FROM calendar_events)"),
    ),
    # the van leaves a minute before closing: no city is a minute's drive away (loading alone takes 15)
    "deliveries_arrive_before_closing": (
        case(1, "UPDATE orders SET shipped_at = date(shipped_at) || ' 17:59:00' "
                "WHERE id = (SELECT min(id) FROM orders WHERE shipped_at IS NOT NULL)"),
        # an Oakland client is at the warehouse's own city: 0 miles, the 15 minutes of loading alone, so a van
        # leaving at 17:45 arrives exactly at closing (which holds) and one leaving a second later does not
        case(0, *_IN_OAKLAND, f"UPDATE orders SET shipped_at = date(shipped_at) || ' 17:45:00' WHERE id = {FIRST_SHIPPED}"),
        case(1, *_IN_OAKLAND, f"UPDATE orders SET shipped_at = date(shipped_at) || ' 17:45:01' WHERE id = {FIRST_SHIPPED}"),
    ),
    "deliveries_start_on_arrival": (
        # the event starts as the van leaves (no client is at the warehouse's door)
        case(1, "UPDATE calendar_events SET start_time = (SELECT time(o.shipped_at) FROM orders o WHERE o.id = entity_id) "
                f"WHERE id = {FIRST_DELIVERY}"),
        # unloading past closing time
        case(1, f"UPDATE calendar_events SET end_time = '18:15:00' WHERE id = {FIRST_DELIVERY}"),
        # a delivery of a client, not of an order, starting as an order with its id shipped: not an order's delivery
        case(0, "UPDATE calendar_events SET entity_type = 'client', "
                "start_time = (SELECT time(o.shipped_at) FROM orders o WHERE o.id = entity_id) "
                f"WHERE id = {FIRST_DELIVERY}"),
        # an order's intake_event_id naming another order's delivery: a delivery is its order's by what it is about
        case(0, f"UPDATE orders SET intake_event_id = NULL WHERE intake_event_id = {FIRST_DELIVERY}",
             f"UPDATE orders SET intake_event_id = {FIRST_DELIVERY} "
             "WHERE id = (SELECT max(id) FROM orders WHERE shipped_at IS NOT NULL)"),
        # unloading until closing time exactly (which holds), and an event ending as it starts
        case(0, f"UPDATE calendar_events SET end_time = '18:00:00' WHERE id = {FIRST_DELIVERY}"),
        case(1, f"UPDATE calendar_events SET end_date = start_date, end_time = start_time WHERE id = {FIRST_DELIVERY}"),
    ),
    "business_moments_in_working_hours": (
        case(1, f"UPDATE orders SET created_at = date(created_at) || ' 03:00:00' WHERE id = {FIRST_ORDER}"),
        case(1, "UPDATE invoices SET invoiceDate = '2026-10-25' WHERE id = (SELECT min(id) FROM invoices)"),  # a Sunday
        # Friday 3 July 2026: Independence Day falls on a Saturday, so the business is closed the day before
        case(1, f"UPDATE clients SET created_at = '2026-07-03 10:00:00' WHERE id = {FIRST_CLIENT}"),
    ),
    "desk_moments_in_working_hours": (
        # an inbox item a second before midnight: its other moments are in hours, it is one row
        case(1, "UPDATE inbox_items SET created_at = date(created_at) || ' 23:59:59' WHERE id = (SELECT min(id) FROM inbox_items)"),
        case(1, "UPDATE comments SET created_at = '2026-10-25 11:00:00' WHERE id = (SELECT min(id) FROM comments)"),  # a Sunday
        case(1, "UPDATE todo_tasks SET created_at = date(created_at) || ' 07:59:00' WHERE id = (SELECT min(id) FROM todo_tasks)"),
        # Friday 3 July 2026, closed for Independence Day
        case(1, "UPDATE auditLogs SET createdAt = '2026-07-03 10:00:00' WHERE id = (SELECT min(id) FROM auditLogs)"),
        # the calendar's desk moments: an event made on a Sunday, an invitation sent a second after closing
        case(1, "UPDATE calendar_events SET created_at = '2026-10-25 11:00:00' WHERE id = (SELECT min(id) FROM calendar_events)"),
        case(1, "UPDATE calendar_event_invitations SET sent_at = date(sent_at) || ' 18:00:01' "
                "WHERE id = (SELECT min(id) FROM calendar_event_invitations)"),
    ),
    "events_in_working_hours": (
        # a meeting moved to Sunday 25 October 2026, a minute before opening, a minute past closing
        case(1, f"UPDATE calendar_events SET start_date = '2026-10-25', end_date = '2026-10-25' WHERE id = {FIRST_MEETING}"),
        case(1, f"UPDATE calendar_events SET start_time = '07:59:00' WHERE id = {FIRST_MEETING}"),
        case(1, f"UPDATE calendar_events SET end_time = '18:01:00' WHERE id = {FIRST_MEETING}"),
        # a meeting without times, a due date with them
        case(1, f"UPDATE calendar_events SET start_time = NULL, end_time = NULL WHERE id = {FIRST_MEETING}"),
        case(1, "UPDATE calendar_events SET start_time = '09:00:00', end_time = '09:30:00' "
                "WHERE id = (SELECT min(id) FROM calendar_events WHERE event_type = 'PAYMENT_DUE')"),
        # a due date ending the next day, or with an end time alone
        case(1, f"UPDATE calendar_events SET end_date = date(start_date, '+1 day') WHERE id = {FIRST_DUE}"),
        case(1, f"UPDATE calendar_events SET end_time = '09:30:00' WHERE id = {FIRST_DUE}"),
        # a meeting from opening to closing exactly holds
        case(0, f"UPDATE calendar_events SET start_time = '08:00:00', end_time = '18:00:00' WHERE id = {FIRST_MEETING}"),
        # an occurrence a minute before opening
        case(1, "UPDATE calendar_recurrence_instances SET start_time = '07:59:00' "
                "WHERE id = (SELECT min(id) FROM calendar_recurrence_instances)"),
        # an occurrence of a series on Friday 3 July 2026, closed for Independence Day
        case(1, "UPDATE calendar_recurrence_instances SET instance_date = '2026-07-03' "
                "WHERE id = (SELECT min(id) FROM calendar_recurrence_instances)"),
    ),
    "nothing_after_the_end": (
        # the light seed ends on 2026-10-31: a second after its last second, a day after its last day
        case(1, "UPDATE comments SET created_at = '2026-11-01 00:00:00' WHERE id = (SELECT min(id) FROM comments)"),
        case(1, "UPDATE lots SET date = '2026-11-01' WHERE id = (SELECT min(id) FROM lots)"),
        # two moments of one order after the end count once; its due date may lie ahead
        case(1, "UPDATE orders SET created_at = '2099-01-01 10:00:00', confirmed_at = '2099-01-01 11:00:00', "
                f"due_date = '2099-02-01' WHERE id = {FIRST_ORDER}"),
        # the end date's last second and its last day hold, and so does a due date alone far ahead
        case(0, "UPDATE comments SET created_at = '2026-10-31 23:59:59' WHERE id = (SELECT min(id) FROM comments)",
             "UPDATE lots SET date = '2026-10-31' WHERE id = (SELECT min(id) FROM lots)",
             f"UPDATE orders SET due_date = '2099-02-01' WHERE id = {FIRST_ORDER}"),
    ),
}
