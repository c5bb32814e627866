"""Each client's activity feed (TERP's client page): CREATED by its account rep, TRANSACTION_ADDED
for each invoice and PAYMENT_RECORDED for each payment by accounting, NOTE_ADDED when its account
note was opened, all from the core history and up to the end date."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.notes import account_notes
from seed_pipeline.business.activity.team import account_reps, in_turn, team
from seed_pipeline.business.catalog import document_number
from seed_pipeline.contract.activity import CLIENT_ACTIVITY
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame


def _rows(client, user, kind, at, meta) -> pd.DataFrame:
    return pd.DataFrame({"client": np.asarray(client), "user": np.asarray(user), "kind": kind,
                         "at": pd.to_datetime(pd.Series(at)).to_numpy(), "meta": list(meta)})


@generates("client_activity")
def generate(ctx, parents):
    h, end = history(ctx), ctx.window.end_ts
    crew = team(parents["users"])
    reps = account_reps(crew, len(h.clients))
    inv = h.invoices
    number = [document_number("invoice", i) for i in inv["id"]]
    paid = inv[inv["paid_at"].notna()]
    notes = account_notes(h, crew)
    a = pd.concat([
        _rows(h.clients["id"], reps, "CREATED", h.clients["created_at"], [None] * len(h.clients)),
        _rows(inv["customerId"], in_turn(crew, ("Accountant",), len(inv)), "TRANSACTION_ADDED", inv["created_at"],
              ({"invoiceNumber": n, "amount": round(float(t), 2)} for n, t in zip(number, inv["totalAmount"]))),
        _rows(paid["customerId"], in_turn(crew, ("Accountant",), len(paid)), "PAYMENT_RECORDED", paid["paid_at"],
              ({"invoiceNumber": document_number("invoice", i), "amount": round(float(p), 2)}
               for i, p in zip(paid["id"], paid["amountPaid"]))),
        _rows(notes["client"], notes["author"], "NOTE_ADDED", notes["opened"], ({"note": t} for t in notes["title"])),
    ], ignore_index=True)
    born = pd.to_datetime(parents["clients"]["created_at"]).to_numpy()[a["client"].to_numpy() - 1]
    a["at"] = np.maximum(a["at"].to_numpy(), born)  # nothing happens to a client before its record exists
    a = a[a["at"] <= end].sort_values("at", kind="stable")
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], a["client"]), "user_id": a["user"], "activity_type": a["kind"],
        "metadata": CLIENT_ACTIVITY.values(a["meta"]), "created_at": a["at"],
    })
