"""What the business sells: named strains, and products of strain × grow type × grade plus non-flower lines."""

import re

import numpy as np
import pandas as pd

from seed_pipeline.business.rules import FLOWER, FLOWER_UNIT, GRADE_MIX, GROW_TYPES, NON_FLOWER, list_price
from seed_pipeline.generation.pools import Pools, pick

STRAIN_TYPES = {"hybrid": 0.5, "indica": 0.3, "sativa": 0.2}
PHENOTYPE_SHARE = 0.1  # strains that are a numbered cut of another strain
NON_FLOWER_PRODUCTS_PER_SUBCATEGORY = 2


def standardized(name: str) -> str:
    """The app's normalised strain name: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def strains(n: int, rng: np.random.Generator, pools: Pools) -> pd.DataFrame:
    names = pick(rng, pools.strains, n, unique=True).astype(object)
    parent = np.full(n, np.nan)
    cuts = np.flatnonzero(rng.random(n) < PHENOTYPE_SHARE)
    cuts = cuts[cuts > 0]
    for i in cuts:  # a cut of an earlier strain: "Blue Dream #3"
        p = int(rng.integers(0, i))
        names[i] = f"{names[p]} #{int(rng.integers(2, 9))}"
        parent[i] = p + 1
    names = pd.Series(names).where(~pd.Series(names).duplicated(), pd.Series(names) + " Select").to_numpy()
    kinds = _exact_mix(STRAIN_TYPES, n, rng)
    base = np.where(np.isnan(parent), names, [names[int(p) - 1] if not np.isnan(p) else "" for p in parent])
    return pd.DataFrame({
        "id": np.arange(1, n + 1),
        "name": names,
        "standardizedName": [standardized(x) for x in names],
        "aliases": [standardized(x).replace("-", " ") for x in names],
        "category": kinds,
        "description": [f"{k.capitalize()}-leaning {d.lower()}" for k, d in zip(kinds, pick(rng, pools.descriptions, n))],
        "parentStrainId": pd.array(parent, dtype="Int64"),
        "baseStrainName": base,
    })


def _exact_mix(mix: dict[str, float], n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` values in exactly the mix's shares (the first value takes the rounding), in random order."""
    counts = np.round(np.array(list(mix.values())) * n).astype(int)
    counts[0] += n - counts.sum()
    return rng.permutation(np.repeat(np.array(list(mix), dtype=object), counts))


def products(strain_frame: pd.DataFrame, brand_frame: pd.DataFrame, rng: np.random.Generator, pools: Pools) -> pd.DataFrame:
    """Flower: each strain in one or two grow types, every grade; then a few products per non-flower subcategory."""
    rows = []
    for strain_id, strain_name in zip(strain_frame["id"], strain_frame["name"]):
        grows = rng.choice(len(GROW_TYPES), 1 + int(rng.random() < 0.5), replace=False)
        for g in sorted(grows):
            grow = GROW_TYPES[g]
            for grade in GRADE_MIX:
                rows.append((strain_id, f"{strain_name} - {grow.subcategory} ({grade})", FLOWER, grow.subcategory,
                             FLOWER_UNIT, grow.key, grade))
    for nf in NON_FLOWER:
        for sub in nf.subcategories or (None,):
            for _ in range(NON_FLOWER_PRODUCTS_PER_SUBCATEGORY):
                pick_at = int(rng.integers(0, len(strain_frame)))
                strain_id = int(strain_frame["id"].iloc[pick_at])
                label = f"{strain_frame['name'].iloc[pick_at]} {sub or nf.category}"
                rows.append((strain_id, label, nf.category, sub, nf.unit, nf.category, ""))
    frame = pd.DataFrame(rows, columns=["strainId", "nameCanonical", "category", "subcategory", "uomSellable", "line", "grade"])
    n = len(frame)
    frame.insert(0, "id", np.arange(1, n + 1))
    frame["brandId"] = rng.choice(brand_frame["id"].to_numpy(), n)
    frame["nameCanonical"] = _unique(frame["nameCanonical"])
    frame["list_price"] = [list_price(line, grade or None) for line, grade in zip(frame["line"], frame["grade"])]
    frame["description"] = pick(rng, pools.descriptions, n)
    return frame


def _unique(names: pd.Series) -> pd.Series:
    counts = names.groupby(names).cumcount()
    return names.where(counts == 0, names + " " + (counts + 1).astype(str))
