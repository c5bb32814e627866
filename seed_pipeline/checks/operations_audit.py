"""Rules of purchasing, order timelines, the audit trail, alerts and standing orders.

Purchase orders are held to the lots and batches they brought in; an order's status history to the
order's own times; every audit entry to the permissions the seeded roles, grants and overrides give
its author (``business/operations/permissions.py`` names the permission of each action); alerts to
the replayed stock and the alert settings; standing orders to the orders their client placed.
"""

import json
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.activity.calendar import CREATED_AT
from seed_pipeline.business.operations.permissions import NEEDS
from seed_pipeline.checks.unsold import stands_sql
from seed_pipeline.checks.violations import CENT, QTY, fetch_frame, last_moment, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
ALERT_SETTING = {"LOW_STOCK": "LOW_STOCK", "SLOW_MOVING": "CUSTOM"}  # inventory alert -> the setting that fires it
ENTITY_TABLE = {"Batch": "batch"}  # auditLogs.entity -> the subject kind of CREATED_AT


def purchase_orders_lead_to_their_lots(conn, as_of) -> int:
    """A received purchase order went through an intake session with its vendor, on its delivery day, whose
    batches are its items (product, quantity received, unit cost); an open one has received nothing."""
    po, items, ses, sb = T["purchaseOrders"], T["purchaseOrderItems"], T["intake_sessions"], T["intake_session_batches"]
    b, vendors, clients = T["batches"], T["vendors"], T["clients"]
    p = fetch_frame(conn, sa.select(po.c.id, po.c.purchaseOrderStatus, po.c.actualDeliveryDate, po.c.intakeSessionId,
                                    vendors.c.name.label("vendor"), ses.c.receive_date, ses.c.status,
                                    clients.c.name.label("session_vendor"))
                    .select_from(po.join(vendors, vendors.c.id == po.c.vendorId).outerjoin(ses, ses.c.id == po.c.intakeSessionId)
                                 .outerjoin(clients, clients.c.id == ses.c.vendor_id)))
    came = p["purchaseOrderStatus"].isin(["RECEIVED", "RECEIVING"])
    wrong = came & ((p["vendor"] != p["session_vendor"]) | (moments(p["actualDeliveryDate"]) != moments(p["receive_date"]))
                    | (p["status"] != np.where(p["purchaseOrderStatus"] == "RECEIVED", "COMPLETED", "IN_PROGRESS")))
    wrong |= ~came & (p["actualDeliveryDate"].notna() | p["intakeSessionId"].notna())
    bad = set(p["id"][wrong])
    i = fetch_frame(conn, sa.select(items.c.purchaseOrderId, items.c.productId, items.c.quantityReceived, items.c.unitCost))
    s = fetch_frame(conn, sa.select(po.c.id.label("purchaseOrderId"), b.c.productId, sb.c.received_qty, sb.c.unit_cost,
                                    b.c.createdAt, ses.c.receive_date)
                    .select_from(po.join(sb, sb.c.intake_session_id == po.c.intakeSessionId).join(b, b.c.id == sb.c.batch_id)
                                 .join(ses, ses.c.id == sb.c.intake_session_id)))
    key = ["purchaseOrderId", "productId"]
    got = i[i["quantityReceived"].astype(float) > 0].groupby(key).agg(q=("quantityReceived", "sum"), c=("unitCost", "max"))
    took = s.groupby(key).agg(q=("received_qty", "sum"), c=("unit_cost", "max"))
    both = got.astype(float).join(took.astype(float), how="outer", suffixes=("_po", "_in")).fillna(-1.0)
    off = ((both["q_po"] - both["q_in"]).abs() > QTY) | ((both["c_po"] - both["c_in"]).abs() > CENT)
    bad |= set(both.index[off].get_level_values(0))
    bad |= set(s["purchaseOrderId"][moments(s["createdAt"]).dt.normalize() != moments(s["receive_date"])])
    return len(bad)


def order_history_follows_the_order(conn, as_of) -> int:
    """An order's status history is PENDING when it was entered, PACKED and SHIPPED when it was, ending in its status."""
    o, h = T["orders"], T["order_status_history"]
    f = fetch_frame(conn, sa.select(o.c.id, o.c.fulfillmentStatus, o.c.created_at, o.c.packed_at, o.c.shipped_at)
                    .where(stands_sql(o)))  # quotes, drafts and cancelled sales are never fulfilled
    r = fetch_frame(conn, sa.select(h.c.id, h.c.order_id, h.c.fulfillmentStatus, h.c.changed_at))
    r = r.assign(at=moments(r["changed_at"])).sort_values(["order_id", "at", "id"], kind="stable")
    when = {"PENDING": "created_at", "PACKED": "packed_at", "SHIPPED": "shipped_at"}
    expected = pd.concat([pd.DataFrame({"order_id": f["id"], "fulfillmentStatus": s, "at": moments(f[c])}).dropna(subset=["at"])
                          for s, c in when.items()])
    both = r.merge(expected, on=["order_id", "fulfillmentStatus"], how="outer", suffixes=("", "_order"), indicator=True)
    bad = set(both["order_id"][(both["_merge"] != "both") | (both["at"] != both["at_order"])])
    last = r.groupby("order_id")["fulfillmentStatus"].last().reindex(f["id"]).to_numpy()
    return len(bad | set(f["id"][last != f["fulfillmentStatus"].to_numpy()]))


def _granted(conn) -> set[tuple[int, str]]:
    """(user id, permission) pairs the seeded roles, grants and overrides give."""
    u, ur, rp, p, ov = T["users"], T["user_roles"], T["role_permissions"], T["permissions"], T["user_permission_overrides"]
    by_role = conn.execute(sa.select(u.c.id, p.c.name).select_from(
        u.join(ur, ur.c.user_id == u.c.openId).join(rp, rp.c.role_id == ur.c.role_id).join(p, p.c.id == rp.c.permission_id)))
    pairs = {(int(i), n) for i, n in by_role}
    for i, n, granted in conn.execute(sa.select(u.c.id, p.c.name, ov.c.granted).select_from(
            ov.join(u, u.c.openId == ov.c.user_id).join(p, p.c.id == ov.c.permission_id))):
        (pairs.add if granted else pairs.discard)((int(i), n))
    return pairs


def audit_trail_in_time_order_by_permitted_users(conn, as_of) -> int:
    """Audit entries are numbered in time order, never before their subject existed or after the end date,
    and written by someone whose permissions allow the action; so are order audit and status-history entries."""
    a, ol, bh = T["auditLogs"], T["order_audit_log"], T["batch_status_history"]
    granted = _granted(conn)
    f = fetch_frame(conn, sa.select(a.c.id, a.c.actorId, a.c.entity, a.c.entityId, a.c.action, a.c.createdAt).order_by(a.c.id))
    at = moments(f["createdAt"])
    wrong = (at < at.cummax()) | (at > last_moment(as_of))
    need = [NEEDS.get((e, x)) for e, x in zip(f["entity"], f["action"])]
    wrong |= np.array([n is None or (int(u), n) not in granted for u, n in zip(f["actorId"], need)])
    for entity in f["entity"].unique():
        table, column = CREATED_AT[ENTITY_TABLE.get(entity, entity)]
        subject = T[table]
        born = dict(conn.execute(sa.select(subject.c.id, subject.c[column])).all())
        mine = (f["entity"] == entity).to_numpy()
        wrong[mine] |= (at[mine] < moments(f["entityId"][mine].map(born)).to_numpy()).to_numpy()
    bad = len(f["id"][wrong])
    o = fetch_frame(conn, sa.select(ol.c.user_id, ol.c.action))
    bad += sum((int(u), NEEDS.get(("order_audit_log", x))) not in granted for u, x in zip(o["user_id"], o["action"]))
    h = fetch_frame(conn, sa.select(bh.c.changedBy))
    bad += sum((int(u), NEEDS[("batch_status_history", "status")]) not in granted for u in h["changedBy"])
    return bad


def alerts_fire_where_stock_says(conn, as_of) -> int:
    """A low-stock alert fired when the replayed stock was below its threshold (and an open one still is); a
    slow-moving alert on a batch with no sale for its threshold's days; each threshold is an active setting's
    (for the batch's product, or for everything)."""
    al, m, b, cfg = T["inventoryAlerts"], T["inventoryMovements"], T["batches"], T["alert_configurations"]
    f = fetch_frame(conn, sa.select(al.c.id, al.c.inventoryAlertType, al.c.batchId, al.c.threshold, al.c.currentValue,
                                    al.c.alertStatus, al.c.createdAt, b.c.onHandQty, b.c.createdAt.label("arrived"), b.c.productId)
                    .select_from(al.join(b, b.c.id == al.c.batchId)))
    if f.empty:
        return 0
    f["at"], threshold = moments(f["createdAt"]), f["threshold"].astype(float)
    mv = fetch_frame(conn, sa.select(m.c.id, m.c.batchId, m.c.inventoryMovementType, m.c.quantityAfter, m.c.createdAt))
    mv = mv.assign(at=moments(mv["createdAt"])).sort_values(["at", "id"], kind="stable")
    then = pd.merge_asof(f.sort_values("at"), mv[["batchId", "at", "quantityAfter"]], on="at", by="batchId")
    then = then.set_index("id").reindex(f["id"])
    low = (f["inventoryAlertType"] == "LOW_STOCK").to_numpy()
    stock_then = then["quantityAfter"].astype(float).to_numpy()
    wrong = low & ~(stock_then < threshold.to_numpy())
    still = low & (f["alertStatus"] != "RESOLVED").to_numpy()
    wrong |= still & ~(f["onHandQty"].astype(float).to_numpy() < threshold.to_numpy())
    sales = mv[mv["inventoryMovementType"] == "SALE"].rename(columns={"at": "sold"})
    last_sale = pd.merge_asof(f.sort_values("at"), sales[["batchId", "sold"]].assign(at=sales["sold"]), on="at",
                              by="batchId").set_index("id").reindex(f["id"])["sold"]
    since = pd.Series(last_sale.to_numpy()).fillna(moments(f["arrived"]))
    slow = (f["inventoryAlertType"] == "SLOW_MOVING").to_numpy()
    wrong |= slow & ((f["at"] - since).dt.days < threshold).to_numpy()
    settings = {(t, None if i is None else int(i), round(float(v), 2)) for t, i, v in conn.execute(
        sa.select(cfg.c.alert_type, cfg.c.target_id, cfg.c.threshold_value).where(cfg.c.is_active))}
    wrong |= np.array([(ALERT_SETTING[k], int(p), round(v, 2)) not in settings and (ALERT_SETTING[k], None, round(v, 2)) not in settings
                       for k, p, v in zip(f["inventoryAlertType"], f["productId"], threshold)])
    return int(wrong.sum())


def standing_orders_follow_their_clients(conn, as_of) -> int:
    """A standing order's client placed orders until its last generation date, and bought every product of its template."""
    r, o, li, b = T["recurring_orders"], T["orders"], T["order_line_items"], T["batches"]
    f = fetch_frame(conn, sa.select(r.c.id, r.c.client_id, r.c.order_template, r.c.last_generated_date))
    last = dict(conn.execute(sa.select(o.c.client_id, sa.func.max(o.c.created_at)).where(stands_sql(o))
                             .group_by(o.c.client_id)).all())
    bought = set(conn.execute(sa.select(o.c.client_id, b.c.productId).select_from(
        o.join(li, li.c.order_id == o.c.id).join(b, b.c.id == li.c.batch_id))).all())
    bad = 0
    for rid, client, template, generated in f.itertuples(index=False):
        items = (json.loads(template) if isinstance(template, str) else template)["items"]
        ordered = last.get(client)
        bad += int(ordered is None or moments([ordered]).dt.normalize().iloc[0] != moments([generated]).iloc[0]
                   or any((client, i["productId"]) not in bought for i in items))
    return bad


RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    f.__name__: f for f in (purchase_orders_lead_to_their_lots, order_history_follows_the_order,
                            audit_trail_in_time_order_by_permitted_users, alerts_fire_where_stock_says,
                            standing_orders_follow_their_clients)
}
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "purchase_orders_lead_to_their_lots": ("purchaseOrders", ("purchaseOrderItems", "intake_sessions",
                                                              "intake_session_batches", "batches", "vendors", "clients")),
    "order_history_follows_the_order": ("order_status_history", ("orders",)),
    "audit_trail_in_time_order_by_permitted_users": ("auditLogs", (
        "order_audit_log", "batch_status_history", "users", "user_roles", "role_permissions", "permissions",
        "user_permission_overrides", "orders", "clients", "vendors", "batches", "invoices", "products")),
    "alerts_fire_where_stock_says": ("inventoryAlerts", ("inventoryMovements", "batches", "alert_configurations")),
    "standing_orders_follow_their_clients": ("recurring_orders", ("orders", "order_line_items", "batches")),
}
