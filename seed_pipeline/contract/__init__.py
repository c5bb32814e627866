"""TERP's application contract: what its code reads from the columns the seed writes.

For every JSON column the seed writes, the element shape TERP's code reads (`JsonColumn`); for
every status or type column, the values TERP's screens count and the mix a real business has
(`StateColumn`). Written once, here: generators build JSON through these shapes, the checks
(`checks/contract.py`) hold the seeded database to them, and docs/contract.md is generated from
them. One module per domain; each lists its ``JSON`` and ``STATES``.
"""

from seed_pipeline.contract import activity, books, catalogue, commercial, core, credit, operations
from seed_pipeline.contract.model import JsonColumn, Shape, StateColumn

DOMAINS = (core, books, activity, credit, operations, commercial, catalogue)
JSON_COLUMNS: dict[tuple[str, str], JsonColumn] = {(c.table, c.column): c for d in DOMAINS for c in d.JSON}
STATE_COLUMNS: dict[tuple[str, str], StateColumn] = {(c.table, c.column): c for d in DOMAINS for c in d.STATES}

__all__ = ["JSON_COLUMNS", "STATE_COLUMNS", "JsonColumn", "Shape", "StateColumn"]
