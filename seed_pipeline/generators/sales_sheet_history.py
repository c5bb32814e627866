"""Sales sheets sent to clients before some of their orders, priced by each client's profile."""

import numpy as np
import pandas as pd

from seed_pipeline.business.catalog import count_of
from seed_pipeline.contract.commercial import SHEET_ITEMS
from seed_pipeline.generation.fill import fills
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import account_rep, commercial_of, optional_ids, sheet_items
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("sales_sheet_history", reads=("batches", "pricing_rules"))
def generate(ctx, parents):
    c = commercial_of(ctx)
    s = c.sheets
    template = pd.Series({sheet: t for t, sheets in zip(c.templates["id"], c.templates["sheets"]) for sheet in sheets},
                         dtype=float).reindex(s["id"]).to_numpy()
    items = [sheet_items(i, parents["batches"], parents["pricing_rules"]) for i in s["items"]]
    lines = [len(i) for i in items]
    kinds = [", ".join(sorted({x.get("category", "") for x in i})) for i in items]
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], s["client_id"]),
        "created_by": account_rep(parents["users"], s["client_id"]),
        "template_id": optional_ids(parents["sales_sheet_templates"], template),
        "items": SHEET_ITEMS.values(items),
        "total_value": [round(sum(x["retailPrice"] for x in i), 2) for i in items],
        "item_count": lines,
        "notes": [f"{count_of(n, 'batch')} on the shelf: {k}" for n, k in zip(lines, kinds)],
        "created_at": s["created_at"],
    })


@fills("calendar_events", "entity_id")
def sheet_of_each_follow_up(ctx, events, sheets) -> np.ndarray:
    """Each event keeps what it is about; a sales sheet follow-up gets its sheet. The calendar makes one per
    sheet when it is sent, so a client's k-th follow-up (by when it was made) is its k-th sheet sent (a follow-up
    with no such sheet stays NULL, which the rule ``sheet_follow_up_is_its_sheets`` counts)."""
    def nth_of_client(frame: pd.DataFrame) -> pd.MultiIndex:
        client = pd.to_numeric(frame["client_id"]).fillna(-1).astype("int64")
        return pd.MultiIndex.from_arrays([client.to_numpy(), client.groupby(client.to_numpy()).cumcount().to_numpy()])

    values = events["entity_id"].to_numpy(dtype=object).copy()
    # in the order the sheets were sent: a follow-up is put in the calendar the moment its sheet goes out
    about = events[events["entity_type"] == "sales_sheet"].sort_values(["created_at", "id"], kind="stable")
    sent = sheets.sort_values(["created_at", "id"], kind="stable")
    sheet = pd.Series(sent["id"].to_numpy(), index=nth_of_client(sent))
    values[events.index.get_indexer(about.index)] = sheet.reindex(nth_of_client(about)).to_numpy()
    return values
