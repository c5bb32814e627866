"""Rules of place and time: every address is Californian, the business works in its hours, nothing is dated ahead.

Addresses and phones are held to ``business/place.py`` (a city of its table, that city's ZIP and area
code), moments to ``business/hours.py`` (the business calendar the generators draw from). Each rule
fetches the columns it needs and tests them in pandas with those functions; a row breaking a rule in
several ways (or in several columns) is counted once.
"""

from datetime import date, datetime, time

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business import hours, place
from seed_pipeline.business.activity.calendar import ALL_DAY_TYPES, delivery_start, event_start, fits_working_hours
from seed_pipeline.business.rules import may_be_future
from seed_pipeline.checks.violations import fetch_frame, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses

# Where the business makes its moments with the business calendar (DATE columns: on a working day).
WORKING_MOMENTS: dict[str, tuple[str, ...]] = {
    "clients": ("created_at",),
    "vendors": ("createdAt",),
    "lots": ("date", "createdAt"),
    "batches": ("createdAt",),
    "orders": ("created_at", "confirmed_at", "packed_at", "shipped_at"),
    "order_line_items": ("created_at",),
    "invoices": ("invoiceDate", "createdAt"),
    "returns": ("processed_at",),
}
def _is_date(column: sa.Column) -> bool:
    try:
        return column.type.python_type is date
    except NotImplementedError:
        return False


def _is_moment(column: sa.Column) -> bool:
    try:
        return column.type.python_type in (date, datetime)
    except NotImplementedError:
        return False


def _dated(table: str) -> list[sa.Column]:
    return [c for c in T[table].columns if _is_moment(c)]


DATED_TABLES = tuple(t for t in T if _dated(t))


def _rows_breaking(conn, table: str, columns, broken) -> int:
    """Rows of ``table`` where ``broken(column, values)`` holds in any of ``columns`` (NULLs never break)."""
    t = T[table]
    f = fetch_frame(conn, sa.select(*(t.c[c] for c in columns)))
    bad = np.zeros(len(f), bool)
    for c in columns:
        values = moments(f[c])
        bad |= values.notna().to_numpy() & broken(t.c[c], values)
    return int(bad.sum())


def parties_in_california(conn, as_of) -> int:
    """A client's address is in a Californian city of the place model, with a ZIP code of that city, and its phone
    has an area code of that city (any Californian one when it has no address); a vendor's phone is Californian."""
    c, v = T["clients"], T["vendors"]
    clients = fetch_frame(conn, sa.select(c.c.address, c.c.phone))
    address, phone = clients["address"], clients["phone"]
    has_address = address.notna().to_numpy()
    bad = has_address & ~place.address_is_californian(address)
    bad |= phone.notna().to_numpy() & np.where(has_address, ~place.phone_is_of(phone, address), ~place.phone_is_of(phone))
    vendors = fetch_frame(conn, sa.select(v.c.contactPhone))["contactPhone"]
    return int(bad.sum() + (vendors.notna().to_numpy() & ~place.phone_is_of(vendors)).sum())


def event_places_in_california(conn, as_of) -> int:
    """An event takes place at the warehouse, on a video call, or at a Californian address of the place model."""
    e = T["calendar_events"]
    location = fetch_frame(conn, sa.select(e.c.location).where(e.c.location.is_not(None)))["location"]
    return int((~place.is_known_place(location)).sum())


def deliveries_arrive_before_closing(conn, as_of) -> int:
    """A shipped order left the warehouse early enough to reach its client's city (the drive from the place
    model's road miles) by closing time, on the day it shipped."""
    o, c = T["orders"], T["clients"]
    f = fetch_frame(conn, sa.select(o.c.shipped_at, c.c.address).select_from(o.join(c, c.c.id == o.c.client_id))
                    .where(o.c.shipped_at.is_not(None)))
    shipped = moments(f["shipped_at"])
    arrives = shipped + pd.to_timedelta(place.drive_hours(place.miles_to(f["address"])), unit="h")
    closing = shipped.dt.normalize() + pd.Timedelta(hours=hours.CLOSE)
    return int((~(arrives <= closing)).sum())  # an unknown city has no drive: it breaks the rule too


def deliveries_start_on_arrival(conn, as_of) -> int:
    """The DELIVERY event of a shipped order starts when the van reaches the client (shipped time plus the drive
    from the warehouse to the client's city) and ends by closing time that day."""
    e, o, c = T["calendar_events"], T["orders"], T["clients"]
    f = fetch_frame(conn, sa.select(e.c.start_date, e.c.start_time, e.c.end_date, e.c.end_time, o.c.shipped_at, c.c.address)
                    .select_from(e.join(o, o.c.id == e.c.entity_id).join(c, c.c.id == o.c.client_id))
                    .where(e.c.event_type == "DELIVERY", e.c.entity_type == "order", o.c.shipped_at.is_not(None)))
    shipped = moments(f["shipped_at"])
    arrives = delivery_start(shipped, place.drive_hours(place.miles_to(f["address"])))
    start, end = event_start(f["start_date"], f["start_time"]), event_start(f["end_date"], f["end_time"])
    closing = shipped.dt.normalize() + pd.Timedelta(hours=hours.CLOSE)
    return int((~((start == arrives) & (end > start) & (end <= closing))).sum())


def business_moments_in_working_hours(conn, as_of) -> int:
    """What the core history makes (parties, lots and batches, orders and their fulfilment, invoices, returns)
    happens in working hours on a working day of the business calendar (a DATE column: on a working day)."""
    def off_hours(column, values):
        return ~(hours.is_working_day(values) if _is_date(column) else hours.is_working_moment(values))

    return sum(_rows_breaking(conn, table, columns, off_hours) for table, columns in WORKING_MOMENTS.items())


def _desk_moments(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in T[table].columns if isinstance(c.type, sa.DateTime) and hours.is_desk_moment(table, c.name))


DESK_MOMENTS = {table: _desk_moments(table) for table in hours.DESK_TABLES}


def desk_moments_in_working_hours(conn, as_of) -> int:
    """What people do at their desks (the calendar and its invitations, comments, to-dos, the inbox, notes, the audit
    trail) happens in working hours on a working day; what is scheduled ahead, and what TERP's jobs stamp at their
    own hour (a reminder sent, an occurrence generated), may lie anywhere."""
    return sum(_rows_breaking(conn, table, columns, lambda column, values: ~hours.is_working_moment(values))
               for table, columns in DESK_MOMENTS.items())


def events_in_working_hours(conn, as_of) -> int:
    """An event is an appointment that begins and ends on one working day inside working hours, or, for the all-day
    types (a payment's due date), a day without times; the occurrences of a series are appointments too."""
    e, i = T["calendar_events"], T["calendar_recurrence_instances"]
    f = fetch_frame(conn, sa.select(e.c.event_type, e.c.start_date, e.c.start_time, e.c.end_date, e.c.end_time))
    all_day = f["event_type"].isin(ALL_DAY_TYPES).to_numpy()
    timed = fits_working_hours(event_start(f["start_date"], f["start_time"]), event_start(f["end_date"], f["end_time"]))
    one_day = (f["start_time"].isna() & f["end_time"].isna()).to_numpy() & (
        pd.to_datetime(f["start_date"]) == pd.to_datetime(f["end_date"])).to_numpy()
    bad = np.where(all_day, ~one_day, ~timed)
    g = fetch_frame(conn, sa.select(i.c.instance_date, i.c.start_time, i.c.end_time))
    held = fits_working_hours(event_start(g["instance_date"], g["start_time"]), event_start(g["instance_date"], g["end_time"]))
    return int(bad.sum() + (~held).sum())


def nothing_after_the_end(conn, as_of) -> int:
    """No row of any table is dated after the end date's last second, except in columns of what is scheduled,
    due or set to expire (``rules.may_be_future``: due dates, validity, upcoming events and reminders, expiries)."""
    end = datetime.combine(as_of, time(23, 59, 59))  # counted in the database: fetching every moment cost seconds
    total = 0
    for table in DATED_TABLES:
        late = [c > (as_of if _is_date(c) else end) for c in _dated(table) if not may_be_future(c.name)]
        if late:
            total += int(conn.execute(sa.select(sa.func.count()).select_from(T[table]).where(sa.or_(*late))).scalar())
    return total


RULES = {
    "parties_in_california": parties_in_california,
    "event_places_in_california": event_places_in_california,
    "deliveries_arrive_before_closing": deliveries_arrive_before_closing,
    "deliveries_start_on_arrival": deliveries_start_on_arrival,
    "business_moments_in_working_hours": business_moments_in_working_hours,
    "desk_moments_in_working_hours": desk_moments_in_working_hours,
    "events_in_working_hours": events_in_working_hours,
    "nothing_after_the_end": nothing_after_the_end,
}
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "parties_in_california": ("clients", ("vendors",)),
    "event_places_in_california": ("calendar_events", ()),
    "deliveries_arrive_before_closing": ("orders", ("clients",)),
    "deliveries_start_on_arrival": ("calendar_events", ("orders", "clients")),
    "business_moments_in_working_hours": ("orders", tuple(t for t in WORKING_MOMENTS if t != "orders")),
    "desk_moments_in_working_hours": ("auditLogs", tuple(t for t in DESK_MOMENTS if t != "auditLogs")),
    "events_in_working_hours": ("calendar_events", ("calendar_recurrence_instances",)),
    "nothing_after_the_end": ("auditLogs", tuple(t for t in DATED_TABLES if t != "auditLogs")),
}
