"""Breaking cases of the clients' lifecycle, on the light seed: October 2026 alone, ten buyers (ids 1-10),
the seller-only clients on the books at its opening (Thursday 1 October, 8:00). Buyer 2 spends the most
(its sales 3 and 4 first, 41 last), buyer 1 the next most."""

from seed_pipeline_tests.checks.rule_cases import case

OPENED_A_YEAR_EARLIER = "UPDATE clients SET created_at = '2025-10-01 10:00:00' WHERE id = (SELECT max(id) FROM clients)"
BUYER_1_SALES = "FROM orders WHERE client_id = 1 AND orderType = 'SALE' ORDER BY created_at"

CASES = {
    "order_after_client_exists": (
        # the first order, a second before its client came on the books
        case(1, "UPDATE orders SET created_at = datetime((SELECT created_at FROM clients WHERE id = orders.client_id), '-1 second') "
                "WHERE id = 1"),
        # the first order, the very second its client came on the books
        case(0, "UPDATE orders SET created_at = (SELECT created_at FROM clients WHERE id = orders.client_id) WHERE id = 1")),
    "clients_acquired_over_time": (
        # buyer 1 on the books in January: the history opens then and spans ten months, seven once the spare
        # three are left out; the nine buyers acquired since all came in October: 6 months needed, 1 held
        case(5, "UPDATE clients SET created_at = '2026-01-05 10:00:00' WHERE id = 1"),
        # everyone on the books at the opening: none of the six acquisitions beyond the founding four (40% of ten)
        case(6, "UPDATE clients SET created_at = (SELECT min(created_at) FROM clients)"),
        # the same but buyer 1, on the books exactly at the founding weeks' end (14 days), which is an acquisition
        case(5, "UPDATE clients SET created_at = CASE id WHEN 1 THEN '2026-10-15 08:00:00' ELSE '2026-10-01 08:00:00' END"),
        # buyer 1 on the books in June: five months, two once the spare three are left out; all nine acquisitions
        # came in October: 2 months needed, 1 held
        case(1, "UPDATE clients SET created_at = '2026-06-01 10:00:00' WHERE id = 1"),
        # every buyer but 3 on the books at a January opening: 5 of the six acquisitions beyond the founding four
        # missing, and the one made holds the one month it can fill
        case(5, "UPDATE clients SET created_at = '2026-01-05 10:00:00' WHERE id <= 10 AND id <> 3"),
        case(0, "DELETE FROM orders WHERE orderType = 'SALE'"),  # no buyers, no acquisitions owed
        # three buyers: the founding book is the two biggest (more than 40% of three), and buyer 3 was acquired
        case(0, "DELETE FROM orders WHERE orderType = 'SALE' AND client_id > 3"),
        # buyer 1 on the books in October 2025: thirteen months, six needed, one held
        case(5, "UPDATE clients SET created_at = '2025-10-05 10:00:00' WHERE id = 1")),
    "some_clients_won_back": (
        # the first buyer's orders 270 days earlier: a history long enough, no gap of 120 days
        case(1, "UPDATE orders SET created_at = datetime(created_at, '-270 days') WHERE client_id = (SELECT min(client_id) FROM orders)"),
        # its orders all at the first moment of 29 March: exactly 217 days to the end of 31 October is long enough
        case(1, "UPDATE orders SET created_at = '2026-03-29 00:00:00' WHERE client_id = (SELECT min(client_id) FROM orders)"),
        # buyer 2's orders all in March (a history long enough), buyer 1's first sale exactly 120 days before its
        # second: it came back after 120 days, which is a win-back
        case(0, "UPDATE orders SET created_at = '2026-03-01 10:00:00' WHERE client_id = 2",
             f"UPDATE orders SET created_at = (SELECT datetime(created_at, '-120 days') {BUYER_1_SALES} LIMIT 1 OFFSET 1) "
             f"WHERE id = (SELECT id {BUYER_1_SALES} LIMIT 1)")),
    # with a seller client on the books a year earlier, the history (1 October 2025, 10:00, to the end of
    # 31 October 2026) turns its second half at 17 April 2026, 05:00; the top buyers are 2 and 1
    "some_whales_grew": (
        case(1, OPENED_A_YEAR_EARLIER),  # every sale falls in the second half
        # the opening exactly 300 days before the end of the history: long enough to show a whale's growth
        case(1, "UPDATE clients SET created_at = '2026-01-05 00:00:00' WHERE id = (SELECT max(id) FROM clients)"),
        # buyer 2 spent 300,000 in January and exactly twice that at the very turn of the halves: it grew
        case(0, OPENED_A_YEAR_EARLIER, "UPDATE orders SET total = 0 WHERE client_id = 2 AND orderType = 'SALE'",
             "UPDATE orders SET created_at = '2026-01-05 10:00:00', total = 300000 WHERE id = 3",
             "UPDATE orders SET created_at = '2026-04-17 05:00:00', total = 600000 WHERE id = 4"),
        # buyer 2 spent fifty cents in January: it bought in the first half, and grew
        case(0, OPENED_A_YEAR_EARLIER, "UPDATE orders SET created_at = '2026-01-05 10:00:00', total = 0.5 WHERE id = 3"),
        # buyer 2 bought all but its last sale in January: it spent less in the second half
        case(1, OPENED_A_YEAR_EARLIER, "UPDATE orders SET created_at = '2026-01-05 10:00:00' WHERE client_id = 2 AND id <> 41"),
        # buyer 2 spent 100,000 in January and 300,000 a second before the turn: all in the first half, no growth
        case(1, OPENED_A_YEAR_EARLIER, "UPDATE orders SET total = 0 WHERE client_id = 2 AND orderType = 'SALE'",
             "UPDATE orders SET created_at = '2026-01-05 10:00:00', total = 100000 WHERE id = 3",
             "UPDATE orders SET created_at = '2026-04-17 04:59:59', total = 300000 WHERE id = 4"),
        # every sale a cent, buyer 2's all in January: it bought nothing in the second half, so did not grow
        case(1, OPENED_A_YEAR_EARLIER, "UPDATE orders SET total = 0.01 WHERE orderType = 'SALE'",
             "UPDATE orders SET created_at = '2026-01-05 10:00:00' WHERE client_id = 2"),
        # the light history is too short to show growth, and asks none even where the top buyers bought
        # everything in its first days
        case(0, "UPDATE orders SET created_at = '2026-10-02 10:00:00' WHERE client_id IN (1, 2)")),
}
