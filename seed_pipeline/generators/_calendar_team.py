"""The calendar events of the team itself: meetings before big orders, one-to-ones, the close
sign-off and the weekly series. ``calendar_events`` adds them to the events of the history."""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.activity.calendar import (
    BIG_ORDER_QUANTILE, CLOSE_SIGN_OFF_DAY, KINDS, ONE_ON_ONE_WEEKS, REMINDER_LEADS, SALES_MEETING_DAYS, SERIES,
    business_times,
)
from seed_pipeline.business.activity.team import first_of
from seed_pipeline.generators._core import real_ids

VIDEO, OFFICE = "Video call", "Main Warehouse - conference room"
AHEAD_WEEKS = 4  # team events are planned this far past the end date


def sales_meetings(ctx, parents, h, reps, part, ahead):
    """A meeting with the client's people a few days before each big order: it is what led to the order."""
    rng, o, clients = ctx.rng, h.orders, parents["clients"]
    big = np.flatnonzero((o["total"] >= o["total"].quantile(BIG_ORDER_QUANTILE)).to_numpy())
    client = o["client_id"].to_numpy()[big]
    placed = o["created_at"].to_numpy()[big].astype("datetime64[D]")
    day = hours.working_day_offset(placed - rng.integers(*SALES_MEETING_DAYS, len(big)).astype("timedelta64[D]"), 0,
                                   roll="backward")
    start = day.to_numpy() + business_times(rng, len(big), (10, 16))
    born = clients["created_at"].to_numpy()[client - 1]
    keep = (start >= born) & (start >= np.datetime64(ctx.window.start_ts)) & (start < o["created_at"].to_numpy()[big])
    big, client, start, born = big[keep], client[keep], start[keep], born[keep]
    name, number = clients["name"].to_numpy()[client - 1], parents["orders"]["order_number"].to_numpy()[big]
    return part(
        "sales_meeting", start, np.maximum(ahead(rng, start).to_numpy(), born), reps[client - 1], reps[client - 1],
        [f"Sales meeting: {c}" for c in name],
        [f"Walk {c}'s buyers through this month's menu and pricing; they are ready to place a large order." for c in name],
        np.where(rng.random(len(big)) < 0.5, clients["address"].to_numpy()[client - 1], VIDEO),
        [{"client": c, "orderNumber": n} for c, n in zip(name, number)],
        entity=real_ids(clients, client), client=real_ids(clients, client))


def one_on_ones(ctx, crew, part):
    """Every four weeks each person meets their lead (the admin's reports meet the admin)."""
    rng, start = ctx.rng, pd.Timestamp(ctx.window.start)
    people = crew[crew["lead"] > 0].reset_index(drop=True)
    # planned AHEAD_WEEKS ahead, and one round further for whoever's next 1:1 falls within a reminder's lead of
    # the end date (its reminders have fired): everyone keeps an upcoming reminder, whatever the end date
    lead = pd.Timedelta(minutes=max(REMINDER_LEADS[KINDS["one_on_one"].event_type]))
    until = pd.Timestamp(ctx.window.end) + pd.Timedelta(weeks=AHEAD_WEEKS) + lead + pd.Timedelta(days=1)
    first = np.busday_offset((start + pd.to_timedelta(np.arange(len(people)) % 5, unit="D")).to_numpy().astype("datetime64[D]"),
                             0, roll="forward")
    rounds = int((until - start).days // (7 * ONE_ON_ONE_WEEKS)) + 1
    person = np.repeat(np.arange(len(people)), rounds)
    day = first[person] + (np.tile(np.arange(rounds), len(people)) * 7 * ONE_ON_ONE_WEEKS).astype("timedelta64[D]")
    keep = day <= until.to_datetime64()
    person, day = person[keep], hours.working_day_offset(day[keep], 0).to_numpy()  # a holiday's 1:1 is the next day
    begin = day + business_times(rng, len(day), (10, 16))
    lead_name = crew.set_index("id")["name"].reindex(people["lead"].to_numpy()[person]).to_numpy()
    name = people["name"].to_numpy()[person]
    created = np.maximum(begin - np.timedelta64(7 * ONE_ON_ONE_WEEKS, "D"), np.datetime64(ctx.window.start_ts))
    return part(
        "one_on_one", begin, created, people["lead"].to_numpy()[person], people["id"].to_numpy()[person],
        [f"1:1 {l} / {n}" for l, n in zip(lead_name, name)],
        [f"{n} and {l}: last four weeks, what is blocking, what is next." for l, n in zip(lead_name, name)],
        OFFICE, [{"series": "one-on-one"}] * len(day))


def close_sign_offs(ctx, crew, part):
    """The admin signs off each month's close a few business days after month end (TERP: closing a period needs the admin)."""
    month_ends = pd.date_range(ctx.window.start, pd.Timestamp(ctx.window.end) + pd.offsets.MonthEnd(1), freq="ME")
    day = hours.working_day_offset(month_ends + pd.Timedelta(days=1), CLOSE_SIGN_OFF_DAY - 1)
    begin = day.to_numpy() + np.timedelta64(14, "h")
    admin = first_of(crew, ("Super Admin",))
    accountant = first_of(crew, ("Accountant",), admin)
    created = np.maximum(month_ends.normalize().to_numpy() + np.timedelta64(9, "h"), np.datetime64(ctx.window.start_ts))
    return part(
        "close_sign_off", begin, created, [accountant] * len(day), [admin] * len(day),
        [f"Sign off the {m:%B %Y} close" for m in month_ends],
        [f"Review the {m:%B} trial balance, AR and AP aging with accounting, then close the period." for m in month_ends],
        OFFICE, [{"month": f"{m:%Y-%m}"} for m in month_ends])


def series_parents(ctx, crew, part):
    """The first meeting of each weekly series, on its first working day of the history; TERP expands the rest
    from its rule."""
    start = pd.Timestamp(ctx.window.start)
    parts = []
    for s in SERIES:
        host = first_of(crew, s.host_jobs)
        day = start + pd.Timedelta(days=(s.weekday - start.day_of_week) % 7)
        while not hours.is_working_day([day])[0]:
            day += pd.Timedelta(weeks=s.interval_weeks)
        parts.append(part("series", [day + pd.Timedelta(hours=s.hour)], [ctx.window.start_ts], [host], [host], [s.title],
                          [f"{s.title}, every {'week' if s.interval_weeks == 1 else f'{s.interval_weeks} weeks'}."],
                          s.location, [{"series": s.key}], recurring=True))
    return parts
