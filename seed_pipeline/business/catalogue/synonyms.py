"""What people in the trade type or say instead of a strain's name: nicknames, initials, misspellings.

"Sour D" for Sour Diesel, "Sherbert" for Sherbet, "Midnite", "Purp", "GG#4": a buyer's text or a
vendor's manifest rarely spells the catalogue name. Each variant changes one word of the strain's
name (or takes its initials), so it still names that strain and only that one: a variant that
would be another strain's name, or that two strains would share, is dropped.
"""

import re

import pandas as pd

NICKNAMES = {  # a word and what the trade calls it
    "Diesel": "D", "Purple": "Purp", "Midnight": "Midnite", "Cookies": "Cookie", "Sherbet": "Sherb",
    "Frosted": "Frosty", "Golden": "Gold", "Blue": "Blu", "Dream": "Dreamz", "Mints": "Mintz", "Candy": "Kandy",
    "Cake": "Kake", "OG": "O.G.", "Grape": "Grapes", "Tropic": "Tropicana", "Royal": "Royale", "Zest": "Zesty",
}
MISSPELLINGS = {  # a word and how it is commonly misspelt
    "Diesel": "Deisel", "Sherbet": "Sherbert", "Northern": "Nothern", "Widow": "Widdow", "Breath": "Breathe",
    "Cherry": "Cherri", "Garlic": "Garlik", "Berry": "Berri", "Haze": "Haize", "Skunk": "Skunck",
    "Velvet": "Velvett", "Cream": "Creme", "Lemon": "Lemmon", "Mango": "Mangoe", "Fuel": "Fuell", "Ghost": "Ghots",
}
_CUT = re.compile(r"^(?P<base>.*?)(?P<cut> #\d+)?$")


def normalised(text: str) -> str:
    """How two spellings are compared: case, spaces and punctuation ignored."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def variants(name: str) -> list[str]:
    """Nicknames, misspellings and initials of one strain name, each changing it in one place."""
    m = _CUT.match(name)
    base, cut = m["base"], m["cut"] or ""
    words = base.split()
    out = []
    for table in (NICKNAMES, MISSPELLINGS):
        for i, w in enumerate(words):
            if w in table:
                out.append(" ".join(words[:i] + [table[w]] + words[i + 1:]) + cut)
    if len(words) > 1:
        out.append("".join(w[0] for w in words).upper() + cut.replace(" ", ""))
    return list(dict.fromkeys(out))


def strain_synonyms(strains: pd.DataFrame) -> pd.DataFrame:
    """(strain local id, synonym) for every variant that names exactly one strain of the catalogue."""
    rows = [(sid, v) for sid, name in zip(strains["id"], strains["name"]) for v in variants(name)]
    frame = pd.DataFrame(rows, columns=["strain", "synonym"])
    key = frame["synonym"].map(normalised)
    taken = set(strains["name"].map(normalised))
    shared = key.map(frame.groupby(key)["strain"].nunique()) > 1
    return frame[~key.isin(taken) & ~shared].reset_index(drop=True)


def product_synonyms(products: pd.DataFrame, strains: pd.DataFrame) -> pd.DataFrame:
    """(product local id, synonym): each product of a strain answers to its strain's synonyms."""
    per_strain = strain_synonyms(strains)
    named = products.loc[products["strainId"].notna(), ["id", "strainId"]].astype({"strainId": "int64"})
    out = named.merge(per_strain, left_on="strainId", right_on="strain")
    return out[["id", "synonym"]].rename(columns={"id": "product"}).sort_values("product", kind="stable").reset_index(drop=True)
