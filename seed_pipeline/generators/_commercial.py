"""What the commercial-table generators share: the commercial simulation, and its local keys made real."""

from collections import Counter

import numpy as np
import pandas as pd

from seed_pipeline.business.commercial import Commercial, commercial
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.generators._core import SALES, real_ids
from seed_pipeline.generators._system import jobs_of


def commercial_of(ctx: GenerationContext) -> Commercial:
    return commercial(ctx.settings)


def account_rep(users: pd.DataFrame, clients) -> np.ndarray:
    """Each client's sales rep (the same one in every table): the reps in turn, by client number."""
    reps = users["id"].to_numpy()[[job in SALES for job in jobs_of(users)]]
    reps = reps if len(reps) else users["id"].to_numpy()
    return reps[(np.asarray(clients, dtype=np.int64) - 1) % len(reps)]


def optional_ids(parent: pd.DataFrame, local) -> pd.array:
    """Real ids of local keys held as floats with NaN for none."""
    local = pd.Series(np.asarray(local, dtype=float))
    ids = np.full(len(local), None, dtype=object)
    present = local.notna().to_numpy()
    ids[present] = real_ids(parent, local[present].to_numpy(dtype=np.int64))
    return pd.array(ids, dtype="Int64")


def sheet_items(items: list[dict], batches: pd.DataFrame, rules: pd.DataFrame) -> list[dict]:
    """A sheet's items as TERP saves them: the batch's real id and SKU, rules by their real ids."""
    rule_ids = rules["id"].to_numpy()
    return [{"id": int(real_ids(batches, [i["batch"]])[0]), "name": batches["sku"].iloc[i["batch"] - 1],
             **{k: i[k] for k in ("category", "subcategory", "strain", "grade") if i[k] is not None and i[k] == i[k]},
             "basePrice": i["basePrice"], "retailPrice": i["retailPrice"], "quantity": i["quantity"],
             "priceMarkup": i["priceMarkup"],
             "appliedRules": [{**r, "ruleId": int(rule_ids[r["ruleId"] - 1])} for r in i["appliedRules"]]}
            for i in items]


COLUMNS = {"showCategory": True, "showBasePrice": False, "showRetailPrice": True, "showQuantity": True,
           "showGrade": True, "showVendor": False}  # what a sheet sent to a client shows: never our cost


def sheet_filters(items: list[dict]) -> dict:
    """The category most of a selection is in: what the template filters on. A tie goes to the category
    listed first (a set's order follows the process's string hashes: two runs named different ones)."""
    top = Counter(i["category"] for i in items).most_common(1)
    return {"category": top[0][0]} if top else {}
