"""Tags, synonyms, media, inventory views, the VIP portal and deployments follow the business they describe.

Frames are generated as a seed makes them (the photo sessions' deferred link filled in first, as the
calendar asset does), for the light and full scenarios and for other seeds and end dates, and held
to expectations written here from the trade and from TERP's code, not from the generators.
"""

from datetime import date

import bcrypt
import pandas as pd
import pytest

from seed_pipeline.business.catalogue.releases import releases
from seed_pipeline.business.catalogue.synonyms import strain_synonyms, variants
from seed_pipeline.contract.catalogue import INVENTORY_FILTERS, PORTAL_FEATURES, PORTAL_OPTIONS, PUSH_PAYLOAD
from seed_pipeline.generation.context import GenerationContext, HistoryWindow, SeedSettings, table_rng
from seed_pipeline.generation.registry import generator_for
from seed_pipeline.graph import build_graph
from seed_pipeline_tests.helpers import fill_all, shared_frames, tables_problems

CATALOGUE = ("tags", "tagGroups", "tagGroupMembers", "tagHierarchy", "productTags", "productSynonyms", "productMedia",
             "inventoryViews", "vip_portal_auth", "vip_portal_configurations", "deployments")
SETTINGS = [SeedSettings("light", 42, 1.0, date(2026, 10, 31)), SeedSettings("light", 7, 1.0, date(2025, 3, 14)),
            SeedSettings("edge-cases", 3, 1.0, date(2026, 1, 31)),
            pytest.param(SeedSettings("full", 42, 1.0, date(2026, 10, 31)), marks=pytest.mark.slow)]


@pytest.fixture(scope="module", params=SETTINGS, ids=["light-42", "light-7", "edge-cases-3", "full-42"])
def seeded(request):
    """All frames, with productMedia made after batches got their photo sessions (as the seed does)."""
    chosen = request.param
    frames = shared_frames(chosen)
    photo = next(r for r in build_graph().deferred if (r.table, r.column) == ("batches", "photo_session_event_id"))
    frames["batches"] = frames["batches"].assign(photo_session_event_id=fill_all(chosen, frames)[photo].to_numpy())
    frames["productMedia"] = generator_for("productMedia")(
        GenerationContext.for_table("productMedia", chosen), {p: frames[p] for p in build_graph().parents("productMedia")})
    return chosen, frames


def test_frames_obey_the_model_and_their_references(seeded):
    chosen, frames = seeded
    assert tables_problems(CATALOGUE, frames, chosen) == []


def test_every_product_is_tagged_with_its_category_grow_and_strain_type(seeded):
    _, frames = seeded
    tagged = frames["productTags"].merge(frames["tags"], left_on="tagId", right_on="id")
    names = tagged.groupby("productId")["name"].agg(set)
    products = frames["products"].merge(frames["strains"][["id", "category"]], left_on="strainId", right_on="id",
                                        how="left", suffixes=("", "_strain"))
    for pid, category, sub, kind in zip(products["id"], products["category"], products["subcategory"],
                                        products["category_strain"]):
        wanted = {category.replace(" ", "-")} | ({sub.replace(" ", "-")} if isinstance(sub, str) else set())
        wanted |= {kind.capitalize()} if isinstance(kind, str) else set()
        assert wanted <= names[pid], (pid, wanted, names[pid])
    flower = products.loc[products["category"] == "Flower", "id"]
    assert names.loc[flower].map(lambda n: len(n & {"Indica", "Sativa", "Hybrid"}) == 1).all()
    assert not frames["tags"]["name"].str.contains(" ").any()  # TERP's tag search splits on spaces


def test_the_tag_hierarchy_puts_forms_under_their_category(seeded):
    _, frames = seeded
    name = frames["tags"].set_index("id")["name"]
    pairs = set(zip(frames["tagHierarchy"]["parentTagId"].map(name), frames["tagHierarchy"]["childTagId"].map(name)))
    assert {("Flower", "Indoor"), ("Flower", "Deps"), ("Concentrates", "Live-Resin"), ("Vapes", "Cartridge")} <= pairs
    assert frames["tagHierarchy"]["childTagId"].is_unique
    assert len(frames["tagGroupMembers"]) == len(frames["tags"]) and frames["tagGroupMembers"]["tagId"].is_unique


def test_trade_names_of_strains():
    assert variants("Sour Diesel") == ["Sour D", "Sour Deisel", "SD"]
    assert variants("Orange Sherbet #4") == ["Orange Sherb #4", "Orange Sherbert #4", "OS#4"]
    catalogue = pd.DataFrame({"id": [1, 2, 3], "name": ["Sour Diesel", "Sunset Diesel", "Sour D"]})
    kept = strain_synonyms(catalogue)
    assert "SD" not in set(kept["synonym"])  # two strains would answer to it
    assert "Sour D" not in set(kept["synonym"])  # another strain's own name
    assert {"Sour Deisel", "Sunset Deisel", "Sunset D"} <= set(kept["synonym"])


def test_media_are_files_of_completed_photo_sessions(seeded):
    chosen, frames = seeded
    m, b, e = frames["productMedia"], frames["batches"], frames["calendar_events"]
    assert len(m) > 0
    code = m["filename"].str.split("_").str[1]
    shot = b.set_index("code").loc[code]
    session = e.set_index("id").loc[shot["photo_session_event_id"].astype("int64")]
    start = pd.to_datetime(session["start_date"]).to_numpy() + pd.to_timedelta(session["start_time"]).to_numpy()
    assert (shot["productId"].to_numpy() == m["productId"].to_numpy()).all()
    assert set(session["status"]) == {"COMPLETED"} and set(session["event_type"]) == {"PHOTOGRAPHY"}
    assert (m["createdAt"].to_numpy() > start).all() and (m["createdAt"] <= GenerationContext.for_table(
        "productMedia", chosen).window.end_ts).all()
    assert (m["uploadedBy"].to_numpy() == session["assigned_to"].to_numpy()).all()
    assert set(m["type"]) <= {"image", "video"} and m["filename"].str.endswith((".jpg", ".mp4")).all()
    assert m["size"].between(100_000, 500_000_000).all()


def test_the_portal_is_for_whales_and_the_best_regulars_with_test_credentials(seeded):
    chosen, frames = seeded
    clients, configs, logins = frames["clients"], frames["vip_portal_configurations"], frames["vip_portal_auth"]
    whales = set(clients.loc[clients["tags"].map(lambda t: "whale" in t), "id"])
    assert whales <= set(configs["client_id"]) and set(configs["client_id"]) == set(logins["client_id"])
    assert set(configs["client_id"]) <= set(frames["orders"]["client_id"])
    if chosen.scenario == "full":
        assert len(set(configs["client_id"]) - whales) >= 10  # a fifth of the 50 regular buyers
    # bcrypt reads every hash; no password a reader of the code could guess matches one
    assert not any(bcrypt.checkpw(guess, h.encode()) for h in logins["password_hash"]
                   for guess in (b"", b"password", b"seed-vip-portal-test", b"test"))
    end = pd.Timestamp(chosen.end_date) + pd.Timedelta(days=1)
    assert (logins["session_expires_at"].dropna() < end).all() and (logins["reset_token_expires_at"].dropna() < end).all()
    assert logins["session_token"].dropna().str.startswith("test-session-").all()
    assert logins["session_token"].isna().equals(logins["session_expires_at"].isna())
    assert logins["reset_token"].dropna().str.startswith("test-reset-").all()
    assert (logins["last_login_at"] >= logins["created_at"]).all()
    live = configs.loc[configs["module_live_catalog_enabled"].astype(bool), "client_id"]
    assert whales <= set(live)


def test_releases_go_up_and_end_with_one_building():
    for months, end in ((1, date(2026, 10, 31)), (6, date(2025, 6, 30)), (22, date(2026, 10, 31))):
        window = HistoryWindow.ending(end, months)
        r = releases(window, months, [type("D", (), {"name": "A B", "login": "ab"})()], table_rng(1, "test"))
        versions = [tuple(map(int, v.split("."))) for v in r["version"]]
        assert versions == sorted(set(versions))
        assert list(r["status"]).count("building") == 1 and r["status"].iloc[-1] == "building"
        assert (r["status"] == "failed").sum() >= 1
        assert (r["startedAt"] <= window.end_ts).all() and (r["committedAt"] < r["startedAt"]).all()
        assert r["message"].str.match(r"^chore\(main\): release \d+\.\d+\.\d+ \(#\d+\)\n\n### ").all()
        assert (versions[-1][0] == 2) == (months >= 12)  # one breaking release in a long history


def test_json_columns_read_as_terp_expects(seeded):
    _, frames = seeded
    for spec in (INVENTORY_FILTERS, PORTAL_FEATURES, PORTAL_OPTIONS, PUSH_PAYLOAD):
        assert spec.invalid(frames[spec.table][spec.column]) == [], spec.column
    views = frames["inventoryViews"]["filters"]
    assert all(v["dateRange"] == {"from": None, "to": None} and "category" in v for v in views)
