"""The calendar the team works from, derived from the core history so that it agrees with it.

A delivery per shipped order on its shipping day (a scheduled one for orders not shipped yet), an
intake per intake session and a photo session per photographed batch, as the operations simulation
has them (``business/operations/``), the due date and collection calls of late invoices
(and the due dates still ahead), a monthly account review with each whale, a sales meeting before
and a follow-up call after each big order, a monthly compliance audit, and the team's own events
(``_calendar_team``). Past events are COMPLETED except those called off, the payment due dates of
invoices still overdue (open, so TERP lists them as overdue payments), a share of client meetings
nobody confirmed yet, and the intakes whose session is still open (IN_PROGRESS). The rules (kinds, hours,
statuses) are in ``business/activity/calendar.py``; the checks read the same module.

Every event is on the business calendar (``business/hours.py``): an appointment on a working day in working hours,
a due date all day on its date, each made at a desk moment by the time it starts. TERP's ``createEvent`` would take
an event logged after it began, but none needs it: an intake is logged as the lot reaches the dock.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.activity.calendar import (
    ALL_DAY_TYPES, BIG_ORDER_QUANTILE, CLIENT_MEETINGS, COLLECTION_EVERY, FOLLOW_UP_DAYS, KINDS, LATE_DAYS, QUARTER,
    TIMEZONE, UNCONFIRMED_SHARE, business_times, delivery_end, delivery_start, event_status, fits_working_hours,
    last_business_day, next_slot, sheet_follow_up, still_overdue, was_overdue,
)
from seed_pipeline.business.activity.quota import by_quota
from seed_pipeline.business.activity.team import account_reps, team
from seed_pipeline.business.catalog import count_of
from seed_pipeline.business.commercial import commercial
from seed_pipeline.business.history import hours_away
from seed_pipeline.business.history.timeline import month_starts
from seed_pipeline.contract.activity import EVENT_METADATA
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._calendar_team import close_sign_offs, one_on_ones, sales_meetings, series_parents
from seed_pipeline.generators._commercial import account_rep
from seed_pipeline.generators._core import ACCOUNTING, WAREHOUSE, history, real_ids, sales_orders, staff
from seed_pipeline.generators._operations import ops, receivers, status_changers
from seed_pipeline.generators._frame import table_frame

COMPLIANCE = {"Inventory Manager", "Owner/Executive"}
DOCK, OFFICE, VIDEO = "Main Warehouse - receiving dock", "Main Warehouse - conference room", "Video call"
SHEET = KINDS["sheet_follow_up"].entity_type  # its id is filled later (a deferred reference)
PLANNED_DELIVERY_DAYS = (1, 4)  # working days after the end date, for orders not shipped yet
SCHEDULED_AHEAD_DAYS = (5, 15)  # meetings and calls are put in the calendar this long before
ALL_DAY = [k for k, kind in KINDS.items() if kind.event_type in ALL_DAY_TYPES]


def _part(kind, start, created, by, to, title, description, location, metadata, entity=None, client=None,
          vendor=None, recurring=False, left_open=False, working=False) -> pd.DataFrame:
    """Events of one kind; ids of entity, client and vendor are real, NULL where not given."""
    n = len(start)

    def ids(values):
        return pd.array([None] * n if values is None else list(values), dtype="Int64")

    return pd.DataFrame({
        "kind": kind, "start": pd.to_datetime(pd.Series(start)).to_numpy(),
        "created": pd.to_datetime(pd.Series(created)).to_numpy(), "created_by": np.asarray(by), "assigned_to": ids(to),
        "title": list(title), "description": list(description), "location": list(np.broadcast_to(location, n)),
        "metadata": list(metadata), "entity_id": ids(entity), "client_id": ids(client), "vendor_id": ids(vendor),
        "is_recurring": recurring, "left_open": np.broadcast_to(left_open, n),
        "working": np.broadcast_to(working, n)})


def _ahead(rng, start) -> pd.Series:
    """When a meeting or call was put in the calendar: days before it starts."""
    days = rng.integers(*SCHEDULED_AHEAD_DAYS, len(start))
    return pd.Series(pd.to_datetime(pd.Series(start)).to_numpy() - days.astype("timedelta64[D]"))


def _orders(ctx, parents, h, reps):
    rng, o = ctx.rng, h.orders
    orders, clients = sales_orders(parents["orders"]), parents["clients"]
    number, client = orders["order_number"].to_numpy(), h.orders["client_id"].to_numpy()
    name, address = clients["name"].to_numpy()[client - 1], clients["address"].to_numpy()[client - 1]
    shipped = o["shipped_at"].notna().to_numpy()
    planned = (hours.working_day_offset([ctx.window.end] * len(o), rng.integers(*PLANNED_DELIVERY_DAYS, len(o)))
               + pd.to_timedelta(business_times(rng, len(o))))
    start = np.where(shipped, delivery_start(o["shipped_at"], hours_away(h.clients, client)).to_numpy(), planned.to_numpy())
    driver = orders["shipped_by"].astype("float").fillna(0).to_numpy(np.int64)
    driver = np.where(driver > 0, driver, staff(parents["users"], WAREHOUSE, len(o), rng))
    lines = h.lines.groupby("order_id").size().reindex(o["id"]).to_numpy()
    delivery = _part(
        "delivery", start, np.minimum(o["confirmed_at"].to_numpy(), start), staff(parents["users"], WAREHOUSE, len(o), rng),
        driver, [f"Delivery: {n} to {c}" for n, c in zip(number, name)],
        [f"{count_of(k, 'line')}, ${t:,.2f}, {p.replace('_', ' ').lower()} terms. Check the manifest before loading."
         for k, t, p in zip(lines, o["total"], o["paymentTerms"])],
        address, [{"orderNumber": n, "total": float(t)} for n, t in zip(number, o["total"])],
        entity=orders["id"], client=real_ids(clients, client))
    big = np.flatnonzero(shipped & (o["total"] >= o["total"].quantile(BIG_ORDER_QUANTILE)).to_numpy())
    day = hours.working_day_offset(o["shipped_at"].iloc[big], rng.integers(*FOLLOW_UP_DAYS, len(big)))
    rep = reps[client[big] - 1]
    follow = _part(
        "follow_up", day.to_numpy() + business_times(rng, len(big)), o["shipped_at"].iloc[big], rep, rep,
        [f"Follow up with {c} on {n}" for c, n in zip(name[big], number[big])],
        [f"Ask how the {n} delivery (${t:,.2f}) is selling and what to bring next." for n, t in zip(number[big], o["total"].iloc[big])],
        VIDEO, [{"orderNumber": n} for n in number[big]], entity=orders["id"].iloc[big], client=real_ids(clients, client[big]))
    return [delivery, follow]


def _stock(ctx, parents, h):
    """Intakes and photo sessions as the operations simulation has them: the intake session of each lot
    (its day, its receiver, still IN_PROGRESS while it is open) and the session before each batch's
    PHOTOGRAPHY_COMPLETE (by whoever recorded that change), plus the sessions booked ahead."""
    rng, lots, batches, users, o = ctx.rng, parents["lots"], parents["batches"], parents["users"], ops(ctx)
    s = o.sessions
    vendor_name = h.vendors["name"].to_numpy()[s["vendor"].to_numpy() - 1]
    code = lots["code"].to_numpy()[s["lot"].to_numpy() - 1]
    arrived = pd.to_datetime(s["received"])
    intake = _part(
        "intake", arrived.dt.ceil(QUARTER), arrived, staff(users, WAREHOUSE, len(s), rng),
        receivers(ctx, users).reindex(s["lot"]).to_numpy(),
        [f"Intake: {c} from {v}" for c, v in zip(code, vendor_name)],
        [f"Receive {c} from {v}: weigh, check the manifest and COAs, tag the batches." for c, v in zip(code, vendor_name)],
        DOCK, [{"lotCode": c} for c in code], entity=real_ids(lots, s["lot"]), vendor=real_ids(parents["vendors"], s["vendor"]),
        working=(s["status"] == "IN_PROGRESS").to_numpy())
    p = o.photo_sessions
    row = p["batch"].to_numpy()
    took = p["took_place"].to_numpy()
    photographer = staff(users, WAREHOUSE, len(p), rng)
    photographer[took] = status_changers(ctx, users)[p["change"].to_numpy()[took]]
    product = h.products["nameCanonical"].to_numpy()[h.batches["productId"].to_numpy()[row] - 1]
    batch_code = batches["code"].to_numpy()[row]
    photo = _part(
        "photo", p["start"], batches["createdAt"].to_numpy()[row], staff(users, WAREHOUSE, len(p), rng), photographer,
        [f"Product photos: {n} ({c})" for n, c in zip(product, batch_code)],
        [f"Shoot {c} for the catalogue and the VIP portal: buds, jar, label." for c in batch_code],
        "Main Warehouse - photo bench", [{"batchCode": c} for c in batch_code], entity=batches["id"].to_numpy()[row])
    return [intake, photo]


def _sheets(ctx, parents):
    """The rep's follow-up on each sales sheet sent (TERP's sheet reminder); its id is a deferred reference,
    filled once the sheets exist (``sales_sheet_history``'s filler), so it is NULL here."""
    s, clients = commercial(ctx.settings).sheets, parents["clients"]
    client = s["client_id"].to_numpy()
    name = clients["name"].to_numpy()[client - 1]
    rep = account_rep(parents["users"], client)
    return [_part(
        "sheet_follow_up", sheet_follow_up(s["created_at"]), s["created_at"], rep, rep,
        [f"Sales sheet follow-up: {n}" for n in name],
        [f"Ask {n} what they want from the sales sheet sent {d:%b %d} ({count_of(len(i), 'batch')})."
         for n, d, i in zip(name, s["created_at"], s["items"])],
        None, [{"client": n} for n in name], client=real_ids(clients, client))]


def _receivables(ctx, parents, h):
    rng, inv, end = ctx.rng, h.invoices, pd.Timestamp(ctx.window.end)
    invoices, clients = parents["invoices"], parents["clients"]
    late = was_overdue(inv["amountDue"], inv["dueDate"], inv["paid_at"], end)
    keep = np.flatnonzero(late | ((inv["amountDue"] > 0) & (inv["dueDate"] > end)).to_numpy())
    unpaid = still_overdue(inv["amountDue"], inv["dueDate"], end)
    due = inv["dueDate"].iloc[keep]  # all day
    client = inv["customerId"].to_numpy()
    number, name = invoices["invoiceNumber"].to_numpy(), clients["name"].to_numpy()[client - 1]
    payment = _part(
        "payment_due", due, invoices["createdAt"].iloc[keep], staff(parents["users"], ACCOUNTING, len(keep), rng),
        staff(parents["users"], ACCOUNTING, len(keep), rng),
        [f"Payment due: {n} ({c})" for n, c in zip(number[keep], name[keep])],
        [f"${t:,.2f} due from {c} on {n}." for t, c, n in zip(inv["totalAmount"].iloc[keep], name[keep], number[keep])],
        None, [{"invoiceNumber": n} for n in number[keep]], entity=invoices["id"].iloc[keep], client=real_ids(clients, client[keep]),
        left_open=unpaid[keep])
    overdue = np.flatnonzero(late)
    # an invoice still overdue is not settled, even when part of it was paid
    settled = inv["paid_at"].where(~unpaid).iloc[overdue].fillna(pd.Timestamp.max.normalize()).dt.normalize()
    calls = pd.DataFrame({"i": overdue.repeat(60), "k": np.tile(np.arange(60), len(overdue))})
    calls["day"] = hours.working_day_offset(inv["dueDate"].to_numpy()[calls["i"]]
                                            + pd.to_timedelta(LATE_DAYS + COLLECTION_EVERY * calls["k"], unit="D").to_numpy(),
                                            0).to_numpy()
    calls = calls[(calls["day"] < settled.reindex(calls["i"]).to_numpy())
                  & (calls["day"] <= end + pd.Timedelta(days=COLLECTION_EVERY))]
    i = calls["i"].to_numpy()
    start = calls["day"].to_numpy() + business_times(rng, len(i))
    collection = _part(
        "collection", start, np.maximum(_ahead(rng, start).to_numpy(), invoices["createdAt"].to_numpy()[i]),
        staff(parents["users"], ACCOUNTING, len(i), rng), staff(parents["users"], ACCOUNTING, len(i), rng),
        [f"Collection call: {c} about {n}" for c, n in zip(name[i], number[i])],
        [f"{n} is past due (due {d:%Y-%m-%d}, ${a:,.2f}). Call #{k + 1}: ask for a payment date."
         for n, d, a, k in zip(number[i], inv["dueDate"].iloc[i], inv["totalAmount"].iloc[i], calls["k"])],
        None, [{"invoiceNumber": n, "call": int(k) + 1} for n, k in zip(number[i], calls["k"])],
        entity=invoices["id"].to_numpy()[i], client=real_ids(clients, client[i]))
    return [payment, collection]


def _routine(ctx, parents, h, reps):
    """Meetings with each whale every month and the monthly compliance audit."""
    rng, window, users, clients = ctx.rng, ctx.window, parents["users"], parents["clients"]
    months = month_starts(window.start, pd.Timestamp(window.end) + pd.offsets.MonthBegin(1))
    whales = np.flatnonzero(h.clients["whale"].to_numpy())
    pair = pd.DataFrame({"c": whales.repeat(len(months)), "m": np.tile(months.to_numpy(), len(whales))})
    first = np.maximum(pair["m"].to_numpy(), np.datetime64(window.start_ts))
    span = np.maximum((pair["m"] + pd.offsets.MonthEnd(0)).to_numpy().astype("datetime64[D]") - first.astype("datetime64[D]"), 1)
    day = hours.working_day_offset(first + (rng.random(len(pair)) * span.astype(int)).astype("timedelta64[D]"), 0)
    start = day.to_numpy() + business_times(rng, len(pair), (10, 16))
    born = clients["created_at"].to_numpy()[pair["c"]]
    keep = start >= born + np.timedelta64(1, "D")
    c, start, born = pair["c"].to_numpy()[keep], start[keep], born[keep]
    name = clients["name"].to_numpy()[c]
    review = _part(
        "account_review", start, np.maximum(_ahead(rng, start).to_numpy(), born), reps[c], reps[c],
        [f"Account review: {n}" for n in name],
        [f"Monthly review with {n}: last month's orders, open invoices, next month's menu." for n in name],
        np.where(rng.random(len(c)) < 0.6, clients["address"].to_numpy()[c], VIDEO), [{"client": n} for n in name],
        entity=clients["id"].to_numpy()[c], client=clients["id"].to_numpy()[c])
    months = month_starts(window.start, window.end)
    # a history starting after a month's last working day audits that month on its first working day
    audit_day = hours.working_day_offset(np.maximum(last_business_day(months), pd.Timestamp(window.start)), 0)
    auditor = staff(users, COMPLIANCE, 1, rng)[0]
    audit = _part(
        "audit", audit_day + pd.Timedelta(hours=10), np.maximum(months, pd.Timestamp(window.start)) + pd.Timedelta(hours=8), [auditor] * len(months),
        [auditor] * len(months), [f"Compliance audit: {m:%B %Y}" for m in months],
        ["Reconcile on-hand inventory with METRC, check manifests, waste and sample logs."] * len(months),
        OFFICE, [{"month": f"{m:%Y-%m}"} for m in months])
    return [review, audit]


def _statuses(rng, e, end) -> np.ndarray:
    """Each event's status from its life: see the module docstring."""
    kind = e["kind"].map(KINDS)
    share = np.array([k.cancel_share for k in kind])
    draw = rng.random(len(e)) / np.where(share > 0, share, np.nan)  # below 1: called off
    past = (e["start"] <= end).to_numpy()
    cancellable = past & (share > 0) & ~e["left_open"].to_numpy(bool)
    cancelled = cancellable & (draw < 1)
    if cancellable.any() and not cancelled.any():  # even a short history has had something called off
        cancelled[np.nanargmin(np.where(cancellable, draw, np.nan))] = True
    meeting = np.flatnonzero(past & e["kind"].isin(CLIENT_MEETINGS).to_numpy() & ~cancelled)
    unconfirmed = np.zeros(len(e), bool)
    unconfirmed[meeting] = by_quota(rng, len(meeting), {"open": UNCONFIRMED_SHARE, "done": 1 - UNCONFIRMED_SHARE}) == "open"
    return event_status(e["start"], end, cancelled, e["left_open"].to_numpy(bool) | unconfirmed, e["working"].to_numpy(bool))


def _finish(kinds: pd.Series, start: pd.Series) -> pd.Series:
    """When each event ends: its kind's length after it starts, a delivery's unloading cut short at closing; an
    all-day event's deadline passes at the closing of its day."""
    minutes = pd.to_timedelta([KINDS[k].minutes for k in kinds], unit="m")
    day = start.dt.normalize()
    return (start + minutes).where(kinds != "delivery", delivery_end(start, KINDS["delivery"].minutes)).where(
        ~kinds.isin(ALL_DAY), day + pd.Timedelta(hours=hours.CLOSE))


def _on_the_calendar(e: pd.DataFrame, users: pd.DataFrame, end) -> None:
    """Each event made at a desk moment, once its people have accounts, and starting no earlier: an appointment
    planned out of hours or before it could be made takes the next slot it fits in, an all-day event the day it was
    made when that is later than its own."""
    joined = users.set_index("id")["createdAt"]
    made = pd.concat([e["created"], e["created_by"].map(joined), e["assigned_to"].astype("float").map(joined)], axis=1)
    e["created"] = hours.in_working_hours(made.max(axis=1), end).to_numpy()
    all_day = e["kind"].isin(ALL_DAY).to_numpy()
    fits = fits_working_hours(e["start"], _finish(e["kind"], e["start"])) & (e["start"] >= e["created"]).to_numpy()
    later = next_slot(np.maximum(e["start"], e["created"]), [KINDS[k].minutes for k in e["kind"]]).to_numpy()
    e["start"] = np.where(all_day, np.maximum(e["start"], e["created"].dt.normalize()), np.where(fits, e["start"], later))


@generates("calendar_events")
def generate(ctx, parents):
    h, rng, end = history(ctx), ctx.rng, ctx.window.end_ts
    users = parents["users"]
    crew = team(users)
    reps = account_reps(crew, len(parents["clients"]))  # each client's account rep
    e = pd.concat(_orders(ctx, parents, h, reps) + _stock(ctx, parents, h) + _receivables(ctx, parents, h)
                  + _routine(ctx, parents, h, reps) + _sheets(ctx, parents) + [sales_meetings(ctx, parents, h, reps, _part, _ahead),
                  one_on_ones(ctx, crew, _part), close_sign_offs(ctx, crew, _part)] + series_parents(ctx, crew, _part),
                  ignore_index=True)
    _on_the_calendar(e, users, end)
    e = e.sort_values(["start", "kind"], kind="stable").reset_index(drop=True)
    kind = e["kind"].map(KINDS)
    finish = _finish(e["kind"], e["start"])
    all_day = e["kind"].isin(ALL_DAY).to_numpy()
    status = _statuses(rng, e, end)
    called_off = e["created"] + (e["start"].clip(upper=end) - e["created"]) * rng.random(len(e))
    confirm = pd.to_timedelta(np.where(e["kind"].isin(CLIENT_MEETINGS), rng.random(len(e)) * 86400, 0).round(), unit="s")
    done_at = finish + confirm  # client meetings are confirmed up to a day after they end
    updated = np.where(status == "COMPLETED", done_at.clip(upper=end), np.where(status == "CANCELLED", called_off, e["created"]))
    auto = [k.auto_rule for k in kind]
    visibility = np.select([e["kind"] == "series", e["kind"] == "one_on_one"], ["TEAM", "PRIVATE"], "COMPANY")
    return table_frame(ctx, {
        "title": e["title"], "description": e["description"], "location": e["location"],
        "start_date": e["start"].dt.normalize(), "end_date": finish.dt.normalize(),
        "start_time": e["start"].dt.strftime("%H:%M:%S").where(~all_day), "end_time": finish.dt.strftime("%H:%M:%S").where(~all_day),
        "timezone": [TIMEZONE] * len(e), "is_floating_time": all_day,  # TERP: all-day events float
        "module": [k.module for k in kind], "event_type": [k.event_type for k in kind], "status": status,
        "priority": [k.priority for k in kind], "is_recurring": e["is_recurring"].astype(bool),
        "entity_type": [k.entity_type if pd.notna(i) or k.entity_type == SHEET else None for k, i in zip(kind, e["entity_id"])],
        "entity_id": e["entity_id"], "client_id": e["client_id"], "vendor_id": e["vendor_id"],
        "metadata": EVENT_METADATA.values(e["metadata"]),
        "created_by": e["created_by"], "assigned_to": e["assigned_to"], "visibility": visibility,
        "is_auto_generated": [a is not None for a in auto], "auto_generation_rule": auto,
        "created_at": e["created"], "updated_at": pd.Series(updated).clip(lower=e["created"]), "deleted_at": [None] * len(e),
    })
