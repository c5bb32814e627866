"""Breaking cases of the catalogue rules that read text: the tag tree, media, portal credentials, releases, views."""

from seed_pipeline_tests.checks.rule_cases import case

_LOOSE = ("(SELECT min(id) FROM tags WHERE id NOT IN "  # a tag in no hierarchy
          "(SELECT childTagId FROM tagHierarchy UNION SELECT parentTagId FROM tagHierarchy))")
# the first media file's photo session (its batch, the one its name gives, has four media) and when it began
_SHOT = ("(SELECT b.photo_session_event_id FROM batches b JOIN productMedia m "
         "ON m.filename LIKE '%\\_' || b.code || '\\_%' ESCAPE '\\' WHERE m.id = 1)")
_SHOT_START = f"(SELECT start_date || ' ' || start_time FROM calendar_events WHERE id = {_SHOT})"
_RESET = "(SELECT min(id) FROM vip_portal_auth WHERE reset_token IS NOT NULL)"  # a login with a reset token, expired
_LAST = "(SELECT max(id) FROM deployments)"  # in progress, started on the end date
_FAILED = "(SELECT min(id) FROM deployments WHERE status = 'failed')"
_VIEWER = "(SELECT createdBy FROM inventoryViews WHERE id = 1)"


def _release(version: str, where: str) -> str:
    """The deployment's commit (and its webhook payload) ship ``version`` instead."""
    message = f"'chore(main): release {version} (#999)'"
    return (f"UPDATE deployments SET commitMessage = {message}, "
            f"webhookPayload = json_set(webhookPayload, '$.head_commit.message', {message}) WHERE {where}")


def _revoke(permission: str) -> str:
    """The Owner role loses one inventory permission: its one user, user 8, saved one view."""
    return (f"DELETE FROM role_permissions WHERE role_id = (SELECT id FROM roles WHERE name = 'Owner/Executive') "
            f"AND permission_id = (SELECT id FROM permissions WHERE name = '{permission}')")


def _filter(key: str, value: str) -> str:
    return f"UPDATE inventoryViews SET filters = json_set(filters, '$.{key}', {value}) WHERE id = 1"


CASES = {
    "tag_hierarchy_is_a_tree": (
        # tag 1 (a root) gets its child 2 as parent: 1 and 2 loop, and so do 3-6, 1's other children
        case(6, "INSERT INTO tagHierarchy (parentTagId, childTagId, createdAt) SELECT childTagId, parentTagId, createdAt "
                "FROM tagHierarchy WHERE id = 1"),
        case(1, "INSERT INTO tagHierarchy (parentTagId, childTagId, createdAt) SELECT 7, childTagId, createdAt "
                "FROM tagHierarchy WHERE id = 1"),  # tag 2 gets a second parent
        # a tag in no hierarchy its own parent: the row, and the walk from it, which comes back (two)
        case(2, f"INSERT INTO tagHierarchy (parentTagId, childTagId, createdAt) SELECT {_LOOSE}, {_LOOSE}, createdAt "
                "FROM tagHierarchy WHERE id = 1"),
        # a loose tag under tag 2: a grandchild of 1, whose walk takes two steps (which holds)
        case(0, f"INSERT INTO tagHierarchy (parentTagId, childTagId, createdAt) SELECT childTagId, {_LOOSE}, "
                "createdAt FROM tagHierarchy WHERE id = 1"),
    ),
    "media_follows_its_photo_session": (
        case(1, "UPDATE productMedia SET uploadedBy = (SELECT min(id) FROM users WHERE id <> productMedia.uploadedBy) "
                "WHERE id = 1"),
        case(1, "UPDATE productMedia SET filename = replace(filename, '_BAT-', '_BAT-9'), "
                "url = replace(url, '_BAT-', '_BAT-9') WHERE id = 1"),  # named after no batch
        # the media of another product (its URL says so too): not its batch's product
        case(1, "UPDATE productMedia SET productId = productId + 1, "
                "url = replace(url, '/' || productId || '/', '/' || (productId + 1) || '/') WHERE id = 1"),
        case(1, "UPDATE productMedia SET url = replace(url, '/' || productId || '/', '/' || (productId + 1) || '/') "
                "WHERE id = 1"),  # a URL of another product's
        case(1, "UPDATE productMedia SET type = 'video' WHERE id = 1"),  # a .jpg
        # the session a meeting, or not completed: the batch's four media
        case(4, f"UPDATE calendar_events SET event_type = 'MEETING' WHERE id = {_SHOT}"),
        case(4, f"UPDATE calendar_events SET status = 'SCHEDULED' WHERE id = {_SHOT}"),
        # uploaded a second before the session began, and the very second (which holds)
        case(1, f"UPDATE productMedia SET createdAt = datetime({_SHOT_START}, '-1 second') WHERE id = 1"),
        case(0, f"UPDATE productMedia SET createdAt = datetime({_SHOT_START}) WHERE id = 1"),
        # uploaded after the end date, and in its last second (which holds)
        case(1, "UPDATE productMedia SET createdAt = '2026-11-01 00:00:00' WHERE id = 1"),
        case(0, "UPDATE productMedia SET createdAt = '2026-10-31 23:59:59' WHERE id = 1"),
    ),
    "portal_credentials_are_test_values": (
        # a real-looking session token, and with no expiry
        case(1, "UPDATE vip_portal_auth SET session_token = 'a3f0c2de-51b7-4c1e-9d0a-6a2f51c0e9b4' WHERE id = 1"),
        case(1, "UPDATE vip_portal_auth SET session_token = 'a3f0c2de-51b7-4c1e-9d0a-6a2f51c0e9b4', "
                "session_expires_at = '2026-10-30 00:00:00' WHERE id = 1"),  # expired: the token alone
        case(1, f"UPDATE vip_portal_auth SET reset_token = 'a3f0c2de-51b7-4c1e-9d0a-6a2f51c0e9b4' WHERE id = {_RESET}"),
        case(1, "UPDATE vip_portal_auth SET password_hash = replace(password_hash, '$2b$04$', '$2b$10$') WHERE id = 1"),
        case(1, "UPDATE vip_portal_auth SET password_hash = NULL WHERE id = 1"),
        case(1, "UPDATE vip_portal_auth SET session_token = 'test-session-1' WHERE id = 1"),  # a session with no expiry
        # a test session valid past the end date, and until its last second (which holds)
        case(1, "UPDATE vip_portal_auth SET session_token = 'test-session-1', session_expires_at = '2026-11-01 00:00:00' "
                "WHERE id = 1"),
        case(0, "UPDATE vip_portal_auth SET session_token = 'test-session-1', session_expires_at = '2026-10-31 23:59:59' "
                "WHERE id = 1"),
        # a password reset valid past the end date, and until its last second (which holds)
        case(1, f"UPDATE vip_portal_auth SET reset_token_expires_at = '2026-11-01 00:00:00' WHERE id = {_RESET}"),
        case(0, f"UPDATE vip_portal_auth SET reset_token_expires_at = '2026-10-31 23:59:59' WHERE id = {_RESET}"),
        case(1, "UPDATE vip_portal_auth SET google_id = '104729383829384756' WHERE id = 1"),
        case(1, "UPDATE vip_portal_auth SET microsoft_id = '7f3c1a2b-0000-4000-8000-000000000001' WHERE id = 1"),
    ),
    "releases_move_forward": (
        case(1, _release("1.0.1", f"id = (SELECT max(id) FROM deployments WHERE status = 'success')")),  # goes back
        case(1, _release("1.2.0", "commitMessage LIKE 'chore(main): release 1.2.1 %'")),  # the one before's again
        case(0, _release("0.9.0", "id = 1")),  # a first release below 1 (nothing earlier)
        case(1, "UPDATE deployments SET commitMessage = 'fix: hotfix', webhookPayload = "
                "json_set(webhookPayload, '$.head_commit.message', 'fix: hotfix') WHERE id = 1"),  # no version
        case(1, "UPDATE deployments SET duration = duration + 1 WHERE id = 1"),  # not the time it took
        # done the second it started, said to take no time; and a second later, one second (which holds)
        case(1, "UPDATE deployments SET completedAt = startedAt, duration = 0 WHERE id = 1"),
        case(0, "UPDATE deployments SET completedAt = datetime(startedAt, '+1 second'), duration = 1 WHERE id = 1"),
        # its commit a second after it started, and the very second (which holds)
        case(1, "UPDATE deployments SET commitTimestamp = datetime(startedAt, '+1 second') WHERE id = 1"),
        case(0, "UPDATE deployments SET commitTimestamp = startedAt WHERE id = 1"),
        # the last started after the end date, and in its last second (which holds)
        case(1, f"UPDATE deployments SET startedAt = '2026-11-01 00:00:00' WHERE id = {_LAST}"),
        case(0, f"UPDATE deployments SET startedAt = '2026-10-31 23:59:59' WHERE id = {_LAST}"),
        # in progress with a finished one after it; the last two in progress (which holds)
        case(1, f"UPDATE deployments SET status = 'building', completedAt = NULL, duration = NULL WHERE id = {_LAST} - 2"),
        case(0, f"UPDATE deployments SET status = 'deploying', completedAt = NULL, duration = NULL WHERE id = {_LAST} - 1"),
        case(1, f"UPDATE deployments SET errorMessage = NULL WHERE id = {_FAILED}"),  # failed, no reason
        case(1, "UPDATE deployments SET errorMessage = 'Deploy failed: timeout' WHERE id = 1"),  # succeeded with one
        # the payload of another commit, with another message, and with no head commit
        case(1, f"UPDATE deployments SET webhookPayload = json_set(webhookPayload, '$.after', "
                f"(SELECT commitSha FROM deployments WHERE id = 2)) WHERE id = 1"),
        case(1, "UPDATE deployments SET webhookPayload = json_set(webhookPayload, '$.head_commit.message', 'wip') "
                "WHERE id = 1"),
        case(1, "UPDATE deployments SET webhookPayload = json_remove(webhookPayload, '$.head_commit') WHERE id = 1"),
    ),
    "inventory_view_by_someone_who_sees_inventory": (
        case(1, _filter("vendor", "json_array('Nobody Farms')")),
        case(1, _filter("brand", "json_array('Nobody Reserve')")),
        case(1, _filter("category", "'Seeds'")),
        case(1, _filter("subcategory", "'Hydro'")),
        # every vendor and every brand named (which holds)
        case(0, _filter("vendor", "(SELECT json_group_array(name) FROM vendors)"),
             _filter("brand", "(SELECT json_group_array(name) FROM brands)")),
        # made by a user whose role has no inventory permission; reads without access; access without read
        case(1, "UPDATE inventoryViews SET createdBy = (SELECT min(u.id) FROM users u WHERE u.openId NOT IN "
                "(SELECT ur.user_id FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id "
                "JOIN permissions p ON p.id = rp.permission_id WHERE p.name LIKE 'inventory:%')) WHERE id = 1"),
        case(1, _revoke("inventory:access")),
        case(1, _revoke("inventory:read")),
        # saved a second before its user joined, and the very second (which holds)
        case(1, f"UPDATE inventoryViews SET createdAt = datetime((SELECT createdAt FROM users WHERE id = {_VIEWER}), "
                "'-1 second') WHERE id = 1"),
        case(0, f"UPDATE inventoryViews SET createdAt = (SELECT createdAt FROM users WHERE id = {_VIEWER}) WHERE id = 1"),
        case(1, "UPDATE inventoryViews SET createdAt = '2026-11-01 00:00:00' WHERE id = 1"),  # after the end date
    ),
}
