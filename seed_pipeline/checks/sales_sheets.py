"""Rules of what the team sends clients and what comes back: sales sheets, their versions, interest lists and samples.

A sheet or a list is priced as the client's profile prices its batches (recomputed from the database),
adds up, lists only batches that had arrived, and comes before what it led to.
"""

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.checks.commercial import CENT, _client_price, _goods
from seed_pipeline.checks.violations import decoded, fetch_frame, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses


def _item_frame(owners: pd.DataFrame, column: str, fields: tuple[str, ...]) -> pd.DataFrame:
    """One row per item of each owner's JSON list: owner id, client, moment and the item's ``fields``, which the
    frame has even when no owner has an item."""
    rows = [(i, c, at, item) for i, c, at, v in zip(owners["id"], owners["client_id"], owners["created_at"], owners[column])
            for item in decoded(v)]
    items = pd.DataFrame([r[3] for r in rows], columns=list(fields))
    return items.assign(owner=[r[0] for r in rows], client_id=[r[1] for r in rows], at=[r[2] for r in rows])


def _mispriced(conn, items: pd.DataFrame, batch: str, price: str) -> pd.Series:
    """Items whose batch had not arrived at the moment, or whose price is not the client's profile price."""
    if items.empty:
        return pd.Series(dtype=bool)
    goods = _goods(conn)
    arrived = moments(goods["createdAt"].reindex(items[batch]).to_numpy())
    expected = _client_price(conn, items["client_id"], items[batch])
    off = ~(np.abs(items[price].astype(float).to_numpy() - expected) <= CENT)
    return pd.Series(off | arrived.isna().to_numpy() | (arrived.to_numpy() > moments(items["at"]).to_numpy()), index=items.index)


def sales_sheets_priced_by_client_profile(conn, as_of) -> int:
    """Every item of a sheet is a batch on hand when it was sent, at its cost as base price and the client's profile
    price as retail price; the sheet's total and count are its items'; its template is the client's and older."""
    s, t = T["sales_sheet_history"], T["sales_sheet_templates"]
    sheets = fetch_frame(conn, sa.select(s.c.id, s.c.client_id, s.c.created_at, s.c["items"], s.c.total_value, s.c.item_count,
                                         t.c.client_id.label("template_client"), t.c.created_at.label("template_at"), s.c.template_id)
                         .select_from(s.outerjoin(t, t.c.id == s.c.template_id)))
    items = _item_frame(sheets, "items", ("id", "basePrice", "retailPrice"))
    goods = _goods(conn)
    wrong = _mispriced(conn, items, "id", "retailPrice")
    wrong |= (items["basePrice"].astype(float) - goods["basePrice"].reindex(items["id"]).to_numpy()).abs().fillna(1) > CENT
    bad = set(items.loc[wrong, "owner"])
    totals = items.groupby("owner").agg(total=("retailPrice", "sum"), count=("id", "size")).reindex(sheets["id"], fill_value=0)
    bad |= set(sheets["id"][((totals["total"].to_numpy() - sheets["total_value"].astype(float)).abs() > CENT).to_numpy()
                            | (totals["count"].to_numpy() != sheets["item_count"].to_numpy())])
    templated = sheets["template_id"].notna()
    bad |= set(sheets["id"][templated & ((sheets["template_client"] != sheets["client_id"])
                                         | (moments(sheets["template_at"]) > moments(sheets["created_at"])))])
    return len(bad)


def sheet_versions_tell_the_changes(conn, as_of) -> int:
    """A template's versions are numbered 1..n in time order, each after the first says what changed, the template
    is at version n, holds the last version's selection, and was made with its first version."""
    v, t = T["salesSheetVersions"], T["sales_sheet_templates"]
    f = fetch_frame(conn, sa.select(v.c.templateId, v.c.versionNumber, v.c.createdAt, v.c.changes, v.c.selected_items)
                    .order_by(v.c.templateId, v.c.versionNumber))
    temps = fetch_frame(conn, sa.select(t.c.id, t.c.current_version, t.c.selected_items, t.c.created_at)).set_index("id")
    bad = 0
    for template, versions in f.groupby("templateId"):
        at = moments(versions["createdAt"])
        numbered = versions["versionNumber"].tolist() == list(range(1, len(versions) + 1))
        told = versions["changes"].iloc[1:].fillna("").str.len().gt(0).all()
        row = temps.loc[template] if template in temps.index else None
        current = (row is not None and row["current_version"] == len(versions)
                   and decoded(row["selected_items"]) == decoded(versions["selected_items"].iloc[-1])
                   and moments([row["created_at"]]).iloc[0] <= at.iloc[0])
        bad += int(not (numbered and at.is_monotonic_increasing and told and current))
    return bad + int((~temps.index.isin(f["templateId"])).sum())


def live_catalog_priced_by_client_profile(conn, as_of) -> int:
    """Each item of an interest list is a batch that had arrived, priced by the client's profile; the list's count and
    total are its items'; a converted list became an order of the same client, after it was sent. A draft holds a
    batch that had arrived and is still in stock; a saved view is the client's, made after the client existed."""
    lst, it, o = T["client_interest_lists"], T["client_interest_list_items"], T["orders"]
    lists = fetch_frame(conn, sa.select(lst.c.id, lst.c.client_id, lst.c.submitted_at, lst.c.status, lst.c.total_items,
                                        lst.c.total_value, lst.c.converted_at, o.c.client_id.label("order_client"),
                                        o.c.created_at.label("ordered_at"), lst.c.converted_to_order_id)
                        .select_from(lst.outerjoin(o, o.c.id == lst.c.converted_to_order_id)))
    items = fetch_frame(conn, sa.select(it.c.interest_list_id.label("owner"), it.c.batch_id, it.c.price_at_interest))
    items = items.merge(lists[["id", "client_id", "submitted_at"]].rename(columns={"id": "owner", "submitted_at": "at"}), on="owner")
    bad = set(items.loc[_mispriced(conn, items, "batch_id", "price_at_interest"), "owner"])
    totals = items.groupby("owner").agg(total=("price_at_interest", "sum"), count=("batch_id", "size")).reindex(lists["id"], fill_value=0)
    bad |= set(lists["id"][((totals["total"].astype(float).to_numpy() - lists["total_value"].astype(float)).abs() > CENT).to_numpy()
                           | (totals["count"].to_numpy() != lists["total_items"].to_numpy())])
    converted = lists["status"] == "CONVERTED"
    late = (moments(lists["ordered_at"]) < moments(lists["submitted_at"])) | (lists["order_client"] != lists["client_id"])
    bad |= set(lists["id"][converted & (lists["converted_to_order_id"].isna() | late)])
    d, b, c, v = T["client_draft_interests"], T["batches"], T["clients"], T["client_catalog_views"]
    drafts = fetch_frame(conn, sa.select(d.c.added_at, b.c.createdAt, b.c.onHandQty).select_from(d.outerjoin(b, b.c.id == d.c.batch_id)))
    stale = drafts["createdAt"].isna() | (moments(drafts["added_at"]) < moments(drafts["createdAt"])) | ~(pd.to_numeric(drafts["onHandQty"]) > 0)
    views = fetch_frame(conn, sa.select(v.c.created_at, v.c.updated_at, c.c.created_at.label("born")).select_from(v.outerjoin(c, c.c.id == v.c.client_id)))
    early = views["born"].isna() | (moments(views["created_at"]) < moments(views["born"])) | (moments(views["updated_at"]) < moments(views["created_at"]))
    return len(bad) + int(stale.sum()) + int(early.sum())


def sample_requests_precede_their_orders(conn, as_of) -> int:
    """A request that led to an order was fulfilled before that order of the same client, which bought a product
    it sampled; the order names the request back."""
    r, o, li, b = T["sampleRequests"], T["orders"], T["order_line_items"], T["batches"]
    f = fetch_frame(conn, sa.select(r.c.id, r.c.clientId, r.c.products, r.c.sampleRequestStatus, r.c.requestDate, r.c.fulfilledDate,
                                    r.c.relatedOrderId, o.c.client_id, o.c.created_at, o.c.related_sample_request_id)
                    .select_from(r.join(o, o.c.id == r.c.relatedOrderId)))
    bought = fetch_frame(conn, sa.select(li.c.order_id, b.c.productId).select_from(li.join(b, b.c.id == li.c.batch_id)))
    products = bought.groupby("order_id")["productId"].agg(set)
    sampled = [{x["productId"] for x in decoded(v)} for v in f["products"]]
    holds = [bool(s & products.get(order, set())) for s, order in zip(sampled, f["relatedOrderId"])]
    ordered = moments(f["created_at"])
    good = ((f["sampleRequestStatus"] == "FULFILLED") & (moments(f["fulfilledDate"]) <= ordered) & (moments(f["requestDate"]) < ordered)
            & (f["clientId"] == f["client_id"]) & pd.Series(holds, index=f.index)
            & (f["related_sample_request_id"] == f["id"]).fillna(False))
    back = fetch_frame(conn, sa.select(o.c.id, r.c.relatedOrderId).select_from(o.join(r, r.c.id == o.c.related_sample_request_id)))
    return int((~good).sum()) + int((back["relatedOrderId"] != back["id"]).sum())


RULES: dict[str, Callable[[sa.Connection, date], int]] = {f.__name__: f for f in (
    sales_sheets_priced_by_client_profile, sheet_versions_tell_the_changes, live_catalog_priced_by_client_profile,
    sample_requests_precede_their_orders,
)}
_PRICES = ("clients", "pricing_profiles", "pricing_rules", "batches", "products")
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "sales_sheets_priced_by_client_profile": ("sales_sheet_history", ("sales_sheet_templates", *_PRICES)),
    "sheet_versions_tell_the_changes": ("salesSheetVersions", ("sales_sheet_templates",)),
    "live_catalog_priced_by_client_profile": ("client_interest_lists", ("client_interest_list_items", "client_draft_interests",
                                                                         "client_catalog_views", "orders", *_PRICES)),
    "sample_requests_precede_their_orders": ("sampleRequests", ("orders", "order_line_items", "batches")),
}
