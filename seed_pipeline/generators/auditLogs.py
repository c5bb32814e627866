"""The application's audit trail: who created, changed, shipped or paid what, on every audited record.

Orders (entered, shipped, cancelled), batches (every workflow change, every stock correction), invoices
(issued, voided, payment recorded), clients, vendors and products (created), each at the moment the
record says, by the person who did it there (the order's rep and shipper, the invoice's accountant,
the batch's status changer) or someone whose role grants the action (``business/operations/permissions.py``).
``before``/``after`` hold the changed fields as JSON text, as TERP's audit logger writes them.
"""

import json

import numpy as np
import pandas as pd

from seed_pipeline.business.operations.permissions import NEEDS
from seed_pipeline.business.rules import cancelled as was_cancelled
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history, real_ids
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._operations import allowed, movers, ops, status_changers

PAYMENT_HOUR = pd.Timedelta(hours=10)  # payments are keyed in mid-morning on the day they came in


def _part(entity, ids, action, at, by, before=None, after=None, reason=None) -> pd.DataFrame:
    n = len(ids)

    def text(values):
        return [None] * n if values is None else [None if v is None else json.dumps(v, sort_keys=True) for v in values]

    return pd.DataFrame({"entity": entity, "id": np.asarray(ids), "action": action,
                         "at": pd.to_datetime(pd.Series(np.asarray(at))).to_numpy(), "by": np.asarray(by, dtype=np.int64),
                         "before": text(before), "after": text(after),
                         "reason": [None] * n if reason is None else list(reason)})


@generates("auditLogs")
def generate(ctx, parents):
    users, rng, h, o = parents["users"], ctx.rng, history(ctx), ops(ctx)
    orders, invoices, batches = parents["orders"], parents["invoices"], parents["batches"]
    parts = [_part("order", orders["id"], "ORDER_CREATED", orders["created_at"], orders["created_by"],
                   after=[{"orderNumber": n, "total": float(t)} for n, t in zip(orders["order_number"], orders["total"])])]
    shipped = orders[orders["shipped_at"].notna()]
    parts.append(_part("order", shipped["id"], "ORDER_SHIPPED", shipped["shipped_at"], shipped["shipped_by"],
                       before=[{"fulfillmentStatus": "PACKED"}] * len(shipped), after=[{"fulfillmentStatus": "SHIPPED"}] * len(shipped)))
    w = o.workflow
    parts.append(_part("Batch", real_ids(batches, w["batch"] + 1), "STATUS_CHANGE", w["at"], status_changers(ctx, users),
                       before=[None if f is None else {"batchStatus": f} for f in w["from"]],
                       after=[{"batchStatus": t} for t in w["to"]], reason=w["notes"]))
    m = o.movements
    adjusted = np.flatnonzero(m["type"].to_numpy() == "ADJUSTMENT")
    parts.append(_part("Batch", real_ids(batches, m["batch"].to_numpy()[adjusted] + 1), "QTY_ADJUST", m["at"].to_numpy()[adjusted],
                       movers(ctx, users)[adjusted], before=[{"onHandQty": float(q)} for q in m["before"].to_numpy()[adjusted]],
                       after=[{"onHandQty": float(q)} for q in m["after"].to_numpy()[adjusted]],
                       reason=m["notes"].to_numpy()[adjusted]))
    parts.append(_part("invoice", invoices["id"], "INVOICE_CREATED", invoices["createdAt"], invoices["createdBy"],
                       after=[{"invoiceNumber": n, "totalAmount": float(t)} for n, t in zip(invoices["invoiceNumber"], invoices["totalAmount"])]))
    void = invoices.iloc[len(h.invoices):]  # the voided invoices follow the others
    parts.append(_part("invoice", void["id"], "INVOICE_VOIDED", void["updatedAt"],
                       allowed(users, NEEDS[("invoice", "INVOICE_VOIDED")], len(void), rng),
                       before=[{"status": "SENT"}] * len(void), after=[{"status": "VOID"}] * len(void), reason=void["notes"]))
    cancelled = orders[was_cancelled(orders["saleStatus"], orders["shipped_at"])]
    parts.append(_part("order", cancelled["id"], "ORDER_CANCELLED", cancelled["updated_at"],
                       allowed(users, NEEDS[("order", "ORDER_CANCELLED")], len(cancelled), rng),
                       before=[{"saleStatus": "PENDING"}] * len(cancelled), after=[{"saleStatus": "CANCELLED"}] * len(cancelled),
                       reason=cancelled["notes"]))
    paid = h.invoices["paid_at"].notna().to_numpy()
    live = invoices.iloc[:len(h.invoices)]
    at = np.maximum((pd.to_datetime(h.invoices["paid_at"]) + PAYMENT_HOUR).to_numpy(), pd.to_datetime(live["createdAt"]).to_numpy())
    at = np.minimum(at, np.datetime64(ctx.window.end_ts))
    parts.append(_part("invoice", live["id"].to_numpy()[paid], "PAYMENT_RECORDED", at[paid],
                       allowed(users, NEEDS[("invoice", "PAYMENT_RECORDED")], int(paid.sum()), rng),
                       after=[{"amountPaid": float(a)} for a in h.invoices["amountPaid"].to_numpy()[paid]]))
    for entity, parent, action, created, name in (("client", "clients", "CLIENT_CREATED", "created_at", "name"),
                                                  ("vendor", "vendors", "VENDOR_CREATED", "createdAt", "name"),
                                                  ("product", "products", "PRODUCT_CREATED", "createdAt", "nameCanonical")):
        p = parents[parent]
        parts.append(_part(entity, p["id"], action, p[created], allowed(users, NEEDS[(entity, action)], len(p), rng),
                           after=[{"name": v} for v in p[name]]))
    rows = pd.concat(parts, ignore_index=True).sort_values("at", kind="stable", ignore_index=True)
    joined = users.set_index("id")["createdAt"]
    rows["at"] = np.maximum(rows["at"].to_numpy(), pd.to_datetime(rows["by"].map(joined)).to_numpy())
    rows = rows.sort_values("at", kind="stable", ignore_index=True)
    return table_frame(ctx, {
        "actorId": rows["by"], "entity": rows["entity"], "entityId": rows["id"], "action": rows["action"],
        "before": rows["before"], "after": rows["after"], "reason": rows["reason"], "createdAt": rows["at"],
    })
