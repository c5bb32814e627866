"""Clients come and go: a founding book, acquisitions over the history, churn, win-backs and whales that grew.

The parameters are ``rules.CLIENT_LIFECYCLE``, which the lifecycle checks hold the data to. Nothing here
moves money between clients: each keeps its share of revenue and its number of orders, so revenue,
buying clients and the whales' share stay exact; the lifecycle only decides when each client buys.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business import hours
from seed_pipeline.business.history.quotas import apportion
from seed_pipeline.business.history.timeline import month_starts
from seed_pipeline.business.rules import CLIENT_LIFECYCLE as L
from seed_pipeline.business.rules import LAPSED_DAYS, top_buyers
from seed_pipeline.generation.context import HistoryWindow

HOUR = 3600


def acquisitions(clients: pd.DataFrame, window: HistoryWindow, rng: np.random.Generator) -> pd.DataFrame:
    """When each client came on the books, and which whales grew (``grows``).

    Seller-only clients come with their vendors, when the history opens. The founding book (the
    growing whales, then buyers drawn by revenue share: big accounts are the old ones) keeps its
    moment in the first ``founding_days``; every other buyer is acquired in a month of the rest of the
    history, dealt by a falling ramp, the biggest accounts first.
    """
    clients = clients.copy()
    buyer = clients["is_buyer"].to_numpy()
    share = clients["revenue_share"].to_numpy()
    grows = _growing(clients, rng)
    created = clients["created_at"].to_numpy().astype("datetime64[s]")
    created[~buyer] = np.datetime64(opened(window), "s")
    months = acquisition_months(window)
    buyers = np.flatnonzero(buyer)
    founding_n = len(buyers) if months.empty else max(1, round(L.founding_share * len(buyers)), int(grows.sum()))
    others = buyers[~grows[buyers]]
    extra = rng.choice(others, founding_n - int(grows.sum()), replace=False, p=share[others] / share[others].sum())
    acquired = np.setdiff1d(others, extra)
    if len(acquired):
        biggest_first = acquired[np.argsort(-share[acquired] * rng.lognormal(0.0, 0.5, len(acquired)), kind="stable")]
        created[biggest_first] = np.sort(_acquisition_moments(months, len(acquired), rng))
    clients["created_at"] = created
    clients["grows"] = grows
    return clients


def opened(window: HistoryWindow) -> pd.Timestamp:
    """The history's first working moment: the vendors and their seller clients are on the books then,
    and the lifecycle checks measure from it (the earliest ``clients.created_at``)."""
    return hours.add_working([window.start_ts], [0]).iloc[0]


def midpoint(window: HistoryWindow) -> pd.Timestamp:
    """Halfway from the opening to the end of the end date: where a growing whale's first half ends."""
    start = opened(window)
    return start + (window.end_ts + pd.Timedelta(seconds=1) - start) / 2


def acquisition_months(window: HistoryWindow) -> pd.DataFrame:
    """The months clients are acquired in, clipped to after the founding weeks and ``acquisition_lead_days``
    before the end date; months with no working day in their span are left out."""
    first_day = (opened(window) + pd.Timedelta(days=L.founding_days)).normalize() + pd.Timedelta(days=1)
    last_day = pd.Timestamp(window.end) - pd.Timedelta(days=L.acquisition_lead_days)
    if last_day < first_day:
        return pd.DataFrame({"first": pd.Series(dtype="datetime64[ns]"), "days": pd.Series(dtype="int64")})
    starts = month_starts(first_day, last_day)
    first = np.maximum(starts, first_day)
    last = np.minimum(starts + pd.offsets.MonthEnd(0), last_day)
    days = (last - first).days + 1
    working = np.busday_count(first.to_numpy().astype("datetime64[D]"), last.to_numpy().astype("datetime64[D]") + 1,
                              weekmask=hours.WEEKMASK, holidays=hours.holidays()) > 0
    return pd.DataFrame({"first": first[working], "days": np.asarray(days)[working]})


def _acquisition_moments(months: pd.DataFrame, n: int, rng: np.random.Generator) -> pd.Series:
    """``n`` working moments, in as many distinct months as there are (every month once ``n`` allows)."""
    k = len(months)
    weights = L.acquisition_ramp ** np.arange(k) * months["days"].to_numpy()
    if n >= k:
        counts = apportion(weights, n, minimum=1)
    else:
        counts = np.bincount(rng.choice(k, n, replace=False, p=weights / weights.sum()), minlength=k)
    rows = np.repeat(np.arange(k), counts)
    return hours.working_moments(months["first"].to_numpy()[rows], months["days"].to_numpy()[rows], rng)


def _growing(clients: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Whales that started as regulars: ``growing_whale_share`` of the whales (at least one), always the
    biggest, the others among the ``top_buyers`` by revenue share."""
    grows = np.zeros(len(clients), bool)
    whale = clients["whale"].to_numpy()
    if not whale.any():
        return grows
    share = np.where(clients["is_buyer"], clients["revenue_share"], -1.0)
    top = np.argsort(-share, kind="stable")[: top_buyers(int(clients["is_buyer"].sum()))]
    top = top[whale[top]]
    if not len(top):
        return grows
    n = min(len(top), max(1, round(L.growing_whale_share * whale.sum())))
    grows[np.concatenate([top[:1], rng.choice(top[1:], n - 1, replace=False)]).astype(int)] = True
    return grows


def order_months(buyers: pd.DataFrame, counts: np.ndarray, month_frame: pd.DataFrame, weights: np.ndarray,
                 window: HistoryWindow, rng: np.random.Generator) -> np.ndarray:
    """The month of each order (each buyer's orders in turn), by the months' weights among the months its
    client was buying: from the month it could first order, until it churned, less a win-back's gap.

    A won-back client's first order falls before its gap and its second after; a growing whale's first
    in the history's first half and its second in its second half: each one shows on any seed.
    """
    m = len(month_frame)
    born = month_of(hours.add_working(buyers["created_at"], HOUR), month_frame)
    active = np.arange(m) >= born[:, None]
    churned = _churn(buyers, born, month_frame, rng)
    active[churned[:, 0]] &= np.arange(m) <= churned[:, 1:]
    gone = np.zeros(len(buyers), bool)
    gone[churned[:, 0]] = True
    back = _win_back(buyers, counts, born, gone, m, rng)
    gap = (np.arange(m) > back[:, 1:]) & (np.arange(m) <= back[:, 1:] + L.win_back_gap_months)
    active[back[:, 0]] &= ~gap
    owner = np.repeat(np.arange(len(buyers)), counts)
    rank = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    allowed = active[owner]
    before = np.zeros((len(buyers), m), bool)
    after = np.zeros((len(buyers), m), bool)
    before[back[:, 0]] = np.arange(m) <= back[:, 1:]
    after[back[:, 0]] = np.arange(m) > back[:, 1:] + L.win_back_gap_months
    mid = midpoint(window)
    grows = np.flatnonzero(buyers["grows"].to_numpy())
    before[grows] = (month_frame["last"] < mid.normalize()).to_numpy()
    after[grows] = (month_frame["first"] > mid).to_numpy()
    for forced, which in ((before, 0), (after, 1)):
        pinned = (rank == which) & (forced[owner] & allowed).any(axis=1)
        allowed[pinned] &= forced[owner[pinned]]
    growth = _growth(buyers, month_frame, window)
    pace = _pace(weights, active, buyers["revenue_share"].to_numpy(), growth)
    return _draw(allowed * weights * pace * growth[owner], rng)


def _growth(buyers: pd.DataFrame, month_frame: pd.DataFrame, window: HistoryWindow) -> np.ndarray:
    """How much more often each buyer orders in each month than its first: growing whales order ever more."""
    middle = month_frame["first"] + (month_frame["last"] - month_frame["first"]) / 2
    t = ((middle - opened(window)) / (2 * (midpoint(window) - opened(window)))).clip(0, 1).to_numpy()
    return np.where(buyers["grows"].to_numpy()[:, None], _rise(t), 1.0)


def _rise(t: np.ndarray) -> np.ndarray:
    """A growing whale's orders a month at ``t`` (0 at the opening, 1 at the end) relative to its first: they
    grow by the same factor each month, ``growth`` times over from one half of the history to the next."""
    return L.growth ** (2 * t)


def _pace(weights: np.ndarray, active: np.ndarray, shares: np.ndarray, growth: np.ndarray, rounds: int = 50) -> np.ndarray:
    """How much busier than its weight each month is for the clients buying in it, so that the business's
    revenue still follows the months' weights (``timeline``) with fewer clients early and some gone later:
    a small book buys more each. Fitted in proportion (iterative proportional fitting)."""
    pace = np.ones(len(weights))
    for _ in range(rounds):
        p = active * weights * pace * growth
        revenue = (shares[:, None] * p / p.sum(axis=1, keepdims=True)).sum(axis=0)
        pace *= np.where(revenue > 0, weights * shares.sum() / np.where(revenue > 0, revenue, 1), 1.0)
    return pace


def month_of(at, month_frame: pd.DataFrame) -> np.ndarray:
    """The row of ``month_frame`` holding each moment."""
    firsts = month_frame["first"].to_numpy().astype("datetime64[D]")
    days = pd.to_datetime(pd.Series(at)).to_numpy().astype("datetime64[D]")
    return np.clip(np.searchsorted(firsts, days, side="right") - 1, 0, len(firsts) - 1)


def _churn(buyers: pd.DataFrame, born: np.ndarray, month_frame: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """(buyer row, last month it bought in) of the churned: ``churn_share`` of the buyers (at least one), regulars
    where there are any, each stopping in a month ending ``LAPSED_DAYS``+ days before the end date, never back
    (TERP's lapsed buyers). None in a history shorter than a season."""
    early = np.flatnonzero(month_frame["last"] <= month_frame["last"].iloc[-1] - pd.Timedelta(days=LAPSED_DAYS + 1))
    if not len(early):
        return np.empty((0, 2), int)
    whale = buyers["whale"].to_numpy()
    pool = np.flatnonzero((born <= early[-1]) & (~whale if (~whale).any() else True))
    n = min(len(pool), max(1, round(L.churn_share * len(buyers))))
    rows = np.sort(rng.choice(pool, n, replace=False))
    last = born[rows] + np.floor(rng.random(n) * (early[-1] - born[rows] + 1)).astype(int)
    return np.column_stack([rows, last])


def _win_back(buyers: pd.DataFrame, counts: np.ndarray, born: np.ndarray, gone: np.ndarray, m: int,
              rng: np.random.Generator) -> np.ndarray:
    """(buyer row, last month before its gap) of the won back: ``win_back_share`` of the buyers (at least one
    where the history has room), regulars first, each with two orders or more, that stopped for
    ``win_back_gap_months`` whole months and came back."""
    latest = m - 2 - L.win_back_gap_months  # the last month a gap can follow with a month after it
    fit = ~gone & ~buyers["grows"].to_numpy() & (counts >= 2) & (born <= latest)
    pool = np.flatnonzero(fit)
    pool = pool[np.lexsort((rng.random(len(pool)), buyers["whale"].to_numpy()[pool]))]  # regulars first
    rows = np.sort(pool[: max(1, round(L.win_back_share * len(buyers)))])
    last = born[rows] + np.floor(rng.random(len(rows)) * (latest - born[rows] + 1)).astype(int)
    return np.column_stack([rows, last]).astype(int)


def _draw(p: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A column per row, in proportion to the row's (unnormalised) weights."""
    cum = np.cumsum(p, axis=1)
    u = rng.random(len(p)) * cum[:, -1]
    return np.minimum((cum <= u[:, None]).sum(axis=1), p.shape[1] - 1)


def grown(amounts: np.ndarray, client_ids: np.ndarray, growing_ids, at: pd.Series, window: HistoryWindow) -> np.ndarray:
    """A growing whale ordered ever more often (``order_months``); where chance left its second half's spend
    short of ``growth`` times its first half's, its orders in each half are scaled to that, for the same total."""
    out = amounts.copy()
    late = (at >= midpoint(window)).to_numpy()
    for client in growing_ids:
        mine = client_ids == client
        first, second = out[mine & ~late].sum(), out[mine & late].sum()
        if first > 0 and second > 0 and second < L.growth * first:
            out[mine & ~late] *= (first + second) / (1 + L.growth) / first
            out[mine & late] *= L.growth * (first + second) / (1 + L.growth) / second
    return out
