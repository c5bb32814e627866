"""Who has the VIP portal, what it shows them, and their logins.

The portal is opened to every whale and to the best regular buyers; nobody who does not buy gets
one. Module switches follow TERP's own templates (``vipPortalAdmin.config.applyTemplate``): whales
get full access with the live catalogue, regulars the financial or basic set; accounts payable and
supply listings only make sense for clients who also sell to us.

Credentials are never a usable secret. Whatever the seed writes can be written again by anyone
with the seed, so no password exists for a seeded login: its hash is a well-formed bcrypt hash
(cost 4, which TERP's ``bcryptjs.compare`` reads and which marks seed data) of random digest
bytes, which no known password matches; to try the portal, set a password through TERP's reset
flow. Tokens start with ``TEST_TOKEN_PREFIX`` and none is valid at the end date: resets have
lapsed, and a session that would still be open has been signed out (TERP clears the token).
"""

import base64
import uuid

import numpy as np
import pandas as pd

from seed_pipeline.generation.context import SeedSettings, table_rng

REGULAR_SHARE = 0.2  # of regular buyers, the biggest, who are given the portal
TEST_TOKEN_PREFIX = "test-"
HASH_COST = 4
SESSION_DAYS = 30  # TERP's portal login keeps a session this long
RESET_SHARE = 0.15  # of logins with a password reset requested and never completed
RESET_MINUTES = 60  # a reset token lives this long
LOGINS_A_WEEK = {"whale": 3.0, "regular": 1.0}
_BCRYPT_ALPHABET = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
                                   b"./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def portal_clients(clients: pd.DataFrame) -> np.ndarray:
    """Whales, and the top ``REGULAR_SHARE`` of regular buyers by revenue (at least one if there are any)."""
    regular = clients["is_buyer"].to_numpy() & ~clients["whale"].to_numpy()
    wanted = int(np.ceil(REGULAR_SHARE * regular.sum()))
    order = clients["revenue_share"].where(regular, -1.0).to_numpy().argsort(kind="stable")[::-1][:wanted]
    chosen = clients["whale"].to_numpy() & clients["is_buyer"].to_numpy()
    chosen[order] = True
    return chosen


def enabled_at(settings: SeedSettings, portal: pd.DataFrame) -> pd.Series:
    """When the portal was opened to each client (rows of the clients table): in the first half of the
    time between the client's creation and its last sign-in. The login and the configuration are made
    together, so both tables draw this from one shared generator.
    """
    created = pd.to_datetime(portal["created_at"]).reset_index(drop=True)
    login = pd.to_datetime(portal["vip_portal_last_login"]).reset_index(drop=True)
    share = table_rng(settings.seed, "vip_portal.enabled").random(len(portal)) / 2
    return (created + (login - created).clip(lower=pd.Timedelta(0)) * share).dt.floor("s")


TEMPLATES = {  # TERP's module presets (server/routers/vipPortalAdmin.ts, applyTemplate)
    "FULL_ACCESS": dict(dashboard=True, ar=True, ap=True, transaction_history=True, vip_tier=True, credit_center=True,
                        marketplace_needs=True, marketplace_supply=True),
    "FINANCIAL_ONLY": dict(dashboard=True, ar=True, ap=True, transaction_history=True, vip_tier=False,
                           credit_center=True, marketplace_needs=False, marketplace_supply=False),
    "BASIC": dict(dashboard=True, ar=True, ap=True, transaction_history=False, vip_tier=True, credit_center=False,
                  marketplace_needs=False, marketplace_supply=False),
}
FEATURES = {  # each module's feature switches, as TERP's enableVipPortal writes them
    "dashboard": ("showGreeting", "showCurrentBalance", "showYtdSpend", "showQuickLinks"),
    "ar": ("showSummaryTotals", "showInvoiceDetails", "allowPdfDownloads", "highlightOverdue"),
    "ap": ("showSummaryTotals", "showBillDetails", "allowPdfDownloads", "highlightOverdue"),
    "transactionHistory": ("showAllTypes", "allowDateFilter", "allowTypeFilter", "allowStatusFilter", "showDetails",
                           "allowPdfDownloads"),
    "vipTier": ("showBadge", "showRequirements", "showRewards", "showProgress", "showRecommendations"),
    "creditCenter": ("showCreditLimit", "showCreditUsage", "showAvailableCredit", "showUtilizationVisual",
                     "showHistory", "showRecommendations"),
    "marketplaceNeeds": ("allowCreate", "showActiveListings", "allowEdit", "allowCancel", "showTemplates",
                         "requireExpiration"),
    "marketplaceSupply": ("allowCreate", "showActiveListings", "allowEdit", "allowCancel", "showTemplates",
                          "allowNewStrain", "showTags"),
}
MODULE_OF_FEATURE = {"dashboard": "dashboard", "ar": "ar", "ap": "ap", "transactionHistory": "transaction_history",
                     "vipTier": "vip_tier", "creditCenter": "credit_center", "marketplaceNeeds": "marketplace_needs",
                     "marketplaceSupply": "marketplace_supply"}


def modules(whale: bool, seller: bool, regular_template: str) -> dict[str, bool]:
    """The module switches of one client: its template, AP and supply only for clients who sell to us."""
    chosen = dict(TEMPLATES["FULL_ACCESS" if whale else regular_template])
    chosen["ap"] &= seller
    chosen["marketplace_supply"] &= seller
    return chosen


def features(switches: dict[str, bool], whale: bool, live_catalog: bool) -> dict:
    """Feature settings of the modules switched on; regulars do not see pricing detail or rewards."""
    config = {block: {k: True for k in keys} for block, keys in FEATURES.items() if switches[MODULE_OF_FEATURE[block]]}
    if not whale and "vipTier" in config:
        config["vipTier"] |= {"showRewards": False, "showRecommendations": False}
    if live_catalog:
        config["liveCatalog"] = {"showQuantity": True, "showBrand": True, "showGrade": True, "showDate": whale,
                                 "showBasePrice": False, "showMarkup": False, "enablePriceAlerts": whale}
    return config


def advanced(whale: bool, rng: np.random.Generator) -> dict:
    return {"transactionHistoryLimit": "ALL" if whale else "12_MONTHS",
            "defaultNeedsExpiration": str(rng.choice(["5_DAYS", "1_WEEK"])),
            "defaultSupplyExpiration": "5_DAYS",
            "priceInputType": "BOTH" if whale else str(rng.choice(["SINGLE", "RANGE"]))}


def password_hashes(rng: np.random.Generator, n: int) -> list[str]:
    """bcrypt-shaped hashes whose salt and digest are drawn from ``rng``: TERP reads them, no password matches."""
    prefix = f"$2b${HASH_COST:02d}$"
    return [prefix + _bcrypt64(rng.bytes(16))[:22] + _bcrypt64(rng.bytes(23))[:31] for _ in range(n)]


def _bcrypt64(raw: bytes) -> str:
    return base64.b64encode(raw).rstrip(b"=").translate(_BCRYPT_ALPHABET).decode()


def test_tokens(rng: np.random.Generator, n: int, kind: str) -> list[str]:
    """``test-<kind>-<uuid>``: shaped like TERP's ``crypto.randomUUID()`` tokens, plainly not real ones."""
    return [f"{TEST_TOKEN_PREFIX}{kind}-{uuid.UUID(bytes=rng.bytes(16), version=4)}" for _ in range(n)]
