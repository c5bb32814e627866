"""TERP's return statistics (routers/returns.ts getStats) count every reason: a history with five
returns or more has them all, in the documented mix."""

from collections import Counter

import pytest

from seed_pipeline.business.history import core_history
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline_tests.helpers import END_DATE

REASONS = {"DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED", "CUSTOMER_CHANGED_MIND", "OTHER"}


@pytest.mark.parametrize("seed, scale", [(1, 1.0), (2, 0.3), (3, 0.25)])
def test_every_reason_once_there_are_five_returns(seed, scale):
    reasons = Counter(core_history(SeedSettings("full", seed, scale, END_DATE)).returns["returnReason"])
    assert sum(reasons.values()) >= 5
    assert set(reasons) == REASONS
    assert reasons["DEFECTIVE"] == max(reasons.values())  # the commonest reason, as in the mix
