"""Contract of the pricing, matchmaking, samples, sales sheets and interest lists tables."""

from typing import Literal

from seed_pipeline.contract.model import JsonColumn, Shape, StateColumn

PRICING = "server/pricingEngine.ts"
SHEETS = ("server/salesSheetsDb.ts", "server/routers/salesSheets.ts", "server/salesSheetEnhancements.ts")


class PricingConditions(Shape):
    """What a rule selects; TERP's ``matchesConditions`` compares each key present with the item."""

    category: str | None = None
    subcategory: str | None = None
    strain: str | None = None
    tag: str | None = None
    priceMin: float | None = None
    priceMax: float | None = None
    grade: str | None = None
    vendor: str | None = None


class ProfileRule(Shape):
    """One rule of a profile: ``getClientPricingRules`` maps the list to rule ids."""

    refers = {"ruleId": "pricing_rules"}

    ruleId: int
    priority: int


class SampleProduct(Shape):
    """What ``fulfillSampleRequest`` reads: the product to sample and how much (text, parsed as a number)."""

    refers = {"productId": "products"}

    productId: int
    quantity: str


class AppliedRule(Shape):
    refers = {"ruleId": "pricing_rules"}
    ruleId: int
    ruleName: str
    adjustment: str


class SheetItem(Shape):
    """A priced batch on a sales sheet, as ``salesSheets.save`` validates it (``id`` is the batch)."""

    refers = {"id": "batches"}

    id: int
    name: str
    category: str | None = None
    subcategory: str | None = None
    strain: str | None = None
    basePrice: float
    retailPrice: float
    finalPrice: float | None = None
    quantity: float
    grade: str | None = None
    vendor: str | None = None
    priceMarkup: float
    appliedRules: list[AppliedRule] | None = None


class SheetFilters(Shape):
    """A template's filters (``{ category: "Flower", grade: "A" }`` in TERP's schema)."""

    category: str | None = None
    grade: str | None = None


class ColumnConfig(Shape):
    """Which columns a sheet shows, as ``salesSheets.createTemplate`` takes them."""

    showCategory: bool | None = None
    showBasePrice: bool | None = None
    showRetailPrice: bool | None = None
    showQuantity: bool | None = None
    showGrade: bool | None = None
    showVendor: bool | None = None


class CatalogFilters(Shape):
    """A saved live-catalog view, as ``vipPortal.liveCatalog.views.save`` validates it."""

    category: str | None = None
    brand: list[str] | None = None
    grade: list[str] | None = None
    stockLevel: Literal["all", "in_stock", "low_stock"] | None = None
    priceMin: float | None = None
    priceMax: float | None = None
    search: str | None = None


def _sheet_columns(table: str) -> tuple[JsonColumn, ...]:
    return (JsonColumn(table, "filters", SheetFilters, SHEETS, many=False),
            JsonColumn(table, "selected_items", SheetItem, SHEETS),
            JsonColumn(table, "column_visibility", ColumnConfig, SHEETS, many=False))


PRICING_CONDITIONS = JsonColumn("pricing_rules", "conditions", PricingConditions, (PRICING,), many=False)
PROFILE_RULES = JsonColumn("pricing_profiles", "rules", ProfileRule, (PRICING, "server/routers/pricing.ts"))
MATCH_REASONS = JsonColumn("match_records", "match_reasons", str, ("server/matchRecordsDb.ts", "server/matchingEngineEnhanced.ts"))
SAMPLE_PRODUCTS = JsonColumn("sampleRequests", "products", SampleProduct, ("server/samplesDb.ts",))
TEMPLATE_FILTERS, TEMPLATE_ITEMS, TEMPLATE_COLUMNS = _sheet_columns("sales_sheet_templates")
VERSION_FILTERS, VERSION_ITEMS, VERSION_COLUMNS = _sheet_columns("salesSheetVersions")
SHEET_ITEMS = JsonColumn("sales_sheet_history", "items", SheetItem, SHEETS)
CATALOG_FILTERS = JsonColumn("client_catalog_views", "filters", CatalogFilters,
                             ("server/routers/vipPortal.ts", "server/services/liveCatalogService.ts"), many=False)

JSON: tuple[JsonColumn, ...] = (
    PRICING_CONDITIONS, PROFILE_RULES, MATCH_REASONS, SAMPLE_PRODUCTS, TEMPLATE_FILTERS, TEMPLATE_ITEMS, TEMPLATE_COLUMNS,
    VERSION_FILTERS, VERSION_ITEMS, VERSION_COLUMNS, SHEET_ITEMS, CATALOG_FILTERS,
)

NEEDS_SCREEN = "client needs and matchmaking (server/clientNeedsDb.ts getAll/getActiveByClient)"
SUPPLY_SCREEN = "vendor supply and matchmaking (server/vendorSupplyDb.ts getAll/getAvailable)"
MATCH_SCREEN = "match analytics (server/matchRecordsDb.ts getMatchRecords/getMatchAnalytics)"
STATES: tuple[StateColumn, ...] = (
    StateColumn("client_needs", "status", {s: NEEDS_SCREEN for s in ("ACTIVE", "FULFILLED", "EXPIRED", "CANCELLED")},
                {"ACTIVE": 0.05, "FULFILLED": 0.6, "EXPIRED": 0.2, "CANCELLED": 0.15}),
    StateColumn("client_needs", "priority", {s: NEEDS_SCREEN for s in ("LOW", "MEDIUM", "HIGH", "URGENT")},
                {"LOW": 0.15, "MEDIUM": 0.45, "HIGH": 0.3, "URGENT": 0.1}),
    StateColumn("vendor_supply", "status", {s: SUPPLY_SCREEN for s in ("AVAILABLE", "RESERVED", "PURCHASED", "EXPIRED")},
                {"AVAILABLE": 0.02, "RESERVED": 0.01, "PURCHASED": 0.96, "EXPIRED": 0.01}),
    StateColumn("match_records", "match_type", {s: MATCH_SCREEN for s in ("EXACT", "CLOSE", "HISTORICAL")},
                {"EXACT": 0.65, "CLOSE": 0.15, "HISTORICAL": 0.2}),
    StateColumn("match_records", "user_action", {s: MATCH_SCREEN for s in ("CREATED_QUOTE", "CONTACTED_VENDOR", "DISMISSED", "NONE")},
                {"CREATED_QUOTE": 0.6, "CONTACTED_VENDOR": 0.01, "DISMISSED": 0.15, "NONE": 0.24}),
    StateColumn("sampleRequests", "sampleRequestStatus",
                {"PENDING": "pending samples (server/samplesDb.ts getPendingSampleRequests)",
                 "FULFILLED": "client samples and conversion (server/samplesDb.ts, server/samplesAnalytics.ts)",
                 "CANCELLED": "client samples (server/samplesDb.ts getSampleRequestsByClient)"},
                {"PENDING": 0.05, "FULFILLED": 0.85, "CANCELLED": 0.1}),
    StateColumn("client_interest_lists", "status",
                {s: "interest lists of a client (server/routers/vipPortalAdmin.ts interestLists.getByClient)"
                 for s in ("NEW", "REVIEWED", "CONVERTED", "ARCHIVED")},
                {"NEW": 0.05, "REVIEWED": 0.22, "CONVERTED": 0.5, "ARCHIVED": 0.23}),
)
