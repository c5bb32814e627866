"""Catalogue rules that read text: a photo's file name, a release's version, a password hash's shape, a view's filters.

Each fetches the few columns it needs and counts the rows breaking it in Python (SQL cannot parse
a version or check a bcrypt hash the same way on three engines).
"""

import re

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.activity.calendar import event_start
from seed_pipeline.business.catalogue.portal import HASH_COST, TEST_TOKEN_PREFIX
from seed_pipeline.checks.violations import decoded, fetch_frame, last_moment, moments
from seed_pipeline.model import shared

T = shared().tables  # the model's rules read the model's columns, whatever model a run uses
FILE = re.compile(r"^[a-z0-9-]+_(?P<batch>[A-Z]+-\d+)_[a-z0-9-]+\.(?P<ext>jpg|mp4)$")
KIND_OF_EXTENSION = {"jpg": "image", "mp4": "video"}
RELEASE = re.compile(r"^chore\(main\): release (\d+)\.(\d+)\.(\d+) \(#\d+\)")
IN_PROGRESS = {"pending", "building", "deploying"}
SEED_HASH = re.compile(rf"\$2b\${HASH_COST:02d}\$[./A-Za-z0-9]{{53}}")


def tag_hierarchy_is_a_tree(conn, as_of) -> int:
    """No tag is its own parent, a tag has at most one parent, and following parents never comes back
    to where it started (TERP's getTagAncestors walks the first parent it finds)."""
    h = fetch_frame(conn, sa.select(T["tagHierarchy"].c.parentTagId, T["tagHierarchy"].c.childTagId))
    parent = h.drop_duplicates("childTagId").set_index("childTagId")["parentTagId"]
    cyclic = 0
    for child in parent.index:
        seen, at = set(), child
        while at in parent.index and at not in seen:
            seen.add(at)
            at = parent[at]
        cyclic += at == child or at in seen
    return int((h["parentTagId"] == h["childTagId"]).sum() + h["childTagId"].duplicated().sum() + cyclic)


def media_follows_its_photo_session(conn, as_of) -> int:
    """A media file is named after a batch of its product that was photographed, in a session that took
    place; it was uploaded after that session began and by the end date, by the session's photographer,
    at a URL ending in its name, with the type its extension says."""
    m, b, e = T["productMedia"], T["batches"], T["calendar_events"]
    media = fetch_frame(conn, sa.select(m.c.id, m.c.productId, m.c.filename, m.c.url, m.c.type, m.c.uploadedBy, m.c.createdAt))
    shots = fetch_frame(conn, sa.select(b.c.code, b.c.productId.label("batch_product"), e.c.start_date, e.c.start_time,
                                        e.c.status, e.c.event_type, e.c.assigned_to)
                        .select_from(b.join(e, e.c.id == b.c.photo_session_event_id)))
    parsed = media["filename"].str.extract(FILE)
    f = media.join(parsed).merge(shots, left_on="batch", right_on="code", how="left")
    start = event_start(f["start_date"], f["start_time"])
    uploaded = moments(f["createdAt"])
    bad = (f["code"].isna() | (f["batch_product"] != f["productId"]) | (f["event_type"] != "PHOTOGRAPHY")
           | (f["status"] != "COMPLETED") | (uploaded < start) | (uploaded > last_moment(as_of))
           | (f["uploadedBy"].astype("float") != f["assigned_to"].astype("float"))
           | ~pd.Series([u.endswith(f"/{p}/{n}") for u, p, n in zip(f["url"], f["productId"], f["filename"])])
           | (f["ext"].map(KIND_OF_EXTENSION) != f["type"]))
    return int(bad.sum())


def portal_credentials_are_test_values(conn, as_of) -> int:
    """Every portal password hash is bcrypt-shaped at the seed's cost, every token starts with the test
    prefix, no session or password reset is still valid at the end date and no one signs in through
    Google or Microsoft."""
    a = T["vip_portal_auth"]
    f = fetch_frame(conn, sa.select(a.c.password_hash, a.c.session_token, a.c.session_expires_at, a.c.reset_token,
                                    a.c.reset_token_expires_at, a.c.google_id, a.c.microsoft_id))
    hashed = [isinstance(h, str) and SEED_HASH.fullmatch(h) is not None for h in f["password_hash"]]
    tokens_ok = [all(pd.isna(t) or str(t).startswith(TEST_TOKEN_PREFIX) for t in pair)
                 for pair in zip(f["session_token"], f["reset_token"])]
    open_reset = ((moments(f["reset_token_expires_at"]) > last_moment(as_of)) | (moments(f["session_expires_at"]) > last_moment(as_of))
                  | (f["session_token"].notna() & f["session_expires_at"].isna())).to_numpy()
    foreign = (f["google_id"].notna() | f["microsoft_id"].notna()).to_numpy()
    return int(sum(not (h and t) or o or g for h, t, o, g in zip(hashed, tokens_ok, open_reset, foreign)))


def releases_move_forward(conn, as_of) -> int:
    """Each deployment ships a release whose version is above every earlier one's; its commit came before
    it started, by the end date; a finished one took its duration and a failed one says why; only the
    latest deployments are still in progress; the webhook payload names the same commit."""
    d = T["deployments"]
    f = fetch_frame(conn, sa.select(d.c.commitSha, d.c.commitMessage, d.c.commitTimestamp, d.c.status, d.c.startedAt,
                                    d.c.completedAt, d.c.duration, d.c.errorMessage, d.c.webhookPayload))
    f["started"] = moments(f["startedAt"])
    f = f.sort_values("started", kind="stable").reset_index(drop=True)
    version = f["commitMessage"].str.extract(RELEASE)
    unversioned = version.isna().any(axis=1)
    highest, backwards = (-1, -1, -1), []
    for v in version.astype("Int64").fillna(-1).itertuples(index=False):
        backwards.append(tuple(v) <= highest)
        highest = max(highest, tuple(v))
    backwards = unversioned | pd.Series(backwards, dtype=bool)
    finished = ~f["status"].isin(IN_PROGRESS)
    took = moments(f["completedAt"]) - f["started"]
    wrong_time = finished & ((took != pd.to_timedelta(f["duration"].astype("float"), unit="s")) | (f["duration"] <= 0))
    late_start = (moments(f["commitTimestamp"]) > f["started"]) | (f["started"] > last_moment(as_of))
    stuck = ~finished & finished[::-1].cummax()[::-1].shift(-1, fill_value=False)  # a finished one started after it
    reason = (f["status"] == "failed") != f["errorMessage"].notna()
    payload = [decoded(p) or {} for p in f["webhookPayload"]]
    other_commit = pd.Series([p.get("after") != s or p.get("head_commit", {}).get("message") != msg
                              for p, s, msg in zip(payload, f["commitSha"], f["commitMessage"])])
    return int((backwards | wrong_time | late_start | stuck | reason | other_commit).sum())


def inventory_view_by_someone_who_sees_inventory(conn, as_of) -> int:
    """A saved inventory view is made by a user whose role opens the inventory screen, after the user joined
    and by the end date, and its filters name real vendors, brands, categories and subcategories."""
    v, u, ur, rp, p = T["inventoryViews"], T["users"], T["user_roles"], T["role_permissions"], T["permissions"]
    views = fetch_frame(conn, sa.select(v.c.id, v.c.filters, v.c.createdAt, u.c.createdAt.label("joined"), u.c.openId)
                        .select_from(v.outerjoin(u, u.c.id == v.c.createdBy)))
    granted = fetch_frame(conn, sa.select(ur.c.user_id, p.c.name).select_from(
        ur.join(rp, rp.c.role_id == ur.c.role_id).join(p, p.c.id == rp.c.permission_id)))
    sees = set(granted.loc[granted["name"] == "inventory:read", "user_id"]) & set(
        granted.loc[granted["name"] == "inventory:access", "user_id"])
    names = {key: set(conn.execute(sa.select(T[table].c.name)).scalars())
             for key, table in (("vendor", "vendors"), ("brand", "brands"), ("category", "categories"),
                                ("subcategory", "subcategories"))}

    def names_real(filters) -> bool:
        f = decoded(filters)
        return (set(f["vendor"]) <= names["vendor"] and set(f["brand"]) <= names["brand"]
                and f["category"] in names["category"] | {None} and f["subcategory"] in names["subcategory"] | {None})

    saved = moments(views["createdAt"])
    bad = (~views["openId"].isin(sees) | (saved < moments(views["joined"])) | (saved > last_moment(as_of))
           | ~pd.Series([names_real(x) for x in views["filters"]], dtype=bool))
    return int(bad.sum())
