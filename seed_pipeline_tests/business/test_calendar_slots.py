"""Where an appointment may sit on the business calendar, against slots worked out by hand."""

import pandas as pd

from seed_pipeline.business.activity.calendar import fits_working_hours, made_in_time, next_slot


def _at(*values):
    return pd.Series(pd.to_datetime(list(values)))


def test_an_appointment_fits_inside_one_working_day():
    start = _at("2026-10-28 08:00", "2026-10-28 17:00", "2026-10-28 07:45", "2026-10-31 10:00", "2026-07-03 10:00",
                "2026-10-28 17:30", "2026-10-28 10:00")
    finish = _at("2026-10-28 09:00", "2026-10-28 18:00", "2026-10-28 08:45", "2026-10-31 11:00", "2026-07-03 11:00",
                 "2026-10-28 18:30", "2026-10-28 10:00")
    # before opening, on a Saturday, on the observed Independence Day, past closing, lasting nothing: no
    assert fits_working_hours(start, finish).tolist() == [True, True, False, False, False, False, False]


def test_the_next_slot_is_the_first_quarter_hour_an_appointment_fits_in():
    at = _at("2026-10-28 09:07", "2026-10-28 06:00", "2026-10-28 17:20", "2026-10-31 11:00", "2026-07-02 17:50",
             "2026-10-28 16:30")
    got = next_slot(at, [30, 30, 60, 30, 30, 90])
    assert got.tolist() == [pd.Timestamp(t) for t in (
        "2026-10-28 09:15",  # the next quarter hour
        "2026-10-28 08:00",  # opening
        "2026-10-29 08:00",  # an hour does not fit after 17:30: the next morning
        "2026-11-02 08:00",  # a Saturday: Monday's opening
        "2026-07-06 08:00",  # Thursday evening before the observed Independence Day: Monday
        "2026-10-28 16:30",  # ends on the stroke of closing
    )]


def test_an_event_is_made_by_its_start_and_an_all_day_one_by_its_day_end():
    created = _at("2026-10-28 10:00:00", "2026-10-28 10:00:01", "2026-10-28 17:00:00", "2026-10-29 08:00:00")
    days = ["2026-10-28", "2026-10-28", "2026-10-28", "2026-10-28"]
    times = pd.Series(["10:00:00", "10:00:00", None, None], dtype=object)
    assert made_in_time(created, days, times).tolist() == [True, False, True, False]
