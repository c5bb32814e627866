"""Breaking cases of the rules of the order lifecycle: quotes, their conversion into sales, drafts.

The light seed (50 sales) holds 12 quotes: 5 CONVERTED, 2 EXPIRED, 1 REJECTED, one each SENT, VIEWED,
ACCEPTED, and one DRAFT.
"""

from seed_pipeline_tests.checks.rule_cases import case

FIRST_CONVERTED = "(SELECT min(converted_from_order_id) FROM orders)"
FIRST_PLAIN_SALE = "(SELECT min(id) FROM orders WHERE orderType = 'SALE' AND converted_from_order_id IS NULL)"
FIRST_QUOTE = "(SELECT min(id) FROM orders WHERE orderType = 'QUOTE')"
SENT = "(SELECT id FROM orders WHERE quoteStatus = 'SENT')"
VIEWED = "(SELECT id FROM orders WHERE quoteStatus = 'VIEWED')"
FIRST_ORDER_MOVE = "(SELECT min(id) FROM inventoryMovements WHERE referenceType = 'ORDER')"

CASES = {
    "converted_quote_has_its_sale": (
        # the quote's total no longer is its sale's: the sale breaks it
        case(1, f"UPDATE orders SET total = total + 1 WHERE id = {FIRST_CONVERTED}"),
        # a second sale names the quote: the quote (named twice) and that sale (not the quote's goods)
        case(2, f"UPDATE orders SET converted_from_order_id = {FIRST_CONVERTED} WHERE id = {FIRST_PLAIN_SALE}"),
        # the quote ran out the day before it was made, so before its sale was entered
        case(1, f"UPDATE orders SET valid_until = date(created_at, '-1 day') WHERE id = {FIRST_CONVERTED}"),
        # converted a second after its sale was entered
        case(1, f"UPDATE orders SET converted_at = datetime(converted_at, '+1 second') WHERE id = {FIRST_CONVERTED}"),
        # a sale names a quote that was rejected
        case(1, f"UPDATE orders SET converted_from_order_id = (SELECT min(id) FROM orders WHERE quoteStatus = 'REJECTED') "
                f"WHERE id = {FIRST_PLAIN_SALE}"),
        # no sale names the quote any more: the quote, converted into nothing
        case(1, f"UPDATE orders SET converted_from_order_id = NULL WHERE converted_from_order_id = {FIRST_CONVERTED}"),
        # the order naming the quote is not a sale (a quote with no status), all else the quote's own: that order
        case(1, f"UPDATE orders SET orderType = 'QUOTE' WHERE converted_from_order_id = {FIRST_CONVERTED}"),
        # the quote entered the very second its sale was: the sale is not after it
        case(1, f"UPDATE orders SET created_at = (SELECT created_at FROM orders WHERE converted_from_order_id = {FIRST_CONVERTED}) "
                f"WHERE id = {FIRST_CONVERTED}"),
        # the sale entered on the quote's last valid day holds; valid to the day before, it does not
        case(0, f"UPDATE orders SET valid_until = (SELECT date(created_at) FROM orders WHERE converted_from_order_id = "
                f"{FIRST_CONVERTED}) WHERE id = {FIRST_CONVERTED}"),
        case(1, f"UPDATE orders SET valid_until = (SELECT date(created_at, '-1 day') FROM orders WHERE converted_from_order_id = "
                f"{FIRST_CONVERTED}) WHERE id = {FIRST_CONVERTED}"),
        # the quote made out to another client, or one item's quantity changed (a quarter pound more): the sale
        case(1, f"UPDATE orders SET client_id = client_id + 1 WHERE id = {FIRST_CONVERTED}"),
        case(1, f"UPDATE orders SET items = json_set(items, '$[0].quantity', json_extract(items, '$[0].quantity') + 0.25) "
                f"WHERE id = {FIRST_CONVERTED}")),
    "quote_status_follows_its_validity": (
        case(1, "UPDATE orders SET valid_until = '2026-10-31' WHERE id = (SELECT min(id) FROM orders WHERE quoteStatus = 'EXPIRED')"),
        case(1, "UPDATE orders SET valid_until = '2026-10-31' WHERE quoteStatus = 'SENT'"),  # open, yet out at the end
        case(1, "UPDATE orders SET is_draft = 1 WHERE quoteStatus = 'VIEWED'"),
        case(1, "UPDATE orders SET converted_at = updated_at WHERE quoteStatus = 'REJECTED'"),
        case(1, "UPDATE orders SET quoteStatus = 'ACCEPTED' WHERE id = 1"),  # a sale with a quote's status
        case(1, "UPDATE orders SET quoteStatus = NULL WHERE quoteStatus = 'SENT'"),  # a quote with no status
        case(1, "UPDATE orders SET valid_until = NULL WHERE quoteStatus = 'REJECTED'"),  # nor a validity
        # valid to the day it was made: not a day; valid to the next day: exactly one, which holds
        case(1, "UPDATE orders SET valid_until = date(created_at) WHERE quoteStatus = 'REJECTED'"),
        case(0, "UPDATE orders SET valid_until = date(created_at, '+1 day') WHERE quoteStatus = 'REJECTED'"),
        case(1, "UPDATE orders SET valid_until = '2026-10-31' WHERE quoteStatus = 'DRAFT'"),  # a draft is open: out at the end
        case(0, "UPDATE orders SET valid_until = '2026-11-01' WHERE quoteStatus = 'SENT'")),  # open, valid the day after it
    "quotes_move_no_stock_nor_money": (
        case(1, "UPDATE invoices SET referenceId = (SELECT min(id) FROM orders WHERE orderType = 'QUOTE') WHERE id = 1"),
        case(1, "UPDATE order_line_items SET order_id = (SELECT min(id) FROM orders WHERE is_draft = 1) WHERE id = 1"),
        case(1, "UPDATE inventoryMovements SET referenceId = (SELECT max(id) FROM orders WHERE quoteStatus = 'EXPIRED') "
                "WHERE id = (SELECT min(id) FROM inventoryMovements WHERE referenceType = 'ORDER')"),
        case(1, "UPDATE orders SET confirmed_at = created_at WHERE id = (SELECT max(id) FROM orders WHERE orderType = 'QUOTE')"),
        case(1, f"UPDATE returns SET order_id = {FIRST_QUOTE} WHERE id = (SELECT min(id) FROM returns)"),  # goods sent back
        case(1, "UPDATE orders SET saleStatus = 'PENDING' WHERE quoteStatus = 'ACCEPTED'"),
        case(1, "UPDATE orders SET invoice_id = 1 WHERE quoteStatus = 'SENT'"),
        case(1, "UPDATE orders SET packed_at = created_at WHERE quoteStatus = 'VIEWED'"),
        case(1, "UPDATE orders SET shipped_at = created_at WHERE quoteStatus = 'DRAFT'"),
        # an invoice of a contract, and a movement of a lot, whose number is a quote's: neither is the quote's
        # two quotes, each with a line, an invoice, a stock movement, a return and a confirmation: two quotes, not one
        # a finding (nor one a kind of finding)
        case(2, f"UPDATE order_line_items SET order_id = CASE id WHEN 1 THEN {SENT} ELSE {VIEWED} END WHERE id IN (1, 2)",
             f"UPDATE invoices SET referenceId = CASE id WHEN 1 THEN {SENT} ELSE {VIEWED} END WHERE id IN (1, 2)",
             f"UPDATE inventoryMovements SET referenceId = CASE WHEN id = {FIRST_ORDER_MOVE} THEN {SENT} ELSE {VIEWED} END "
             f"WHERE id IN (SELECT id FROM inventoryMovements WHERE referenceType = 'ORDER' ORDER BY id LIMIT 2)",
             f"UPDATE returns SET order_id = {SENT} WHERE id = (SELECT min(id) FROM returns)",
             "UPDATE orders SET confirmed_at = created_at WHERE quoteStatus IN ('SENT', 'VIEWED')"),
        case(0, f"UPDATE invoices SET referenceType = 'CONTRACT', referenceId = {FIRST_QUOTE} WHERE id = 1"),
        case(0, f"UPDATE inventoryMovements SET referenceId = {FIRST_QUOTE} "
                "WHERE id = (SELECT min(id) FROM inventoryMovements WHERE referenceType = 'LOT')")),
    "orders_quoteStatus_has_every_counted_state": case(1, "UPDATE orders SET quoteStatus = 'SENT' WHERE quoteStatus = 'VIEWED'"),
    "orders_orderType_has_every_counted_state": case(1, "UPDATE orders SET orderType = 'SALE', quoteStatus = NULL, "
                                                        "is_draft = 0 WHERE orderType = 'QUOTE'"),
}
