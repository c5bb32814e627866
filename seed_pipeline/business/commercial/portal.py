"""What the whales do in the VIP portal's live catalog: interest lists, drafts, saved views and price alerts.

The whales are the live catalog's users (every whale has the portal with the live catalog on; the
regulars who have it use its financial screens). Some whale orders began as an
interest list of the batches they then bought (CONVERTED); other lists were REVIEWED, ARCHIVED or
are NEW; each item is priced as the client's profile prices it, with the stock on the shelf when
the list was sent. The current draft holds batches on the shelf now. Price alerts watch real
batches: some were triggered when the client bought the batch at or under the target, others are
still waiting below today's price, or lapsed.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.commercial.goods import batch_goods, between, by_quota, sale_lines
from seed_pipeline.business.commercial.pricing import profile_of, profile_prices, rules_of
from seed_pipeline.business.commercial.shelf import Shelf
from seed_pipeline.business.history import CoreHistory

DAY, HOUR = np.timedelta64(1, "D"), np.timedelta64(1, "h")
LIST_SHARE = 0.1  # of whale orders that began as an interest list
RECENT_DAYS = 3  # NEW lists are this recent
OTHER_OUTCOMES = {"REVIEWED": 0.45, "ARCHIVED": 0.45, "NEW": 0.1}  # of lists that became no order
ALERT_SHARE = 0.05  # of whale order lines watched by a price alert first
ALERT_LIFE_DAYS = (30, 61)


def _whales(h: CoreHistory) -> pd.DataFrame:
    return h.clients[h.clients["whale"]].set_index("id")


def _some(rng: np.random.Generator, batches: np.ndarray, k: int) -> np.ndarray:
    """Up to k of the batches, at random, in shelf order."""
    return np.sort(rng.choice(batches, min(k, len(batches)), replace=False))


def interest_lists(shelf: Shelf, rng: np.random.Generator) -> pd.DataFrame:
    """Lists that became whale orders (their batches), and as many that did not, of batches on the shelf then."""
    h, goods = shelf.h, shelf.goods
    end = h.window.end_ts
    whales = _whales(h)
    o = h.orders[h.orders["client_id"].isin(whales.index)]
    k = max(1, round(LIST_SHARE * len(o)))
    picked = o.iloc[np.sort(rng.choice(len(o), min(k, len(o)), replace=False))]
    rows = []
    for order, client, at in zip(picked["id"], picked["client_id"], picked["created_at"]):
        batches = h.lines.loc[h.lines["order_id"] == order, "batch"].unique()
        since = max(pd.Timestamp(goods["arrived"].iloc[batches].max()), at - pd.Timedelta(days=2), whales.loc[client, "created_at"])
        sent = pd.Timestamp(between(rng, [since], [at - pd.Timedelta(minutes=30)])[0])
        rows.append((int(client), sent, "CONVERTED", int(order), batches))
    others = max(len(OTHER_OUTCOMES), len(rows))
    status = by_quota(rng, others, OTHER_OUTCOMES)
    first = max(h.window.start_ts, goods["arrived"].min() + pd.Timedelta(hours=1))
    when = between(rng, np.where(status == "NEW", end - pd.Timedelta(days=RECENT_DAYS), first),
                   np.where(status == "ARCHIVED", end - pd.Timedelta(days=7), end - pd.Timedelta(hours=2)))
    for client, sent, st in zip(rng.choice(whales.index.to_numpy(), others), pd.to_datetime(when), status):
        sent = max(sent, whales.loc[client, "created_at"])
        batches = _some(rng, shelf.on_shelf(sent), int(rng.integers(2, 6)))
        if len(batches):
            rows.append((int(client), sent, st, None, batches))
    lists = pd.DataFrame(rows, columns=["client_id", "submitted_at", "status", "order_id", "batches"])
    lists = lists.sort_values("submitted_at", kind="stable", ignore_index=True)
    lists.insert(0, "id", np.arange(1, len(lists) + 1))
    lists["items"] = shelf.priced(list(lists["batches"]), lists["client_id"], lists["submitted_at"])
    o_at = h.orders.set_index("id")["created_at"]
    converted_at = o_at.reindex(lists["order_id"].fillna(0)).to_numpy()
    reviewed = lists["status"] != "NEW"
    upper = np.where(lists["status"] == "CONVERTED", converted_at, np.minimum(lists["submitted_at"] + pd.Timedelta(days=2), end))
    lists["reviewed_at"] = np.where(reviewed, between(rng, lists["submitted_at"], upper), np.datetime64("NaT"))
    lists["converted_at"] = np.where(lists["status"] == "CONVERTED", converted_at, np.datetime64("NaT"))
    archived = between(rng, lists["reviewed_at"].fillna(end), np.minimum(lists["reviewed_at"].fillna(end) + pd.Timedelta(days=7), end))
    lists["updated_at"] = np.where(lists["status"] == "ARCHIVED", archived,
                                   lists["converted_at"].fillna(lists["reviewed_at"]).fillna(lists["submitted_at"]))
    return lists


def drafts(shelf: Shelf, rng: np.random.Generator) -> pd.DataFrame:
    """Each whale's current draft: a few batches on the shelf at the end date, added in the last week."""
    h, goods = shelf.h, shelf.goods
    end = h.window.end_ts
    rows = []
    for client in _whales(h).index:
        for b in _some(rng, shelf.on_shelf(end), int(rng.integers(1, 5))):
            rows.append((int(client), int(b) + 1, max(pd.Timestamp(goods["arrived"].iloc[b]), end - pd.Timedelta(days=7))))
    out = pd.DataFrame(rows, columns=["client_id", "batch", "since"])
    out["added_at"] = between(rng, out["since"], [end] * len(out))
    out.insert(0, "id", np.arange(1, len(out) + 1))
    return out


def catalog_views(h: CoreHistory, rng: np.random.Generator) -> pd.DataFrame:
    """Saved filters of each whale, named after what it buys most: its top category and grades."""
    lines = sale_lines(h)
    end = h.window.end_ts
    rows = []
    for client, mine in lines[lines["client_id"].isin(_whales(h).index)].groupby("client_id"):
        value = mine.assign(v=mine["quantity"] * mine["unit_price"])
        category = value.groupby("category")["v"].sum().idxmax()
        grades = sorted(value[value["category"] == category].groupby("grade")["v"].sum().nlargest(2).index)
        price_max = float(np.ceil(mine.loc[mine["category"] == category, "unit_price"].max() / 50) * 50)
        views = [(f"{category} {'/'.join(grades)}".strip(), {"category": category, "stockLevel": "in_stock",
                  **({"grade": grades} if grades else {})}),
                 (f"{category} under ${price_max:,.0f}", {"category": category, "priceMax": price_max, "stockLevel": "all"})]
        start = mine["ordered_at"].min()
        for name, filters in views[: 1 + int(rng.random() < 0.5)]:
            made = pd.Timestamp(between(rng, [start], [end])[0])
            rows.append((int(client), name, filters, made, pd.Timestamp(between(rng, [made], [end])[0])))
    out = pd.DataFrame(rows, columns=["client_id", "name", "filters", "created_at", "updated_at"])
    out.insert(0, "id", np.arange(1, len(out) + 1))
    return out


def price_alerts(h: CoreHistory, rng: np.random.Generator) -> pd.DataFrame:
    """Triggered alerts on batches whales then bought at or under target, waiting ones under today's price, lapsed ones."""
    goods = batch_goods(h)
    end = np.datetime64(h.window.end_ts, "s")
    whales = _whales(h)
    lines = sale_lines(h)
    lines = lines[lines["client_id"].isin(whales.index)]
    lines = lines[lines["ordered_at"].to_numpy().astype("datetime64[s]") - lines["arrived"].to_numpy().astype("datetime64[s]") > 2 * HOUR]
    k = max(1, round(ALERT_SHARE * len(lines)))
    hit = lines.iloc[rng.choice(len(lines), min(k, len(lines)), replace=False)]
    at = hit["ordered_at"].to_numpy().astype("datetime64[s]")
    born = whales["created_at"].reindex(hit["client_id"]).to_numpy().astype("datetime64[s]")
    made = between(rng, np.maximum.reduce([hit["arrived"].to_numpy().astype("datetime64[s]") + HOUR, at - 20 * DAY, born]), at - HOUR)
    triggered = pd.DataFrame({"client_id": hit["client_id"].to_numpy(), "batch": hit["batch"].to_numpy(),
                              "target": np.ceil(hit["unit_price"].to_numpy()), "created_at": made,
                              "triggered_at": between(rng, made, at), "active": False})
    n = max(2, len(whales))
    lapsed = np.arange(n) % 2 == 1
    arrived = goods["arrived"].to_numpy().astype("datetime64[s]")
    live = np.flatnonzero(goods["on_hand"].to_numpy() > 0)
    old = np.flatnonzero(arrived < end - 16 * DAY)
    batch = np.where(lapsed, rng.choice(old, n), rng.choice(live, n))
    who = rng.choice(whales.index.to_numpy(), n)
    arrived = goods["arrived"].to_numpy()[batch].astype("datetime64[s]")
    made = between(rng, np.where(lapsed, arrived, np.maximum(arrived, end - 20 * DAY)), np.where(lapsed, end - 15 * DAY, end - HOUR))
    made = np.maximum(made, whales["created_at"].reindex(who).to_numpy().astype("datetime64[s]"))
    price = profile_prices(goods["unit_cost"].to_numpy()[batch], profile_of(whales.loc[who]), rules_of(h))["retailPrice"].to_numpy()
    waiting = pd.DataFrame({"client_id": who, "batch": batch + 1, "target": np.round(price * rng.uniform(0.88, 0.96, n), 2),
                            "created_at": made, "triggered_at": np.datetime64("NaT"), "active": ~lapsed})
    out = pd.concat([triggered, waiting], ignore_index=True).sort_values("created_at", kind="stable", ignore_index=True)
    life = rng.integers(*ALERT_LIFE_DAYS, len(out)).astype("timedelta64[D]")
    expires = out["created_at"].to_numpy().astype("datetime64[s]") + life
    lapsed = ~out["active"] & out["triggered_at"].isna()
    expires = np.where(lapsed, np.minimum(expires, end - DAY), np.where(out["active"], np.maximum(expires, end + DAY), expires))
    out["expires_at"] = np.maximum(expires, out["created_at"].to_numpy().astype("datetime64[s]") + DAY)
    out.insert(0, "id", np.arange(1, len(out) + 1))
    return out
