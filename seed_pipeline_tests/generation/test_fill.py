"""Deferred references are filled from their targets: paired exactly where the target points back."""

import pandas as pd

from seed_pipeline.graph import build_graph
from seed_pipeline_tests.helpers import fill_all


def _filled(seeded, table: str, column: str) -> pd.Series:
    chosen, frames = seeded
    ref = next(r for r in build_graph().deferred if (r.table, r.column) == (table, column))
    return fill_all(chosen, frames)[ref]


def test_an_order_gets_the_invoice_that_names_it(seeded):
    _, frames = seeded
    invoices = frames["invoices"]
    naming = invoices[invoices["referenceType"] == "ORDER"].drop_duplicates("referenceId")
    expected = pd.Series(naming["id"].to_numpy(), index=naming["referenceId"].astype("int64").to_numpy())
    filled = _filled(seeded, "orders", "invoice_id")
    assert filled.notna().any()
    pd.testing.assert_series_equal(
        filled.dropna(), expected.reindex(filled.dropna().index), check_names=False, check_dtype=False
    )
    assert filled[~filled.index.isin(expected.index)].isna().all()


def test_unpaired_references_are_filled_for_a_share_of_rows(seeded):
    _, frames = seeded
    filled = _filled(seeded, "orders", "intake_event_id")
    assert 0 < filled.notna().mean() < 0.5
    assert filled.dropna().isin(frames["calendar_events"]["id"]).all()
