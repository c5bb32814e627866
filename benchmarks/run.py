"""The performance benchmark of issue 13 in one command; writes docs/performance.md.

    .venv/bin/python -m benchmarks.run                 # every case, median of 3 runs (a quiet machine: ~15 min)
    .venv/bin/python -m benchmarks.run --runs 1 --cases sqlite-light,sqlite-full

Each case seeds a fresh database through the real CLI (all checks), then loads the same rows into
an empty copy through the engine's bulk path (the floor). Not a test: timings need a quiet machine.
"""

import argparse
import statistics
from dataclasses import dataclass
from pathlib import Path

from benchmarks.floor import floor_seconds
from benchmarks.report import render
from benchmarks.scratch import scratch_database
from benchmarks.seed_run import SeedRun, run_seed


@dataclass(frozen=True)
class Case:
    name: str
    engine: str
    scenario: str
    scale: float = 1.0
    floor: bool = True


CASES = {c.name: c for c in (
    Case("sqlite-light", "sqlite", "light", floor=False),
    Case("sqlite-full", "sqlite", "full"),
    Case("sqlite-full-x10", "sqlite", "full", 10.0),
    Case("postgresql-full", "postgresql", "full"),
    Case("mysql-full", "mysql", "full"),
)}
OPTIONAL = {"postgresql-full-x100": Case("postgresql-full-x100", "postgresql", "full", 100.0)}


@dataclass
class Measured:
    case: Case
    runs: list[SeedRun]
    floors: list[float]

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def floor(self) -> float | None:
        return statistics.median(self.floors) if self.floors else None

    @property
    def median_run(self) -> SeedRun:
        return sorted(self.runs, key=lambda r: r.wall)[len(self.runs) // 2]


def measure(case: Case, runs: int) -> Measured:
    seeds, floors = [], []
    for i in range(runs):
        with scratch_database(case.engine) as url:
            seeds.append(run_seed(url, case.scenario, case.scale))
            print(f"{case.name} run {i + 1}: {seeds[-1].wall:.1f} s, {seeds[-1].rows:,} rows, "
                  f"peak {seeds[-1].peak_rss_mb:,.0f} MB", flush=True)
            if case.floor:
                with scratch_database(case.engine) as empty:
                    floors.append(floor_seconds(url, empty))
                print(f"{case.name} floor {i + 1}: {floors[-1]:.2f} s", flush=True)
    return Measured(case, seeds, floors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case; the median counts")
    parser.add_argument("--cases", default=",".join(CASES), help=f"of {', '.join([*CASES, *OPTIONAL])}")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "performance.md"))
    args = parser.parse_args()
    chosen = [{**CASES, **OPTIONAL}[name] for name in args.cases.split(",")]
    results = {case.name: measure(case, args.runs) for case in chosen}
    Path(args.out).write_text(render(results, args.runs, [name for name in CASES if name not in results]))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
