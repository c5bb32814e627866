"""The business calendar against dates worked out by hand: its closed weekdays, working time across them."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business import hours

# Every weekday the business is closed, read off a 2025 and a 2026 wall calendar (observed days in brackets).
CLOSED = {
    2025: ["2025-01-01", "2025-01-20", "2025-02-17", "2025-03-31", "2025-05-26", "2025-06-19", "2025-07-04",
           "2025-09-01", "2025-11-27", "2025-11-28", "2025-12-24", "2025-12-25", "2025-12-31"],
    2026: ["2026-01-01", "2026-01-19", "2026-02-16", "2026-03-31", "2026-05-25", "2026-06-19",
           "2026-07-03",  # [Independence Day, a Saturday]
           "2026-09-07", "2026-11-26", "2026-11-27", "2026-12-24", "2026-12-25", "2026-12-31"],
}


@pytest.mark.parametrize("year", sorted(CLOSED))
def test_closed_weekdays_are_the_holidays_and_closures(year):
    days = pd.date_range(f"{year}-01-01", f"{year}-12-31", freq="D")
    weekdays = days[days.day_of_week < 5]
    closed = weekdays[~hours.is_working_day(weekdays)]
    assert [d.strftime("%Y-%m-%d") for d in closed] == CLOSED[year]


def test_a_moment_is_working_only_in_hours_on_a_working_day():
    at = pd.Series(pd.to_datetime(["2026-10-28 08:00:00", "2026-10-28 17:59:59", "2026-10-28 07:59:59",
                                   "2026-10-28 18:00:01", "2026-10-31 10:00:00", "2026-11-27 10:00:00", None]))
    assert hours.is_working_moment(at).tolist() == [True, True, False, False, False, False, False]


def test_working_time_skips_evenings_weekends_and_holidays():
    at = pd.Series(pd.to_datetime(["2026-07-02 17:30:00", "2026-07-02 23:00:00", "2026-07-04 10:00:00",
                                   "2026-10-30 16:00:00"]))
    later = hours.add_working(at, [3600, 3600, 600, 3 * 3600])
    # Thursday 17:30 + 1 h: the half hour left, then Monday (Friday 3 July is the observed holiday)
    assert later.tolist() == [pd.Timestamp("2026-07-06 08:30:00"), pd.Timestamp("2026-07-06 09:00:00"),
                              pd.Timestamp("2026-07-06 08:10:00"), pd.Timestamp("2026-11-02 09:00:00")]


def test_working_after_stops_at_the_last_working_moment_of_the_history():
    end = pd.Timestamp("2026-10-31 23:59:59")  # a Saturday: the last working second is Friday's 17:59:59
    got = hours.working_after(pd.Series(pd.to_datetime(["2026-10-30 17:00:00", "2026-10-31 11:00:00", None])),
                              [7200, 60, 60], end)
    assert pd.Series(got).tolist()[:2] == [pd.Timestamp("2026-10-30 17:59:59"), pd.Timestamp("2026-10-31 11:00:00")]
    assert pd.isna(got[2])


@pytest.mark.parametrize("seed", range(5))
def test_drawn_moments_are_working_and_inside_their_span(seed):
    rng = np.random.default_rng(seed)
    first = pd.Series(pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 700, 2000), unit="D"))
    days = rng.integers(1, 40, 2000)  # a span of a day or a holiday weekend may hold no working time
    got = hours.working_moments(first, days, rng)
    assert hours.is_working_moment(got).all()
    inside = (got >= first) & (got < first + pd.to_timedelta(days, unit="D"))
    has_time = hours.to_working(first + pd.to_timedelta(days, unit="D")) > hours.to_working(first)
    assert inside[has_time].all()


def test_a_span_without_working_time_takes_the_nearest_hour_inside_the_history():
    rng = np.random.default_rng(1)
    # the history's first day, a Sunday: the first working hour after it
    start = hours.working_moments(pd.Series([pd.Timestamp("2026-03-01")] * 20), [1] * 20, rng)
    assert (start >= pd.Timestamp("2026-03-02 08:00")).all() and (start < pd.Timestamp("2026-03-02 09:00")).all()
    # a last month of one Sunday after a month of working days: the last working hour before it
    spans = hours.working_moments(pd.Series(pd.to_datetime(["2026-02-01", "2026-03-01"])), [28, 1], rng)
    assert pd.Timestamp("2026-02-27 17:00") <= spans.iloc[1] < pd.Timestamp("2026-02-27 18:00")


def test_working_days_roll_forward_unless_past_the_latest():
    got = hours.working_days(pd.Series(pd.to_datetime(["2026-10-24", "2026-10-31", "2026-10-28", "2026-11-02"])),
                             date(2026, 10, 31))
    # a working day past the latest (Monday 2 November) comes back to the last working day before it too
    assert got.tolist() == [pd.Timestamp("2026-10-26"), pd.Timestamp("2026-10-30"), pd.Timestamp("2026-10-28"),
                            pd.Timestamp("2026-10-30")]


def test_working_day_offsets_skip_closed_days_either_way():
    days = pd.Series(pd.to_datetime(["2026-07-02", "2026-07-04", "2026-07-06", "2026-11-25"]))
    # Thursday 2 July + 1: Monday 6 July (Friday 3 July is the observed Independence Day); Saturday counts from Monday
    assert hours.working_day_offset(days, [1, 0, 0, 1]).tolist() == [
        pd.Timestamp("2026-07-06"), pd.Timestamp("2026-07-06"), pd.Timestamp("2026-07-06"), pd.Timestamp("2026-11-30")]
    # rolled backward, Saturday 4 July is Thursday 2 July
    assert hours.working_day_offset(days, 0, roll="backward").tolist()[1] == pd.Timestamp("2026-07-02")


def test_before_closing_scales_the_working_day_into_the_hours_that_leave_time():
    at = pd.Series(pd.to_datetime(["2026-10-28 08:00:00", "2026-10-28 13:00:00", "2026-10-28 17:59:59"]))
    # 90 minutes before closing: 08:00–16:30, 8.5 of the 10 working hours; 13:00 is 5 h in, 4.25 h of them
    assert hours.before_closing(at, 90).tolist() == [pd.Timestamp("2026-10-28 08:00:00"), pd.Timestamp("2026-10-28 12:15:00"),
                                                     pd.Timestamp("2026-10-28 16:29:59")]


def test_desk_moments_are_what_people_make_at_their_desks():
    assert hours.is_desk_moment("calendar_event_invitations", "sent_at")
    assert hours.is_desk_moment("calendar_reminders", "created_at")
    assert not hours.is_desk_moment("calendar_reminders", "sent_at")  # the reminder job, at the reminder's time
    assert not hours.is_desk_moment("calendar_recurrence_instances", "generated_at")  # the nightly job
    assert not hours.is_desk_moment("calendar_event_invitations", "expires_at")  # ahead: as the meeting starts
    assert not hours.is_desk_moment("orders", "created_at")  # not a desk table: the core history's own rule
