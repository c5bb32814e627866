"""The shelf at any moment: which batches were in stock and how much, and what a client would pay for them.

Built once from the core history (lines sorted by batch and time, with running quantities), so a
sheet, a list or a match asks for the stock of many batches at many moments in one vectorised call.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.commercial.goods import batch_goods
from seed_pipeline.business.commercial.pricing import profile_of, profile_prices, rules_of
from seed_pipeline.business.history import CoreHistory

_SPAN = 10**11  # seconds: batch index * _SPAN + moment orders (batch, moment) pairs


def class_of(line, grade) -> np.ndarray:
    """A class of goods as one key: its line (grow type or category) and grade."""
    return (pd.Series(line, dtype=str).to_numpy().astype(object) + "|"
            + pd.Series(grade, dtype=object).fillna("").astype(str).to_numpy().astype(object))


def _seconds(moments) -> np.ndarray:
    return pd.to_datetime(pd.Series(moments)).to_numpy().astype("datetime64[s]").astype(np.int64)


class Shelf:
    def __init__(self, h: CoreHistory):
        self.h = h
        self.goods = batch_goods(h)
        lines = h.lines
        sold_at = h.orders.set_index("id")["created_at"].reindex(lines["order_id"]).to_numpy()
        key = lines["batch"].to_numpy().astype(np.int64) * _SPAN + _seconds(sold_at)
        order = np.argsort(key, kind="stable")
        self._key = key[order]
        self._sold = np.concatenate([[0.0], np.cumsum(lines["quantity"].to_numpy()[order])])
        self._sellable = (h.batches["received"] - h.batches["sampled"]).to_numpy()
        self._arrived = self.goods["arrived"].to_numpy().astype("datetime64[s]")
        self._empty_from = self._emptied()
        self.kind = class_of(self.goods["line"], self.goods["grade"])
        self._profile = pd.Series(profile_of(h.clients), index=h.clients["id"].to_numpy())
        self.rules = rules_of(h)

    def stock(self, batch_index, moments) -> np.ndarray:
        """Sellable stock of each batch (0-based index) at each moment: received, less samples, less what sold before."""
        b = np.asarray(batch_index, dtype=np.int64)
        sold = (self._sold[np.searchsorted(self._key, b * _SPAN + _seconds(moments))]
                - self._sold[np.searchsorted(self._key, b * _SPAN)])
        return np.round(np.maximum(self._sellable[b] - sold, 0), 2)

    def _emptied(self) -> np.ndarray:
        """Each batch's first second with nothing left to sell (its stock only falls): the second after the sale
        that empties it, as ``stock`` counts it; the smallest integer when it never had any, the largest when it
        never runs out. A sheet asking what is in stock compares one moment with these instead of computing
        the stock of every batch ever received (which made sheets quadratic in the scale)."""
        batches = np.arange(len(self._sellable), dtype=np.int64)
        first = np.searchsorted(self._key, batches * _SPAN)
        owner = self._key // _SPAN
        after = np.round(np.maximum(self._sellable[owner] - (self._sold[1:] - self._sold[first[owner]]), 0), 2)
        emptying = np.flatnonzero(after <= 0)
        empty_from = np.full(len(batches), np.iinfo(np.int64).max)
        np.minimum.at(empty_from, owner[emptying], self._key[emptying] % _SPAN + 1)  # the first sale that empties it
        never = np.round(np.maximum(self._sellable, 0), 2) <= 0
        empty_from[never] = np.iinfo(np.int64).min
        return empty_from

    def on_shelf(self, moment, classes=None, limit: int | None = None, rng: np.random.Generator | None = None) -> np.ndarray:
        """Batch indices in stock at ``moment``, oldest first; those of ``classes`` (``class_of``) first, the rest shuffled."""
        at = np.datetime64(pd.Timestamp(moment), "s")
        idx = np.flatnonzero((self._arrived < at) & (at.astype(np.int64) < self._empty_from))
        if classes is not None:
            wanted = np.isin(self.kind[idx], classes)
            rest = idx[~wanted]
            idx = np.concatenate([idx[wanted], rng.permutation(rest) if rng is not None else rest])
        return idx[:limit]

    def priced(self, batches: list, clients, moments) -> list[list[dict]]:
        """For each (batches, client, moment): the items as a sheet or a list prices them, by the client's profile."""
        sizes = [len(b) for b in batches]
        batch = np.concatenate([np.asarray(b, dtype=np.int64) for b in batches]) if batches else np.zeros(0, np.int64)
        client = np.repeat(np.asarray(clients), sizes)
        at = np.repeat(pd.to_datetime(pd.Series(moments)).to_numpy().astype("datetime64[s]"), sizes)
        g = self.goods.iloc[batch]
        prices = profile_prices(g["unit_cost"], self._profile.reindex(client).to_numpy(), self.rules)
        qty = self.stock(batch, at)
        items = [{"batch": int(b) + 1, "product": p, "category": c, "subcategory": s, "strain": st, "grade": gr,
                  "basePrice": float(cost), "retailPrice": float(r), "quantity": float(q), "priceMarkup": float(m),
                  "appliedRules": a}
                 for b, p, c, s, st, gr, cost, r, q, m, a in zip(batch, g["product"], g["category"], g["subcategory"],
                                                                   g["strain"], g["grade"], g["unit_cost"], prices["retailPrice"],
                                                                   qty, prices["priceMarkup"], prices["appliedRules"])]
        bounds = np.cumsum([0, *sizes])
        return [items[lo:hi] for lo, hi in zip(bounds[:-1], bounds[1:])]
