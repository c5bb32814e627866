"""The system_defaults phase: the app's own defaults exactly, an RBAC matrix that lets each job
work, and a team whose every member can sign in and open the dashboard."""

import pandas as pd
import pytest

from seed_pipeline.business.catalog import ROLE_PERMISSIONS, ROLES, document_number, headcount, screens_for_role
from seed_pipeline.generation.registry import hand_written
from seed_pipeline.graph import GROUP_OF
from seed_pipeline.schema import TABLES
from seed_pipeline_tests.helpers import generate_all, settings, shared_frames, tables_problems

pytestmark = pytest.mark.xdist_group("generated_frames")  # one worker generates the shared frames once

SYSTEM = [t for t in TABLES if GROUP_OF[t] == "system_defaults" and t != "sequences"]

# What the app seeds for itself (TERP's README), spelled out independently of the catalog.
LOCATIONS = {("Main Warehouse", f"Zone {zone}", "Rack 1", shelf, bin_)
             for zone in "ABC" for shelf, bin_ in (("Shelf 1", "Bin 1"), ("Shelf 1", "Bin 2"), ("Shelf 2", "Bin 1"))}
CATEGORIES = {
    "Flower": {"Outdoor", "Deps", "Indoor", "Smalls", "Trim"},
    "Concentrates": {"Shatter", "Wax", "Live Resin", "Rosin", "Distillate", "Crumble", "Budder"},
    "Vapes": {"Cartridge", "All in One"},
    "Bulk Oil": set(),
    "Manufactured Products": {"Preroll", "Edible", "Tincture", "Topical", "Accessory"},
}
GRADES = {"A": "top shelf", "B": "mid-tier", "C": "budget", "D": "economy"}
CORE_ACCOUNTS = {
    ("1000", "Cash", "ASSET", "DEBIT"), ("1100", "Accounts Receivable", "ASSET", "DEBIT"),
    ("1200", "Inventory", "ASSET", "DEBIT"), ("2000", "Accounts Payable", "LIABILITY", "CREDIT"),
    ("3000", "Owner's Equity", "EQUITY", "CREDIT"), ("3100", "Retained Earnings", "EQUITY", "CREDIT"),
    ("4000", "Sales Revenue", "REVENUE", "CREDIT"), ("5000", "Cost of Goods Sold", "EXPENSE", "DEBIT"),
    ("5100", "Operating Expenses", "EXPENSE", "DEBIT"),
}
EXPENSES = {  # Marketing/Advertising's children are only named in part ("Digital, Print, ...")
    "Rent/Lease": set(), "Utilities": {"Electricity", "Water", "Gas", "Internet/Phone"},
    "Payroll/Wages": {"Salaries", "Benefits", "Payroll Taxes"}, "Office Supplies": set(), "Insurance": set(),
    "Professional Services": {"Legal", "Accounting", "Consulting"}, "Travel": set(), "Maintenance/Repairs": set(),
}
JOBS = {  # the screens a person in each job cannot work without
    "Super Admin": {"settings", "users", "dashboard"},
    "Owner/Executive": {"dashboard", "accounting", "orders", "clients"},
    "Sales Manager": {"clients", "orders", "pricing", "samples", "vip_portal"},
    "Sales Rep": {"clients", "orders", "inventory", "samples", "matchmaking"},
    "Accountant": {"accounting", "invoices", "payments"},
    "Inventory Manager": {"inventory", "vendors", "samples"},
    "Warehouse Staff": {"inventory", "orders"},
    "Customer Service": {"clients", "orders", "invoices"},
    "Read-Only Auditor": {"accounting", "invoices", "payments", "inventory", "orders"},
}


@pytest.fixture(scope="module", params=["light", "full"])
def seeded(request):
    chosen = settings(request.param)
    return chosen, shared_frames(chosen)


def _role_permissions(frames) -> dict[str, set[str]]:
    """Each role's permission names, read back from the generated frames."""
    pairs = (frames["role_permissions"]
             .merge(frames["roles"], left_on="role_id", right_on="id")
             .merge(frames["permissions"], left_on="permission_id", right_on="id", suffixes=("_role", "_permission")))
    return pairs.groupby("name_role")["name_permission"].agg(set).to_dict()


def _user_permissions(frames) -> dict[str, set[str]]:
    """Each user's effective permissions: their roles', plus granted overrides, minus revoked ones."""
    by_role = _role_permissions(frames)
    names = dict(zip(frames["roles"]["id"], frames["roles"]["name"]))
    held = {open_id: set() for open_id in frames["users"]["openId"]}
    for user, role in zip(frames["user_roles"]["user_id"], frames["user_roles"]["role_id"]):
        held[user] |= by_role.get(names[role], set())
    permission = dict(zip(frames["permissions"]["id"], frames["permissions"]["name"]))
    for row in frames["user_permission_overrides"].itertuples():
        (held[row.user_id].add if row.granted else held[row.user_id].discard)(permission[row.permission_id])
    return held


def test_every_system_table_but_sequences_has_a_hand_written_generator():
    assert set(SYSTEM) <= set(hand_written())


def test_frames_obey_the_schema_their_parents_and_the_dtype_conventions(seeded):
    chosen, frames = seeded
    problems = tables_problems(SYSTEM, frames, chosen)
    assert not problems, "\n".join(problems)


def test_the_apps_locations_categories_and_grades_exactly(seeded):
    _, frames = seeded
    locations = frames["locations"]
    assert len(locations) == 9
    assert set(locations[["site", "zone", "rack", "shelf", "bin"]].itertuples(index=False, name=None)) == LOCATIONS
    categories = frames["categories"]
    parent = dict(zip(categories["id"], categories["name"]))
    found = {name: set() for name in categories["name"]}
    for category_id, name in zip(frames["subcategories"]["categoryId"], frames["subcategories"]["name"]):
        found[parent[category_id]].add(name)
    assert found == CATEGORIES
    assert len(frames["subcategories"]) == sum(len(s) for s in CATEGORIES.values())
    grades = frames["grades"].sort_values("sortOrder")
    assert list(grades["name"]) == list(GRADES)
    assert all(word in text.lower() for word, text in zip(GRADES.values(), grades["description"]))


def test_the_chart_of_accounts_holds_the_core_nine_and_a_coherent_tree(seeded):
    _, frames = seeded
    accounts = frames["accounts"]
    rows = set(accounts[["accountNumber", "accountName", "accountType", "normalBalance"]]
               .itertuples(index=False, name=None))
    assert CORE_ACCOUNTS <= rows
    by_id = accounts.set_index("id")
    children = accounts[accounts["parentAccountId"].notna()]
    parent_types = by_id.loc[children["parentAccountId"], "accountType"].to_numpy()
    assert (parent_types == children["accountType"].to_numpy()).all()
    names = set(accounts["accountName"])
    assert {"Consignment Payable", "Sales Tax Payable", "Sales Discounts", "Bank Fees"} <= names
    cash = by_id.index[by_id["accountNumber"] == "1000"][0]
    assert (accounts["parentAccountId"] == cash).sum() >= 2  # bank accounts under cash


def test_expense_categories_follow_the_apps_hierarchy_and_post_to_expense_accounts(seeded):
    _, frames = seeded
    expenses = frames["expenseCategories"]
    name = dict(zip(expenses["id"], expenses["categoryName"]))
    tops = expenses[expenses["parentCategoryId"].isna()]
    tree = {top: set() for top in tops["categoryName"]}
    for parent_id, child in zip(expenses["parentCategoryId"], expenses["categoryName"]):
        if pd.notna(parent_id):
            tree[name[parent_id]].add(child)
    marketing = tree.pop("Marketing/Advertising")
    assert tree == EXPENSES
    assert {c.split()[0] for c in marketing} >= {"Digital", "Print"}
    account_type = dict(zip(frames["accounts"]["id"], frames["accounts"]["accountType"]))
    assert {account_type[a] for a in expenses["ledgerAccountId"]} == {"EXPENSE"}


def test_statuses_methods_and_pricing_speak_the_apps_vocabularies(seeded):
    chosen, frames = seeded
    assert {s.upper() for s in frames["workflow_statuses"]["slug"]} == set(TABLES["batches"].c.batchStatus.type.enums)
    assert set(frames["paymentMethods"]["code"]) <= set(TABLES["payments"].c.paymentMethod.type.enums)
    pricing = frames["pricing_defaults"]
    assert set(pricing["product_category"]) == set(frames["categories"]["name"])
    margin, tolerance = chosen.resolved.margin * 100, chosen.resolved.margin_tolerance * 100
    assert pricing["default_margin_percent"].between(margin - tolerance, margin + tolerance).all()
    flower = pricing.loc[pricing["product_category"] == "Flower", "default_margin_percent"].item()
    assert flower == pytest.approx(margin)
    settings_row = frames["credit_system_settings"].iloc[0]
    weights = [c for c in frames["credit_system_settings"] if c.endswith("_weight")]
    assert settings_row[weights].sum() == 100


def test_roles_grant_the_screens_of_their_jobs(seeded):
    _, frames = seeded
    generated = _role_permissions(frames)
    assert generated == {role: set(permissions) for role, permissions in ROLE_PERMISSIONS.items()}
    for role in ROLES:
        assert set(role.grants) <= screens_for_role(role.name), role.name
        assert JOBS[role.name] <= screens_for_role(role.name), role.name
    assert screens_for_role("Super Admin") == set(ROLES[0].grants)


def test_every_user_has_a_role_and_can_open_the_dashboard(seeded):
    chosen, frames = seeded
    users = frames["users"]
    assert len(users) == chosen.resolved.users
    assert set(users["openId"]) == set(frames["user_roles"]["user_id"])
    permissions = _user_permissions(frames)
    cannot = [u for u, held in permissions.items() if not {"dashboard:access", "dashboard:read"} <= held]
    assert not cannot
    assert users["email"].is_unique and users["email"].str.endswith("@terpdistribution.com").all()


def test_admins_come_first_and_hold_the_admin_role(seeded):
    _, frames = seeded
    users = frames["users"]
    admins = users[users["role"] == "admin"]
    assert 1 <= len(admins) <= 2
    assert list(admins.index) == list(range(len(admins)))
    assert users["createdAt"].is_monotonic_increasing
    admin_role = frames["roles"].loc[frames["roles"]["name"] == "Super Admin", "id"].item()
    holders = frames["user_roles"].loc[frames["user_roles"]["role_id"] == admin_role, "user_id"]
    assert set(holders) == set(admins["openId"])


def test_overrides_change_what_the_role_alone_gives(seeded):
    _, frames = seeded
    overrides = frames["user_permission_overrides"]
    assert len(overrides)
    by_role = _role_permissions(frames)
    roles = dict(zip(frames["roles"]["id"], frames["roles"]["name"]))
    role_of = {u: roles[r] for u, r in zip(frames["user_roles"]["user_id"], frames["user_roles"]["role_id"])}
    permission = dict(zip(frames["permissions"]["id"], frames["permissions"]["name"]))
    for row in overrides.itertuples():
        held = permission[row.permission_id] in by_role[role_of[row.user_id]]
        assert held != bool(row.granted), (role_of[row.user_id], permission[row.permission_id])


def test_same_settings_give_the_same_frames_and_another_seed_other_people():
    first, second = generate_all(settings("light")), generate_all(settings("light"))
    for table in SYSTEM:
        pd.testing.assert_frame_equal(first[table], second[table], obj=table)
    other = generate_all(settings("light", 7))
    assert not first["users"]["name"].equals(other["users"]["name"])
    pd.testing.assert_frame_equal(first["accounts"], other["accounts"])


def test_headcount_fills_every_seat_with_one_or_two_admins():
    for users in range(1, 100):
        team = headcount(users)
        assert sum(team.values()) == users and 1 <= team["Super Admin"] <= 2, team


def test_document_numbers_are_prefixed_and_zero_padded():
    assert document_number("invoice", 42) == "INV-000042"
    assert document_number("order", 1) < document_number("order", 10)
