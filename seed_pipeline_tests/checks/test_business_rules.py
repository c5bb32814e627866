"""The functions of ``business/rules.py``, which the generators and the checks share, on hand-computed cases.

A bug in a shared rule passes both the seed and its check, so each function meets values worked out
here from the rule as docs/generators.md states it (quarter pounds, payment terms in days, 120+ days
aged, halves rounded up), at its boundaries.
"""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from seed_pipeline.business import rules

END = date(2026, 10, 31)


def test_a_trade_step_is_a_unit_or_a_quarter_pound():
    assert rules.trade_step([True, False, 1, 0]).tolist() == [1.0, 0.25, 1.0, 0.25]


@pytest.mark.parametrize("rounding, expected", [
    (np.floor, [2.0, 2.25, 0.75, 0.25, 3.0, np.nan]),
    (np.ceil, [3.0, 2.5, 0.75, 0.5, 3.0, np.nan]),
    (np.round, [2.0, 2.25, 0.75, 0.25, 3.0, np.nan]),
])
def test_quantities_go_to_their_trade_steps(rounding, expected):
    # 0.7499999 is three quarters short by a rounding error: three steps, not two; a missing quantity stays missing
    quantity, whole = [2.3, 2.3, 0.7499999, 0.3, 2.9999999, None], [True, False, False, False, True, False]
    np.testing.assert_array_equal(rules.in_trade_units(quantity, whole, rounding), expected)


def test_quantities_go_down_to_their_trade_steps_by_default():
    assert rules.in_trade_units([2.3, 0.49], [False, False]).tolist() == [2.25, 0.25]


def test_a_millionth_of_a_step_is_no_rounding_error():
    # the snap to a whole step forgives less than a millionth of a step, not a millionth itself
    assert rules.in_trade_units([1e-6], [True], np.ceil).tolist() == [1.0]
    assert rules.is_in_trade_units([1e-6, 0.0], [True, True]).tolist() == [False, True]


def test_a_quantity_is_in_trade_units_on_its_steps_only():
    quantity = [2.25, 2.3, 3.0, 3.5, np.nan, None, 1.0000001, 0.2500001]
    whole = [False, False, True, True, False, False, True, False]
    assert rules.is_in_trade_units(quantity, whole).tolist() == [True, False, True, False, False, False, True, True]


@pytest.mark.parametrize("buyers, top", [(0, 0), (1, 1), (2, 2), (10, 2), (25, 2), (35, 4), (60, 6)])
def test_top_buyers_are_a_tenth_at_least_two(buyers, top):
    assert rules.top_buyers(buyers) == top  # round(2.5) is 2 and round(3.5) is 4: Python rounds halves to even


@pytest.mark.parametrize("share, rows, count", [
    (0.005, 1000, 5), (0.05, 30, 2), (0.05, 10, 1), (0.01, 10, 1), (0.05, 50, 3), (0.05, 49, 2), (0.1, 0, 1),
])
def test_rows_for_a_share_round_halves_up_and_keep_one(share, rows, count):
    assert rules.rows_for_share(share, rows) == count


@pytest.mark.parametrize("what, grade, price", [
    ("indoor", "A", 2160.0), ("greenhouse", "B", 1260.0), ("outdoor", "D", 600.0),
    ("Concentrates", None, 9.0), ("Vapes", None, 14.0), ("Bulk Oil", None, 4.0), ("Manufactured Products", None, 7.0),
])
def test_list_prices(what, grade, price):
    assert rules.list_price(what, grade) == pytest.approx(price, rel=1e-12)


def test_a_list_price_of_nothing_known_is_an_error():
    with pytest.raises(KeyError, match="Flower"):
        rules.list_price("Flower", "A")


def test_margin_is_a_share_of_revenue():
    assert rules.margin([100.0, 200.0, 80.0], [75.0, 150.0, 100.0]).tolist() == [0.25, 0.25, -0.25]


def test_due_dates_follow_the_terms():
    terms = pd.Series(["COD", "NET_7", "NET_15", "NET_30", "CONSIGNMENT", "PARTIAL"])
    issued = pd.Series(pd.to_datetime(["2026-01-10"] * 6))
    expected = ["2026-01-10", "2026-01-17", "2026-01-25", "2026-02-09", "2026-02-24", "2026-02-09"]
    assert rules.due_dates(issued, terms).tolist() == list(pd.to_datetime(expected))


def test_days_past_due_count_whole_days_after_the_due_date():
    due = pd.Series(["2026-10-30 00:00:00", "2026-10-31 00:00:00", "2026-11-30 00:00:00", "2026-10-30 23:00:00"])
    assert rules.days_past_due(due, END).tolist() == [1, 0, -30, 0]  # an hour before the end date: no whole day


def test_sale_status_says_what_the_invoice_says():
    invoices = pd.Series(["PAID", "PARTIAL", "OVERDUE", "VOID", "SENT"], index=[5, 6, 7, 8, 9])
    sale = rules.sale_status(invoices)
    assert sale.to_dict() == {5: "PAID", 6: "PARTIAL", 7: "OVERDUE", 8: "CANCELLED", 9: "PENDING"}


def test_ar_aging_splits_by_days_past_due():
    # due on the end date (not late), a day late, 120 days late (aged) and 119 days late (not yet aged)
    due = pd.Series(["2026-10-31", "2026-10-30", "2026-07-03", "2026-07-04"])
    aging = rules.ar_aging(pd.Series([100.0, 50.0, 25.0, 10.0]), due, END)
    assert aging == {"receivable": 185.0, "overdue": 85.0, "aged": 25.0}


@pytest.mark.parametrize("column, future", [
    ("dueDate", True), ("valid_until", True), ("expires_at", True), ("needed_by", True), ("neededBy", True),
    ("start_date", True), ("end_date", True), ("reminder_time", True), ("instance_date", True),
    ("expectedDeliveryDate", True), ("next_generation_at", True), ("DUEDATE", True),
    ("created_at", False), ("event_start_date", False), ("last_reminder_time", False), ("paid_at", False),
])
def test_only_dates_that_look_ahead_may_be_future(column, future):
    assert rules.may_be_future(column) is future


@pytest.mark.parametrize("sales, counts", [
    (100, {"CONVERTED": 10, "EXPIRED": 4, "REJECTED": 2, "SENT": 1, "VIEWED": 1, "ACCEPTED": 1, "DRAFT": 1}),
    (1000, {"CONVERTED": 100, "EXPIRED": 40, "REJECTED": 20, "SENT": 4, "VIEWED": 3, "ACCEPTED": 3, "DRAFT": 5}),
    (1150, {"CONVERTED": 115, "EXPIRED": 46, "REJECTED": 23, "SENT": 4, "VIEWED": 4, "ACCEPTED": 4, "DRAFT": 6}),
])
def test_quote_counts_by_outcome(sales, counts):
    assert rules.quote_counts(sales) == counts


def test_invoice_status_counts_any_payment_and_keeps_the_invoices_index():
    # half a dollar paid is a partial payment; the statuses stay on the invoices they are for
    frame = pd.DataFrame({"total": [100.0, 100.0], "paid": [0.5, 0.0], "due": pd.to_datetime(["2026-11-30"] * 2),
                          "written_off": [0.0, 0.0]}, index=[7, 9])
    status = rules.invoice_status(frame["total"], frame["paid"], frame["due"], END, frame["written_off"])
    assert status.to_dict() == {7: "PARTIAL", 9: "SENT"}


@pytest.mark.parametrize("sales, counts", [
    (50, {"CANCELLED": 1, "DRAFT": 1, "VOIDED": 1}),  # 1 cancelled, a quarter of a draft and half a voided invoice
    (250, {"CANCELLED": 5, "DRAFT": 1, "VOIDED": 3}),  # 1.25 drafts is one; 2.5 voided invoices round up to 3
    (1000, {"CANCELLED": 20, "DRAFT": 5, "VOIDED": 10}),
])
def test_unsold_counts_are_their_shares_of_the_sales_that_stand(sales, counts):
    # 2% of the standing sales cancelled, 0.5% left as drafts, 1% of their invoices voided; at least one each
    assert rules.unsold_counts(sales) == counts


# (order type, draft, sale status, shipped at) -> cancelled before it shipped, stands
SALES = [
    (("SALE", 0, "PAID", "2026-10-02 10:00:00"), False, True),
    (("SALE", 0, "PENDING", None), False, True),  # confirmed, not yet shipped
    (("QUOTE", 0, None, None), False, False),
    (("SALE", 1, None, None), False, False),  # a draft
    (("SALE", 0, "CANCELLED", None), True, False),  # cancelled before its goods left
    (("SALE", 0, "CANCELLED", "2026-10-02 10:00:00"), False, True),  # written off after it shipped: it was sold
]


def test_a_sale_stands_unless_a_quote_a_draft_or_cancelled_before_it_shipped():
    order_type, is_draft, status, shipped = ([sale[i] for sale, _, _ in SALES] for i in range(4))
    assert rules.cancelled(status, shipped).tolist() == [gone for _, gone, _ in SALES]
    standing = rules.stands(order_type, is_draft, status, shipped)
    assert standing.dtype == bool  # a mask of the sales, read as such: 0 and 1 from the database's drafts are cast
    assert standing.tolist() == [stands for _, _, stands in SALES]
