"""Breaking cases of the rules of tags, synonyms, the VIP portal and the JSON and states of views and deployments."""

from seed_pipeline_tests.checks.rule_cases import case

_FIRST_PRODUCT = "(SELECT min(id) FROM products)"


def _TAG_OF(category: str) -> str:
    """The first product's tag of that category."""
    return (f"(SELECT min(pt.id) FROM productTags pt JOIN tags t ON t.id = pt.tagId WHERE t.category = '{category}' "
            f"AND pt.productId = {_FIRST_PRODUCT})")


_SYNONYM = "(SELECT min(id) FROM productSynonyms)"
_ITS_STRAIN = "FROM strains s JOIN products p ON p.strainId = s.id WHERE p.id = productSynonyms.productId"
_ITS_PRODUCT = f"FROM products p1 JOIN productSynonyms s1 ON s1.productId = p1.id WHERE s1.id = {_SYNONYM}"
_PORTAL_CLIENT = "(SELECT client_id FROM vip_portal_configurations WHERE id = 1)"
_LOGIN_CLIENT = "(SELECT client_id FROM vip_portal_auth WHERE id = 1)"

CASES = {
    "product_is_tagged_as_what_it_is": (
        case(1,   # a flower's grow method (its subcategory) untagged
            "DELETE FROM productTags WHERE id = (SELECT min(pt.id) FROM productTags pt JOIN tags t ON t.id = pt.tagId "
            "WHERE t.category = 'grow_method')"),
        case(1, f"DELETE FROM productTags WHERE id = {_TAG_OF('product_type')}"),  # its category untagged
        case(1, f"DELETE FROM productTags WHERE id = {_TAG_OF('strain_type')}"),  # its strain's type untagged
        # a product of no strain keeps its strain type tag: a tag of what it is that is not its own
        case(1, f"UPDATE products SET strainId = NULL WHERE id = {_FIRST_PRODUCT}"),
        # a grow method it does not have, in place of an effect tag (effects say nothing of what it is)
        case(1, f"UPDATE productTags SET tagId = (SELECT id FROM tags WHERE name = 'Outdoor') WHERE id = {_TAG_OF('effect')}"),
        case(0, f"UPDATE productTags SET tagId = (SELECT id FROM tags WHERE name = 'Sleepy') WHERE id = {_TAG_OF('effect')}"),
        # a "Bulk Oil" product (no subcategory) needs "Bulk-Oil" alone; a "Live Resin" one carries "Live-Resin"
        case(1, "DELETE FROM productTags WHERE tagId = (SELECT id FROM tags WHERE name = 'Bulk-Oil') AND productId = "
                "(SELECT min(id) FROM products WHERE category = 'Bulk Oil')"),
        case(1, "DELETE FROM productTags WHERE tagId = (SELECT id FROM tags WHERE name = 'Live-Resin') AND productId = "
                "(SELECT min(id) FROM products WHERE subcategory = 'Live Resin')"),
        # tagged a second before the product was made, and the very second it was (which holds)
        case(1, f"UPDATE productTags SET createdAt = datetime((SELECT createdAt FROM products WHERE id = {_FIRST_PRODUCT}), "
                f"'-1 second') WHERE id = {_TAG_OF('product_type')}"),
        case(0, f"UPDATE productTags SET createdAt = (SELECT createdAt FROM products WHERE id = {_FIRST_PRODUCT}) "
                f"WHERE id = {_TAG_OF('product_type')}"),
    ),
    "synonym_names_its_strain": (
        case(1, f"UPDATE productSynonyms SET synonym = (SELECT upper(s.name) {_ITS_STRAIN}) WHERE id = {_SYNONYM}"),
        # the strain's name with a '#', hyphens for spaces and a '.': one spelling of it
        case(1, f"UPDATE productSynonyms SET synonym = (SELECT '#' || replace(s.name, ' ', '-') || '.' {_ITS_STRAIN}) "
                f"WHERE id = {_SYNONYM}"),
        case(1, "UPDATE productSynonyms SET synonym = (SELECT lower(p.nameCanonical) FROM products p "
                f"WHERE p.id = productSynonyms.productId) WHERE id = {_SYNONYM}"),
        # another strain's name
        case(1, "UPDATE productSynonyms SET synonym = (SELECT min(s.name) FROM strains s JOIN products p "
                f"ON p.id = productSynonyms.productId WHERE s.id <> p.strainId) WHERE id = {_SYNONYM}"),
        # a product of no strain: each of its synonyms names none (the seed gives every product three)
        case(3, f"UPDATE products SET strainId = NULL WHERE id = (SELECT productId FROM productSynonyms WHERE id = {_SYNONYM})"),
        # one new spelling on products of two strains (one row: the spelling), and on two of one strain (which holds)
        case(1, f"UPDATE productSynonyms SET synonym = 'Zz Top Kush' WHERE id = {_SYNONYM}",
             "UPDATE productSynonyms SET synonym = 'zz-top-kush' WHERE id = (SELECT min(ps.id) FROM productSynonyms ps "
             f"JOIN products p ON p.id = ps.productId WHERE p.strainId <> (SELECT p1.strainId {_ITS_PRODUCT}))"),
        case(0, f"UPDATE productSynonyms SET synonym = 'Zz Top Kush' WHERE id = {_SYNONYM}",
             "UPDATE productSynonyms SET synonym = 'zz-top-kush' WHERE id = (SELECT min(ps.id) FROM productSynonyms ps "
             f"JOIN products p ON p.id = ps.productId WHERE p.strainId = (SELECT p1.strainId {_ITS_PRODUCT}) "
             f"AND ps.productId <> (SELECT p1.id {_ITS_PRODUCT}))"),
    ),
    "tag_in_one_group": (
        case(1, "DELETE FROM tagGroupMembers WHERE id = 1"),  # a tag in no group
        # a tag also in a second group of its kind
        case(1, "INSERT INTO tagGroups (name, createdBy) SELECT 'More types', createdBy FROM tagGroups WHERE id = 1",
             "INSERT INTO tagGroupMembers (groupId, tagId) VALUES ((SELECT max(id) FROM tagGroups), 1)"),
        # a tag moved to a group of another kind: one group of two kinds (the tag is still in one group)
        case(1, "UPDATE tagGroupMembers SET groupId = (SELECT min(groupId) FROM tagGroupMembers WHERE groupId <> "
                "(SELECT groupId FROM tagGroupMembers WHERE id = 1)) WHERE id = 1"),
    ),
    "portal_only_for_buying_clients": (
        case(2,   # a non-buyer's portal, and its client left without one
            "UPDATE vip_portal_configurations SET client_id = (SELECT min(id) FROM clients WHERE is_buyer = 0) WHERE id = 1"),
        case(1, f"UPDATE clients SET is_buyer = 0 WHERE id = {_PORTAL_CLIENT}"),
        case(1, f"UPDATE clients SET is_buyer = NULL WHERE id = {_PORTAL_CLIENT}"),
        case(1, f"UPDATE clients SET vip_portal_enabled = 0 WHERE id = {_PORTAL_CLIENT}"),
        case(1, f"UPDATE clients SET vip_portal_enabled = NULL WHERE id = {_PORTAL_CLIENT}"),
        # a buyer who never ordered: its orders made another buyer's (one without a portal)
        case(1, "UPDATE orders SET client_id = (SELECT min(id) FROM clients WHERE is_buyer = 1 AND vip_portal_enabled = 0) "
                f"WHERE client_id = {_PORTAL_CLIENT}"),
        # made a second before its client, and the very second (which holds)
        case(1, "UPDATE vip_portal_configurations SET created_at = datetime((SELECT created_at FROM clients "
                f"WHERE id = {_PORTAL_CLIENT}), '-1 second') WHERE id = 1"),
        case(0, f"UPDATE vip_portal_configurations SET created_at = (SELECT created_at FROM clients WHERE id = {_PORTAL_CLIENT}) "
                "WHERE id = 1"),
        case(1, "DELETE FROM vip_portal_configurations WHERE id = 1"),  # the portal on, no configuration
        # the portal not switched on (NULL), no configuration: nothing asked
        case(0, "UPDATE clients SET vip_portal_enabled = NULL WHERE id = (SELECT min(id) FROM clients WHERE is_buyer = 1 "
                "AND vip_portal_enabled = 0)"),
    ),
    "portal_login_is_its_clients": (
        case(1, "UPDATE vip_portal_auth SET last_login_at = datetime(last_login_at, '-1 day') WHERE id = 1"),
        case(1, "DELETE FROM vip_portal_configurations WHERE client_id = (SELECT client_id FROM vip_portal_auth WHERE id = 1)"),
        case(1, "UPDATE vip_portal_configurations SET created_at = datetime(created_at, '+1 second') "
                "WHERE client_id = (SELECT client_id FROM vip_portal_auth WHERE id = 1)"),
        case(1, "UPDATE vip_portal_auth SET email = 'someone.else@example.com' WHERE id = 1"),
        case(1, f"UPDATE clients SET email = NULL WHERE id = {_LOGIN_CLIENT}"),
        case(1, f"UPDATE clients SET vip_portal_last_login = NULL WHERE id = {_LOGIN_CLIENT}"),
        case(1, "UPDATE vip_portal_auth SET last_login_at = NULL WHERE id = 1"),
        # both records agree on a sign-in a second before the login was made, and on the very second (which holds)
        case(1, "UPDATE vip_portal_auth SET last_login_at = datetime(created_at, '-1 second') WHERE id = 1",
             f"UPDATE clients SET vip_portal_last_login = (SELECT last_login_at FROM vip_portal_auth WHERE id = 1) "
             f"WHERE id = {_LOGIN_CLIENT}"),
        case(0, "UPDATE vip_portal_auth SET last_login_at = created_at WHERE id = 1",
             f"UPDATE clients SET vip_portal_last_login = (SELECT last_login_at FROM vip_portal_auth WHERE id = 1) "
             f"WHERE id = {_LOGIN_CLIENT}"),
    ),
    "inventoryViews_filters_reads_as_terp_expects": case(1, 
        "UPDATE inventoryViews SET filters = json_remove(filters, '$.status') WHERE id = 1"),
    "vip_portal_configurations_features_config_reads_as_terp_expects": case(1, 
        "UPDATE vip_portal_configurations SET features_config = json_set(features_config, '$.dashboard.showWeather', "
        "json('true')) WHERE id = 1"),
    "vip_portal_configurations_advanced_options_reads_as_terp_expects": case(1, 
        "UPDATE vip_portal_configurations SET advanced_options = json_set(advanced_options, '$.transactionHistoryLimit', "
        "'2_YEARS') WHERE id = 1"),
    "deployments_webhookPayload_reads_as_terp_expects": case(1, 
        "UPDATE deployments SET webhookPayload = json_remove(webhookPayload, '$.pusher') WHERE id = 1"),
    "deployments_status_has_every_counted_state": case(1, "UPDATE deployments SET status = 'success' WHERE status = 'failed'"),
}
