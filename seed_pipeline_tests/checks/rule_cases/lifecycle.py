"""Breaking cases of the clients' lifecycle, on the light seed: October 2026 alone, ten buyers (ids 1-10),
the seller-only clients on the books at its opening (Thursday 1 October, 8:00)."""

from seed_pipeline_tests.checks.rule_cases import case

CASES = {
    "order_after_client_exists": case(  # the first order, a second before its client came on the books
        1, "UPDATE orders SET created_at = datetime((SELECT created_at FROM clients WHERE id = orders.client_id), '-1 second') "
           "WHERE id = 1"),
    "clients_acquired_over_time": (
        # buyer 1 on the books in January: the history opens then and spans ten months, seven once the spare
        # three are left out; the nine buyers acquired since all came in October: 6 months needed, 1 held
        case(5, "UPDATE clients SET created_at = '2026-01-05 10:00:00' WHERE id = 1"),
        # everyone on the books at the opening: none of the six acquisitions beyond the founding four (40% of ten)
        case(6, "UPDATE clients SET created_at = (SELECT min(created_at) FROM clients)")),
    "some_clients_won_back": case(  # the first buyer's orders 270 days earlier: a history long enough, no gap of 120 days
        1, "UPDATE orders SET created_at = datetime(created_at, '-270 days') WHERE client_id = (SELECT min(client_id) FROM orders)"),
    "some_whales_grew": case(  # a seller client on the books a year earlier: every sale falls in the second half
        1, "UPDATE clients SET created_at = '2025-10-01 10:00:00' WHERE id = (SELECT max(id) FROM clients)"),
}
