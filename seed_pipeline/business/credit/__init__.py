"""The client credit side of the business, a pure function of the seed settings like the core history.

Store credits (issued for returns and as goodwill after refunds, spent on later invoices) and the
credit engine's monthly view of each client (signals, limits, the audit log of limit changes),
all derived from the core history. The books read the credits (``business/books/``): a credit
spent on an invoice is part of what was paid on it, and issuing, spending and lapsing post to
the ledger.
"""

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from seed_pipeline.business.credit.credits import Credits, credits
from seed_pipeline.business.credit.limits import limits
from seed_pipeline.business.credit.signals import signals
from seed_pipeline.business.history import core_history
from seed_pipeline.generation.context import HistoryWindow, SeedSettings, table_rng

ENGINE_RUNS_AT_HOUR = 6  # the monthly recalculation runs early, before the office opens


@dataclass(frozen=True)
class CreditBook:
    credits: pd.DataFrame
    applications: pd.DataFrame
    calculations: pd.DataFrame  # one per client and recalculation (at): signals, limit computed and on file
    audit: pd.DataFrame


@lru_cache(maxsize=4)
def credit_book(settings: SeedSettings) -> CreditBook:
    h = core_history(settings)
    window = HistoryWindow.ending(settings.end_date, settings.resolved.months)
    issued: Credits = credits(h, settings.end_date, table_rng(settings.seed, "credit.credits"))
    calc, audit = limits(signals(h, window))
    rng = table_rng(settings.seed, "credit.calculations")
    calc["at"] = calc["day"] + pd.to_timedelta(ENGINE_RUNS_AT_HOUR * 3600 + rng.integers(0, 3600, len(calc)), unit="s")
    audit["at"] = calc["at"].reindex(audit["calc"]).to_numpy()
    return CreditBook(issued.credits, issued.applications, calc, audit)
