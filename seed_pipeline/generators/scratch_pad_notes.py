"""Quick notes on everyone's scratch pad, from their own work: the rep's clients to call back, the
accountant's late invoices, the warehouse's lots, a reminder for the others. Older ones ticked off."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.calendar import moments_between
from seed_pipeline.business.activity.team import account_reps, team
from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame

PER_PERSON = 4
DONE_SHARE = 0.6
OTHER = ("Renew the vault combination log", "Check the shared drive for this month's reports",
         "Book the team lunch", "Update my emergency contact")


@generates("scratch_pad_notes")
def generate(ctx, parents):
    users, rng, end, h = parents["users"], ctx.rng, ctx.window.end_ts, history(ctx)
    crew = team(users)
    reps = account_reps(crew, len(h.clients))
    lots = [document_number("lot", i) for i in h.lots["id"]]
    invoices = [document_number("invoice", i) for i in h.invoices["id"]]
    text = []
    for uid, job in zip(crew["id"], crew["job"]):
        mine = h.clients["name"].to_numpy()[reps == uid]
        pool = ([f"Call back {c}" for c in mine] if len(mine) else []) if job in ("Sales Rep", "Sales Manager") else \
            [f"Check the payment on {i}" for i in invoices] if job == "Accountant" else \
            [f"Count {lot} again" for lot in lots] if job in ("Warehouse Staff", "Inventory Manager") else list(OTHER)
        pool = pool or list(OTHER)
        text += list(rng.choice(pool, PER_PERSON))
    who = np.repeat(crew["id"].to_numpy(), PER_PERSON)
    joined = pd.to_datetime(users.set_index("id")["createdAt"].reindex(who)).to_numpy()
    at = moments_between(rng, joined, [end] * len(who))
    done = rng.random(len(who)) < DONE_SHARE
    finished = (at + (end - at) * rng.uniform(0.1, 1.0, len(who))).dt.floor("s")
    return table_frame(ctx, {
        "userId": who, "content": text, "isCompleted": done, "createdAt": at,
        "updatedAt": finished.where(done, at), "completedAt": finished.where(done),
    })
