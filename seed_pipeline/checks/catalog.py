"""Every check of the data, framework-neutral: what it guards, what it reads, and how it is evaluated.

The Dagster asset checks (defs/checks.py) and `seed-pipeline verify` both run this list.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa

from seed_pipeline.checks import (
    activity, catalogue, collaboration, commercial, consistency, contract, credit, crossdomain, figures, integrity,
    ledger, lifecycle, operations, place_time, quotes, sales_sheets, trade_units, unsold,
)
from seed_pipeline.checks.applicability import NOT_APPLICABLE, applicable_or_reason
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.generation.registry import hand_written
from seed_pipeline.scenarios import SCENARIOS
from seed_pipeline.schema import TABLES


@dataclass(frozen=True)
class Outcome:
    passed: bool
    observed: dict = field(default_factory=dict)
    failures: tuple[str, ...] = ()

    @property
    def not_applicable(self) -> str | None:
        """Why the check could not run on this schema (checks/applicability.py), None when it ran."""
        return self.observed.get(NOT_APPLICABLE)


@dataclass(frozen=True)
class Check:
    name: str
    asset: str  # the table it guards
    reads: tuple[str, ...]  # other tables it needs seeded first
    blocking: bool  # a failure stops the tables built on this one
    description: str
    evaluate: Callable[[sa.Connection, SeedSettings], Outcome]
    # the SQL returning what breaks it, which the Great Expectations suites run too; None for a rule
    # computed in Python, and for integrity checks, whose SQL the suites already hold
    rows: Callable[[SeedSettings], list[sa.Select]] | None = None

    @property
    def active(self) -> bool:
        """A business rule is switched on once every table it reads has its business generator.

        Integrity checks hold for any generator, so they are always on.
        """
        return self.name.endswith("_integrity") or all(t in hand_written() for t in (self.asset, *self.reads))

    def run(self, conn: sa.Connection, settings: SeedSettings) -> Outcome:
        """The outcome on ``conn``, or not applicable (passing nothing, failing nothing) when the check reads a
        column the run's schema lacks."""
        outcome, reason = applicable_or_reason(lambda: self.evaluate(conn, settings), conn)
        return outcome if reason is None else Outcome(True, {NOT_APPLICABLE: reason})


# Each module of rules holds RULES (name -> count of breaking rows), HOMES (name -> the table it
# guards and the other tables it reads) and, for rules written as SQL, SQL_RULES. A new domain's
# rules join the catalog by being listed here.
RULE_MODULES = (
    consistency, ledger, credit, activity, collaboration, operations, commercial, sales_sheets, catalogue, crossdomain,
    contract, place_time, quotes, lifecycle, trade_units, unsold,
)
RULES = {name: rule for module in RULE_MODULES for name, rule in module.RULES.items()}
SQL_RULES = {name: rule for module in RULE_MODULES for name, rule in getattr(module, "SQL_RULES", {}).items()}
RULE_HOME = {name: home for module in RULE_MODULES for name, home in module.HOMES.items()}


def broken_rules(conn: sa.Connection, as_of) -> dict[str, int]:
    """Each business rule that does not hold, with the number of rows breaking it."""
    return {name: n for name, rule in RULES.items() if (n := rule(conn, as_of))}


def _integrity(table: str) -> Callable[[sa.Connection, SeedSettings], Outcome]:
    def evaluate(conn, settings) -> Outcome:
        broken = integrity.broken_rules(conn, table)
        failures = tuple(f"{rule}: {n} rows" for rule, n in broken.items() if n)
        return Outcome(not failures, {"rules": len(broken)}, failures)

    return evaluate


def _rule(name: str) -> Callable[[sa.Connection, SeedSettings], Outcome]:
    def evaluate(conn, settings) -> Outcome:
        rows = RULES[name](conn, settings.end_date)
        return Outcome(rows == 0, {"violating_rows": rows}, (f"{name}: {rows} rows",) if rows else ())

    return evaluate


def _target(figure: str, settings: SeedSettings) -> figures.Target:
    return next(t for t in figures.targets(settings.resolved) if t.figure == figure)


def _figure(figure: str) -> Callable[[sa.Connection, SeedSettings], Outcome]:
    def evaluate(conn, settings) -> Outcome:
        target = _target(figure, settings)
        actual = figures.figure(conn, figure, settings.resolved, settings.end_date)
        if actual is None:  # nothing of that kind was sold: a small scenario
            return Outcome(True, {"figure": target.figure, "observed": None})
        ok = target.holds(actual)
        observed = {"figure": target.figure, "observed": round(float(actual), 4), "expected": target.expected,
                    "tolerance": target.tolerance, "relative": target.relative}
        return Outcome(ok, observed, () if ok else (f"{target.figure} = {actual:.4f}, expected {target.expected} ± {target.tolerance}",))

    return evaluate


# Where each business figure and rule is checked: the table it guards, and the tables it reads.
FIGURE_HOME: dict[str, tuple[str, tuple[str, ...]]] = {
    "order_revenue": ("orders", ("order_line_items",)),
    "buying_clients": ("orders", ()),
    "whale_share": ("orders", ()),
    "consignment_sale_share": ("orders", ()),
    "supplying_vendors": ("lots", ()),
    "lots_per_month": ("lots", ()),
    "consignment_intake_share": ("batches", ()),
    "flower_share": ("order_line_items", ("batches", "products")),
    "margin": ("order_line_items", ()),
    "returns_share": ("returns", ("orders",)),
    "refunds_share": ("invoices", ("orders",)),
    "overdue_share": ("invoices", ()),
    "aged_share": ("invoices", ()),
}
PRICE_HOME = ("order_line_items", ("batches", "products"))


def active_checks() -> list[Check]:
    """The checks a seed and ``verify`` run: the integrity of every table, and the rules whose tables are generated for real."""
    return [check for check in all_checks() if check.active]


def integrity_check(table: str) -> Check:
    """The table's integrity check, blocking: what its rows point at exists, what names a kind names a known one."""
    return Check(f"{table}_integrity", table, (), True,
                 "Every reference resolves (declared, logical, polymorphic); type and enum columns hold their vocabulary.",
                 _integrity(table))


def all_checks() -> list[Check]:
    """The same list for every scenario; figure checks read their target from the run's settings."""
    # a table with nothing to resolve has no check that could fail
    checks = [integrity_check(table) for table in TABLES if integrity.rules_for(table)]
    checks += [
        Check(name, asset, reads, False, (RULES[name].__doc__ or name.replace("_", " ")).strip(), _rule(name),
              _sql_rule(name) if name in SQL_RULES else None)
        for name, (asset, reads) in RULE_HOME.items()
    ]
    for target in figures.targets(SCENARIOS["full"]):
        asset, reads = FIGURE_HOME.get(target.figure, PRICE_HOME)
        checks.append(Check(f"{target.figure}_on_target", asset, reads, False,
                            f"{target.figure} is within its tolerance of the scenario's target.",
                            _figure(target.figure), _off_target(target.figure)))
    return checks


def _sql_rule(name: str) -> Callable[[SeedSettings], list[sa.Select]]:
    return lambda settings: SQL_RULES[name](settings.end_date)


def _off_target(figure: str) -> Callable[[SeedSettings], list[sa.Select]]:
    return lambda settings: [figures.off_target(_target(figure, settings), settings.resolved, settings.end_date)]
