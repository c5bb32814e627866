"""Contract of the tags, synonyms, media, inventory views, VIP portal and deployments tables."""

from typing import Literal

from pydantic import Field

from seed_pipeline.contract.model import JsonColumn, Shape, StateColumn


class DateRange(Shape):
    # null only: a date stored as JSON text breaks the screen's date inputs (they call toISOString)
    from_: None = Field(None, alias="from")
    to: None = None


class CogsRange(Shape):
    min: float | None = None
    max: float | None = None


class InventoryFilters(Shape):
    """The inventory screen's whole filter state; it reads every key (``filters.status.length``)."""

    status: list[Literal["AWAITING_INTAKE", "LIVE", "PHOTOGRAPHY_COMPLETE", "ON_HOLD", "QUARANTINED", "SOLD_OUT", "CLOSED"]]
    category: str | None
    subcategory: str | None
    vendor: list[str]
    brand: list[str]
    grade: list[str]
    dateRange: DateRange
    location: str | None
    stockLevel: Literal["all", "in_stock", "low_stock", "out_of_stock"]
    cogsRange: CogsRange
    paymentStatus: list[Literal["PAID", "PENDING", "OVERDUE", "PARTIAL"]]
    stockStatus: Literal["ALL", "CRITICAL", "LOW", "OPTIMAL", "OUT_OF_STOCK"]
    ageBracket: Literal["ALL", "FRESH", "MODERATE", "AGING", "CRITICAL"]
    batchId: str | None


class DashboardFeatures(Shape):
    showGreeting: bool | None = None
    showCurrentBalance: bool | None = None
    showYtdSpend: bool | None = None
    showQuickLinks: bool | None = None


class LedgerFeatures(Shape):
    """The AR and AP modules' switches (AR shows invoice details, AP bill details)."""

    showSummaryTotals: bool | None = None
    showInvoiceDetails: bool | None = None
    showBillDetails: bool | None = None
    allowPdfDownloads: bool | None = None
    highlightOverdue: bool | None = None


class HistoryFeatures(Shape):
    showAllTypes: bool | None = None
    allowDateFilter: bool | None = None
    allowTypeFilter: bool | None = None
    allowStatusFilter: bool | None = None
    showDetails: bool | None = None
    allowPdfDownloads: bool | None = None


class TierFeatures(Shape):
    showBadge: bool | None = None
    showRequirements: bool | None = None
    showRewards: bool | None = None
    showProgress: bool | None = None
    showRecommendations: bool | None = None


class CreditFeatures(Shape):
    showCreditLimit: bool | None = None
    showCreditUsage: bool | None = None
    showAvailableCredit: bool | None = None
    showUtilizationVisual: bool | None = None
    showHistory: bool | None = None
    showRecommendations: bool | None = None


class MarketplaceFeatures(Shape):
    allowCreate: bool | None = None
    showActiveListings: bool | None = None
    allowEdit: bool | None = None
    allowCancel: bool | None = None
    showTemplates: bool | None = None
    requireExpiration: bool | None = None
    allowNewStrain: bool | None = None
    showTags: bool | None = None


class LiveCatalogFeatures(Shape):
    visibleCategories: list[int] | None = None
    visibleSubcategories: list[int] | None = None
    visibleItems: list[int] | None = None
    hiddenItems: list[int] | None = None
    showQuantity: bool | None = None
    showBrand: bool | None = None
    showGrade: bool | None = None
    showDate: bool | None = None
    showBasePrice: bool | None = None
    showMarkup: bool | None = None
    enablePriceAlerts: bool | None = None


class PortalFeatures(Shape):
    """``vip_portal_configurations.features_config`` as drizzle/schema-vip-portal.ts types it."""

    dashboard: DashboardFeatures | None = None
    ar: LedgerFeatures | None = None
    ap: LedgerFeatures | None = None
    transactionHistory: HistoryFeatures | None = None
    vipTier: TierFeatures | None = None
    creditCenter: CreditFeatures | None = None
    marketplaceNeeds: MarketplaceFeatures | None = None
    marketplaceSupply: MarketplaceFeatures | None = None
    liveCatalog: LiveCatalogFeatures | None = None


Expiration = Literal["1_DAY", "5_DAYS", "1_WEEK", "1_MONTH"]


class PortalOptions(Shape):
    transactionHistoryLimit: Literal["ALL", "12_MONTHS", "6_MONTHS", "3_MONTHS"] | None = None
    defaultNeedsExpiration: Expiration | None = None
    defaultSupplyExpiration: Expiration | None = None
    priceInputType: Literal["SINGLE", "RANGE", "BOTH"] | None = None


class GitRepository(Shape):
    full_name: str


class GitPerson(Shape):
    name: str
    email: str
    username: str | None = None


class HeadCommit(Shape):
    id: str
    message: str
    timestamp: str
    author: GitPerson


class GitPusher(Shape):
    name: str
    email: str


class GitSender(Shape):
    login: str


class PushPayload(Shape):
    """GitHub's push event as TERP's webhook handler types and reads it."""

    ref: str
    before: str
    after: str
    repository: GitRepository
    head_commit: HeadCommit
    pusher: GitPusher
    sender: GitSender


INVENTORY_FILTERS = JsonColumn("inventoryViews", "filters", InventoryFilters, (
    "server/inventoryDb.ts (getUserInventoryViews)", "client: useInventoryFilters.ts, SavedViewsDropdown.tsx"), many=False, nulls=True)
PORTAL_FEATURES = JsonColumn("vip_portal_configurations", "features_config", PortalFeatures, (
    "drizzle/schema-vip-portal.ts", "server/services/liveCatalogService.ts", "server/routers/vipPortalAdmin.ts"),
    many=False)
PORTAL_OPTIONS = JsonColumn("vip_portal_configurations", "advanced_options", PortalOptions, (
    "drizzle/schema-vip-portal.ts", "server/routers/vipPortalAdmin.ts"), many=False)
PUSH_PAYLOAD = JsonColumn("deployments", "webhookPayload", PushPayload, ("server/webhooks/github.ts",), many=False)

JSON: tuple[JsonColumn, ...] = (INVENTORY_FILTERS, PORTAL_FEATURES, PORTAL_OPTIONS, PUSH_PAYLOAD)
STATES: tuple[StateColumn, ...] = (
    StateColumn("deployments", "status", {
        "success": "deployments.stats (successfulDeployments, averageDuration) in server/routers/deployments.ts",
        "failed": "deployments.stats (failedDeployments, recentFailures) in server/routers/deployments.ts",
        "building": "deployments.current and stats.inProgressDeployments in server/routers/deployments.ts",
    }, shares={"success": 0.91, "failed": 0.08, "building": 0.01}),
)
