"""What was said to each client, logged by who said it: a MEETING with the client's buyers before
each big order, its invoice e-mailed with the COAs and a CALL after it (the rep; accounting e-mails),
an EMAIL reminder three days after a late invoice's due date and a CALL a week after it
(accounting), and a NOTE of each client's first order (the rep)."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.calendar import BIG_ORDER_QUANTILE, LATE_DAYS, business_times, was_overdue
from seed_pipeline.business.activity.team import account_reps, in_turn, team
from seed_pipeline.business.catalog import document_number
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame

REMINDER_DAYS = 3
LOGGED_MINUTES = (5, 120)  # a communication is logged this long after it happened


def _rows(client, kind, subject, notes, at, by) -> pd.DataFrame:
    return pd.DataFrame({"client": np.asarray(client), "kind": kind, "subject": list(subject), "notes": list(notes),
                         "at": pd.to_datetime(pd.Series(at)).to_numpy(), "by": np.asarray(by)})


@generates("client_communications")
def generate(ctx, parents):
    h, rng, end = history(ctx), ctx.rng, ctx.window.end_ts
    crew = team(parents["users"])
    reps = account_reps(crew, len(h.clients))
    names = h.clients.set_index("id")["name"]
    o, inv = h.orders, h.invoices
    big = o[(o["total"] >= o["total"].quantile(BIG_ORDER_QUANTILE)).to_numpy()]
    bn = [document_number("order", i) for i in big["id"]]
    bc = names.reindex(big["client_id"]).to_numpy()
    meet = (pd.to_datetime(big["created_at"]) - pd.Timedelta(days=1)).dt.normalize() + pd.to_timedelta(business_times(rng, len(big), (10, 16)))
    meet = meet.clip(lower=pd.to_datetime(h.clients.set_index("id")["created_at"].reindex(big["client_id"]).to_numpy()))
    billed = inv[inv["order_id"].isin(big["id"])]  # the invoices of big orders go out with their COAs
    late = inv[was_overdue(inv["amountDue"], inv["dueDate"], inv["paid_at"], end)]
    ln = [document_number("invoice", i) for i in late["id"]]
    lc = names.reindex(late["customerId"]).to_numpy()
    due = pd.to_datetime(late["dueDate"])
    first = o.sort_values("created_at", kind="stable").drop_duplicates("client_id")
    c = pd.concat([
        _rows(big["client_id"], "MEETING", [f"Menu presentation to {x}" for x in bc],
              [f"Walked {x}'s buyers through the menu; {n} followed." for x, n in zip(bc, bn)], meet, reps[big["client_id"] - 1]),
        _rows(big["client_id"], "CALL", [f"Follow-up on {n}" for n in bn],
              [f"{x} is happy with {n}; wants the same mix next month." for x, n in zip(bc, bn)],
              pd.to_datetime(big["shipped_at"].fillna(big["created_at"])) + pd.Timedelta(days=4), reps[big["client_id"] - 1]),
        _rows(billed["customerId"], "EMAIL", [f"Invoice {document_number('invoice', i)}" for i in billed["id"]],
              [f"E-mailed {x} the invoice for {document_number('order', o)} with the COAs." for x, o in
               zip(names.reindex(billed["customerId"]).to_numpy(), billed["order_id"])],
              billed["created_at"], in_turn(crew, ("Accountant",), len(billed))),
        _rows(late["customerId"], "EMAIL", [f"Payment reminder: {n}" for n in ln],
              [f"Sent {x} a reminder that {n} was due {d:%Y-%m-%d}." for x, n, d in zip(lc, ln, due)],
              due + pd.Timedelta(days=REMINDER_DAYS, hours=10), in_turn(crew, ("Accountant",), len(late))),
        _rows(late["customerId"], "CALL", [f"Collection call: {n}" for n in ln],
              [f"Asked {x} for a payment date on {n}." for x, n in zip(lc, ln)],
              due + pd.Timedelta(days=LATE_DAYS, hours=11), in_turn(crew, ("Accountant",), len(late))),
        _rows(first["client_id"], "NOTE", [f"First order: {document_number('order', i)}" for i in first["id"]],
              [f"{x} placed their first order; welcome pack sent." for x in names.reindex(first["client_id"]).to_numpy()],
              first["created_at"], reps[first["client_id"] - 1]),
    ], ignore_index=True)
    c = c[c["at"] <= end].sort_values("at", kind="stable").reset_index(drop=True)
    logged = (c["at"] + pd.to_timedelta(rng.integers(*LOGGED_MINUTES, len(c)), unit="m")).clip(upper=end)
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], c["client"]), "communicationType": c["kind"], "subject": c["subject"],
        "notes": c["notes"], "communicated_at": c["at"].dt.floor("s"), "logged_by": c["by"], "created_at": logged.dt.floor("s"),
    })
