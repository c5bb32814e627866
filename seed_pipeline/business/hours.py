"""When the business works: one calendar of working days and hours in its time zone, for generators and checks.

Timestamps are written as naive wall-clock times of ``TIMEZONE`` (TERP's default, in which its
screens and its calendar read them; the app's MySQL pool converts nothing). Working hours keep
every business moment clear of the hours daylight saving time skips or repeats.

The business works Monday to Friday, ``OPEN`` to ``CLOSE``, except on US federal holidays it keeps,
California's day after Thanksgiving and Cesar Chavez Day, and the closures of Christmas Eve and
New Year's Eve. Time inside the calendar is counted as *working seconds* since ``EPOCH``: adding
working time or drawing a moment uniformly over working time is then plain arithmetic.
"""

from functools import cache

from dateutil.relativedelta import TH

import numpy as np
import pandas as pd
from pandas.tseries.holiday import (
    AbstractHolidayCalendar, Holiday, USLaborDay, USMartinLutherKingJr, USMemorialDay, USPresidentsDay,
    USThanksgivingDay, nearest_workday,
)
from pandas.tseries.offsets import DateOffset, Day

from seed_pipeline.business.rules import may_be_future

TIMEZONE = "America/Los_Angeles"
OPEN, CLOSE = 8, 18  # working hours, local time
DAY_SECONDS = (CLOSE - OPEN) * 3600
WEEKMASK = "Mon Tue Wed Thu Fri"
EPOCH = np.datetime64("2000-01-03", "D")  # a Monday, long before any history


class Holidays(AbstractHolidayCalendar):
    """The days the business is closed on a weekday: holidays observed on the nearest weekday, and closures."""

    rules = [
        Holiday("New Year's Day", month=1, day=1, observance=nearest_workday),
        USMartinLutherKingJr,
        USPresidentsDay,
        Holiday("Cesar Chavez Day", month=3, day=31, observance=nearest_workday),  # California
        USMemorialDay,
        Holiday("Juneteenth", month=6, day=19, start_date="2021-06-18", observance=nearest_workday),
        Holiday("Independence Day", month=7, day=4, observance=nearest_workday),
        USLaborDay,
        USThanksgivingDay,
        Holiday("Day after Thanksgiving", month=11, day=1, offset=[DateOffset(weekday=TH(4)), Day(1)]),  # California
        Holiday("Christmas Eve (closed)", month=12, day=24),
        Holiday("Christmas Day", month=12, day=25, observance=nearest_workday),
        Holiday("New Year's Eve (closed)", month=12, day=31),
    ]


@cache
def holidays() -> np.ndarray:
    return Holidays().holidays("2000-01-01", "2100-12-31").to_numpy().astype("datetime64[D]")


def _busdays(days: np.ndarray) -> np.ndarray:
    """Working days from ``EPOCH`` up to (not including) each day."""
    return np.busday_count(EPOCH, days, weekmask=WEEKMASK, holidays=holidays())


def is_working_day(days) -> np.ndarray:
    return np.is_busday(np.asarray(pd.to_datetime(pd.Series(days)).to_numpy(), dtype="datetime64[D]"),
                        weekmask=WEEKMASK, holidays=holidays())


def to_working(at) -> np.ndarray:
    """Working seconds since ``EPOCH`` at each moment; a moment out of hours counts as the next opening."""
    at = pd.to_datetime(pd.Series(at)).to_numpy().astype("datetime64[s]")
    day = at.astype("datetime64[D]")
    into = (at - day.astype("datetime64[s]")).astype(np.int64) - OPEN * 3600
    into = np.where(np.is_busday(day, weekmask=WEEKMASK, holidays=holidays()), np.clip(into, 0, DAY_SECONDS), 0)
    return _busdays(day).astype(np.int64) * DAY_SECONDS + into


def from_working(seconds) -> pd.Series:
    """The moment (local wall clock) of each count of working seconds."""
    seconds = np.asarray(seconds, dtype=np.int64)
    # numpy walks the holidays for each value: offset each distinct day once (2 s to 0.1 s for 500,000 moments)
    days, which = np.unique(seconds // DAY_SECONDS, return_inverse=True)
    day = np.busday_offset(EPOCH, days, roll="forward", weekmask=WEEKMASK, holidays=holidays())[which.reshape(seconds.shape)]
    moment = day.astype("datetime64[s]") + (OPEN * 3600 + seconds % DAY_SECONDS).astype("timedelta64[s]")
    return pd.Series(moment.astype("datetime64[s]"))


def add_working(at, seconds) -> pd.Series:
    """``seconds`` of working time after each moment (a moment out of hours starts at the next opening)."""
    return from_working(to_working(at) + np.asarray(seconds, dtype=np.int64))


def working_after(at, seconds, end) -> np.ndarray:
    """``seconds`` of working time after each moment, never after the last working moment by ``end`` nor
    before the moment itself (NaT stays NaT): what a clerk does some working hours after something."""
    at = pd.to_datetime(pd.Series(at)).reset_index(drop=True)
    known = at.notna().to_numpy()
    base = at.fillna(pd.Timestamp(EPOCH)).to_numpy().astype("datetime64[s]")
    moved = add_working(base, seconds).to_numpy().astype("datetime64[s]")
    last = np.datetime64(last_working_moment(end), "s")
    return np.where(known, np.maximum(np.minimum(moved, last), base), np.datetime64("NaT", "s"))


def last_working_moment(end) -> pd.Timestamp:
    """The last working second at or before ``end``."""
    return from_working(to_working([end]) - 1).iloc[0]


def working_days(days, latest) -> pd.Series:
    """Each day moved to the next working day, or the last one before where that would pass ``latest``
    (a payment dated on a Sunday was banked on Monday; one on the end date's weekend, the Friday before)."""
    days = pd.to_datetime(pd.Series(days)).dt.normalize()
    known = days.notna().to_numpy()
    values = days.fillna(pd.Timestamp(EPOCH)).to_numpy().astype("datetime64[D]")
    kw = dict(weekmask=WEEKMASK, holidays=holidays())
    last = np.datetime64(pd.Timestamp(latest).date(), "D")
    forward = np.busday_offset(values, 0, roll="forward", **kw)
    backward = np.busday_offset(np.minimum(values, last), 0, roll="backward", **kw)
    rolled = np.where(forward > last, backward, forward)
    return pd.Series(rolled.astype("datetime64[s]"), index=days.index).where(known)


def working_day_offset(days, offsets, roll: str = "forward") -> pd.Series:
    """The working day ``offsets`` working days after each day (before, when negative); a day that is not a
    working day counts from the next one (the one before, ``roll="backward"``). Spreads dates over working days
    instead of piling weekends on Mondays."""
    days = pd.to_datetime(pd.Series(days)).dt.normalize().to_numpy().astype("datetime64[D]")
    moved = np.busday_offset(days, np.asarray(offsets, dtype=np.int64), roll=roll, weekmask=WEEKMASK,
                             holidays=holidays())
    return pd.Series(moved.astype("datetime64[s]"))


def before_closing(at, minutes: int) -> pd.Series:
    """Each working moment with its clock scaled from the working day into the hours from opening to ``minutes``
    before closing, its day kept (the order of moments too): what must leave time for ``minutes`` of work that day."""
    at = pd.to_datetime(pd.Series(at)).reset_index(drop=True)
    day = at.dt.normalize()
    into = ((at - day) - pd.Timedelta(hours=OPEN)).dt.total_seconds().clip(0, DAY_SECONDS)
    scaled = np.floor(into * (DAY_SECONDS - minutes * 60) / DAY_SECONDS)
    return (day + pd.Timedelta(hours=OPEN) + pd.to_timedelta(scaled, unit="s")).astype("datetime64[s]")


def working_moments(first, days, rng: np.random.Generator) -> pd.Series:
    """A working moment in each row's span of ``days`` days from ``first``, uniform over its working time.

    A span with no working time (a holiday weekend at an edge of the history) takes the last working
    hour before it, or the first one after it where that would fall before the earliest span (the
    history's first days): nothing is dated before the history nor after its end.
    """
    first = pd.to_datetime(pd.Series(first)).to_numpy().astype("datetime64[D]")
    lo = to_working(first)
    hi = to_working(first + np.asarray(days, dtype=np.int64).astype("timedelta64[D]"))
    u = rng.random(len(lo))
    earliest = to_working([first.min()])[0] if len(first) else 0
    fallback = np.where(lo - 3600 < earliest, lo, lo - 3600)
    width = np.where(hi > lo, hi - lo, 3600)
    start = np.where(hi > lo, lo, fallback)
    return from_working(start + np.floor(u * width).astype(np.int64))


def is_working_moment(at) -> np.ndarray:
    """In working hours on a working day (NULLs are not moments: False)."""
    at = pd.to_datetime(pd.Series(at))
    known = at.notna().to_numpy()
    values = at.fillna(pd.Timestamp(EPOCH)).to_numpy().astype("datetime64[s]")
    day = values.astype("datetime64[D]")
    into = (values - day.astype("datetime64[s]")).astype(np.int64)
    hours = (into >= OPEN * 3600) & (into <= CLOSE * 3600)
    return known & hours & np.is_busday(day, weekmask=WEEKMASK, holidays=holidays())


def in_working_hours(at, end) -> pd.Series:
    """Each moment kept where it is in working hours, else moved to the next opening, never past the last working
    moment by ``end`` (NaT stays NaT). Moving forward keeps the order of moments, so what followed still follows."""
    at = pd.to_datetime(pd.Series(at)).reset_index(drop=True)
    known = at.notna().to_numpy()
    base = at.fillna(pd.Timestamp(EPOCH)).to_numpy().astype("datetime64[s]")
    moved = np.where(is_working_moment(base), base, from_working(to_working(base)).to_numpy().astype("datetime64[s]"))
    last = np.datetime64(last_working_moment(end), "s")
    return pd.Series(np.where(known, np.minimum(moved, last), np.datetime64("NaT", "s")))


# Tables of what people do at their desks (the calendar, the collaboration tools, the audit trail of their
# actions): their moments are put through the calendar as each table's frame is made (``is_desk_moment``), and the
# check ``desk_moments_in_working_hours`` holds them to it. Put through one monotone map, moments keep their order:
# an invitation sent before its meeting starts (a working moment) is still sent before it.
DESK_TABLES = (
    "calendar_events", "calendar_event_participants", "calendar_event_invitations", "calendar_invitation_history",
    "calendar_invitation_settings", "calendar_reminders", "calendar_event_history", "calendar_event_attachments",
    "calendar_event_permissions", "calendar_recurrence_rules", "calendar_recurrence_instances", "calendar_views",
    "comments", "comment_mentions", "todo_lists", "todo_list_members", "todo_tasks", "todo_task_activity",
    "inbox_items", "freeform_notes", "note_comments", "note_activity", "scratch_pad_notes", "auditLogs",
)
# Moments of desk tables that no person makes: TERP's jobs stamp them at their own hour.
AUTOMATED = {
    "calendar_reminders": ("sent_at",),  # the reminder job sends each at its time (calendarJobs, every 5 minutes)
    "calendar_recurrence_instances": ("generated_at",),  # the instance job, nightly at 02:00
}


def is_desk_moment(table: str, column: str) -> bool:
    """A DATETIME column of a desk table that a person makes: not what is scheduled ahead (``rules.may_be_future``),
    nor what a job stamps (``AUTOMATED``)."""
    return table in DESK_TABLES and not may_be_future(column) and column not in AUTOMATED.get(table, ())
