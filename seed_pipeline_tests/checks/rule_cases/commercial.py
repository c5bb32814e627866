"""Breaking cases of the pricing, matchmaking and sample rules and of the commercial contract (JSON, states)."""

from seed_pipeline_tests.checks.rule_cases import case

_FIRST = "id = (SELECT min(id) FROM {table} WHERE {where})"


def _one(table: str, where: str) -> str:
    return _FIRST.format(table=table, where=where)


CASES = {
    # one buying client without a profile: its lines cannot be priced. It is the client with the fewest lines
    # of the profile that prices the most lines, so the lines left still give that profile's prices
    "profile_prices_reproduce_charged_prices": (case(1, (
        "UPDATE clients SET pricing_profile_id = NULL WHERE id = (SELECT o.client_id FROM order_line_items l "
        "JOIN orders o ON o.id = l.order_id JOIN clients c ON c.id = o.client_id WHERE c.pricing_profile_id = "
        "(SELECT c2.pricing_profile_id FROM order_line_items l2 JOIN orders o2 ON o2.id = l2.order_id "
        "JOIN clients c2 ON c2.id = o2.client_id GROUP BY c2.pricing_profile_id ORDER BY count(*) DESC LIMIT 1) "
        "GROUP BY o.client_id ORDER BY count(*), o.client_id LIMIT 1)")),
        # profile 1 (clients 1 and 2, 68 lines) and profile 2 (clients 3 to 10, 84 lines) price their lines within
        # 5% at the central 90%, their medians within a thousandth. The key account concession 7.5% instead of
        # 5.32%: profile 1's prices 2.3% under what its lines were charged, the median off, the spread still within
        # 10% (profile 2 holds)
        case(1, "UPDATE pricing_rules SET adjustment_value = 7.5 WHERE id = 2"),
        # client 10's 9 lines of profile 2 (over 5% of them) charged 20% over, or 20% under, its profile's prices
        case(1, "UPDATE order_line_items SET unit_price = round(unit_price * 1.2, 2) WHERE order_id IN "
                "(SELECT id FROM orders WHERE client_id = 10)"),
        case(1, "UPDATE order_line_items SET unit_price = round(unit_price * 0.8, 2) WHERE order_id IN "
                "(SELECT id FROM orders WHERE client_id = 10)"),
        # profile 1 given the outdoor flower clearance (10% off, rule 4) its outdoor lines (18 of 68) were not charged
        case(1, "UPDATE pricing_profiles SET rules = '[{\"priority\":100,\"ruleId\":1},{\"priority\":80,\"ruleId\":4},"
                "{\"priority\":50,\"ruleId\":2}]' WHERE id = 1"),
        # a batch sold to one client (batch 7, client 2; batch 1, client 5) costing 0, or a text that is no number:
        # its profile prices it at 0, and its client's lines are not priced
        case(1, "UPDATE batches SET unitCogs = '0' WHERE id = 7"),
        case(1, "UPDATE batches SET unitCogs = 'n/a' WHERE id = 1"),
        # an edge of profile 2's central 90% exactly 10% off (holds): five lines of batch priced 1,462.00 charged
        # exactly 90% (110%) of it, and line 1 charged 15% under (20% over) its price, so the 5% (95%) quantile falls
        # between two of the five
        case(0, "UPDATE order_line_items SET unit_price = 1315.80 WHERE id IN (60, 72, 102, 135, 140)",
             "UPDATE order_line_items SET unit_price = round(unit_price * 0.85, 2) WHERE id = 1"),
        case(0, "UPDATE order_line_items SET unit_price = 1608.20 WHERE id IN (60, 72, 102, 135, 140)",
             "UPDATE order_line_items SET unit_price = round(unit_price * 1.2, 2) WHERE id = 1"),
        # batch 3 at a tenth of its cost (52.7 cents) and its lines at a tenth of their price: priced under a dollar (holds)
        case(0, "UPDATE batches SET unitCogs = CAST(unitCogs AS REAL) / 10 WHERE id = 3",
             "UPDATE order_line_items SET unit_price = round(unit_price / 10, 2) WHERE batch_id = 3"),
    ),
    "price_alerts_watch_real_prices": (
        case(1, f"UPDATE client_price_alerts SET target_price = target_price * 2 WHERE {_one('client_price_alerts', 'active = 1')}"),
        # alert 3 (client 1, batch 26, not triggered, lapsed on 30 October): on a batch that does not exist; made a
        # second before its batch came in, and the very second (holds); expiring a second before it was made, and the
        # very second (holds); lapsed yet expiring in the end date's last second (holds) and a second later
        case(1, "UPDATE client_price_alerts SET batch_id = 9999 WHERE id = 3"),
        case(1, "UPDATE client_price_alerts SET created_at = '2026-10-08 10:25:37' WHERE id = 3"),
        case(0, "UPDATE client_price_alerts SET created_at = '2026-10-08 10:25:38' WHERE id = 3"),
        case(1, "UPDATE client_price_alerts SET expires_at = '2026-10-10 19:50:32' WHERE id = 3"),
        case(0, "UPDATE client_price_alerts SET expires_at = '2026-10-10 19:50:33' WHERE id = 3"),
        case(0, "UPDATE client_price_alerts SET expires_at = '2026-10-31 23:59:59' WHERE id = 3"),
        case(1, "UPDATE client_price_alerts SET expires_at = '2026-11-01 00:00:00' WHERE id = 3"),
        # alert 1 (client 1, batch 11, target 1,639.00, triggered on 3 October): client 1 bought batch 11 at 1,638.77 on
        # 8 October and at 1,646.61 on 13 October. Its target a cent under the first price (no purchase at or under it),
        # and exactly that price (holds); triggered a second after the first purchase (the later one is over the
        # target), and the very second of it (holds); triggered a second before it was made, and the very second
        # (holds); triggered and still active
        case(1, "UPDATE client_price_alerts SET target_price = 1638.76 WHERE id = 1"),
        case(0, "UPDATE client_price_alerts SET target_price = 1638.77 WHERE id = 1"),
        case(1, "UPDATE client_price_alerts SET triggered_at = '2026-10-08 11:22:23' WHERE id = 1"),
        case(0, "UPDATE client_price_alerts SET triggered_at = '2026-10-08 11:22:22' WHERE id = 1"),
        case(1, "UPDATE client_price_alerts SET triggered_at = '2026-10-02 08:02:19' WHERE id = 1"),
        case(0, "UPDATE client_price_alerts SET triggered_at = '2026-10-02 08:02:20' WHERE id = 1"),
        case(1, "UPDATE client_price_alerts SET active = 1 WHERE id = 1"),
        # alert 5 (client 1, batch 22, waiting): client 1's profile prices batch 22 at 1,321.68 today; a target of
        # exactly that (not below it), and a cent under (holds); expiring in the end date's last second (it should
        # have lapsed), and a second later (holds); its client without a profile (no price to be below)
        case(1, "UPDATE client_price_alerts SET target_price = 1321.68 WHERE id = 5"),
        case(0, "UPDATE client_price_alerts SET target_price = 1321.67 WHERE id = 5"),
        case(1, "UPDATE client_price_alerts SET expires_at = '2026-10-31 23:59:59' WHERE id = 5"),
        case(0, "UPDATE client_price_alerts SET expires_at = '2026-11-01 00:00:00' WHERE id = 5"),
        case(1, "UPDATE clients SET pricing_profile_id = NULL WHERE id = 1"),
    ),
    "matches_agree_and_precede_orders": (
        case(1, f"UPDATE client_needs SET grade = 'Z' WHERE id = (SELECT client_need_id FROM match_records "
                f"WHERE {_one('match_records', 'inventory_batch_id IS NOT NULL')})"),
        # match 5 (need 5 of client 8, batch 5, no sale): another client's; a batch that does not exist; the need of
        # another strain; the need of no grade (the batch has one); marked as a sale with no sale order, and
        # not marked either way with none (holds)
        case(1, "UPDATE match_records SET client_id = 9 WHERE id = 5"),
        case(1, "UPDATE match_records SET inventory_batch_id = 9999 WHERE id = 5"),
        case(1, "UPDATE client_needs SET strainId = 14 WHERE id = 5"),
        case(1, "UPDATE client_needs SET grade = NULL WHERE id = 5"),
        case(1, "UPDATE match_records SET resulted_in_sale = 1 WHERE id = 5"),
        case(0, "UPDATE match_records SET resulted_in_sale = NULL WHERE id = 5"),
        # match 8 (an offer, vendor_supply 9): the offer of another grade, of another strain (by name), no offer
        case(1, "UPDATE vendor_supply SET grade = 'Z' WHERE id = 9"),
        case(1, "UPDATE vendor_supply SET strain = 'Not ' || strain WHERE id = 9"),
        case(1, "UPDATE match_records SET vendor_supply_id = 9999 WHERE id = 8"),
        # match 4 (need 4 of client 2, the earlier order 12 of client 2): that order another client's; the need of
        # another grade, or another strain, than the order's goods; an order that does not exist
        case(1, "UPDATE orders SET client_id = 3 WHERE id = 12"),
        case(1, "UPDATE client_needs SET grade = 'Z' WHERE id = 4"),
        case(1, "UPDATE client_needs SET strainId = 7 WHERE id = 4"),
        case(1, "UPDATE match_records SET historical_order_id = 9999 WHERE id = 4"),
        # match 1 (need 1 made 18 October 06:58:06, the match 19 October 10:22:04, its sale order 19 at 12:34:42):
        # made a second after its order, and the very second (holds); made a second before its need, and the very
        # second (holds)
        case(1, "UPDATE match_records SET created_at = '2026-10-19 12:34:43' WHERE id = 1"),
        case(0, "UPDATE match_records SET created_at = '2026-10-19 12:34:42' WHERE id = 1"),
        case(1, "UPDATE match_records SET created_at = '2026-10-18 06:58:05' WHERE id = 1"),
        case(0, "UPDATE match_records SET created_at = '2026-10-18 06:58:06' WHERE id = 1"),
        # its sale order 38 of client 5, after the match, holding none of the need's goods (manufactured products)
        case(1, "UPDATE match_records SET sale_order_id = 38 WHERE id = 1"),
        # an order naming a need: order 16 (client 4) naming client 2's need 4; order 28 (client 2, 22 October
        # 08:48:44) naming need 4 made the very second of it (holds) and a second after it
        case(1, "UPDATE orders SET client_need_id = 4 WHERE id = 16"),
        case(0, "UPDATE orders SET client_need_id = 4 WHERE id = 28",
             "UPDATE client_needs SET created_at = '2026-10-22 08:48:44' WHERE id = 4"),
        case(1, "UPDATE orders SET client_need_id = 4 WHERE id = 28",
             "UPDATE client_needs SET created_at = '2026-10-22 08:48:45' WHERE id = 4"),
    ),
    "sample_log_agrees_with_batches": (
        case(1, "UPDATE sample_inventory_log SET quantity = quantity + 1 WHERE " + _one("sample_inventory_log", "action = 'ALLOCATED'")),
        # batch 14 (2.25 allocated, 0.5 released, 1.75 set aside): its allocation logged in two parts (holds)
        case(0, "INSERT INTO sample_inventory_log (batch_id, quantity, action, notes, created_by, created_at) "
                "SELECT batch_id, 0.25, action, notes, created_by, created_at FROM sample_inventory_log WHERE id = 2",
             "UPDATE sample_inventory_log SET quantity = 2 WHERE id = 2"),
        # batch 12 (0.25 allocated and set aside, by entry 3): its entry gone; its set-aside a text that is no
        # number (nothing set aside), and batch 28's empty, which logged nothing (holds); entry 3 logged the very second the batch was made (holds) and a
        # second before
        case(1, "DELETE FROM sample_inventory_log WHERE batch_id = 12"),
        case(1, "UPDATE batches SET sampleQty = 'n/a' WHERE id = 12"),
        case(0, "UPDATE batches SET sampleQty = '' WHERE id = 28"),
        case(0, "UPDATE sample_inventory_log SET created_at = (SELECT createdAt FROM batches WHERE id = 12) WHERE id = 3"),
        case(1, "UPDATE sample_inventory_log SET created_at = datetime((SELECT createdAt FROM batches WHERE id = 12), "
                "'-1 second') WHERE id = 3"),
        # batch 5 (0.75 allocated and set aside, 0.25 consumed): 0.24 allocated and set aside, and 0.25 (holds)
        case(1, "UPDATE sample_inventory_log SET quantity = 0.24 WHERE id = 12", "UPDATE batches SET sampleQty = '0.24' WHERE id = 5"),
        case(0, "UPDATE sample_inventory_log SET quantity = 0.25 WHERE id = 12", "UPDATE batches SET sampleQty = '0.25' WHERE id = 5"),
        # no sample consumed and no request fulfilled (holds)
        case(0, "DELETE FROM sample_inventory_log WHERE action = 'CONSUMED'",
             "UPDATE sampleRequests SET sampleRequestStatus = 'CANCELLED' WHERE sampleRequestStatus = 'FULFILLED'"),
        # a log that never released: each release taken off its allocation, then batch 12 set aside a pound more
        case(1, "UPDATE sample_inventory_log SET quantity = quantity - (SELECT sum(r.quantity) FROM sample_inventory_log r "
                "WHERE r.batch_id = sample_inventory_log.batch_id AND r.action = 'RELEASED') WHERE action = 'ALLOCATED' "
                "AND batch_id IN (SELECT batch_id FROM sample_inventory_log WHERE action = 'RELEASED')",
             "DELETE FROM sample_inventory_log WHERE action = 'RELEASED'",
             "UPDATE batches SET sampleQty = '1.25' WHERE id = 12"),
        # the cancelled request 3 fulfilled, a pound of product 105, which the log never consumed
        case(1, "UPDATE sampleRequests SET sampleRequestStatus = 'FULFILLED', products = '[{\"productId\":105,\"quantity\":\"1\"}]' "
                "WHERE id = 3"),
    ),
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
