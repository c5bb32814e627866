"""The versions of each template, one per sheet it made, each saying what changed since the one before."""

from seed_pipeline.contract.commercial import VERSION_COLUMNS, VERSION_FILTERS, VERSION_ITEMS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._commercial import COLUMNS, account_rep, commercial_of, sheet_filters, sheet_items
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._frame import table_frame


@generates("salesSheetVersions", reads=("batches", "pricing_rules"))
def generate(ctx, parents):
    c = commercial_of(ctx)
    v = c.versions
    templates = parents["sales_sheet_templates"]
    client = c.templates.set_index("id")["client_id"].reindex(v["template_id"]).to_numpy()
    items = [sheet_items(i, parents["batches"], parents["pricing_rules"]) for i in v["items"]]
    return table_frame(ctx, {
        "templateId": real_ids(templates, v["template_id"]),
        "versionNumber": v["versionNumber"],
        "name": templates["name"].to_numpy()[v["template_id"] - 1],
        "description": templates["description"].to_numpy()[v["template_id"] - 1],
        "filters": VERSION_FILTERS.values([sheet_filters(i) for i in items]),
        "selected_items": VERSION_ITEMS.values(items),
        "column_visibility": VERSION_COLUMNS.values([COLUMNS] * len(v)),
        "changes": v["changes"],
        "createdBy": account_rep(parents["users"], client),
        "createdAt": v["created_at"],
    })
