"""Rules of the order lifecycle: quotes, their outcome and validity, and drafts, as TERP's order code keeps them.

TERP's ``convertQuoteToSale`` creates a SALE carrying the quote's client, items and totals, naming the
quote (``converted_from_order_id``), and marks the quote CONVERTED at that moment (``converted_at``);
it refuses a quote past its ``valid_until``. A quote or a draft reduces no stock and is never
invoiced (``createOrder`` moves stock only for a confirmed order).
"""

from collections.abc import Callable
from datetime import date

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.rules import OPEN_QUOTE_STATES
from seed_pipeline.checks.violations import CENT, decoded, fetch_frame, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
orders = T["orders"]
QUOTE = orders.c.orderType == "QUOTE"


def converted_quote_has_its_sale(conn, as_of: date) -> int:
    """Every CONVERTED quote has exactly one sale naming it, of its client, items and total, entered after
    the quote, when it was converted and no later than its valid_until; a sale names only such a quote.
    Counts the quotes and sales that break it."""
    o = fetch_frame(conn, sa.select(orders.c.id, orders.c.orderType, orders.c.quoteStatus, orders.c.client_id,
                                    orders.c.total, orders.c.valid_until, orders.c.converted_at,
                                    orders.c.created_at, orders.c.converted_from_order_id))
    quotes = o[(o["orderType"] == "QUOTE") & (o["quoteStatus"] == "CONVERTED")].set_index("id")
    sales = o[o["converted_from_order_id"].notna()]
    named = sales["converted_from_order_id"].astype("int64")
    times = named.value_counts()
    bad = set(quotes.index[times.reindex(quotes.index, fill_value=0).to_numpy() != 1])
    bad |= set(sales["id"][(o["orderType"] != "SALE").reindex(sales.index).to_numpy() | ~named.isin(quotes.index).to_numpy()])
    pairs = sales[named.isin(quotes.index).to_numpy()]
    q = quotes.loc[pairs["converted_from_order_id"].astype("int64")]
    sale_at, quote_at = moments(pairs["created_at"]).to_numpy(), moments(q["created_at"]).to_numpy()
    off = ((pairs["client_id"].to_numpy() != q["client_id"].to_numpy())
           | (abs(pairs["total"].astype(float).to_numpy() - q["total"].astype(float).to_numpy()) > CENT)
           | (quote_at >= sale_at) | (moments(q["converted_at"]).to_numpy() != sale_at)
           | (pd.Series(sale_at).dt.normalize().to_numpy() > moments(q["valid_until"]).to_numpy())
           | [decoded(a) != decoded(b) for a, b in _items_side_by_side(conn).loc[pairs["id"]].itertuples(index=False)])
    bad |= set(pairs["id"][off])
    return len(bad)


def _items_side_by_side(conn) -> pd.DataFrame:
    """The items of each sale naming an order and of the order it names, by the sale's id: only those, as the
    items of every order at scale 10 were a quarter of a GB in memory."""
    sale, named = orders.alias("sale"), orders.alias("named")
    return fetch_frame(conn, sa.select(sale.c.id, sale.c["items"].label("sale"), named.c["items"].label("named"))
                       .select_from(sale.join(named, named.c.id == sale.c.converted_from_order_id))).set_index("id")


def quote_status_follows_its_validity(conn, as_of: date) -> int:
    """A quote's status agrees with its dates at the end date: EXPIRED ones ran out before it, open ones
    (DRAFT, SENT, VIEWED, ACCEPTED) are still valid after it, every quote was valid for a day or more;
    only DRAFT quotes are drafts, only CONVERTED ones have a conversion time, and no sale has a quote status
    (a draft sale is checked with the unsold sales)."""
    o = fetch_frame(conn, sa.select(orders.c.id, orders.c.orderType, orders.c.quoteStatus, orders.c.is_draft,
                                    orders.c.valid_until, orders.c.converted_at, orders.c.created_at))
    end = pd.Timestamp(as_of)
    valid_until, made = moments(o["valid_until"]), moments(o["created_at"]).dt.normalize()
    status, quote = o["quoteStatus"], o["orderType"] == "QUOTE"
    draft = o["is_draft"].astype(bool)
    wrong = quote & (status.isna() | valid_until.isna() | (valid_until <= made)
                     | ((status == "EXPIRED") & (valid_until >= end))
                     | (status.isin(OPEN_QUOTE_STATES + ("DRAFT",)) & (valid_until <= end))
                     | (draft != (status == "DRAFT")) | (o["converted_at"].notna() != (status == "CONVERTED")))
    wrong |= ~quote & status.notna()
    return int(wrong.sum())


def touched(conn, ids: sa.Select) -> set:
    """The orders among ``ids`` that have lines, an invoice, a stock movement or a return of their own."""
    li, inv, mv, ret = T["order_line_items"], T["invoices"], T["inventoryMovements"], T["returns"]
    found = set(conn.execute(sa.select(li.c.order_id).where(li.c.order_id.in_(ids))).scalars())
    found |= set(conn.execute(sa.select(inv.c.referenceId).where(inv.c.referenceType == "ORDER", inv.c.referenceId.in_(ids))).scalars())
    found |= set(conn.execute(sa.select(mv.c.referenceId).where(mv.c.referenceType == "ORDER", mv.c.referenceId.in_(ids))).scalars())
    return found | set(conn.execute(sa.select(ret.c.order_id).where(ret.c.order_id.in_(ids))).scalars())


def quotes_move_no_stock_nor_money(conn, as_of: date) -> int:
    """A quote or a draft is not a sale: no lines, invoice, stock movement or return, no sale status,
    nothing confirmed, packed or shipped. Counts the quotes that have any."""
    found = touched(conn, sa.select(orders.c.id).where(QUOTE))
    found |= set(conn.execute(sa.select(orders.c.id).where(QUOTE, sa.or_(
        orders.c.saleStatus.is_not(None), orders.c.invoice_id.is_not(None), orders.c.confirmed_at.is_not(None),
        orders.c.packed_at.is_not(None), orders.c.shipped_at.is_not(None)))).scalars())
    return len(found)


RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    f.__name__: f for f in (converted_quote_has_its_sale, quote_status_follows_its_validity, quotes_move_no_stock_nor_money)
}
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "converted_quote_has_its_sale": ("orders", ()),
    "quote_status_follows_its_validity": ("orders", ()),
    # on the movements, the last of the tables it reads: a run seeding only the core checks it with them
    "quotes_move_no_stock_nor_money": ("inventoryMovements", ("orders", "order_line_items", "invoices", "returns")),
}
