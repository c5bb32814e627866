"""The tags a cannabis wholesaler files its catalogue under, and which of them each product carries.

Tag names are single tokens (hyphens for spaces) because TERP's boolean tag search splits an
expression on whitespace (``server/tagSearchHelpers.ts``): "Live Resin" could never be found,
"Live-Resin" can. What a product *is* (its category, subcategory and strain type) is tagged from
the product itself; what it is *like* (effects, dominant terpene, flavour) from its strain's type and
name, the way a buyer reads "Lemon" or "Diesel" on a menu.
"""

from dataclasses import dataclass

import pandas as pd

from seed_pipeline.business.catalog import CATEGORIES
from seed_pipeline.business.rules import FLOWER_UNIT


@dataclass(frozen=True)
class TagGroup:
    name: str
    category: str  # tags.category of its members
    description: str
    color: str


GROUPS = (
    TagGroup("Product Type", "product_type", "What the product is: category and form", "#2563EB"),
    TagGroup("Grow Method", "grow_method", "How the flower was grown", "#16A34A"),
    TagGroup("Strain Type", "strain_type", "Indica, sativa or hybrid lineage", "#9333EA"),
    TagGroup("Effects", "effect", "What buyers expect the strain to feel like", "#F59E0B"),
    TagGroup("Terpenes", "terpene", "Dominant terpene of the strain's profile", "#0D9488"),
    TagGroup("Flavor", "flavor", "Nose and taste buyers ask for", "#DC2626"),
    TagGroup("Packaging", "packaging", "How the goods ship to the buyer", "#64748B"),
)
GROW_SUBCATEGORIES = {"Indoor": "Grown under lights indoors", "Deps": "Light-deprivation greenhouse",
                      "Outdoor": "Full-sun outdoor", "Smalls": "Small buds of any grow", "Trim": "Sugar trim for extraction"}
STRAIN_TYPES = {"indica": "Indica-dominant lineage", "sativa": "Sativa-dominant lineage", "hybrid": "Balanced hybrid lineage"}
EFFECTS = {  # by strain type: what a menu says
    "indica": ("Relaxing", "Sleepy"), "sativa": ("Uplifting", "Creative"), "hybrid": ("Balanced", "Euphoric"),
}
TERPENES = {  # a strain name's words that point at its dominant terpene and flavour
    "Lemon": ("Limonene", "Citrus"), "Orange": ("Limonene", "Citrus"), "Zest": ("Limonene", "Citrus"),
    "Diesel": ("Caryophyllene", "Gas"), "Gas": ("Caryophyllene", "Gas"), "Fuel": ("Caryophyllene", "Gas"),
    "Garlic": ("Caryophyllene", "Savory"), "Kush": ("Myrcene", "Earthy"), "OG": ("Myrcene", "Earthy"),
    "Skunk": ("Myrcene", "Earthy"), "Haze": ("Terpinolene", "Pine"), "Mints": ("Limonene", "Mint"),
    "Breath": ("Caryophyllene", "Earthy"), "Purple": ("Linalool", "Grape"), "Grape": ("Linalool", "Grape"),
    "Berry": ("Myrcene", "Berry"), "Cherry": ("Myrcene", "Berry"), "Mango": ("Myrcene", "Tropical"),
    "Tropic": ("Terpinolene", "Tropical"), "Cookies": ("Caryophyllene", "Sweet"), "Cake": ("Caryophyllene", "Sweet"),
    "Candy": ("Limonene", "Sweet"), "Sherbet": ("Limonene", "Sweet"), "Pie": ("Caryophyllene", "Sweet"),
    "Cream": ("Linalool", "Sweet"), "Punch": ("Myrcene", "Berry"), "Widow": ("Pinene", "Pine"),
    "Glue": ("Caryophyllene", "Earthy"), "Dream": ("Myrcene", "Berry"), "Blue": ("Myrcene", "Berry"),
}
TERPENE_NOTES = {"Limonene": "citrus peel", "Caryophyllene": "pepper and fuel", "Myrcene": "musky, earthy",
                 "Terpinolene": "fresh, piney-floral", "Linalool": "lavender, floral", "Pinene": "pine needles"}
PACKAGING = {"Bulk": "Shipped by weight in turkey bags or jars", "Retail-Ready": "Packaged and labelled for store shelves"}


def tag_name(label: str) -> str:
    """One token TERP's tag search can match: spaces become hyphens."""
    return label.replace(" ", "-")


@dataclass(frozen=True)
class Tag:
    name: str
    category: str
    description: str
    parent: str | None = None  # tagHierarchy: a subcategory under its category


def vocabulary() -> tuple[Tag, ...]:
    """Every tag, parents before their children."""
    tags = []
    for c in CATEGORIES:
        tags.append(Tag(tag_name(c.name), "product_type", c.description))
        for sub in c.subcategories:
            grow = c.name == "Flower"
            tags.append(Tag(tag_name(sub), "grow_method" if grow else "product_type",
                            GROW_SUBCATEGORIES[sub] if grow else f"{sub} ({c.name.lower()})", tag_name(c.name)))
    tags += [Tag(k.capitalize(), "strain_type", d) for k, d in STRAIN_TYPES.items()]
    tags += [Tag(e, "effect", f"Reported as {e.lower()} by buyers of {k} strains") for k, es in EFFECTS.items() for e in es]
    terpenes = dict.fromkeys(t for t, _ in TERPENES.values())
    tags += [Tag(t, "terpene", f"Dominant terpene: {TERPENE_NOTES[t]}") for t in terpenes]
    flavors = dict.fromkeys(f for _, f in TERPENES.values())
    tags += [Tag(f, "flavor", f"{f} on the nose") for f in flavors]
    tags += [Tag(p, "packaging", d) for p, d in PACKAGING.items()]
    return tuple(tags)


def product_tags(products: pd.DataFrame, strains: pd.DataFrame) -> pd.DataFrame:
    """(product local id, tag name) for every tag a product carries, in product order."""
    by_id = strains.set_index("id")
    kind, words = by_id["category"], by_id["baseStrainName"].str.split()  # a numbered cut smells like its parent
    rows = []
    for pid, cat, sub, unit, strain in zip(products["id"], products["category"], products["subcategory"],
                                           products["uomSellable"], products["strainId"]):
        own = [tag_name(cat)] + ([tag_name(sub)] if isinstance(sub, str) and sub else [])
        if pd.notna(strain):
            own.append(kind[strain].capitalize())
            own += list(EFFECTS[kind[strain]])
            notes = [TERPENES[w] for w in words[strain] if w in TERPENES]
            own += list(dict.fromkeys(x for pair in notes[-1:] for x in pair))  # the tail word leads the profile
        own.append("Bulk" if unit in (FLOWER_UNIT, "G") else "Retail-Ready")
        rows += [(pid, name) for name in dict.fromkeys(own)]
    return pd.DataFrame(rows, columns=["product", "tag"])
