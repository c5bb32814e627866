"""Breaking cases of the rules of tags, synonyms, media, inventory views, the VIP portal and deployments."""

from seed_pipeline_tests.checks.rule_cases import case

CASES = {
    "product_is_tagged_as_what_it_is": case(1, 
        "DELETE FROM productTags WHERE id = (SELECT min(pt.id) FROM productTags pt JOIN tags t ON t.id = pt.tagId "
        "WHERE t.category = 'grow_method')"),
    "synonym_names_its_strain": case(1, 
        "UPDATE productSynonyms SET synonym = (SELECT upper(s.name) FROM strains s JOIN products p ON p.strainId = s.id "
        "WHERE p.id = productSynonyms.productId) WHERE id = 1"),
    "tag_in_one_group": case(1, "DELETE FROM tagGroupMembers WHERE id = 1"),
    # tag 1 (a root) gets its child 2 as parent: 1 and 2 loop, and so do 3-6, 1's other children
    "tag_hierarchy_is_a_tree": case(
        6,
        "INSERT INTO tagHierarchy (parentTagId, childTagId, createdAt) SELECT childTagId, parentTagId, createdAt "
        "FROM tagHierarchy WHERE id = 1"),
    "media_follows_its_photo_session": case(1, 
        "UPDATE productMedia SET uploadedBy = (SELECT min(id) FROM users WHERE id <> productMedia.uploadedBy) WHERE id = 1"),
    "portal_only_for_buying_clients": case(  # a non-buyer's portal, and its client left without one
        2,
        "UPDATE vip_portal_configurations SET client_id = (SELECT min(id) FROM clients WHERE is_buyer = 0) WHERE id = 1"),
    "portal_login_is_its_clients": case(1, 
        "UPDATE vip_portal_auth SET last_login_at = datetime(last_login_at, '-1 day') WHERE id = 1"),
    "portal_credentials_are_test_values": case(1, 
        "UPDATE vip_portal_auth SET session_token = 'a3f0c2de-51b7-4c1e-9d0a-6a2f51c0e9b4' WHERE id = 1"),
    "releases_move_forward": case(1,   # the last release ships a patch of the first one: the version goes back
        "UPDATE deployments SET commitMessage = 'chore(main): release 1.0.1 (#999)', webhookPayload = "
        "json_set(webhookPayload, '$.head_commit.message', 'chore(main): release 1.0.1 (#999)') "
        "WHERE id = (SELECT max(id) FROM deployments WHERE status = 'success')"),
    "inventory_view_by_someone_who_sees_inventory": case(1, 
        "UPDATE inventoryViews SET filters = json_set(filters, '$.vendor', json_array('Nobody Farms')) WHERE id = 1"),
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
