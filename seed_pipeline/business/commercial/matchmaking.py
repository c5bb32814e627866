"""Client needs, vendor offers and the matches between them, derived from what was really bought and received.

- Offers (``vendor_supply``): each lot was offered by its vendor a few days before it arrived
  (PURCHASED); recent offers are still AVAILABLE or RESERVED, older unsold ones EXPIRED.
- Needs (``client_needs``): some orders were a need first: the client asked for that strain,
  category and grade days before, a match to the batch became a quote and then the order
  (FULFILLED). Others expired after a HISTORICAL match to an earlier order, were CANCELLED over
  price after a CLOSE match, or are still ACTIVE, matched to a batch on the shelf or an offer.

Matches are always of the same strain, category and grade; their confidence and reasons are
scored with the weights of TERP's matching engine (``server/matchingEngineEnhanced.ts``).
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.commercial.goods import batch_goods, between, by_quota, sale_lines
from seed_pipeline.business.commercial.shelf import Shelf
from seed_pipeline.business.commercial.pricing import profile_of, profile_prices
from seed_pipeline.business.history import CoreHistory
from seed_pipeline.business.rules import POUND_STEP, in_trade_units, trade_step

DAY, HOUR = pd.Timedelta(days=1), pd.Timedelta(hours=1)
NEED_LEAD_DAYS = 14  # a need comes at most this long before the order it became
NEED_LIFE_DAYS = (7, 15)  # a need expires this long after it was made
CONVERTED_SHARE = 0.06  # of orders that began as a need
LAPSED_SHARE = 0.02  # of orders followed by a need for the same goods that expired unmet
RECENT_DAYS = 10  # active needs and open offers are this recent
PRIORITIES = {"LOW": 0.15, "MEDIUM": 0.45, "HIGH": 0.3, "URGENT": 0.1}


def _score(via_id, strain_type, price, price_max, available, qty_min, qty_max) -> tuple[list[int], list[list[str]]]:
    """Confidence and reasons of a flower match of the same strain, category and grade, as TERP's engine weighs them."""
    scores, reasons = [], []
    for vid, st, p, pm, a, lo, hi in zip(via_id, strain_type, price, price_max, available, qty_min, qty_max):
        score = 40 + 30 + 15 + 10  # strain, category, subcategory, grade
        why = ["Exact strain match" if vid else "Exact strain match (text)"]
        if st:
            score += 15
            why.append(f"Strain type match ({st})")
        why += ["Category match", "Subcategory match", "Grade match"]
        if p <= pm:
            score += 5
            why.append("Within price budget")
        else:
            score -= 10
            why.append(f"Over budget (${p:.2f} > ${pm:.2f})")
        if lo <= a <= hi:
            score += 5
            why.append(f"Quantity in range ({a:g} units)")
        elif a < lo:
            score -= 10
            why.append(f"Significantly under quantity ({a:g} < {lo:g})")
        else:
            why.append(f"Significantly over quantity ({a:g} > {hi:g})")
        scores.append(max(0, min(100, score)))
        reasons.append(why)
    return scores, reasons


def _kind(score) -> np.ndarray:
    return np.where(np.asarray(score) >= 80, "EXACT", "CLOSE")


def supply(h: CoreHistory, rng: np.random.Generator) -> pd.DataFrame:
    """Offers: one per lot (its biggest flower batch) before it arrived, and the recent or lapsed ones not bought."""
    goods = batch_goods(h)
    end = h.window.end_ts
    flower = goods[goods["grade"].notna()].copy()
    flower["received"] = h.batches["received"].to_numpy()[flower["batch"] - 1]
    biggest = flower.sort_values("received", ascending=False, kind="stable").drop_duplicates("lotId").sort_values("lotId")
    lots = h.lots.set_index("id").loc[biggest["lotId"]]
    arrived = biggest["arrived"].to_numpy()
    bought = biggest.assign(vendor_id=lots["vendorId"].to_numpy(), status="PURCHASED",
                            quantity=biggest["received"].to_numpy(), unit_price=biggest["unit_cost"].to_numpy())
    vendor_since = h.vendors.set_index("id")["createdAt"].reindex(lots["vendorId"]).to_numpy()
    bought["created_at"] = between(rng, np.maximum(arrived - np.timedelta64(10, "D"), vendor_since), arrived - np.timedelta64(2, "h"))
    bought["purchased_at"] = between(rng, bought["created_at"], arrived)
    bought["reserved_at"] = between(rng, bought["created_at"], bought["purchased_at"])
    open_n = max(3, round(0.5 * len(h.vendors)))
    again = bought.iloc[rng.choice(len(bought), open_n + max(1, open_n // 3))].copy()
    status = np.array(["AVAILABLE"] * (open_n - 1) + ["RESERVED"] + ["EXPIRED"] * (len(again) - open_n))
    again["status"] = status
    again["quantity"] = np.maximum(POUND_STEP, in_trade_units(again["quantity"] * rng.uniform(0.6, 1.2, len(again)), False))  # flower, by the pound
    again["unit_price"] = (again["unit_price"] * rng.uniform(0.96, 1.05, len(again))).round(2)
    recent = status != "EXPIRED"
    lo = np.where(recent, end - RECENT_DAYS * DAY, h.window.start_ts)
    hi = np.where(recent, end - HOUR, end - (NEED_LIFE_DAYS[1] + 1) * DAY)
    lo = np.maximum(lo, h.vendors.set_index("id")["createdAt"].reindex(again["vendor_id"]).to_numpy())
    again["created_at"] = between(rng, lo, np.maximum(hi, lo))
    again["reserved_at"] = np.where(status == "RESERVED", between(rng, again["created_at"], [end] * len(again)),
                                    np.datetime64("NaT"))
    again["purchased_at"] = np.datetime64("NaT")
    offers = pd.concat([bought, again], ignore_index=True)
    life = rng.integers(*NEED_LIFE_DAYS, len(offers)).astype("timedelta64[D]")
    offers["available_until"] = offers["created_at"].to_numpy().astype("datetime64[s]") + life
    still_open = offers["status"].isin(["AVAILABLE", "RESERVED"]).to_numpy()
    offers["available_until"] = np.where(still_open, np.maximum(offers["available_until"], end + DAY), offers["available_until"])
    offers["reserved_at"] = np.where(offers["status"].isin(["RESERVED", "PURCHASED"]), offers["reserved_at"], np.datetime64("NaT"))
    offers.insert(0, "id", np.arange(1, len(offers) + 1))
    return offers[["id", "vendor_id", "batch", "strain", "strainId", "product", "strain_type", "category", "subcategory",
                   "grade", "unit", "whole", "unit_cost", "quantity", "unit_price", "status", "created_at", "available_until",
                   "reserved_at", "purchased_at"]]


def _need_rows(lines: pd.DataFrame, status: str, created, rng, price_max_factor) -> pd.DataFrame:
    """Needs for the goods of these lines: about their quantity (-20%/+25%), a budget relative to their price."""
    n = len(lines)
    q = lines["quantity"].to_numpy()
    whole = lines["whole"].to_numpy()
    need = lines[["client_id", "strain", "strainId", "product", "strain_type", "category", "subcategory", "grade",
                  "batch", "whole", "unit", "unit_cost"]].reset_index(drop=True).copy()
    need["status"] = status
    need["created_at"] = pd.to_datetime(pd.Series(created)).to_numpy().astype("datetime64[s]")
    need["quantity_min"] = in_trade_units(q * 0.8, whole)
    need["quantity_max"] = in_trade_units(q * 1.25, whole, np.ceil)
    need["price_max"] = np.round(np.asarray(price_max_factor) * lines["unit_price"].to_numpy(), 2)
    life = rng.integers(*NEED_LIFE_DAYS, n).astype("timedelta64[D]")
    need["expires_at"] = need["created_at"].to_numpy() + life
    need["needed_by"] = (need["created_at"] + pd.to_timedelta(rng.integers(3, 10, n), unit="D")).dt.normalize()
    return need


def needs_and_matches(shelf: Shelf, offers: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Needs of each outcome (FULFILLED, EXPIRED, CANCELLED, ACTIVE) from real flower lines and open offers, and their matches."""
    h = shelf.h
    lines = sale_lines(h)
    lines = lines[lines["category"] == "Flower"].reset_index(drop=True)
    clients = h.clients.set_index("id")
    start, end = h.window.start_ts, h.window.end_ts
    born = clients["created_at"].reindex(lines["client_id"]).to_numpy()
    at = lines["ordered_at"].to_numpy()
    early = np.maximum(np.maximum(born, np.datetime64(start)), at - np.timedelta64(NEED_LEAD_DAYS, "D"))
    one_per_order = lines.sample(frac=1, random_state=rng).drop_duplicates("order_id").index.to_numpy()

    # FULFILLED: a need that became the order
    fits = one_per_order[(at[one_per_order] - early[one_per_order]) > np.timedelta64(2, "h")]
    k = max(2, round(CONVERTED_SHARE * len(h.orders)))
    conv = rng.choice(fits, min(k, len(fits)), replace=False)
    made = between(rng, early[conv], at[conv] - np.timedelta64(1, "h"))
    converted = _need_rows(lines.loc[conv], "FULFILLED", made, rng, rng.uniform(1.02, 1.08, len(conv)))
    converted["order_id"] = lines.loc[conv, "order_id"].to_numpy()
    converted["fulfilled_at"] = at[conv]
    converted["expires_at"] = np.maximum(converted["expires_at"].to_numpy(), at[conv])

    # EXPIRED: wanted the same goods again after an order, nothing came
    last_start = end - (NEED_LIFE_DAYS[1] + 1) * DAY
    later = one_per_order[(at[one_per_order] + np.timedelta64(1, "D")) < np.datetime64(last_start)]
    later = np.setdiff1d(later, conv)
    k = max(1, round(LAPSED_SHARE * len(h.orders)))
    lapse = rng.choice(later, min(k, len(later)), replace=False)
    made = between(rng, at[lapse] + np.timedelta64(1, "D"), [last_start] * len(lapse))
    lapsed = _need_rows(lines.loc[lapse], "EXPIRED", made, rng, rng.uniform(0.97, 1.05, len(lapse)))
    lapsed["order_id"] = lines.loc[lapse, "order_id"].to_numpy()

    # CANCELLED: another buyer wanted a batch on the shelf, but below its price
    buyers = clients[clients["is_buyer"]]
    k = max(1, len(conv) // 4)
    pick = rng.choice(len(lines), k)
    other = rng.choice(buyers.index.to_numpy(), k)
    shop = lines.loc[pick].assign(client_id=other)
    arrived = shop["arrived"].to_numpy()
    made = between(rng, np.maximum(arrived, buyers["created_at"].reindex(other).to_numpy()),
                   np.minimum(shop["ordered_at"].to_numpy(), np.datetime64(end - 3 * DAY)))
    cancelled = _need_rows(shop, "CANCELLED", made, rng, rng.uniform(0.85, 0.93, k))

    # ACTIVE: recent needs matched to an open offer or a batch still on the shelf
    live = lines[lines["on_hand"] > 0].drop_duplicates("batch")
    k = max(2, round(0.25 * len(buyers)))
    stocked = live.iloc[rng.choice(len(live), k)].assign(client_id=rng.choice(buyers.index.to_numpy(), k))
    made = between(rng, np.maximum(stocked["arrived"].to_numpy(), np.datetime64(end - RECENT_DAYS * DAY)), [end - HOUR] * k)
    active = _need_rows(stocked, "ACTIVE", made, rng, rng.uniform(1.03, 1.1, k))
    offered = offers[offers["status"].isin(["AVAILABLE", "RESERVED"])]
    wanted = offered.assign(client_id=rng.choice(buyers.index.to_numpy(), len(offered)),
                            quantity=offered["quantity"] * 0.5, unit_price=offered["unit_price"] * 1.2)
    made = between(rng, offered["created_at"], [end - HOUR] * len(offered))
    from_offers = _need_rows(wanted, "ACTIVE", made, rng, np.ones(len(offered)))
    from_offers["offer_id"] = offered["id"].to_numpy()
    needs = pd.concat([converted, lapsed, cancelled, active, from_offers], ignore_index=True)
    needs.insert(0, "id", np.arange(1, len(needs) + 1))
    needs["priority"] = by_quota(rng, len(needs), PRIORITIES)
    needs["expires_at"] = np.where(needs["status"] == "ACTIVE", np.maximum(needs["expires_at"], end + DAY), needs["expires_at"])
    return needs, _matches(shelf, needs, offers, rng)


def _matches(shelf: Shelf, needs: pd.DataFrame, offers: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One match per need; a need's range and budget are what the client asked, the match what was there."""
    h = shelf.h
    end = np.datetime64(h.window.end_ts, "s")
    o = h.orders.set_index("id")
    made = needs["created_at"].to_numpy()
    batch = needs["batch"].to_numpy() - 1
    arrived = h.batches["arrived"].to_numpy()[batch].astype("datetime64[s]")
    status = needs["status"].to_numpy()
    offer = needs["offer_id"].to_numpy()
    by_offer = ~np.isnan(offer)
    ordered = o["created_at"].reindex(needs["order_id"].fillna(0)).to_numpy().astype("datetime64[s]")
    kind = np.select([status == "FULFILLED", status == "EXPIRED", status == "CANCELLED", by_offer],
                     ["quote", "historical", "dismissed", "vendor"], "shelf")
    soon = between(rng, np.maximum(made, arrived), np.maximum(made, arrived) + np.timedelta64(2, "h"))
    created = np.where(kind == "quote", between(rng, np.maximum(made, arrived), ordered - np.timedelta64(30, "m")),
                       np.where(kind == "historical", made, soon))
    created = np.minimum(created, end)
    later = np.minimum(created + rng.integers(600, 2 * 86400, len(needs)).astype("timedelta64[s]"), end)
    actioned = np.where(kind == "quote", between(rng, created, ordered), later)
    offers = offers.set_index("id")
    price = np.where(by_offer, offers["unit_price"].reindex(np.nan_to_num(offer)).to_numpy(),
                     profile_prices(needs["unit_cost"], profile_of(h.clients.set_index("id").loc[needs["client_id"]]), shelf.rules)["retailPrice"])
    available = np.where(by_offer, offers["quantity"].reindex(np.nan_to_num(offer)).to_numpy(), shelf.stock(batch, created))
    # a need that was met, or is matched on the shelf, fits the client's budget; a cancelled one did not
    fits = kind != "dismissed"
    needs["price_max"] = np.where(fits, np.maximum(needs["price_max"], np.round(price * 1.01, 2)), np.minimum(needs["price_max"], np.round(price * 0.93, 2)))
    needs["quantity_min"] = np.where(fits, needs["quantity_min"], in_trade_units(available * 1.3, needs["whole"], np.ceil) + trade_step(needs["whole"]))
    needs["quantity_max"] = np.maximum(needs["quantity_max"], needs["quantity_min"])
    score, reasons = _score(kind != "vendor", np.where(kind == "vendor", needs["strain_type"], None), price,
                            needs["price_max"].to_numpy(), available, needs["quantity_min"].to_numpy(), needs["quantity_max"].to_numpy())
    historical = kind == "historical"
    score = np.where(historical, rng.integers(60, 80, len(needs)), score)
    reasons = [["Bought this strain and grade before", f"Last order {o.loc[int(i), 'created_at']:%Y-%m-%d}"] if hist else r
               for hist, r, i in zip(historical, reasons, needs["order_id"].fillna(0))]
    return pd.DataFrame({
        "id": np.arange(1, len(needs) + 1), "need_id": needs["id"].to_numpy(), "client_id": needs["client_id"].to_numpy(),
        "batch": np.where(np.isin(kind, ["quote", "dismissed", "shelf"]), needs["batch"], np.nan),
        "offer_id": offer, "historical_order_id": np.where(historical, needs["order_id"], np.nan),
        "match_type": np.where(historical, "HISTORICAL", _kind(score)), "confidence": np.asarray(score, dtype=float),
        "reasons": reasons,
        "user_action": pd.Series(kind).map({"quote": "CREATED_QUOTE", "vendor": "CONTACTED_VENDOR", "dismissed": "DISMISSED",
                                            "historical": "NONE", "shelf": "NONE"}).to_numpy(),
        "actioned_at": np.where(np.isin(kind, ["quote", "vendor", "dismissed"]), actioned, np.datetime64("NaT")),
        "sale_order_id": np.where(kind == "quote", needs["order_id"], np.nan),
        "created_at": created,
    })
