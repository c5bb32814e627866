"""Saved views of the inventory screen: the filters each job keeps coming back to.

A view's filters are the whole filter state of TERP's inventory screen (``InventoryFilters`` of
``client/src/hooks/useInventoryFilters.ts``; the server stores it as given), with the values that
screen offers: batch statuses, category and subcategory names, vendor and brand names, grades.
Dates stay null: a date stored in JSON comes back as text, which the screen's date inputs cannot
read (they call ``toISOString`` on it).
"""

import numpy as np

from seed_pipeline.business.catalog import screens_for_role
from seed_pipeline.business.rules import GROW_TYPES

VIEWS_A_USER = (1, 4)  # at least, less than
DEFAULT_FILTERS = {
    "status": [], "category": None, "subcategory": None, "vendor": [], "brand": [], "grade": [],
    "dateRange": {"from": None, "to": None}, "location": None, "stockLevel": "all",
    "cogsRange": {"min": None, "max": None}, "paymentStatus": [], "stockStatus": "ALL", "ageBracket": "ALL",
    "batchId": None,
}
OWN_VIEWS = {  # job -> the views it saves (its inventory work)
    "Inventory Manager": ("on_hold", "low_stock", "vendor", "aging", "top_shelf"),
    "Warehouse Staff": ("on_hold", "low_stock", "vendor", "aging"),
    "Sales Manager": ("grow", "top_shelf", "brand", "concentrates", "budget"),
    "Sales Rep": ("grow", "top_shelf", "brand", "concentrates", "budget"),
    "Accountant": ("consignment_owed", "vendor"),
}
GENERAL_VIEWS = ("top_shelf", "low_stock", "grow")
SHARING_JOBS = {"Inventory Manager", "Sales Manager"}  # they set views up for their team


def view(kind: str, vendors: list[str], brands: list[str], rng: np.random.Generator) -> tuple[str, dict]:
    """A view's name and filters; vendor, brand and grow are picked among the real ones."""
    f = {k: (dict(v) if isinstance(v, dict) else v) for k, v in DEFAULT_FILTERS.items()}
    if kind == "on_hold":
        return "On hold & quarantined", f | {"status": ["ON_HOLD", "QUARANTINED"]}
    if kind == "low_stock":
        return "Low stock", f | {"status": ["LIVE"], "stockLevel": "low_stock"}
    if kind == "aging":
        return "Aging flower", f | {"category": "Flower", "stockLevel": "in_stock", "ageBracket": "AGING"}
    if kind == "top_shelf":
        return "Top shelf flower", f | {"status": ["LIVE"], "category": "Flower", "grade": ["A"]}
    if kind == "budget":
        return "Budget flower (C/D)", f | {"status": ["LIVE"], "category": "Flower", "grade": ["C", "D"]}
    if kind == "concentrates":
        return "Concentrates in stock", f | {"category": "Concentrates", "stockLevel": "in_stock"}
    if kind == "consignment_owed":
        return "Vendor payments due", f | {"paymentStatus": ["PENDING", "PARTIAL", "OVERDUE"]}
    if kind == "vendor":
        v = str(rng.choice(vendors))
        return f"{v} batches", f | {"vendor": [v]}
    if kind == "brand":
        b = str(rng.choice(brands))
        return f"{b} on hand", f | {"brand": [b], "stockLevel": "in_stock"}
    grow = GROW_TYPES[int(rng.integers(len(GROW_TYPES)))]
    return f"Live {grow.subcategory.lower()} flower", f | {"status": ["LIVE"], "category": "Flower",
                                                          "subcategory": grow.subcategory}


def views_of(job: str, vendors: list[str], brands: list[str], rng: np.random.Generator) -> list[tuple[str, dict, bool]]:
    """The views one person saved (none for jobs that never open the inventory screen), and whether each is shared."""
    if "inventory" not in screens_for_role(job):
        return []
    kinds = OWN_VIEWS.get(job, GENERAL_VIEWS)
    chosen = rng.choice(kinds, min(len(kinds), int(rng.integers(*VIEWS_A_USER))), replace=False)
    made = dict(view(str(k), vendors, brands, rng) for k in chosen)  # one view per name
    return [(name, filters, job in SHARING_JOBS) for name, filters in made.items()]
