"""Breaking cases of the pricing, matchmaking and sample rules and of the commercial contract (JSON, states)."""

from seed_pipeline_tests.checks.rule_cases import case

_FIRST = "id = (SELECT min(id) FROM {table} WHERE {where})"


def _one(table: str, where: str) -> str:
    return _FIRST.format(table=table, where=where)


CASES = {
    # one buying client without a profile: its lines cannot be priced. It is the client with the fewest lines
    # of the profile that prices the most lines, so the lines left still give that profile's prices
    "profile_prices_reproduce_charged_prices": case(1, (
        "UPDATE clients SET pricing_profile_id = NULL WHERE id = (SELECT o.client_id FROM order_line_items l "
        "JOIN orders o ON o.id = l.order_id JOIN clients c ON c.id = o.client_id WHERE c.pricing_profile_id = "
        "(SELECT c2.pricing_profile_id FROM order_line_items l2 JOIN orders o2 ON o2.id = l2.order_id "
        "JOIN clients c2 ON c2.id = o2.client_id GROUP BY c2.pricing_profile_id ORDER BY count(*) DESC LIMIT 1) "
        "GROUP BY o.client_id ORDER BY count(*), o.client_id LIMIT 1)")),
    "price_alerts_watch_real_prices": case(1, f"UPDATE client_price_alerts SET target_price = target_price * 2 WHERE {_one('client_price_alerts', 'active = 1')}"),
    "matches_agree_and_precede_orders": case(1, f"UPDATE client_needs SET grade = 'Z' WHERE id = (SELECT client_need_id FROM match_records "
                                         f"WHERE {_one('match_records', 'inventory_batch_id IS NOT NULL')})"),
    "sample_log_agrees_with_batches": case(1, "UPDATE sample_inventory_log SET quantity = quantity + 1 WHERE "
                                       + _one("sample_inventory_log", "action = 'ALLOCATED'")),
    # the contract: a JSON value TERP cannot read, a counted state missing
    "pricing_rules_conditions_reads_as_terp_expects": case(1, "UPDATE pricing_rules SET conditions = '{\"minPrice\": 0}' WHERE id = 1"),
    "pricing_profiles_rules_reads_as_terp_expects": case(1, "UPDATE pricing_profiles SET rules = '[{\"id\": 1}]' WHERE id = 1"),
    "match_records_match_reasons_reads_as_terp_expects": case(1, "UPDATE match_records SET match_reasons = '[{\"reason\": \"strain\"}]' WHERE id = 1"),
    "sampleRequests_products_reads_as_terp_expects": case(1, "UPDATE sampleRequests SET products = '[{\"batchId\": 1, \"price\": 5, \"quantity\": 1}]' WHERE id = 1"),
    "sales_sheet_templates_filters_reads_as_terp_expects": case(1, "UPDATE sales_sheet_templates SET filters = '[]' WHERE id = 1"),
    "sales_sheet_templates_selected_items_reads_as_terp_expects": case(1, "UPDATE sales_sheet_templates SET selected_items = '[1, 2]' WHERE id = 1"),
    "sales_sheet_templates_column_visibility_reads_as_terp_expects": case(1, "UPDATE sales_sheet_templates SET column_visibility = '{\"price\": true}' WHERE id = 1"),
    "salesSheetVersions_filters_reads_as_terp_expects": case(1, "UPDATE salesSheetVersions SET filters = '{\"category\": 3}' WHERE id = 1"),
    "salesSheetVersions_selected_items_reads_as_terp_expects": case(1, "UPDATE salesSheetVersions SET selected_items = '[{\"batchId\": 1}]' WHERE id = 1"),
    "salesSheetVersions_column_visibility_reads_as_terp_expects": case(1, "UPDATE salesSheetVersions SET column_visibility = '{\"vendor\": false}' WHERE id = 1"),
    "sales_sheet_history_items_reads_as_terp_expects": case(1, "UPDATE sales_sheet_history SET items = '[{\"itemId\": 1, \"price\": 150}]' WHERE id = 1"),
    "client_catalog_views_filters_reads_as_terp_expects": case(1, "UPDATE client_catalog_views SET filters = '{\"stockLevel\": \"plenty\"}' WHERE id = 1"),
    "client_needs_status_has_every_counted_state": case(1, "UPDATE client_needs SET status = 'ACTIVE' WHERE status = 'CANCELLED'"),
    "client_needs_priority_has_every_counted_state": case(1, "UPDATE client_needs SET priority = 'HIGH' WHERE priority = 'URGENT'"),
    "vendor_supply_status_has_every_counted_state": case(1, "UPDATE vendor_supply SET status = 'AVAILABLE' WHERE status = 'RESERVED'"),
    "match_records_match_type_has_every_counted_state": case(1, "UPDATE match_records SET match_type = 'EXACT' WHERE match_type = 'CLOSE'"),
    "match_records_user_action_has_every_counted_state": case(1, "UPDATE match_records SET user_action = 'NONE' WHERE user_action = 'DISMISSED'"),
    "sampleRequests_sampleRequestStatus_has_every_counted_state": case(1, "UPDATE sampleRequests SET sampleRequestStatus = 'FULFILLED' WHERE sampleRequestStatus = 'PENDING'"),
    "client_interest_lists_status_has_every_counted_state": case(1, "UPDATE client_interest_lists SET status = 'REVIEWED' WHERE status = 'NEW'"),
}
