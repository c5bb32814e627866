"""The calendar and collaboration rules, written once for the generators and the checks.

Which events the business keeps (one per shipped order, per lot, per late invoice, meetings and
audits), when an event is scheduled relative to what it is about, when its reminders fire, and
where the creation time of an event's or a comment's subject is kept.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.hours import CLOSE, OPEN

TIMEZONE = "America/Los_Angeles"
DAY_HOURS = (8, 17)  # events start on a quarter hour between these (business hours)
QUARTER = pd.Timedelta(minutes=15)
# Events of these types are all-day (no start or end time, TERP's calendar shows them on their date): a due date is
# a date, kept where it falls, a weekend included. Every other event is an appointment in working hours.
ALL_DAY_TYPES = ("PAYMENT_DUE",)


@dataclass(frozen=True)
class EventKind:
    event_type: str
    module: str
    entity_type: str | None  # what calendar_events.entity_type names, if anything
    minutes: int  # how long it lasts
    priority: str
    cancel_share: float  # of past events that were called off
    auto_rule: str | None  # auto_generation_rule of the events the app makes itself


KINDS = {
    "delivery": EventKind("DELIVERY", "ORDERS", "order", 60, "HIGH", 0.0, "order_shipped"),
    "intake": EventKind("INTAKE", "INVENTORY", "lot", 90, "MEDIUM", 0.0, "lot_received"),
    "photo": EventKind("PHOTOGRAPHY", "INVENTORY", "batch", 45, "LOW", 0.0, "batch_received"),  # the workflow says which took place
    "payment_due": EventKind("PAYMENT_DUE", "ACCOUNTING", "invoice", 30, "HIGH", 0.0, "invoice_due"),
    "collection": EventKind("AR_COLLECTION", "ACCOUNTING", "invoice", 30, "URGENT", 0.03, "invoice_overdue"),
    "account_review": EventKind("MEETING", "CLIENTS", "client", 60, "HIGH", 0.06, None),
    "follow_up": EventKind("FOLLOW_UP", "CLIENTS", "order", 30, "MEDIUM", 0.08, None),
    # TERP's calendarFinancials.setSalesSheetReminder: the sheet's id is filled once the sheets exist
    "sheet_follow_up": EventKind("FOLLOW_UP", "CLIENTS", "sales_sheet", 30, "MEDIUM", 0.08, None),
    "team_meeting": EventKind("MEETING", "GENERAL", None, 60, "MEDIUM", 0.04, None),
    "audit": EventKind("AUDIT", "COMPLIANCE", None, 180, "HIGH", 0.0, None),
    "sales_meeting": EventKind("MEETING", "CLIENTS", "client", 60, "HIGH", 0.06, None),
    "one_on_one": EventKind("MEETING", "GENERAL", None, 30, "MEDIUM", 0.05, None),
    "close_sign_off": EventKind("DEADLINE", "ACCOUNTING", None, 60, "HIGH", 0.0, None),
    "series": EventKind("MEETING", "GENERAL", None, 45, "MEDIUM", 0.0, None),
}
CLIENT_MEETINGS = ("account_review", "sales_meeting")  # meetings with a client's people, confirmed afterwards

# Minutes before an event's start at which its assignee is reminded (calendar_reminders.relative_minutes).
REMINDER_LEADS = {
    "DELIVERY": (60, 1440), "INTAKE": (15,), "PHOTOGRAPHY": (15, 60), "PAYMENT_DUE": (1440, 4320),
    "AR_COLLECTION": (15, 60), "MEETING": (15, 60, 1440), "FOLLOW_UP": (60, 1440), "AUDIT": (1440, 10080),
    "DEADLINE": (1440, 4320),
}

LATE_DAYS = 7  # an invoice paid this many days after its due date went to collection
COLLECTION_EVERY = 30  # days between two collection calls, the first LATE_DAYS after the due date
BIG_ORDER_QUANTILE = 0.9  # orders above it get a follow-up call
FOLLOW_UP_DAYS = (3, 8)  # after shipping
UNCONFIRMED_SHARE = 0.12  # of past client meetings nobody confirmed yet (TERP's "unconfirmed meetings")
SHEET_FOLLOW_UP_HOURS = (9, 16.75)  # the next business day after a sheet is sent, at about the hour it was sent
SALES_MEETING_DAYS = (2, 11)  # a big order follows a meeting with the client's people this many days later
ONE_ON_ONE_WEEKS = 4  # each person meets their lead every four weeks
CLOSE_SIGN_OFF_DAY = 3  # business days after month end the admin signs off the close


@dataclass(frozen=True)
class Series:
    """A weekly recurring meeting: one event in the calendar, its rule, and the instances TERP expands."""

    key: str
    title: str
    host_jobs: tuple[str, ...]  # who runs it (the first such person; the admin when nobody)
    guest_jobs: tuple[str, ...] | None  # who attends (None: everyone)
    weekday: int  # Monday = 0, as pandas counts
    interval_weeks: int
    hour: float
    location: str


SERIES = (
    Series("weekly-team", "Weekly team meeting", ("Super Admin",), None, 0, 1, 9.5, "Main Warehouse - conference room"),
    Series("sales-huddle", "Sales huddle", ("Sales Manager",), ("Sales Rep", "Sales Manager", "Customer Service"), 3, 2, 8.5,
           "Video call"),
    Series("cycle-count", "Cycle count", ("Inventory Manager",), ("Warehouse Staff", "Inventory Manager"), 4, 1, 15.0,
           "Main Warehouse - Zone A"),
)

# Where the creation time of a polymorphic subject is kept: type value -> (table, column).
CREATED_AT = {
    "client": ("clients", "created_at"), "vendor": ("vendors", "createdAt"), "order": ("orders", "created_at"),
    "batch": ("batches", "createdAt"), "invoice": ("invoices", "createdAt"), "product": ("products", "createdAt"),
    "lot": ("lots", "createdAt"), "calendar_event": ("calendar_events", "created_at"),
}
# When the people a calendar row names came to exist: party table -> its creation column.
PARTY_CREATED = {"users": "createdAt", "clients": "created_at"}
EVENT_SUBJECTS = ("client", "vendor", "order", "batch", "invoice", "lot")
# An event about a record is with that record's party: entity type -> (event column, subject column).
EVENT_PARTY = {"client": ("client_id", "id"), "order": ("client_id", "client_id"),
               "invoice": ("client_id", "customerId"), "lot": ("vendor_id", "vendorId")}
COMMENT_SUBJECTS = ("client", "vendor", "order", "batch", "invoice", "product", "calendar_event")


def event_start(start_date, start_time) -> pd.Series:
    """When an event begins: its date plus its 'HH:MM:SS' time (midnight when it has none)."""
    time = pd.Series(start_time, dtype=object).fillna("00:00:00").astype(str)
    return pd.Series(pd.to_datetime(pd.Series(start_date)).to_numpy() + pd.to_timedelta(time).to_numpy())


def fits_working_hours(start, finish) -> np.ndarray:
    """An appointment begins and ends on one working day, inside working hours, and lasts."""
    start, finish = pd.to_datetime(pd.Series(start)), pd.to_datetime(pd.Series(finish))
    day = start.dt.normalize()
    return (hours.is_working_day(day) & (start >= day + pd.Timedelta(hours=OPEN)) & (finish > start)
            & (finish <= day + pd.Timedelta(hours=CLOSE))).to_numpy()


def next_slot(at, minutes) -> pd.Series:
    """The first quarter hour at or after each moment when an appointment of ``minutes`` fits in working hours."""
    at = pd.to_datetime(pd.Series(at)).reset_index(drop=True).dt.ceil(QUARTER)
    day, opening = at.dt.normalize(), pd.Timedelta(hours=OPEN)
    clock = (at - day).clip(lower=opening)
    late = (clock + pd.to_timedelta(np.asarray(minutes), unit="m") > pd.Timedelta(hours=CLOSE)).to_numpy()
    moved = hours.working_day_offset(day + pd.to_timedelta(late.astype(int), unit="D"), 0)
    clock = clock.where((moved == day).to_numpy() & ~late, opening)
    return (moved + clock).astype("datetime64[s]")


def made_in_time(created, start_date, start_time) -> np.ndarray:
    """An event is put in the calendar by the time it starts; an all-day one (no start time) by the end of its day."""
    day = pd.to_datetime(pd.Series(start_date)).reset_index(drop=True)
    timed = pd.Series(start_time).reset_index(drop=True).notna()
    latest = event_start(day, start_time).where(timed, day + pd.Timedelta(days=1) - pd.Timedelta(seconds=1))
    return (pd.to_datetime(pd.Series(created)).reset_index(drop=True) <= latest).to_numpy()


def reminder_time(start, relative_minutes) -> pd.Series:
    """A reminder fires ``relative_minutes`` before its event starts."""
    return pd.Series(pd.to_datetime(pd.Series(start)).to_numpy()
                     - pd.to_timedelta(np.asarray(relative_minutes, dtype=np.int64), unit="m"))


def reminder_fits(start, created, relative_minutes) -> np.ndarray:
    """A reminder can only be set once its event exists: it fires at or after the event's creation."""
    return (reminder_time(start, relative_minutes).to_numpy() >= pd.to_datetime(pd.Series(created)).to_numpy())


def delivery_day(shipped_at) -> pd.Series:
    """A DELIVERY event is on the day its order shipped."""
    return pd.to_datetime(pd.Series(shipped_at)).dt.normalize()


def delivery_start(shipped_at, drive_hours) -> pd.Series:
    """A delivery begins when the van reaches the client: the shipping time plus the drive from the warehouse
    (``place.drive_hours``), to the minute as the calendar keeps times; NaT (not shipped) stays NaT."""
    return pd.Series(pd.to_datetime(pd.Series(shipped_at)).to_numpy()
                     + pd.to_timedelta(np.asarray(drive_hours, dtype=float), unit="h").to_numpy()).dt.floor("min")


def delivery_end(start, minutes: int) -> pd.Series:
    """The unloading takes ``minutes``, cut short at closing time (the fulfilment sends no van that would arrive later)."""
    start = pd.to_datetime(pd.Series(start))
    return (start + pd.Timedelta(minutes=minutes)).clip(upper=start.dt.normalize() + pd.Timedelta(hours=CLOSE))


def still_overdue(amount_due, due, end) -> np.ndarray:
    """Unpaid past its due date at the end date."""
    return (np.asarray(amount_due, dtype=float) > 0) & (pd.to_datetime(pd.Series(due)) < pd.Timestamp(end).normalize()).to_numpy()


def was_overdue(amount_due, due, paid_at, end) -> np.ndarray:
    """Overdue as of the end date, or paid more than LATE_DAYS after the due date."""
    late = (pd.to_datetime(pd.Series(paid_at)) - pd.to_datetime(pd.Series(due))).dt.days > LATE_DAYS
    return still_overdue(amount_due, due, end) | late.to_numpy()


def event_status(start, end_ts: pd.Timestamp, cancelled, left_open, in_progress) -> np.ndarray:
    """Events still ahead are SCHEDULED; past ones happened (COMPLETED) unless called off, left open
    (an unconfirmed meeting, a payment still due: SCHEDULED) or still being worked on (IN_PROGRESS)."""
    ahead = pd.to_datetime(pd.Series(start)).to_numpy() > np.datetime64(end_ts)
    return np.select([ahead, np.asarray(cancelled), np.asarray(left_open), np.asarray(in_progress)],
                     ["SCHEDULED", "CANCELLED", "SCHEDULED", "IN_PROGRESS"], "COMPLETED")


def sheet_follow_up(sent) -> pd.Series:
    """When a rep calls about a sales sheet: the next working day, at the quarter hour it was sent (kept
    in office hours). Never earlier for a later sheet, so a client's follow-ups are in its sheets' order."""
    sent = pd.to_datetime(pd.Series(sent))
    day = hours.working_day_offset(sent.dt.normalize() + pd.Timedelta(days=1), 0)
    low, high = (pd.Timedelta(hours=h) for h in SHEET_FOLLOW_UP_HOURS)
    clock = (sent - sent.dt.normalize()).dt.ceil(QUARTER).clip(lower=low, upper=high)
    return pd.Series(day.to_numpy() + clock.to_numpy())


def business_times(rng: np.random.Generator, n: int, hours: tuple[int, int] = DAY_HOURS) -> np.ndarray:
    """Quarter-hour times of day within ``hours``, as timedeltas."""
    quarters = rng.integers(hours[0] * 4, hours[1] * 4, n)
    return (quarters * 15).astype("timedelta64[m]")


def moments_between(rng: np.random.Generator, earliest, latest) -> pd.Series:
    """A business-hours moment on a random day from ``earliest`` to ``latest``, kept within both."""
    earliest = pd.to_datetime(pd.Series(np.asarray(earliest)))
    latest = pd.to_datetime(pd.Series(np.asarray(latest)))
    latest = latest.where(latest >= earliest, earliest)
    first = earliest.dt.normalize()
    days = ((latest.dt.normalize() - first).dt.days.clip(lower=0) + 1).to_numpy()
    day = np.floor(rng.random(len(first)) * days).astype("timedelta64[D]")
    moment = first.to_numpy() + day + business_times(rng, len(first))
    return pd.Series(moment).clip(lower=earliest, upper=latest).astype("datetime64[s]")


def last_business_day(month_start: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """The monthly compliance audit's day: the month's last working day."""
    return pd.DatetimeIndex(hours.working_day_offset(month_start + pd.offsets.MonthEnd(0), 0, roll="backward"))
