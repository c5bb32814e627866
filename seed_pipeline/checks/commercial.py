"""Rules of the commercial tables: prices from the profiles, matches that agree, samples that add up, in time order.

Prices are recomputed from what the database holds (each client's profile, its rules, each batch's
cost) with TERP's own algorithm (``business/commercial/pricing.apply_rules``), so a profile, a rule
or a price changed in the database alone is caught. Each rule counts the rows breaking it.
"""

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.commercial.pricing import CENTRAL, MEDIAN_TOLERANCE, SPREAD, apply_rules
from seed_pipeline.checks.violations import decoded, fetch_frame, last_moment, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
CENT = 0.011


def _goods(conn) -> pd.DataFrame:
    """Each batch as the pricing engine sees it: cost, grade, category; with strain and arrival."""
    b, p = T["batches"], T["products"]
    f = fetch_frame(conn, sa.select(b.c.id, b.c.unitCogs, b.c.grade, b.c.createdAt, b.c.sampleQty, b.c.productId,
                                    p.c.category, p.c.subcategory, p.c.strainId)
                    .select_from(b.join(p, p.c.id == b.c.productId)))
    f["basePrice"] = pd.to_numeric(f["unitCogs"], errors="coerce").fillna(0.0)
    return f.set_index("id")


def _client_price(conn, clients, batches) -> np.ndarray:
    """What each client's profile charges for each batch, as TERP prices it; NaN for a client without a profile."""
    rules = fetch_frame(conn, sa.select(T["pricing_rules"]))
    rules["conditions"] = rules["conditions"].map(decoded)
    by_id = {int(r["id"]): r for r in rules.to_dict("records")}
    profiles = fetch_frame(conn, sa.select(T["pricing_profiles"].c.id, T["pricing_profiles"].c.rules))
    rule_lists = {int(i): [by_id[r["ruleId"]] for r in decoded(v) if r.get("ruleId") in by_id]
                  for i, v in zip(profiles["id"], profiles["rules"])}
    c = fetch_frame(conn, sa.select(T["clients"].c.id, T["clients"].c.pricing_profile_id)).set_index("id")["pricing_profile_id"]
    goods = _goods(conn)
    items = goods.reindex(np.asarray(batches)).reset_index(drop=True)
    profile = c.reindex(np.asarray(clients)).to_numpy()
    out = np.full(len(items), np.nan)
    for pid in pd.unique(profile[~pd.isna(profile)]):
        mine = np.flatnonzero(profile == pid)
        if int(pid) in rule_lists:
            out[mine] = apply_rules(items.iloc[mine], rule_lists[int(pid)])["retailPrice"].to_numpy()
    return out


def profile_prices_reproduce_charged_prices(conn, as_of) -> int:
    """Each buying client has a pricing profile; applied to the batches sold, each profile gives the prices charged:
    its lines' median price within 2% of the profile's, the central 90% within 10% (the history's spread)."""
    li, o = T["order_line_items"], T["orders"]
    f = fetch_frame(conn, sa.select(li.c.unit_price, li.c.batch_id, o.c.client_id, T["clients"].c.pricing_profile_id)
                    .select_from(li.join(o, o.c.id == li.c.order_id).join(T["clients"], T["clients"].c.id == o.c.client_id)))
    f["profile_price"] = _client_price(conn, f["client_id"], f["batch_id"])
    unpriced = f["profile_price"].isna() | (f["profile_price"] <= 0)
    bad = f.loc[unpriced, "client_id"].nunique()
    f = f[~unpriced]
    for _, lines in f.groupby("pricing_profile_id"):
        ratio = lines["unit_price"].astype(float) / lines["profile_price"]
        low, high = np.quantile(ratio, CENTRAL)
        bad += int(abs(ratio.median() - 1) > MEDIAN_TOLERANCE or low < 1 - SPREAD or high > 1 + SPREAD)
    return int(bad)


def price_alerts_watch_real_prices(conn, as_of) -> int:
    """An alert is set on a batch that exists; a triggered one was met by the client buying that batch at or under
    the target, after the trigger; a waiting one is below the client's price today; a lapsed one has expired."""
    a, li, o = T["client_price_alerts"], T["order_line_items"], T["orders"]
    f = fetch_frame(conn, sa.select(a.c.id, a.c.client_id, a.c.batch_id, a.c.target_price, a.c.active, a.c.triggered_at,
                                    a.c.created_at, a.c.expires_at, T["batches"].c.createdAt.label("arrived"))
                    .select_from(a.outerjoin(T["batches"], T["batches"].c.id == a.c.batch_id)))
    created, triggered, expires = moments(f["created_at"]), moments(f["triggered_at"]), moments(f["expires_at"])
    bad = f["arrived"].isna() | (created < moments(f["arrived"])) | (expires < created)
    bought = fetch_frame(conn, sa.select(o.c.client_id, li.c.batch_id, li.c.unit_price, o.c.created_at)
                         .select_from(li.join(o, o.c.id == li.c.order_id)))
    met = f[triggered.notna()].merge(bought, on=["client_id", "batch_id"], suffixes=("", "_order"))
    met = met[(met["unit_price"].astype(float) <= met["target_price"].astype(float) + 1e-9)
              & (moments(met["created_at_order"]).to_numpy() >= moments(met["triggered_at"]).to_numpy())]
    hit = triggered.notna()
    bad |= hit & (~f["id"].isin(met["id"]) | (triggered < created) | f["active"].astype(bool))
    waiting = ~hit & f["active"].astype(bool)
    price = _client_price(conn, f["client_id"], f["batch_id"])
    bad |= waiting & ((f["target_price"].astype(float) >= price) | (expires <= last_moment(as_of)) | np.isnan(price))
    bad |= ~hit & ~f["active"].astype(bool) & (expires > last_moment(as_of))
    return int(bad.sum())


def _same_goods(left: pd.DataFrame, right: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series:
    """Row by row, NULL equal to NULL: the same strain, category and grade."""
    same = pd.Series(True, index=left.index)
    for c in columns:
        a, b = left[c].astype(object), right[c].astype(object)
        same &= (a == b) | (a.isna() & b.isna())
    return same


def matches_agree_and_precede_orders(conn, as_of) -> int:
    """A match is the need's client's, and of the need's strain, category and grade (batch, offer, or a line of the
    earlier order); a match that became a sale precedes that order of the same client, which holds those goods; an
    order that names a need is that client's and came after it."""
    m, n, vs, b, p, o, li = (T[t] for t in ("match_records", "client_needs", "vendor_supply", "batches", "products",
                                            "orders", "order_line_items"))
    f = fetch_frame(conn, sa.select(m.c.id, m.c.client_id, m.c.inventory_batch_id, m.c.vendor_supply_id, m.c.historical_order_id,
                                    m.c.resulted_in_sale, m.c.sale_order_id, m.c.created_at, n.c.client_id.label("need_client"),
                                    n.c.strain, n.c.strainId, n.c.category, n.c.grade, n.c.created_at.label("need_at"))
                    .select_from(m.join(n, n.c.id == m.c.client_need_id)))
    goods = _goods(conn).reset_index()
    bad = set(f["id"][f["client_id"] != f["need_client"]])
    batch = f[f["inventory_batch_id"].notna()].merge(goods, left_on="inventory_batch_id", right_on="id", how="left", suffixes=("", "_b"))
    bad |= set(batch["id"][~_same_goods(batch[["strainId", "category", "grade"]],
                                        batch[["strainId_b", "category_b", "grade_b"]].set_axis(["strainId", "category", "grade"], axis=1),
                                        ("strainId", "category", "grade"))])
    offers = fetch_frame(conn, sa.select(vs.c.id.label("offer"), vs.c.strain, vs.c.category, vs.c.grade))
    offered = f[f["vendor_supply_id"].notna()].merge(offers, left_on="vendor_supply_id", right_on="offer", how="left", suffixes=("", "_o"))
    bad |= set(offered["id"][~_same_goods(offered[["strain", "category", "grade"]],
                                          offered[["strain_o", "category_o", "grade_o"]].set_axis(["strain", "category", "grade"], axis=1),
                                          ("strain", "category", "grade"))])
    sold = fetch_frame(conn, sa.select(li.c.order_id, o.c.client_id.label("order_client"), o.c.created_at.label("ordered_at"),
                                       p.c.strainId.label("s"), p.c.category.label("c"), b.c.grade.label("g"))
                       .select_from(li.join(o, o.c.id == li.c.order_id).join(b, b.c.id == li.c.batch_id).join(p, p.c.id == b.c.productId)))
    for column, after in (("historical_order_id", False), ("sale_order_id", True)):
        mine = f[f[column].notna()].merge(sold, left_on=column, right_on="order_id", how="left")
        holds = _same_goods(mine[["strainId", "category", "grade"]],
                            mine[["s", "c", "g"]].set_axis(["strainId", "category", "grade"], axis=1), ("strainId", "category", "grade"))
        holds &= mine["order_client"] == mine["need_client"]
        if after:
            holds &= (moments(mine["ordered_at"]) >= moments(mine["created_at"])) & (moments(mine["created_at"]) >= moments(mine["need_at"]))
        ok = mine.loc[holds, "id"]
        bad |= set(mine["id"]) - set(ok)
    bad |= set(f["id"][f["resulted_in_sale"].astype(bool) != f["sale_order_id"].notna()])
    named = fetch_frame(conn, sa.select(o.c.id, o.c.client_id, o.c.created_at, n.c.client_id.label("need_client"), n.c.created_at.label("need_at"))
                        .select_from(o.join(n, n.c.id == o.c.client_need_id)))
    wrong_orders = (named["client_id"] != named["need_client"]) | (moments(named["created_at"]) < moments(named["need_at"]))
    return len(bad) + int(wrong_orders.sum())


def sample_log_agrees_with_batches(conn, as_of) -> int:
    """Per batch, samples ALLOCATED less RELEASED are what the batch set aside (``sampleQty``), and no more was
    CONSUMED; per product, what fulfilled requests handed out is what the log CONSUMED; no entry before its batch."""
    log = fetch_frame(conn, sa.select(T["sample_inventory_log"].c.batch_id, T["sample_inventory_log"].c.action,
                                      T["sample_inventory_log"].c.quantity, T["sample_inventory_log"].c.created_at))
    goods = _goods(conn)
    log["q"] = log["quantity"].astype(float)
    per = log.pivot_table(index="batch_id", columns="action", values="q", aggfunc="sum", fill_value=0.0)
    per = per.reindex(columns=["ALLOCATED", "RELEASED", "CONSUMED"], fill_value=0.0).reindex(goods.index, fill_value=0.0)
    aside = per["ALLOCATED"] - per["RELEASED"]
    set_aside = pd.to_numeric(goods["sampleQty"], errors="coerce").fillna(0.0)
    bad = ((aside - set_aside).abs() > 0.005) | (per["CONSUMED"] > aside + 0.005)
    early = moments(log["created_at"]).to_numpy() < moments(goods["createdAt"].reindex(log["batch_id"]).to_numpy()).to_numpy()
    bad_batches = set(per.index[bad]) | set(log["batch_id"][early])
    consumed = log[log["action"] == "CONSUMED"].assign(product=lambda x: goods["productId"].reindex(x["batch_id"]).to_numpy())
    consumed = consumed.groupby("product")["q"].sum()
    r = fetch_frame(conn, sa.select(T["sampleRequests"].c.products).where(T["sampleRequests"].c.sampleRequestStatus == "FULFILLED"))
    handed = pd.Series([float(x["quantity"]) for v in r["products"] for x in decoded(v)],
                       index=[x["productId"] for v in r["products"] for x in decoded(v)], dtype=float)
    handed = handed.groupby(level=0).sum()
    both = pd.concat([consumed.rename("log"), handed.rename("requests")], axis=1).fillna(0.0)
    return len(bad_batches) + int(((both["log"] - both["requests"]).abs() > 0.005).sum())


RULES: dict[str, Callable[[sa.Connection, date], int]] = {f.__name__: f for f in (
    profile_prices_reproduce_charged_prices, price_alerts_watch_real_prices, matches_agree_and_precede_orders,
    sample_log_agrees_with_batches,
)}
_PRICES = ("clients", "pricing_rules", "batches", "products")
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "profile_prices_reproduce_charged_prices": ("pricing_profiles", ("orders", "order_line_items", *_PRICES)),
    "price_alerts_watch_real_prices": ("client_price_alerts", ("orders", "order_line_items", "pricing_profiles", *_PRICES)),
    "matches_agree_and_precede_orders": ("match_records", ("client_needs", "vendor_supply", "batches", "products", "orders",
                                                           "order_line_items")),
    "sample_log_agrees_with_batches": ("sample_inventory_log", ("batches", "products", "sampleRequests")),
}
