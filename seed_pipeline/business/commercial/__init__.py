"""The commercial side of the business, derived from the core history: pricing, matchmaking, samples,
sales sheets and the VIP portal's live catalog. A pure function of the seed settings, computed once.

Keys are local row numbers like the core history's: clients, orders, batches and products by
their local ids; each table's generator maps them onto real ids.
"""

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from seed_pipeline.business.commercial import matchmaking, portal, samples, sheets
from seed_pipeline.business.commercial.shelf import Shelf
from seed_pipeline.business.history import core_history
from seed_pipeline.generation.context import SeedSettings, table_rng


@dataclass(frozen=True)
class Commercial:
    offers: pd.DataFrame  # vendor_supply
    needs: pd.DataFrame
    matches: pd.DataFrame
    sample_requests: pd.DataFrame
    sample_log: pd.DataFrame
    sample_allocations: pd.DataFrame
    sheets: pd.DataFrame  # sales_sheet_history
    templates: pd.DataFrame
    versions: pd.DataFrame
    interest_lists: pd.DataFrame
    drafts: pd.DataFrame
    catalog_views: pd.DataFrame
    price_alerts: pd.DataFrame


@lru_cache(maxsize=4)
def commercial(settings: SeedSettings) -> Commercial:
    h = core_history(settings)
    rng = {part: table_rng(settings.seed, f"commercial.{part}") for part in
           ("offers", "needs", "samples", "sheets", "templates", "lists", "drafts", "views", "alerts")}
    shelf = Shelf(h)
    offers = matchmaking.supply(h, rng["offers"])
    needs, matches = matchmaking.needs_and_matches(shelf, offers, rng["needs"])
    requests, log = samples.requests(h, rng["samples"])
    sheet_frame = sheets.sheets(shelf, rng["sheets"])
    templates, versions = sheets.templates(h, sheet_frame, rng["templates"])
    return Commercial(offers, needs, matches, requests, log, samples.allocations(h, requests), sheet_frame, templates,
                      versions, portal.interest_lists(shelf, rng["lists"]), portal.drafts(shelf, rng["drafts"]),
                      portal.catalog_views(h, rng["views"]), portal.price_alerts(h, rng["alerts"]))
