"""Breaking cases of the trade's units: a hundredth of a pound of flower, half a unit of packaged goods.

Each statement puts one row's quantity just off its goods' trade steps (flower's quarter pound,
one unit otherwise), in a column, a text column TERP keeps quantities in, or a JSON item.
"""

from seed_pipeline_tests.checks.rule_cases import case

FLOWER_BATCHES = "(SELECT b.id FROM batches b JOIN products p ON p.id = b.productId WHERE p.uomSellable = 'LB')"
WHOLE_BATCHES = "(SELECT b.id FROM batches b JOIN products p ON p.id = b.productId WHERE p.uomSellable <> 'LB')"
FLOWER_BEFORE_WHOLE = ("(SELECT p.id FROM products p JOIN products n ON n.id = p.id + 1 "
                       "WHERE p.uomSellable = 'LB' AND n.uomSellable <> 'LB')")

CASES = {
    "quantities_in_trade_units": (
        # the "0.01 returned and restocked" of old: a hundredth of a pound on a flower line
        case(1, f"UPDATE order_line_items SET quantity = 0.01 WHERE id = "
                f"(SELECT min(id) FROM order_line_items WHERE batch_id IN {FLOWER_BATCHES})"),
        # an eighth of a pound is half a quarter: off the step the books hold
        case(1, f"UPDATE batches SET onHandQty = '2.13' WHERE id = (SELECT min(id) FROM {FLOWER_BATCHES})"),
        # half a vape cartridge moved; its before and after are off too, but it is one row
        case(1, f"UPDATE inventoryMovements SET quantityChange = '-0.50', quantityBefore = '10.50' "
                f"WHERE id = (SELECT min(id) FROM inventoryMovements WHERE batchId IN {WHOLE_BATCHES})"),
        # a client's need for flower by the hundredth
        case(1, "UPDATE client_needs SET quantity_min = 1.01 WHERE id = "
                "(SELECT min(id) FROM client_needs WHERE category = 'Flower' AND quantity_min IS NOT NULL)"),
        # a return's JSON item: a third of whatever it sent back (no unit's step)
        case(1, "UPDATE returns SET items = json_set(items, '$[0].quantity', 0.33) WHERE id = (SELECT min(id) FROM returns)"),
        # a standing order's template, an object holding its items
        case(1, "UPDATE recurring_orders SET order_template = json_set(order_template, '$.items[0].quantity', 0.33) "
                "WHERE id = (SELECT min(id) FROM recurring_orders)"),
        # a sample request's quantity, which TERP keeps as text
        case(1, "UPDATE sampleRequests SET products = json_set(products, '$[0].quantity', '0.10') "
                "WHERE id = (SELECT min(id) FROM sampleRequests)"),
        # a line of goods the history does not know: no trade step to be on
        case(1, "UPDATE order_line_items SET batch_id = 999999 WHERE id = 1"),
        # a sample request's quantity in words: text, yet no number of steps
        case(1, "UPDATE sampleRequests SET products = json_set(products, '$[0].quantity', 'two') "
                "WHERE id = (SELECT min(id) FROM sampleRequests)"),
        # a return's item naming its batch by a label, not a number: goods the history does not know
        case(1, "UPDATE returns SET items = json_set(items, '$[0].batchId', 'B-3') WHERE id = (SELECT min(id) FROM returns)"),
        # the rule counts rows: two orders with an item off its step are two, one order with two such items is one
        case(2, "UPDATE orders SET items = json_set(items, '$[0].quantity', 0.33) WHERE id IN "
                "(SELECT id FROM orders WHERE json_array_length(items) >= 1 ORDER BY id LIMIT 2)"),
        case(1, "UPDATE orders SET items = json_set(items, '$[0].quantity', 0.33, '$[1].quantity', 0.33) WHERE id = "
                "(SELECT min(id) FROM orders WHERE json_array_length(items) >= 2)"),
        # a quarter pound of the flower product numbered just before packaged goods: on its step, as its own unit
        # says (a rule reading its neighbour's unit would count a quarter of a packaged unit)
        case(0, f"UPDATE sales SET productId = {FLOWER_BEFORE_WHOLE}, quantity = 0.25 WHERE id = (SELECT min(id) FROM sales)"),
    ),
}
