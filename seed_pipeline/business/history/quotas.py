"""Figures hit by construction: whole counts dealt exactly, and value cut exactly between classes.

A small scenario has too few rows for a figure to come out right by the law of large numbers, so
the history deals counts by quota (largest remainder) and, where a share is of value, cuts the
one row that straddles the boundary instead of giving it whole to one side.
"""

import numpy as np


def apportion(weights, total: int, minimum: int = 0) -> np.ndarray:
    """Whole counts adding up to exactly ``total``, each at least ``minimum``, the rest in proportion to
    ``weights`` by largest remainder (ties to the earlier row)."""
    weights = np.asarray(weights, dtype=float)
    rest = total - minimum * len(weights)
    if rest < 0:
        raise ValueError(f"{total} cannot give {len(weights)} rows at least {minimum} each")
    exact = weights / weights.sum() * rest
    counts = np.floor(exact).astype(int)
    counts[np.argsort(counts - exact, kind="stable")[: rest - counts.sum()]] += 1
    return counts + minimum


def cut_by_value(values: np.ndarray, shares: np.ndarray, cuts, rng: np.random.Generator
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A class per row such that each class gets ``shares`` of the total value, as (row, value, class).

    Rows are laid end to end in random order; a row belongs to the class whose slice of the total
    holds its midpoint, which is right to within one row. At each boundary listed in ``cuts`` (the
    boundary after class k is k) the row straddling it is cut in two there, so the classes up to
    that boundary get exactly their value together. The pieces of a cut row keep its row number.
    """
    order = rng.permutation(len(values))
    ends = np.cumsum(values[order])
    bounds = np.cumsum(shares / shares.sum())[:-1] * ends[-1]
    at = np.sort(bounds[list(cuts)])
    inside = at[(at > 0) & (at < ends[-1])]
    # each piece ends at a row's end or at a cut, whichever comes first
    piece_ends = np.union1d(ends, inside)
    piece_starts = np.concatenate([[0.0], piece_ends[:-1]])
    rows = order[np.searchsorted(ends, piece_ends)]
    pieces = piece_ends - piece_starts
    classes = np.searchsorted(bounds, (piece_starts + piece_ends) / 2)
    kept = np.flatnonzero(pieces > 0)
    kept = kept[np.argsort(rows[kept], kind="stable")]  # back in row order
    return rows[kept], pieces[kept], classes[kept]
