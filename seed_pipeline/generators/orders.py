"""About 200 sales a month: totals are the sum of their lines; confirmation, packing and shipping follow in order.

Half are on consignment terms. Sale status and due date come from the order's invoice; the
invoice id itself is filled in once invoices exist (a deferred reference). After the sales come the
quotes and draft quotes of the history (``history/quotes.py``): each carries the items and totals of
the sale it was made from or repeats, nothing of its fulfilment, and a sale converted from a quote
names it (``converted_from_order_id``, a self-reference moved with the ids by the loader). Last come the
sales that do not stand (``history/unsold.py``): cancelled ones, confirmed and cancelled before packing, and
drafts, each with the goods and totals of the sale it repeats and nothing fulfilled, invoiced or paid.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import document_number
from seed_pipeline.business.rules import due_dates
from seed_pipeline.contract.core import ORDER_ITEMS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import SALES, WAREHOUSE, history, real_ids, staff
from seed_pipeline.generators._frame import table_frame

NOTE_SHARE = 0.2
CANCEL_REASONS = ("Cancelled: client changed its mind", "Cancelled: client ordered the wrong strain",
                  "Cancelled: duplicate of an order entered by phone", "Cancelled: client's license renewal pending",
                  "Cancelled: client asked to wait for next week's harvest")
PARTIAL_CASH = (0.2, 0.5)  # share paid in cash up front on PARTIAL terms
ORDERS_AT_ONCE = 1_000  # orders whose lines are turned into dicts together


def _items(h, batches, products) -> list:
    """The order's lines as TERP keeps them on the order (``contract.core.OrderItem``): batch, product, price, cost, margin.
    The batch and product are the rows' real keys (``batches`` and ``products`` as written)."""
    lines = h.lines
    batch = lines["batch"].to_numpy()
    product = h.products.iloc[lines["productId"].to_numpy() - 1]
    strain = h.strains["name"].to_numpy()[product["strainId"].to_numpy() - 1]
    mode = h.batches["cogsMode"].to_numpy()[batch]
    line_cogs = (lines["quantity"] * lines["unit_cost"]).round(2)
    records = pd.DataFrame({
        "order_id": lines["order_id"].to_numpy(),
        "batchId": real_ids(batches, lines["batchId"]), "productId": real_ids(products, lines["productId"]),
        "displayName": product["nameCanonical"].to_numpy(), "originalName": product["nameCanonical"].to_numpy(),
        "quantity": lines["quantity"].to_numpy(), "unitPrice": lines["unit_price"].to_numpy(), "isSample": False,
        "unitCogs": lines["unit_cost"].to_numpy(), "cogsMode": mode, "cogsSource": np.where(mode == "RANGE", "MIDPOINT", "FIXED"),
        "unitMargin": (lines["unit_price"] - lines["unit_cost"]).round(2).to_numpy(),
        "marginPercent": (100 * (lines["unit_price"] - lines["unit_cost"]) / lines["unit_price"]).round(2).to_numpy(),
        "lineTotal": lines["line_total"].to_numpy(), "lineCogs": line_cogs.to_numpy(),
        "lineMargin": (lines["line_total"] - line_cogs).round(2).to_numpy(),
        "strain": strain, "category": product["category"].to_numpy(),
        "subcategory": product["subcategory"].to_numpy(),
        "grade": product["grade"].where(product["grade"] != "").to_numpy(),
        "price": lines["unit_price"].to_numpy(),
    })
    records = records.sort_values("order_id", kind="stable")
    order_ids = records.pop("order_id").to_numpy(dtype=np.int64)
    cuts = np.flatnonzero(np.diff(order_ids)) + 1
    return ORDER_ITEMS.values(_per_order(records, np.r_[0, cuts, len(records)]))


def _per_order(records: pd.DataFrame, bounds: np.ndarray):
    """Each order's lines as dicts (order k's are rows bounds[k]:bounds[k+1]): one pandas pass per block of
    orders, then a slice per order, so neither pandas work per order nor every line's dict at once."""
    for first in range(0, len(bounds) - 1, ORDERS_AT_ONCE):
        last = min(first + ORDERS_AT_ONCE, len(bounds) - 1)
        block = records.iloc[bounds[first]:bounds[last]]
        rows = block.astype(object).where(block.notna(), None).to_dict("records")  # absent keys: None, not NaN
        for a, b in zip(bounds[first:last] - bounds[first], bounds[first + 1:last + 1] - bounds[first]):
            yield rows[a:b]


@generates("orders", reads=("batches", "products"))
def generate(ctx, parents):
    h = history(ctx)
    o, rng, n = h.orders, ctx.rng, len(h.orders)
    users = parents["users"]
    terms = o["paymentTerms"]
    cash = np.select([terms == "COD", terms == "PARTIAL"],
                     [o["total"], (o["total"] * rng.uniform(*PARTIAL_CASH, n)).round(2)], 0.0)
    paid_at = pd.Series(h.invoices["paid_at"].to_numpy())
    updated = pd.concat([o["created_at"], o["confirmed_at"], o["packed_at"], o["shipped_at"], paid_at], axis=1).max(axis=1)
    notes = np.where(rng.random(n) < NOTE_SHARE, rng.choice(["Deliver before noon", "Call on arrival",
                     "Split delivery OK", "Use side entrance", "Repeat of last order"], n), None)
    items = _items(h, parents["batches"], parents["products"])
    sales = table_frame(ctx, {
        "order_number": [document_number("order", i) for i in o["id"]],
        "orderType": ["SALE"] * n,
        "is_draft": np.zeros(n, bool),
        "client_id": real_ids(parents["clients"], o["client_id"]),
        "items": items,
        "subtotal": o["total"],
        "tax": np.zeros(n),
        "discount": np.zeros(n),
        "total": o["total"],
        "total_cogs": o["total_cogs"],
        "total_margin": o["total_margin"],
        "avg_margin_percent": (100 * o["total_margin"] / o["total"]).round(2),
        "paymentTerms": terms,
        "cash_payment": cash,
        "due_date": o["due_date"],
        "saleStatus": o["saleStatus"],
        "fulfillmentStatus": o["fulfillmentStatus"],
        "packed_at": o["packed_at"],
        "packed_by": pd.array(np.where(o["packed_at"].notna(), staff(users, WAREHOUSE, n, rng), None), dtype="Int64"),
        "shipped_at": o["shipped_at"],
        "shipped_by": pd.array(np.where(o["shipped_at"].notna(), staff(users, WAREHOUSE, n, rng), None), dtype="Int64"),
        "confirmed_at": o["confirmed_at"],
        "notes": notes,
        "created_by": staff(users, SALES, n, rng),
        "created_at": o["created_at"],
        "updated_at": updated,
        "converted_from_order_id": o["quote_id"],
        "converted_at": [None] * n,  # TERP marks the quote converted, not the sale
    })
    return pd.concat([sales, _quotes(ctx, h, sales), _unsold(ctx, h, sales)], ignore_index=True)


REPEATED = ("client_id", "items", "subtotal", "tax", "discount", "total", "total_cogs", "total_margin",
            "avg_margin_percent", "paymentTerms", "created_by")  # what a quote or an unsold sale takes from its sale


def _quotes(ctx, h, sales: pd.DataFrame) -> pd.DataFrame:
    """The quotes and drafts: the goods, totals, terms and creator of their sale; nothing confirmed,
    fulfilled, due or invoiced (TERP's ``createOrder`` of a QUOTE)."""
    q = h.quotes
    like = sales.iloc[q["sale"].to_numpy()].reset_index(drop=True)
    return table_frame(ctx, {column: like[column] for column in REPEATED} | {
        "order_number": [document_number("quote", i) for i in range(1, len(q) + 1)],
        "orderType": ["QUOTE"] * len(q),
        "is_draft": q["is_draft"].to_numpy(),
        "quoteStatus": q["quoteStatus"],
        "valid_until": q["valid_until"],
        "converted_at": q["converted_at"],
        "cash_payment": np.zeros(len(q)),
        **{column: [None] * len(q) for column in ("confirmed_at", "packed_at", "shipped_at")},
        "created_at": q["created_at"],
        "updated_at": q["updated_at"],
    }).assign(id=np.arange(len(sales) + 1, len(sales) + len(q) + 1))


def _unsold(ctx, h, sales: pd.DataFrame) -> pd.DataFrame:
    """Cancelled sales (confirmed, CANCELLED minutes later, due as confirmed) and drafts (nothing confirmed,
    no sale status): the goods, totals, terms and creator of the sale each repeats, numbered after the sales."""
    u, n = h.unsold, len(h.unsold)
    like = sales.iloc[u["sale"].to_numpy()].reset_index(drop=True)
    cancelled = (u["status"] == "CANCELLED").to_numpy()
    due = due_dates(u["created_at"].dt.normalize(), like["paymentTerms"]).where(cancelled)
    return table_frame(ctx, {column: like[column] for column in REPEATED} | {
        "order_number": [document_number("order", i) for i in range(len(h.orders) + 1, len(h.orders) + n + 1)],
        "orderType": ["SALE"] * n,
        "is_draft": ~cancelled,
        "saleStatus": np.where(cancelled, "CANCELLED", None),
        "due_date": due,
        "cash_payment": np.zeros(n),
        "notes": np.where(cancelled, ctx.rng.choice(CANCEL_REASONS, n), None),
        "confirmed_at": u["confirmed_at"], "packed_at": [None] * n, "shipped_at": [None] * n,
        "created_at": u["created_at"],
        "updated_at": u["cancelled_at"].fillna(u["created_at"]),
    }).assign(id=u["id"].to_numpy())
