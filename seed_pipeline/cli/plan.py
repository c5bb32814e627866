"""The seeding plan: which tables, in which order, from which generator, about how many rows."""

from dataclasses import dataclass

from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.generation.registry import generator_for
from seed_pipeline.graph import build_graph
from seed_pipeline.scenarios.volumes import rows


@dataclass(frozen=True)
class PlanStep:
    table: str
    group: str
    generator: str
    estimated_rows: int
    parents: tuple[str, ...]
    fills: tuple[str, ...]  # deferred columns this step fills in other tables


def build_plan(settings: SeedSettings, selected: set[str] | None = None) -> list[PlanStep]:
    graph = build_graph()
    counts: dict[str, int] = {}
    steps = []
    for table in graph.order:
        parents = graph.parents(table)
        counts[table] = rows(table, settings.resolved, {p: counts[p] for p in parents})
        if selected is not None and table not in selected:
            continue
        generator = generator_for(table)
        steps.append(
            PlanStep(
                table,
                graph.group(table),
                f"{generator.__module__}.{generator.__name__}",
                counts[table],
                parents,
                tuple(f"{r.table}.{r.column}" for r in graph.deferred_into(table)),
            )
        )
    return steps


def format_plan(steps: list[PlanStep], settings: SeedSettings) -> str:
    head = (
        f"plan: scenario {settings.scenario}, seed {settings.seed}, scale {settings.scale}, "
        f"end date {settings.end_date.isoformat()}; {len(steps)} tables, "
        f"about {sum(s.estimated_rows for s in steps):,} rows; nothing is written"
    )
    lines = [head]
    for i, s in enumerate(steps, 1):
        fills = f"  fills {', '.join(s.fills)}" if s.fills else ""
        lines.append(
            f"{i:>3}. {s.table:<34} {s.group:<18} ~{s.estimated_rows:>8,} rows  {s.generator}"
            f"  <- {', '.join(s.parents) or '-'}{fills}"
        )
    return "\n".join(lines)
