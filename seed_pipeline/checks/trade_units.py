"""Quantities in the units the trade uses: flower by the quarter pound, grams and packaged goods whole.

Every quantity column the history writes is tied to its product's unit of sale (``products.uomSellable``),
through the batch or product its row (or JSON item) names, or through its category where a row names
no product (a client's need, a vendor's offer). ``rules.is_in_trade_units`` is the one test; a row
breaking it in several columns or items is counted once.
"""


import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.rules import FLOWER, FLOWER_UNIT, is_in_trade_units
from seed_pipeline.checks.violations import decoded, fetch_frame
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
ROWS_AT_ONCE = 5_000  # rows of a JSON column decoded together

# table -> (the column naming its goods, what that column is, the quantity columns)
BY_BATCH = "batch"
BY_PRODUCT = "product"
BY_CATEGORY = "category"
QUANTITY_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "order_line_items": ("batch_id", BY_BATCH, ("quantity",)),
    "invoiceLineItems": ("productId", BY_PRODUCT, ("quantity",)),
    "billLineItems": ("productId", BY_PRODUCT, ("quantity",)),
    "sales": ("productId", BY_PRODUCT, ("quantity",)),
    "batches": ("productId", BY_PRODUCT, ("onHandQty", "sampleQty", "reservedQty", "quarantineQty", "holdQty",
                                          "defectiveQty")),
    "batchLocations": ("batchId", BY_BATCH, ("qty",)),
    "inventoryMovements": ("batchId", BY_BATCH, ("quantityChange", "quantityBefore", "quantityAfter")),
    "intake_session_batches": ("batch_id", BY_BATCH, ("received_qty",)),
    "purchaseOrderItems": ("productId", BY_PRODUCT, ("quantityOrdered", "quantityReceived")),
    "sample_inventory_log": ("batch_id", BY_BATCH, ("quantity",)),
    "client_interest_list_items": ("batch_id", BY_BATCH, ("quantity_at_interest",)),
    "client_needs": ("category", BY_CATEGORY, ("quantity_min", "quantity_max")),
    "vendor_supply": ("category", BY_CATEGORY, ("quantity_available",)),
}
# JSON columns holding items with a quantity: table -> (column, the item key naming its goods, what it names)
QUANTITY_ITEMS: dict[str, tuple[str, str, str]] = {
    "orders": ("items", "batchId", BY_BATCH),
    "returns": ("items", "batchId", BY_BATCH),
    "sampleRequests": ("products", "productId", BY_PRODUCT),
    "recurring_orders": ("order_template", "productId", BY_PRODUCT),
}


def _whole_by(conn) -> dict[str, pd.Series]:
    """Whether each batch's and each product's goods are counted whole (not by the pound)."""
    p, b = T["products"], T["batches"]
    products = fetch_frame(conn, sa.select(p.c.id, p.c.uomSellable))
    whole = pd.Series((products["uomSellable"] != FLOWER_UNIT).to_numpy(), index=products["id"].to_numpy())
    batches = fetch_frame(conn, sa.select(b.c.id, b.c.productId))
    return {BY_PRODUCT: whole, BY_BATCH: pd.Series(whole.reindex(batches["productId"]).to_numpy(), index=batches["id"].to_numpy())}


def _whole(by: str, keys: pd.Series, units: dict[str, pd.Series]) -> np.ndarray:
    if by == BY_CATEGORY:
        return (keys != FLOWER).to_numpy()
    return units[by].reindex(pd.to_numeric(keys, errors="coerce")).to_numpy()


def _broken(quantity, whole) -> np.ndarray:
    """A quantity off its trade unit's steps, or of goods the history does not know (a NULL quantity is none)."""
    q = pd.to_numeric(pd.Series(quantity, dtype=object), errors="coerce").to_numpy(dtype=float)
    given = pd.Series(quantity, dtype=object).notna().to_numpy()
    known = ~pd.isna(whole)
    return given & ~(known & is_in_trade_units(q, np.where(known, whole, True).astype(bool)))


def _items(value) -> list[dict]:
    data = decoded(value)
    data = data.get("items", []) if isinstance(data, dict) else data
    return [i for i in data or [] if isinstance(i, dict)]


def quantities_in_trade_units(conn, as_of) -> int:
    """Each quantity the history writes (lines, stock, movements, samples, purchases, intake, needs and offers,
    and the items of orders, returns, sample requests and recurring orders) is a whole number of its goods'
    trade steps: a quarter pound for flower, one gram or unit for the rest."""
    units = _whole_by(conn)
    total = 0
    for table, (key, by, columns) in QUANTITY_COLUMNS.items():
        t = T[table]
        f = fetch_frame(conn, sa.select(t.c[key], *(t.c[c] for c in columns)))
        whole = _whole(by, f[key], units)
        bad = np.zeros(len(f), bool)
        for c in columns:
            bad |= _broken(f[c], whole)
        total += int(bad.sum())
    for table, (column, key, by) in QUANTITY_ITEMS.items():
        t = T[table]
        query = sa.select(t.c.id, t.c[column]).where(t.c[column].is_not(None)).execution_options(yield_per=ROWS_AT_ONCE)
        broken_rows = set()
        for rows in conn.execute(query).partitions():  # a block of rows at a time: every order's items at once were a quarter of a GB at scale 10
            items = pd.DataFrame([(row, i.get(key), i.get("quantity")) for row, value in rows for i in _items(value)],
                                 columns=["row", "key", "quantity"])
            broken_rows.update(items["row"][_broken(items["quantity"], _whole(by, items["key"], units))])
        total += len(broken_rows)
    return total


RULES = {"quantities_in_trade_units": quantities_in_trade_units}
# on the movements, a table of the last phase it reads: a run seeding only earlier phases checks it with them
HOMES = {"quantities_in_trade_units": ("inventoryMovements", tuple(
    t for t in dict.fromkeys((*QUANTITY_COLUMNS, *QUANTITY_ITEMS, "products")) if t != "inventoryMovements"))}
