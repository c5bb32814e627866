"""A template for each client sent two sales sheets or more; its selection is its latest version's."""

from seed_pipeline.contract.commercial import TEMPLATE_COLUMNS, TEMPLATE_FILTERS, TEMPLATE_ITEMS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import COLUMNS, account_rep, commercial_of, sheet_filters, sheet_items
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("sales_sheet_templates", reads=("batches", "pricing_rules"))
def generate(ctx, parents):
    t = commercial_of(ctx).templates
    name = parents["clients"]["name"].to_numpy()[t["client_id"] - 1]
    items = [sheet_items(i, parents["batches"], parents["pricing_rules"]) for i in t["items"]]
    filters = [sheet_filters(i) for i in items]
    return table_frame(ctx, {
        "name": [f"{n} - {f.get('category', 'mixed')} sheet" for n, f in zip(name, filters)],
        "description": [f"What {n} usually takes, refreshed from each sheet sent" for n in name],
        "client_id": real_ids(parents["clients"], t["client_id"]),
        "filters": TEMPLATE_FILTERS.values(filters),
        "selected_items": TEMPLATE_ITEMS.values(items),
        "column_visibility": TEMPLATE_COLUMNS.values([COLUMNS] * len(t)),
        "created_by": account_rep(parents["users"], t["client_id"]),
        "created_at": t["created_at"],
        "last_used_at": t["last_used_at"],
        "expiration_date": t["expiration_date"],
        "is_active": t["is_active"],
        "current_version": t["current_version"],
    })
