"""States dealt by quota, so every state a screen counts is there whatever the seed and the size."""

import numpy as np


def by_quota(rng: np.random.Generator, n: int, shares: dict[str, float]) -> np.ndarray:
    """``n`` states in random order, each in its share of rows (largest remainder), every state at least once when n allows."""
    states = list(shares)
    if n == 0:
        return np.array([], dtype=object)
    exact = np.array([shares[s] for s in states], dtype=float)
    exact = exact / exact.sum() * n
    counts = np.floor(exact).astype(int)
    counts[np.argsort(counts - exact, kind="stable")[: n - counts.sum()]] += 1
    if n >= len(states):
        for i in np.flatnonzero(counts == 0):
            counts[int(np.argmax(counts))] -= 1
            counts[i] = 1
    return rng.permutation(np.repeat(np.array(states, dtype=object), counts))
