"""Breaking cases of the rules of sales sheets, their versions, interest lists and the samples that led to orders."""

from seed_pipeline_tests.checks.rule_cases import case

# sheet 1, the first sent, is template 1's first sheet (of two)
_ITEM_BATCH = "(SELECT json_extract(items, '$[0].id') FROM sales_sheet_history WHERE id = 1)"
_SENT = "(SELECT created_at FROM sales_sheet_history WHERE id = 1)"
_VERSION_COLUMNS = ("templateId, versionNumber, name, description, filters, selected_items, column_visibility, changes, "
                    "createdBy, createdAt")
_V1, _V2 = ("(SELECT id FROM salesSheetVersions WHERE templateId = 1 AND versionNumber = 1)",
            "(SELECT id FROM salesSheetVersions WHERE templateId = 1 AND versionNumber = 2)")  # template 1 has two
_CONVERTED = "(SELECT min(id) FROM client_interest_lists WHERE status = 'CONVERTED')"
_DRAFT_BATCH = "(SELECT batch_id FROM client_draft_interests WHERE id = 3)"  # the only draft of its batch
_VIEW_CLIENT = "(SELECT client_id FROM client_catalog_views WHERE id = 3)"  # its client's only view
_REQUEST = "(SELECT min(id) FROM sampleRequests WHERE relatedOrderId IS NOT NULL)"
_ITS_ORDER = f"(SELECT relatedOrderId FROM sampleRequests WHERE id = {_REQUEST})"


def _sheet_item(field: str, change: str, total: str = "0") -> str:
    """Sheet 1's first item's ``field`` changed by ``change``, the sheet's total by ``total``."""
    return (f"UPDATE sales_sheet_history SET items = json_set(items, '$[0].{field}', "
            f"json_extract(items, '$[0].{field}') + {change}), total_value = total_value + {total} WHERE id = 1")


CASES = {
    "sales_sheets_priced_by_client_profile": (
        case(1, "UPDATE sales_sheet_history SET total_value = total_value + 5 WHERE id = 1"),
        case(1, "UPDATE sales_sheet_history SET item_count = item_count + 1 WHERE id = 1"),
        case(1, _sheet_item("retailPrice", "1", total="1")),  # an item off the profile's price, the total its items'
        case(1, _sheet_item("basePrice", "1")),  # an item's base price off its batch's cost
        # the batch arrived a second after the sheet was sent, and the very second (which holds)
        case(1, f"UPDATE batches SET createdAt = datetime({_SENT}, '+1 second') WHERE id = {_ITEM_BATCH}"),
        case(0, f"UPDATE batches SET createdAt = {_SENT} WHERE id = {_ITEM_BATCH}"),
        # its template another client's (both of the template's sheets); made a second after the sheet, and the very
        # second (which holds)
        case(2, "UPDATE sales_sheet_templates SET client_id = client_id + 1 WHERE id = 1"),
        case(1, f"UPDATE sales_sheet_templates SET created_at = datetime({_SENT}, '+1 second') WHERE id = 1"),
        case(0, f"UPDATE sales_sheet_templates SET created_at = {_SENT} WHERE id = 1"),
        # a sheet of no item, whose total and count say so, and no sheet at all (both hold)
        case(0, "UPDATE sales_sheet_history SET items = '[]', total_value = 0, item_count = 0 WHERE id = 1"),
        case(0, "DELETE FROM sales_sheet_history"),
    ),
    "sheet_versions_tell_the_changes": (
        case(1, "UPDATE salesSheetVersions SET versionNumber = 7 WHERE id = (SELECT min(id) FROM salesSheetVersions)"),
        case(1, f"UPDATE salesSheetVersions SET versionNumber = 3 WHERE id = {_V2}"),  # 1, 3 (the template at 2)
        # version 2 stored before version 1 (its rows out of order), all else as it was (which holds)
        case(0, f"INSERT INTO salesSheetVersions ({_VERSION_COLUMNS}) SELECT {_VERSION_COLUMNS} FROM salesSheetVersions "
                f"WHERE id = {_V1}", f"DELETE FROM salesSheetVersions WHERE id = {_V1.replace('SELECT id', 'SELECT min(id)')}"),
        case(1, "UPDATE salesSheetVersions SET createdAt = datetime((SELECT createdAt FROM salesSheetVersions "
                f"WHERE id = {_V1}), '-1 second') WHERE id = {_V2}"),  # version 2 a second before version 1
        # version 2 says nothing, or nothing at all; one character says something (which holds)
        case(1, f"UPDATE salesSheetVersions SET changes = '' WHERE id = {_V2}"),
        case(1, f"UPDATE salesSheetVersions SET changes = NULL WHERE id = {_V2}"),
        case(0, f"UPDATE salesSheetVersions SET changes = '+' WHERE id = {_V2}"),
        case(1, "UPDATE sales_sheet_templates SET current_version = 3 WHERE id = 1"),
        case(1, "UPDATE sales_sheet_templates SET selected_items = json_remove(selected_items, '$[0]') WHERE id = 1"),
        case(1, "UPDATE sales_sheet_templates SET created_at = datetime(created_at, '+1 second') WHERE id = 1"),
        # a version of no template; a template with no version
        case(1, f"INSERT INTO salesSheetVersions ({_VERSION_COLUMNS}) SELECT 99, versionNumber, name, description, "
                f"filters, selected_items, column_visibility, changes, createdBy, createdAt FROM salesSheetVersions "
                f"WHERE id = {_V1}"),
        case(1, "DELETE FROM salesSheetVersions WHERE templateId = 1"),
    ),
    "live_catalog_priced_by_client_profile": (
        case(1, "UPDATE client_interest_list_items SET price_at_interest = price_at_interest + 10 WHERE id = 1"),
        # off the profile's price, the list's total its items'
        case(1, "UPDATE client_interest_list_items SET price_at_interest = price_at_interest + 10 WHERE id = 1",
             "UPDATE client_interest_lists SET total_value = total_value + 10 WHERE id = 1"),
        case(1, "UPDATE client_interest_lists SET total_value = total_value + 10 WHERE id = 1"),
        case(1, "UPDATE client_interest_lists SET total_items = total_items + 1 WHERE id = 1"),
        # a list of no item, whose total and count say so (which holds)
        case(0, "DELETE FROM client_interest_list_items WHERE interest_list_id = 1",
             "UPDATE client_interest_lists SET total_items = 0, total_value = 0 WHERE id = 1"),
        # converted to no order, to another client's, ordered a second before it was sent and the very second (holds)
        case(1, f"UPDATE client_interest_lists SET converted_to_order_id = NULL WHERE id = {_CONVERTED}"),
        case(1, f"UPDATE client_interest_lists SET converted_to_order_id = (SELECT min(id) FROM orders WHERE client_id <> "
                f"client_interest_lists.client_id) WHERE id = {_CONVERTED}"),
        case(1, f"UPDATE client_interest_lists SET submitted_at = datetime((SELECT created_at FROM orders "
                f"WHERE id = converted_to_order_id), '+1 second') WHERE id = {_CONVERTED}"),
        case(0, f"UPDATE client_interest_lists SET submitted_at = (SELECT created_at FROM orders "
                f"WHERE id = converted_to_order_id) WHERE id = {_CONVERTED}"),
        # a draft of a batch emptied, with a quarter pound left (which holds), added a second before the batch arrived
        # and the very second (which holds)
        case(1, f"UPDATE batches SET onHandQty = 0 WHERE id = {_DRAFT_BATCH}"),
        case(0, f"UPDATE batches SET onHandQty = 0.25 WHERE id = {_DRAFT_BATCH}"),
        case(1, f"UPDATE client_draft_interests SET added_at = datetime((SELECT createdAt FROM batches "
                f"WHERE id = {_DRAFT_BATCH}), '-1 second') WHERE id = 3"),
        case(0, f"UPDATE client_draft_interests SET added_at = (SELECT createdAt FROM batches WHERE id = {_DRAFT_BATCH}) "
                "WHERE id = 3"),
        case(1, "UPDATE client_draft_interests SET batch_id = 999999 WHERE id = 3"),  # no such batch
        # a view made a second before its client, the very second (which holds), updated before it was made, the very
        # second (which holds), and of no client
        case(1, f"UPDATE client_catalog_views SET created_at = datetime((SELECT created_at FROM clients "
                f"WHERE id = {_VIEW_CLIENT}), '-1 second') WHERE id = 3"),
        case(0, f"UPDATE client_catalog_views SET created_at = (SELECT created_at FROM clients WHERE id = {_VIEW_CLIENT}) "
                "WHERE id = 3"),
        case(1, "UPDATE client_catalog_views SET updated_at = datetime(created_at, '-1 second') WHERE id = 3"),
        case(0, "UPDATE client_catalog_views SET updated_at = created_at WHERE id = 3"),
        case(1, "UPDATE client_catalog_views SET client_id = 999999 WHERE id = 3"),
    ),
    "sample_requests_precede_their_orders": (
        case(1, f"UPDATE sampleRequests SET requestDate = '2030-01-01 00:00:00' WHERE id = {_REQUEST}"),
        # requested the very second of the order; fulfilled a second after it and the very second (which holds)
        case(1, f"UPDATE sampleRequests SET requestDate = (SELECT created_at FROM orders WHERE id = {_ITS_ORDER}) "
                f"WHERE id = {_REQUEST}"),
        case(1, f"UPDATE sampleRequests SET fulfilledDate = datetime((SELECT created_at FROM orders "
                f"WHERE id = {_ITS_ORDER}), '+1 second') WHERE id = {_REQUEST}"),
        case(0, f"UPDATE sampleRequests SET fulfilledDate = (SELECT created_at FROM orders WHERE id = {_ITS_ORDER}) "
                f"WHERE id = {_REQUEST}"),
        case(1, f"UPDATE sampleRequests SET sampleRequestStatus = 'PENDING' WHERE id = {_REQUEST}"),
        case(1, f"UPDATE sampleRequests SET clientId = clientId + 1 WHERE id = {_REQUEST}"),
        # sampled a product the order did not buy; the order bought nothing
        case(1, f"UPDATE sampleRequests SET products = json_set(products, '$[0].productId', (SELECT min(productId) "
                f"FROM batches WHERE productId NOT IN (SELECT b.productId FROM order_line_items l JOIN batches b "
                f"ON b.id = l.batch_id WHERE l.order_id = {_ITS_ORDER}))) WHERE id = {_REQUEST}"),
        case(1, f"DELETE FROM order_line_items WHERE order_id = {_ITS_ORDER}"),
        # the order names no request back; another order names the request, which names its own order
        case(1, f"UPDATE orders SET related_sample_request_id = NULL WHERE id = {_ITS_ORDER}"),
        case(1, f"UPDATE orders SET related_sample_request_id = {_REQUEST} "
                f"WHERE id = (SELECT min(id) FROM orders WHERE related_sample_request_id IS NULL)"),
    ),
}
