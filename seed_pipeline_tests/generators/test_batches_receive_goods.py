"""Every batch arrives with goods: a class of goods that sold next to nothing still comes as one pound or one unit.

The chaos settings below once made a batch of 0 lb, which its purchase order could not have ordered.
"""

from datetime import date

import pytest

from seed_pipeline.business.history import core_history
from seed_pipeline.generation.context import SeedSettings


@pytest.mark.parametrize("settings", [SeedSettings("chaos", 3, 1.0, date(2026, 10, 31)),
                                      SeedSettings("chaos", 1, 1.0, date(2026, 3, 31)),
                                      SeedSettings("light", 5, 1.0, date(2026, 2, 28))])
def test_every_batch_receives_at_least_one_pound_or_unit(settings):
    batches = core_history(settings).batches
    assert (batches["received"] >= 1.0).all(), batches.loc[batches["received"] < 1.0, ["id", "unit", "received"]]
