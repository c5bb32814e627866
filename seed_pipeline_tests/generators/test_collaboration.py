"""Every person's own screens are filled and the collaboration tables tell the history's story:
series agree with their rules, invitations come before meetings, tasks live by their dates, the
inbox points at real sources, and every JSON value reads as TERP's code expects."""

import re
from datetime import timedelta

import pandas as pd
import pytest

from seed_pipeline.contract import activity as contract
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline_tests.helpers import generate_all, settings, shared_frames, tables_problems

pytestmark = pytest.mark.xdist_group("generated_frames")  # one worker generates the shared frames once

TABLES = ("dashboard_kpi_configs", "userDashboardPreferences", "dashboard_widget_layouts", "calendar_views",
          "calendar_invitation_settings", "calendar_event_participants", "calendar_event_invitations",
          "calendar_invitation_history", "calendar_event_history", "calendar_event_attachments", "calendar_event_permissions",
          "calendar_recurrence_rules", "calendar_recurrence_instances", "client_meeting_history", "freeform_notes",
          "note_comments", "note_activity", "scratch_pad_notes", "client_notes", "vendorNotes", "todo_lists",
          "todo_list_members", "todo_tasks", "todo_task_activity", "inbox_items", "comment_mentions", "client_activity",
          "client_communications")
WIDGETS_TERP_KNOWS = {"sales-by-client", "cash-flow", "transaction-snapshot", "inventory-snapshot", "total-debt",
                      "sales-comparison", "profitability", "matchmaking-opportunities"}  # dashboardPreferences.ts defaults


@pytest.fixture(scope="module", params=[("light", 42), ("light", 7), ("full", 42)], ids=["light-42", "light-7", "full-42"])
def seeded(request):
    chosen = settings(*request.param)
    return chosen, shared_frames(chosen), GenerationContext.for_table("calendar_events", chosen).window


def _start(f: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(f["start_date"]) + pd.to_timedelta(f["start_time"])


def test_frames_obey_the_model_and_their_references(seeded):
    chosen, frames, _ = seeded
    assert tables_problems(TABLES, frames, chosen) == []


def test_every_user_has_their_own_screens(seeded):
    _, frames, window = seeded
    users = set(frames["users"]["id"])
    e = frames["calendar_events"]
    assert users <= set(e["assigned_to"].dropna())
    reminders = frames["calendar_reminders"]
    assert users <= set(reminders.loc[reminders["status"] == "PENDING", "user_id"])  # upcoming reminders
    assert users <= set(frames["todo_tasks"]["assigned_to"])
    assert users <= set(frames["todo_list_members"]["user_id"])
    views = frames["calendar_views"]
    assert sorted(views.loc[views["is_default"], "user_id"]) == sorted(users)  # exactly one default view each
    assert sorted(frames["userDashboardPreferences"]["userId"]) == sorted(users)
    assert users <= set(frames["dashboard_widget_layouts"]["userId"].dropna())
    assert users <= set(frames["inbox_items"]["user_id"])
    admin = frames["users"]["id"].iloc[0]
    mine = e[e["assigned_to"] == admin]
    assert (_start(mine) > window.end_ts).any() and (_start(mine) <= window.end_ts).any()


def test_dashboards_use_only_what_terp_knows(seeded):
    _, frames, _ = seeded
    for config in frames["userDashboardPreferences"]["widgetConfig"]:
        assert {w["id"] for w in config} == WIDGETS_TERP_KNOWS and [w["order"] for w in config] == list(range(1, 9))
    assert set(frames["userDashboardPreferences"]["activeLayout"]) <= {"executive", "operations", "sales", "custom"}
    assert set(frames["dashboard_widget_layouts"]["widgetType"]) <= WIDGETS_TERP_KNOWS
    kpis = frames["dashboard_kpi_configs"]
    assert set(kpis["kpiType"]) == {"totalRevenue", "activeOrders", "inventoryValue", "lowStockCount"}  # dashboard.getKpis
    assert set(kpis["role"]) == {"admin", "user"}


def test_every_json_value_reads_as_terp_expects(seeded):
    _, frames, _ = seeded
    for spec in contract.JSON:
        assert spec.invalid(frames[spec.table][spec.column]) == [], (spec.table, spec.column)


def test_every_counted_state_is_present(seeded):
    _, frames, _ = seeded
    for spec in contract.STATES:
        assert set(spec.counted) <= set(frames[spec.table][spec.column]), (spec.table, spec.column)


def test_every_overdue_invoice_keeps_its_payment_due_open(seeded):
    _, frames, window = seeded
    inv = frames["invoices"]
    overdue = set(inv.loc[(inv["amountDue"].astype(float) > 0) & (inv["dueDate"] < pd.Timestamp(window.end)), "id"])
    e = frames["calendar_events"]
    open_due = e[(e["event_type"] == "PAYMENT_DUE") & (e["status"] == "SCHEDULED")]
    assert overdue and overdue <= set(open_due["entity_id"])


def test_series_instances_are_the_rules_steps(seeded):
    _, frames, window = seeded
    rules, inst = frames["calendar_recurrence_rules"], frames["calendar_recurrence_instances"]
    assert len(rules) == 3 and set(rules["frequency"]) == {"WEEKLY"}
    for _, rule in rules.iterrows():
        first, step = rule["start_date"].date(), timedelta(weeks=int(rule["interval"]))
        skipped = set(rule["exception_dates"])
        expected, day = [], first
        while day <= window.end + timedelta(days=28):
            if day.isoformat() not in skipped:
                expected.append(day)
            day += step
        got = [d.date() for d in inst.loc[inst["parent_event_id"] == rule["event_id"], "instance_date"]]
        assert got == expected
        assert {(d.isoweekday() % 7) for d in got} == set(rule["by_day"])


def test_invitations_are_answered_before_their_meeting(seeded):
    _, frames, _ = seeded
    h = frames["calendar_invitation_history"].merge(frames["calendar_event_invitations"], left_on="invitation_id",
                                                    right_on="id", suffixes=("", "_inv"))
    h = h.merge(frames["calendar_events"], left_on="event_id", right_on="id", suffixes=("", "_event"))
    assert (h["performed_at"] <= _start(h)).all() and (h["performed_at"] >= h["created_at"]).all()
    trail = h.sort_values("id").groupby("invitation_id")["performed_at"]
    assert trail.apply(lambda moments: moments.is_monotonic_increasing).all()  # created, sent, then answered
    users = set(frames["users"]["id"])
    assert set(frames["calendar_event_participants"]["user_id"]) <= users
    clients = frames["calendar_event_invitations"].query("invitee_type == 'CLIENT'")
    meets = frames["calendar_events"].set_index("id").loc[clients["event_id"]]
    assert (meets["client_id"].to_numpy() == clients["client_id"].to_numpy()).all()


def test_tasks_live_by_their_dates_and_their_activity_tells_it(seeded):
    _, frames, window = seeded
    t, a = frames["todo_tasks"], frames["todo_task_activity"]
    done = t["status"] == "done"
    assert (done == t["is_completed"]).all() and (done == t["completed_at"].notna()).all()
    assert (t.loc[done, "completed_at"] >= t.loc[done, "created_at"]).all() and (t["completed_at"].dropna() <= window.end_ts).all()
    story = a.sort_values(["task_id", "created_at", "id"]).groupby("task_id")["action"].agg(list)
    expected = {"todo": [], "in_progress": ["status_changed"], "done": ["status_changed", "completed"]}
    for task, status, delegated in zip(t["id"], t["status"], t["assigned_to"] != t["created_by"]):
        assert story[task] == ["created"] + (["assigned"] if delegated else []) + expected[status]
    late = frames["invoices"]["invoiceNumber"]
    chases = t[t["title"].str.startswith("Chase ")]
    assert all(re.search(r"INV-\d{6}", title).group(0) in set(late) for title in chases["title"])


def test_inbox_items_point_at_real_sources_that_came_first(seeded):
    _, frames, _ = seeded
    i, c, t = frames["inbox_items"], frames["comments"].set_index("id"), frames["todo_tasks"].set_index("id")
    mentions = i[i["source_type"] == "mention"]
    assert len(mentions)
    for source, user, kind, ref, at in zip(mentions["source_id"], mentions["user_id"], mentions["reference_type"],
                                          mentions["reference_id"], mentions["created_at"]):
        comment = c.loc[source]
        assert f"]({user})" in comment["content"] and (kind, ref) == (comment["commentable_type"], comment["commentable_id"])
        assert at == comment["created_at"]
    tasks = i[i["source_type"] != "mention"]
    assert (tasks["reference_type"] == "task").all() and (tasks["reference_id"] == tasks["source_id"]).all()
    assigned = tasks[tasks["source_type"] == "task_assignment"]
    assert (t.loc[assigned["source_id"], "assigned_to"].to_numpy() == assigned["user_id"].to_numpy()).all()
    assert (i["seen_at"].dropna() >= i.loc[i["seen_at"].notna(), "created_at"]).all()


def test_notes_and_communications_are_written_from_their_subject(seeded):
    _, frames, _ = seeded
    clients = frames["clients"].set_index("id")["name"]
    links = frames["client_notes"].merge(frames["freeform_notes"], left_on="note_id", right_on="id")
    assert all(clients[c] in title for c, title in zip(links["client_id"], links["title"]))
    comms = frames["client_communications"]
    assert all(clients[c] in text for c, text in zip(comms["client_id"], comms["notes"]))
    meetings = frames["client_meeting_history"].merge(frames["calendar_events"], left_on="calendar_event_id", right_on="id")
    assert (meetings["client_id_x"] == meetings["client_id_y"]).all()
    assert set(meetings["outcome"]) <= {"completed", "cancelled"}
    assert ((meetings["outcome"] == "completed") == (meetings["status"] == "COMPLETED")).all()


def test_same_settings_give_the_same_frames():
    first, again = generate_all(settings("light", 3)), generate_all(settings("light", 3))
    for table in TABLES:
        pd.testing.assert_frame_equal(first[table], again[table])
