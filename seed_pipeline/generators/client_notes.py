"""Each buying client's account note (``activity.notes.account_notes``: the first freeform notes, in
``account_clients`` order), linked when the note was opened, which TERP's client page shows."""

from seed_pipeline.business.activity.notes import account_clients
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


@generates("client_notes")
def generate(ctx, parents):
    notes = parents["freeform_notes"]
    accounts = account_clients(history(ctx))
    k = len(accounts)
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], accounts["id"]), "note_id": notes["id"].to_numpy()[:k],
        "created_at": notes["createdAt"].to_numpy()[:k],
    })
