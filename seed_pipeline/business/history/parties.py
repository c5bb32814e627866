"""Who the business deals with: buying clients (whales and regulars), seller clients, vendors and their brands."""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours, place
from seed_pipeline.generation.pools import Pools, pick
from seed_pipeline.scenarios import Scenario

WHALE_CONCENTRATION = 4.0  # Dirichlet alpha: whales are alike
REGULAR_CONCENTRATION = 1.2  # regulars vary a lot
WHALE_LEAD = 1.25  # the smallest whale buys at least this many times the biggest regular, and the average regular
REGULAR_FLOOR = 0.1  # no regular buys less than this share of the average regular: each fills at least one order
SELLER_CLIENT_SHARE = 0.15  # buyers that also sell to us ("both")
_FARM_FORMS = ("Farms", "Cultivation", "Growers", "Gardens", "Ranch", "Collective")
_VENDOR_NOTES = (  # about the vendor itself, naming its own contact
    "Orders through {contact}; lots arrive with COAs attached.", "{contact} confirms harvest dates a week ahead.",
    "Consignment settled monthly; statements go to {contact}.", "{contact} prefers calls before 10am for intake slots.",
)
_BUYER_FORMS = ("Dispensary", "Wellness", "Cannabis Co.", "Provisions", "Supply", "Apothecary")


def client_revenue_shares(s: Scenario, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Each buying client's share of revenue, and which are whales (the first ``whales`` clients).

    Whales and regulars split their parts of revenue at random, but every whale stays above every
    regular (``WHALE_LEAD``): the biggest buyers the whale share is measured on are the whales on any seed.
    """
    whales = min(s.whales, s.clients)
    regulars = s.clients - whales
    whale_share = s.whale_revenue_share if regulars else 1.0
    whale_part = whale_share * rng.dirichlet(np.full(whales, WHALE_CONCENTRATION)) if whales else np.empty(0)
    regular_part = (1 - whale_share) * rng.dirichlet(np.full(regulars, REGULAR_CONCENTRATION)) if regulars else np.empty(0)
    if whales and regulars:
        whale_part = _within(whale_part, low=WHALE_LEAD * (1 - whale_share) / regulars)
    if regulars:
        # a Dirichlet share can be a few dollars, less than the smallest sale: its client would buy nothing
        regular_part = _within(regular_part, low=REGULAR_FLOOR * (1 - whale_share) / regulars,
                               high=whale_part.min() / WHALE_LEAD if whales else np.inf)
    return np.concatenate([whale_part, regular_part]), np.arange(s.clients) < whales


def _within(shares: np.ndarray, low: float = 0.0, high: float = np.inf) -> np.ndarray:
    """The same total with no share below ``low`` or above ``high`` (as far as the total allows): a share
    out of bounds is set to the bound and the others make up the difference in proportion."""
    total, n = shares.sum(), len(shares)
    low, high = min(low, total / n), max(high, total / n)
    out, fixed = shares.copy(), np.zeros(n, dtype=bool)
    while True:
        free = ~fixed
        out[free] = shares[free] / shares[free].sum() * (total - out[fixed].sum())
        beyond = free & ((out < low) | (out > high))
        if not beyond.any():
            return out
        out[beyond] = out[beyond].clip(low, high)
        fixed |= beyond


def _names(pools: Pools, rng: np.random.Generator, n: int, forms: tuple[str, ...]) -> np.ndarray:
    base = pick(rng, pools.companies, n, unique=True)
    heads = np.array([b.split()[0].strip(",") for b in base], dtype=object)
    return heads + " " + rng.choice(forms, n)


def vendors(s: Scenario, rng: np.random.Generator, pools: Pools, start: pd.Timestamp) -> pd.DataFrame:
    n = s.vendors
    names = _dedupe(_names(pools, rng, n, _FARM_FORMS))
    contacts = pick(rng, pools.people, n)
    return pd.DataFrame({
        "id": np.arange(1, n + 1),
        "name": names,
        "contactName": contacts,
        "contactEmail": [f"{c.split()[0].lower()}@{_domain(v)}" for c, v in zip(contacts, names)],
        "contactPhone": place.phones(rng, place.grower_cities(rng, n)),  # the farm's own line
        "paymentTerms": "Consignment, settled monthly",
        "notes": [_VENDOR_NOTES[k].format(contact=c) for k, c in zip(rng.integers(0, len(_VENDOR_NOTES), n), contacts)],
        # on the books when the history opens (its first working moment), before any lot can arrive
        "createdAt": hours.add_working([start] * n, np.zeros(n, np.int64)).to_numpy(),
    })


def clients(s: Scenario, rng: np.random.Generator, pools: Pools, window_start: pd.Timestamp,
            vendor_names: np.ndarray) -> pd.DataFrame:
    """Buying clients first (whales, then regulars), then seller-only clients mirroring the vendors."""
    shares, whale = client_revenue_shares(s, rng)
    buyers = s.clients
    names = np.concatenate([_names(pools, rng, buyers, _BUYER_FORMS), vendor_names])
    n = len(names)
    names = _dedupe(names)
    is_buyer = np.arange(n) < buyers
    is_seller = ~is_buyer | (rng.random(n) < SELLER_CLIENT_SHARE)
    city = place.client_cities(rng, n)
    frame = pd.DataFrame({
        "id": np.arange(1, n + 1),
        "name": names,
        "is_buyer": is_buyer,
        "is_seller": is_seller,
        "whale": np.concatenate([whale, np.zeros(n - buyers, bool)]),
        "revenue_share": np.concatenate([shares, np.zeros(n - buyers)]),
        "email": [f"purchasing@{_domain(v)}" for v in names],
        "city": city,  # index into place.CITIES: where its goods are delivered
        "phone": place.phones(rng, city),
        "address": place.addresses(rng, pools.streets, city),
        # the founding book's moments, the first weeks of the history; lifecycle.acquisitions moves the rest
        "created_at": hours.working_moments([window_start] * n, np.full(n, 14), rng).to_numpy(),
    })
    return frame


def brands(vendor_frame: pd.DataFrame, rng: np.random.Generator, pools: Pools) -> pd.DataFrame:
    """One house brand per vendor, a second for some."""
    per_vendor = 1 + (rng.random(len(vendor_frame)) < 0.5)
    vendor_ids = np.repeat(vendor_frame["id"].to_numpy(), per_vendor)
    vendor_names = np.repeat(vendor_frame["name"].to_numpy(), per_vendor)
    second = np.concatenate([[0] + [1] * (k - 1) for k in per_vendor]).astype(bool)
    labels = pick(rng, pools.labels, len(vendor_ids), unique=True)
    names = np.where(second, [f"{l} by {v.split()[0]}" for l, v in zip(labels, vendor_names)],
                     [v.split()[0] + " Reserve" for v in vendor_names])
    return pd.DataFrame({
        "id": np.arange(1, len(vendor_ids) + 1),
        "name": _dedupe(names),
        "vendorId": vendor_ids,
        "description": pick(rng, pools.descriptions, len(vendor_ids)),
    })


def _domain(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())[:24] + ".com"


def _dedupe(names: np.ndarray) -> np.ndarray:
    """Make repeated names unique the way people do: a number after the second one."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} {seen[name]}")
    return np.array(out, dtype=object)
