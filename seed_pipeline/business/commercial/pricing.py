"""Pricing rules and profiles as TERP's pricing engine reads them, fitted to the prices the history charged.

TERP prices a batch for a client by starting from its unit cost (``batches.unitCogs``) and applying
the rules of the client's profile, highest priority first (``server/pricingEngine.ts``). The core
history sells a batch at its price less a client concession, and that price sits a margin above
cost; so the profiles are that markup over cost followed by the concession the tier's clients were
actually charged (``rules_of``: the median over the tier's lines, so a profile reproduces its prices
by construction whatever the draws of a seed). Rules that no profile uses are the retired ones, kept inactive as a pricing screen keeps its history.
"""

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from seed_pipeline.business.rules import CLIENT_DISCOUNT, TARGET_MARKUP_MARGIN

# Every item TERP prices has a cost of at least $0: the condition of a rule meant for all items.
EVERY_ITEM = {"priceMin": 0}
# How far a profile's price of a batch may sit from the prices charged for it: the history's
# batch-to-batch margin spread and the spread of concessions within a tier.
MEDIAN_TOLERANCE = 0.02  # of the median charged/profile ratio of a profile's lines, from 1
SPREAD = 0.10  # the central 90% of a profile's lines within this of the profile price
CENTRAL = (0.05, 0.95)


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    adjustment_type: str  # PERCENT_MARKUP, PERCENT_MARKDOWN, DOLLAR_MARKUP, DOLLAR_MARKDOWN
    adjustment_value: float
    conditions: dict
    priority: int
    active: bool = True


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    rules: tuple[int, ...]  # local ids (1-based positions in RULES)
    tier: str  # whale, regular, or seller (clients who only sell to us)


def _concession(tier: str) -> float:
    low, high = CLIENT_DISCOUNT[tier]
    return round(100 * (low + high) / 2, 2)


MARKUP = round(100 * (1 / (1 - TARGET_MARKUP_MARGIN) - 1), 2)
RULES = (
    Rule("Wholesale markup over cost", f"List price: cost plus {MARKUP}%, a {TARGET_MARKUP_MARGIN:.0%} margin at list.",
         "PERCENT_MARKUP", MARKUP, EVERY_ITEM, 100),
    Rule("Key account concession", "Volume accounts pay list less their negotiated concession.",
         "PERCENT_MARKDOWN", _concession("whale"), EVERY_ITEM, 50),
    Rule("Standard account concession", "Regular accounts get a small courtesy discount off list.",
         "PERCENT_MARKDOWN", _concession("regular"), EVERY_ITEM, 50),
    Rule("Outdoor harvest clearance", "Autumn clearance of outdoor flower; retired after the harvest sold through.",
         "PERCENT_MARKDOWN", 10.0, {"category": "Flower", "subcategory": "Outdoor"}, 80, active=False),
    Rule("Grade A premium", "Extra markup on top-shelf flower; retired, the grade price already carries it.",
         "PERCENT_MARKUP", 5.0, {"category": "Flower", "grade": "A"}, 90, active=False),
)
PROFILES = (
    Profile("Key accounts", "Whales: list price less the key account concession.", (1, 2), "whale"),
    Profile("Standard wholesale", "Regular buyers: list price less a courtesy discount.", (1, 3), "regular"),
    Profile("List price", "Suppliers buying from us now and then: list price.", (1,), "seller"),
)
TIERS = {p.tier: i + 1 for i, p in enumerate(PROFILES)}


def profile_of(clients: pd.DataFrame) -> np.ndarray:
    """Local id of each client's profile: whales, regular buyers, clients who only sell to us."""
    tier = np.where(clients["whale"], "whale", np.where(clients["is_buyer"], "regular", "seller"))
    return np.array([TIERS[t] for t in tier])


def rules_of(h) -> tuple[Rule, ...]:
    """RULES with each profile's concession set to what its clients paid below list: the median over its lines."""
    lines = h.lines
    client = h.orders.set_index("id")["client_id"].reindex(lines["order_id"]).to_numpy()
    profile = pd.Series(profile_of(h.clients), index=h.clients["id"].to_numpy()).reindex(client).to_numpy()
    of_list = (lines["unit_price"] / (lines["unit_cost"] * (1 + MARKUP / 100))).to_numpy()
    rules = list(RULES)
    for local, p in enumerate(PROFILES, start=1):
        concession = [r - 1 for r in p.rules if RULES[r - 1].adjustment_type == "PERCENT_MARKDOWN"]
        if concession and (profile == local).any():
            paid = float(np.median(of_list[profile == local]))
            kind = "PERCENT_MARKDOWN" if paid <= 1 else "PERCENT_MARKUP"
            rules[concession[0]] = replace(RULES[concession[0]], adjustment_type=kind, adjustment_value=round(100 * abs(1 - paid), 2))
    return tuple(rules)


def _bound(value) -> float:
    """A price bound as JavaScript compares it: a number, numeric text, or null (as 0)."""
    return 0.0 if value is None else float(value)


def _matches(items: pd.DataFrame, conditions: dict, logic: str) -> np.ndarray:
    """Which items a rule's conditions select, as TERP's ``matchesConditions`` decides: ``priceMin`` and
    ``priceMax`` are one check together (under OR, a range is still a range), ``tag`` looks in the item's
    ``tags``, and any other key compares the item's field of that name (none: no match)."""
    checks = []
    if "priceMin" in conditions or "priceMax" in conditions:
        price = items["basePrice"].to_numpy(dtype=float)
        low = price >= _bound(conditions["priceMin"]) if "priceMin" in conditions else np.ones(len(items), bool)
        high = price <= _bound(conditions["priceMax"]) if "priceMax" in conditions else np.ones(len(items), bool)
        checks.append(low & high)
    for key, wanted in conditions.items():
        if key in ("priceMin", "priceMax"):
            continue
        field = "tags" if key == "tag" else key
        if field not in items:
            checks.append(np.zeros(len(items), bool))
        elif key == "tag":
            checks.append(np.array([isinstance(t, list | tuple) and wanted in t for t in items["tags"]], dtype=bool))
        else:
            checks.append((items[key] == wanted).to_numpy(dtype=bool))
    if not checks:
        return np.zeros(len(items), bool)
    return np.logical_and.reduce(checks) if logic == "AND" else np.logical_or.reduce(checks)


def apply_rules(items: pd.DataFrame, rules: list[dict]) -> pd.DataFrame:
    """Retail price of each item (``basePrice`` and what conditions read) under a list of rules.

    A rule is a dict of ``pricing_rules`` columns (``id``, ``name``, ``adjustment_type``,
    ``adjustment_value``, ``conditions``, ``logic_type``, ``priority``). Returns ``retailPrice``,
    ``priceMarkup`` and ``appliedRules`` per item, as TERP's ``calculateRetailPrice`` does.
    """
    price = items["basePrice"].to_numpy(dtype=float).copy()
    applied = [[] for _ in range(len(items))]
    for rule in sorted(rules, key=lambda r: -(r.get("priority") or 0)):
        hit = _matches(items, rule["conditions"], rule.get("logic_type") or "AND")
        value = float(rule["adjustment_value"])
        kind = rule["adjustment_type"]
        if kind == "PERCENT_MARKUP":
            price = np.where(hit, price * (1 + value / 100), price)
            text = f"+{value:g}%"
        elif kind == "PERCENT_MARKDOWN":
            price = np.where(hit, price * (1 - value / 100), price)
            text = f"-{value:g}%"
        elif kind == "DOLLAR_MARKUP":
            price = np.where(hit, price + value, price)
            text = f"+${value:g}"
        else:
            price = np.where(hit, price - value, price)
            text = f"-${value:g}"
        for i in np.flatnonzero(hit):
            applied[i].append({"ruleId": int(rule["id"]), "ruleName": rule["name"], "adjustment": text})
    price = np.maximum(price, 0)
    base = items["basePrice"].to_numpy(dtype=float)
    markup = np.where(base > 0, (price - base) / np.where(base > 0, base, 1) * 100, 0.0)
    return pd.DataFrame({"retailPrice": np.round(price, 2), "priceMarkup": np.round(markup, 2),
                         "appliedRules": applied}, index=items.index)


def rule_records(rules: tuple[Rule, ...], ids=None) -> list[dict]:
    """Rules as ``pricing_rules`` rows, with the given real ids (local ids by default)."""
    ids = range(1, len(rules) + 1) if ids is None else ids
    return [{"id": int(i), "name": r.name, "adjustment_type": r.adjustment_type, "adjustment_value": r.adjustment_value,
             "conditions": r.conditions, "logic_type": "AND", "priority": r.priority} for i, r in zip(ids, rules)]


def profile_prices(unit_cost, profile, rules: tuple[Rule, ...], rule_ids=None) -> pd.DataFrame:
    """Each item's retail price under its profile (local ids) and the given rules (``rules_of`` the history), from its unit cost."""
    cost = np.asarray(unit_cost, dtype=float)
    profile = np.asarray(profile)
    records = rule_records(rules, rule_ids)
    parts = []
    for local, p in enumerate(PROFILES, start=1):
        mine = np.flatnonzero(profile == local)
        items = pd.DataFrame({"basePrice": cost[mine]}, index=mine)
        parts.append(apply_rules(items, [records[r - 1] for r in p.rules]))
    return pd.concat(parts).sort_index()
