"""Pools of realistic values, built once per seed with Faker and sampled by rows with numpy.

Faker is slow per call and its global state is shared, so it only fills these pools (a few
hundred to a few thousand values each); generators pick from them with their own seeded rng,
vectorised. The cannabis-wholesale vocabulary below is this project's own.
"""

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from faker import Faker
from faker.providers.address.en_US import Provider as Address
from faker.providers.person.en_US import Provider as Person

from seed_pipeline.business import place

POOL_SIZE = 1500

_PLACE_WORDS = (
    "Emerald", "Golden", "Coastal", "High Desert", "Redwood", "Sierra", "Valley", "Canyon",
    "Pacific", "Mountain", "River", "Sunrise", "Harvest", "Evergreen", "Summit", "Cedar",
)
_COMPANY_FORMS = (
    "{last} Farms", "{last} Family Gardens", "{place} Cannabis Co.", "{place} Craft Growers",
    "{place} Leaf Distribution", "{last} & {last2} Supply", "{city} Collective", "{place} Botanicals",
    "{last} Dispensary Group", "{city} Wellness", "{place} Greenhouse", "{last} Wholesale",
)
_STRAIN_HEADS = (
    "Blue", "Sour", "Purple", "Golden", "Lemon", "Cherry", "Mango", "Velvet", "Midnight", "Northern",
    "Sunset", "Garlic", "Grape", "Tropic", "Frosted", "Orange", "Pink", "Ghost", "Royal", "Candy",
)
_STRAIN_TAILS = (
    "Haze", "Kush", "Diesel", "Dream", "Cookies", "Cake", "Glue", "Mints", "OG", "Breath",
    "Punch", "Cream", "Widow", "Skunk", "Gas", "Berry", "Pie", "Sherbet", "Zest", "Fuel",
)
_FORMS = (
    "Indoor Flower", "Greenhouse Flower", "Outdoor Flower", "Smalls", "Trim", "Live Resin", "Shatter",
    "Rosin", "Budder", "Distillate Cartridge", "All-in-One Vape", "Pre-Roll 5pk", "Gummies 10pk",
)
_AROMAS = ("citrus", "pine", "diesel", "berry", "earthy", "floral", "gassy", "sweet", "spicy", "tropical")
_EFFECTS = ("relaxing", "uplifting", "balanced", "heavy", "clear-headed", "creative", "sleepy")
_TOPICS = (
    "consignment terms", "outstanding invoice", "indoor flower pricing", "next intake", "credit limit",
    "sample request", "delivery window", "payment plan", "weekly restock", "return of defective units",
    "greenhouse allocation", "price sheet", "compliance paperwork", "moisture test results",
)
_NOTES = (
    "Called {person} about the {topic}.",
    "{company} asked for samples of {strain} before the next order.",
    "Payment of ${amount} expected within {days} days.",
    "Consignment terms confirmed with {company}.",
    "Follow up with {person} at {company} on the {topic}.",
    "Quality check passed for {strain}; moisture within range.",
    "Delivery to {city} scheduled for {weekday} morning.",
    "Requested a price adjustment on {product}.",
    "Vendor confirmed intake of {qty} lbs of {strain}.",
    "Discussed the {topic} with {person}; agreed to revisit in {days} days.",
    "Reweighed after trim; small variance noted on {product}.",
    "{company} prefers indoor over greenhouse this month.",
    "Left a voicemail for {person} regarding the {topic}.",
    "Invoice sent to {company}; terms net {days}.",
    "{person} approved the {topic} update.",
    "Moved {qty} units of {product} to the front shelf for pickup.",
)
_TITLES = (
    "Meeting with {company}", "Intake: {strain} from {company}", "Photo session for {product}",
    "Collect payment from {company}", "Quarterly review with {person}", "Delivery to {city}",
    "Sample drop-off: {strain}", "Restock {product}", "Call {person} about {topic}", "Review {topic}",
)
_LABEL_WORDS = (
    "Indoor", "Premium", "Weekly", "Restock", "Priority", "Wholesale", "Consignment", "Top Shelf",
    "Budget", "Clearance", "Fresh Drop", "Exotic", "House", "Bulk", "Collections", "Intake",
    "Compliance", "Accounting", "Sales", "Operations", "Warehouse", "Reporting", "Pricing", "Samples",
    "Greenhouse", "Outdoor", "Vapes", "Concentrates", "Edibles", "Overdue", "VIP", "Regional",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

# Fixed vocabularies for short coded strings; picked by name rules in ``columns``.
VOCAB: dict[str, tuple[str, ...]] = {
    "categories": ("Flower", "Concentrates", "Vapes", "Pre-Rolls", "Edibles", "Bulk Oil", "Topicals", "Tinctures"),
    "grades": ("A", "B", "C", "D"),
    "terms": ("COD", "Net 7", "Net 15", "Net 30", "Consignment"),
    "methods": ("Cash", "Check", "Wire", "ACH"),
    "modules": ("inventory", "orders", "clients", "vendors", "accounting", "calendar", "reports", "settings"),
    "actions": ("create", "update", "delete", "approve", "export", "view"),
    "units": ("EA", "LB", "OZ", "G"),
    "branches": ("main", "develop", "release/next", "hotfix/pricing"),
    "timezones": ("America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York"),
    "sites": ("North Warehouse", "South Warehouse", "Vault", "Cold Storage"),
    "zones": ("Zone A", "Zone B", "Zone C", "Zone D"),
    "media": ("image", "video", "document"),
    "states": ("pending", "active", "completed", "failed"),
    "logins": ("email", "google", "microsoft"),
    "weekdays": ("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
    "event_types": ("MEETING", "DELIVERY", "INTAKE", "PAYMENT_DUE", "FOLLOW_UP"),
}
_DOMAINS = ("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me")


@dataclass(frozen=True)
class Pools:
    people: np.ndarray
    email_users: np.ndarray
    companies: np.ndarray
    email_domains: np.ndarray
    phones: np.ndarray
    streets: np.ndarray
    cities: np.ndarray
    states: np.ndarray
    zips: np.ndarray
    addresses: np.ndarray
    strains: np.ndarray
    products: np.ndarray
    descriptions: np.ndarray
    notes: np.ndarray
    titles: np.ndarray
    labels: np.ndarray
    tags: np.ndarray
    urls: np.ndarray
    filenames: np.ndarray
    mime_types: np.ndarray
    commit_messages: np.ndarray


def pick(rng: np.random.Generator, pool: np.ndarray, n: int, unique: bool = False) -> np.ndarray:
    """n values of a pool; distinct ones when asked and the pool is large enough."""
    if unique and n <= len(pool):
        return pool[rng.choice(len(pool), size=n, replace=False)]
    return pool[rng.integers(len(pool), size=n)]


def codes(prefix: str, n: int) -> np.ndarray:
    """PREFIX-000001, PREFIX-000002, ...: unique, numbered in row order like the app's own sequences."""
    return np.char.mod(f"{prefix}-%06d", np.arange(1, n + 1)).astype(object)


def hex_strings(rng: np.random.Generator, n: int, width: int) -> np.ndarray:
    """Random hex strings of ``width`` digits (tokens, hashes, commit SHAs)."""
    digits = rng.bytes(n * width).hex()[: n * width]  # two digits a byte: twice as many as needed
    return np.array([digits[i * width:(i + 1) * width] for i in range(n)], dtype=object)


def colours(rng: np.random.Generator, n: int) -> np.ndarray:
    return np.char.mod("#%06X", rng.integers(0, 1 << 24, n)).astype(object)


def decimal_strings(values: np.ndarray) -> np.ndarray:
    """Numbers as TERP keeps many of them in VARCHAR columns: "12.50"."""
    return np.char.mod("%.2f", values).astype(object)


def clock_times(rng: np.random.Generator, n: int, after: pd.Series | None = None) -> np.ndarray:
    """HH:MM:SS in business hours by quarter hours; given start times, 30 minutes to 3 hours after them."""
    quarter = rng.integers(7 * 4, 19 * 4, n)
    if after is not None:
        begun = (pd.to_numeric(after.str.slice(0, 2)) * 4 + pd.to_numeric(after.str.slice(3, 5)) // 15).to_numpy(float)
        later = np.minimum(begun + rng.integers(2, 13, n), 24 * 4 - 1)
        quarter = np.where(np.isnan(begun), quarter, later).astype(np.int64)
    return np.char.add(np.char.add(np.char.mod("%02d:", quarter // 4), np.char.mod("%02d", quarter % 4 * 15)),
                       ":00").astype(object)


def _distinct(values) -> np.ndarray:
    return np.array(list(dict.fromkeys(values)), dtype=object)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@cache
def pools_for(seed: int) -> Pools:
    """The pools of one seed: the same seed always yields the same pools."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    rnd = np.random.default_rng(seed)
    n = POOL_SIZE

    def choice(options, k=n):
        return [options[i] for i in rnd.integers(len(options), size=k)]

    # Faker's weighted name lists drawn in one call each: a call per value recomputed the weights every time
    firsts = fake.random_elements(Person.first_names, length=n, use_weighting=True)
    lasts = fake.random_elements(Person.last_names, length=n, use_weighting=True)
    streets = np.array([f"{number} {name} {suffix}" for number, name, suffix in zip(
        rnd.integers(100, 100_000, n), choice(firsts + lasts), fake.random_elements(Address.street_suffixes, length=n))],
        dtype=object)
    city_of_row = place.client_cities(rnd, n)  # every address and phone is of a Californian city
    cities = [place.CITIES[c].name for c in city_of_row]
    people = [f"{f} {l}" for f, l in zip(firsts, lasts)]
    companies = _distinct(
        form.format(last=l, last2=l2, place=p, city=c)
        for form, l, l2, p, c in zip(choice(_COMPANY_FORMS, 3 * n), choice(lasts, 3 * n),
                                     choice(lasts[::-1], 3 * n), choice(_PLACE_WORDS, 3 * n), choice(cities, 3 * n))
    )
    strains = _distinct(f"{h} {t}" for h in _STRAIN_HEADS for t in _STRAIN_TAILS)
    products = [f"{s} {f}" for s, f in zip(choice(list(strains)), choice(_FORMS))]

    def fill(templates, k=n):
        slots = dict(person=choice(people, k), company=choice(list(companies), k), strain=choice(list(strains), k),
                     product=choice(products, k), topic=choice(_TOPICS, k), city=choice(cities, k),
                     weekday=choice(_WEEKDAYS, k), amount=[f"{a:,.2f}" for a in rnd.lognormal(8.5, 1.0, k)],
                     days=choice((7, 14, 15, 30, 45), k), qty=rnd.integers(2, 80, k))
        texts = choice(templates, k)
        return _distinct(t.format(**{key: v[i] for key, v in slots.items()}) for i, t in enumerate(texts))

    labels = _distinct(" ".join(pair) for pair in zip(choice(_LABEL_WORDS), choice(_LABEL_WORDS)) if pair[0] != pair[1])
    return Pools(
        people=np.array(people, dtype=object),
        email_users=np.array([f"{f}.{l}".lower().replace("'", "") for f, l in zip(firsts, lasts)], dtype=object),
        companies=companies,
        email_domains=np.array([f"{_slug(c)[:30]}.com" for c in companies[:300]] + list(_DOMAINS) * 20, dtype=object),
        phones=place.phones(rnd, city_of_row),
        streets=streets,
        cities=np.array(cities, dtype=object),
        states=np.full(n, place.STATE, dtype=object),
        zips=np.array([z for c in place.CITIES for z in c.zips], dtype=object),
        addresses=place.addresses(rnd, streets, city_of_row),
        strains=strains,
        products=np.array(products, dtype=object),
        descriptions=np.array([f"{f} with {a} notes and {e} effects." for f, a, e in
                               zip(choice(_FORMS), choice(_AROMAS), choice(_EFFECTS))], dtype=object),
        notes=fill(_NOTES),
        titles=fill(_TITLES),
        labels=np.concatenate([np.array(_LABEL_WORDS, dtype=object), labels]),
        tags=np.array(sorted({_slug(w) for w in _LABEL_WORDS + _AROMAS + _EFFECTS}), dtype=object),
        urls=np.array([fake.uri() for _ in range(n // 3)], dtype=object),
        filenames=np.array([fake.file_name(category=c) for c in choice(("image", "office", "text"), n // 3)],
                           dtype=object),
        mime_types=np.array(sorted({fake.mime_type(category=c) for c in choice(("image", "application", "text"), 200)}),
                            dtype=object),
        commit_messages=np.array([f"{kind}: {t.lower()}" for kind, t in
                                  zip(choice(("feat", "fix", "chore", "refactor")), choice(list(fill(_TITLES, n // 3))))],
                                 dtype=object),
    )
