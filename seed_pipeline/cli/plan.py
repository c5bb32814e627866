"""The seeding plan: which tables, in which order, from which generator, and how many rows each.

The counts are not estimates: the generators run in memory as the seed runs them (see
``generation.in_memory``), so each table's count is the number of rows a fresh seed with the same
settings writes. Nothing touches a database.
"""

from dataclasses import dataclass

from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.generation.in_memory import generate_frames
from seed_pipeline.generation.registry import generator_for
from seed_pipeline.graph import build_graph


@dataclass(frozen=True)
class PlanStep:
    table: str
    group: str
    generator: str
    rows: int
    parents: tuple[str, ...]
    fills: tuple[str, ...]  # deferred columns this step fills in other tables


def build_plan(settings: SeedSettings, selected: set[str] | None = None) -> list[PlanStep]:
    graph = build_graph()
    frames = generate_frames(graph, settings, selected)
    steps = []
    for table in graph.order:
        if selected is not None and table not in selected:
            continue
        generator = generator_for(table)
        steps.append(
            PlanStep(
                table,
                graph.group(table),
                f"{generator.__module__}.{generator.__name__}",
                len(frames[table]),
                graph.parents(table),
                tuple(f"{r.table}.{r.column}" for r in graph.deferred_into(table)),
            )
        )
    return steps


def format_plan(steps: list[PlanStep], settings: SeedSettings) -> str:
    head = (
        f"plan: scenario {settings.scenario}, seed {settings.seed}, scale {settings.scale}, "
        f"end date {settings.end_date.isoformat()}; {len(steps)} tables, "
        f"{sum(s.rows for s in steps):,} rows in a fresh seed; nothing is written"
    )
    lines = [head]
    for i, s in enumerate(steps, 1):
        fills = f"  fills {', '.join(s.fills)}" if s.fills else ""
        lines.append(
            f"{i:>3}. {s.table:<34} {s.group:<18} {s.rows:>9,} rows  {s.generator}"
            f"  <- {', '.join(s.parents) or '-'}{fills}"
        )
    return "\n".join(lines)
