"""Clients come and go (``rules.CLIENT_LIFECYCLE``, which the history deals): nobody orders before it is on
the books, buyers were acquired over the history, some stopped and came back, and a whale grew.

The history is measured from its opening, the earliest ``clients.created_at`` (the vendors' seller
clients are on the books then); sales are the sales that stand (``rules.stands``).
"""

from collections.abc import Callable
from datetime import date

import pandas as pd
import sqlalchemy as sa

from seed_pipeline.business.rules import CLIENT_LIFECYCLE as L
from seed_pipeline.business.rules import top_buyers
from seed_pipeline.checks.unsold import STANDS
from seed_pipeline.checks.violations import by_name, counted, fetch_frame
from seed_pipeline.model import shared

orders, clients = shared().tables["orders"], shared().tables["clients"]


def order_after_client_exists(as_of) -> list[sa.Select]:
    """No order is placed before its client was on the books."""
    return [sa.select(orders.c.id, orders.c.created_at, clients.c.created_at.label("client_created_at"))
            .select_from(orders.join(clients, clients.c.id == orders.c.client_id))
            .where(orders.c.created_at < clients.c.created_at)]


def _history(conn, as_of) -> tuple[pd.DataFrame, pd.Timestamp, pd.Timestamp]:
    """The sales (client, moment, total), the opening and the end of the end date."""
    sales = fetch_frame(conn, sa.select(orders.c.client_id, orders.c.created_at, orders.c.total)
                        .where(STANDS))
    sales = sales.assign(created_at=pd.to_datetime(sales["created_at"]), total=sales["total"].astype(float))
    opened = fetch_frame(conn, sa.select(sa.func.min(clients.c.created_at).label("opened")))["opened"].iloc[0]
    return sales, pd.Timestamp(opened), pd.Timestamp(as_of) + pd.Timedelta(days=1)


def clients_acquired_over_time(conn, as_of) -> int:
    """Beyond a founding book (``founding_share`` of the buyers, or the biggest buyers where more), buyers were
    acquired after the founding weeks, in at least ``acquisition_months`` distinct months as far as the history
    (less ``acquisition_spare_months``) and the acquisitions allow. Counts missing acquisitions and months."""
    sales, opened, _ = _history(conn, as_of)
    if sales.empty:
        return 0
    book = fetch_frame(conn, sa.select(clients.c.id, clients.c.created_at))
    created = pd.to_datetime(book["created_at"])[book["id"].isin(sales["client_id"]).to_numpy()]
    acquired = created[created >= opened + pd.Timedelta(days=L.founding_days)]
    n = len(created)
    missing = max(0, n - max(1, round(L.founding_share * n), top_buyers(n)) - len(acquired))
    span = (as_of.year - opened.year) * 12 + as_of.month - opened.month + 1
    months = min(L.acquisition_months, len(acquired), span - L.acquisition_spare_months)
    return missing + max(0, months - acquired.dt.to_period("M").nunique())


def some_clients_won_back(conn, as_of) -> int:
    """Once the history spans ``win_back_span_days`` from its first sale, some buyer came back after
    ``win_back_gap_days``+ without an order. 1 when none did."""
    sales, _, end = _history(conn, as_of)
    if sales.empty or (end - sales["created_at"].min()).days < L.win_back_span_days:
        return 0
    gaps = sales.sort_values(["client_id", "created_at"]).groupby("client_id")["created_at"].diff().dt.days
    return int(not (gaps >= L.win_back_gap_days).any())


def some_whales_grew(conn, as_of) -> int:
    """Once the history spans ``growth_span_days``, one of the biggest buyers (``top_buyers``) started smaller:
    it bought in the history's first half and spent ``grown`` times as much in its second. 1 when none did."""
    sales, opened, end = _history(conn, as_of)
    if sales.empty or (end - opened).days < L.growth_span_days:
        return 0
    top = sales.groupby("client_id")["total"].sum().nlargest(top_buyers(sales["client_id"].nunique())).index
    late = sales["created_at"] >= opened + (end - opened) / 2
    first = sales[~late].groupby("client_id")["total"].sum().reindex(top, fill_value=0.0)
    second = sales[late].groupby("client_id")["total"].sum().reindex(top, fill_value=0.0)
    return int(not ((first > 0) & (second >= L.grown * first)).any())


SQL_RULES = by_name(order_after_client_exists)
RULES: dict[str, Callable[[sa.Connection, date], int]] = {
    **{name: counted(rule) for name, rule in SQL_RULES.items()},
    **{f.__name__: f for f in (clients_acquired_over_time, some_clients_won_back, some_whales_grew)},
}
HOMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "order_after_client_exists": ("orders", ("clients",)),
    "clients_acquired_over_time": ("clients", ("orders",)),
    "some_clients_won_back": ("clients", ("orders",)),
    "some_whales_grew": ("clients", ("orders",)),
}
