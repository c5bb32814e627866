"""The performance benchmark of issue 13 in one command; writes docs/performance.md.

    .venv/bin/python -m benchmarks.run                 # every case, median of 3 runs (a quiet machine: ~15 min)
    .venv/bin/python -m benchmarks.run --runs 1 --cases sqlite-light,sqlite-full
    .venv/bin/python -m benchmarks.run --runs 1 --cases postgresql-full-x100   # kept apart (benchmarks/measured_apart.json)

Each case seeds a fresh database through the real CLI (all checks), then loads the same rows into
an empty copy through the engine's bulk path (the floor). Not a test: timings need a quiet machine.
"""

import argparse
import json
import os
import statistics
import subprocess
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
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
# Too long to run with the others (tens of minutes): measured on its own and kept, with when and under
# what load, in APART; each page of figures shows the last such measurement.
OPTIONAL = {"postgresql-full-x100": Case("postgresql-full-x100", "postgresql", "full", 100.0)}
APART = Path(__file__).with_name("measured_apart.json")


@dataclass
class Measured:
    case: Case
    runs: list[SeedRun]
    floors: list[float]
    apart: str = ""  # when measured on its own: when, and the load then

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


def keep_apart(m: Measured) -> None:
    kept = json.loads(APART.read_text()) if APART.exists() else {}
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=APART.parent).stdout.strip()
    kept[m.case.name] = {"apart": f"measured on its own, ending {when}, on the code of {commit or 'an unknown commit'}; "
                                  f"load average over the last 15 minutes {os.getloadavg()[2]:.1f}",
                         "runs": [asdict(r) for r in m.runs], "floors": m.floors}
    APART.write_text(json.dumps(kept, indent=1) + "\n")


def measured_apart(name: str) -> Measured | None:
    kept = json.loads(APART.read_text()).get(name) if APART.exists() else None
    if kept is None:
        return None
    return Measured(OPTIONAL[name], [SeedRun(**r) for r in kept["runs"]], kept["floors"], kept["apart"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case; the median counts")
    parser.add_argument("--cases", default=",".join(CASES), help=f"of {', '.join([*CASES, *OPTIONAL])}")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "performance.md"))
    args = parser.parse_args()
    chosen = [{**CASES, **OPTIONAL}[name] for name in args.cases.split(",")]
    results = {case.name: measure(case, args.runs) for case in chosen}
    for name in OPTIONAL:
        if name in results:
            keep_apart(results[name])
        elif (kept := measured_apart(name)) is not None:
            results[name] = kept
    Path(args.out).write_text(render(results, args.runs, [name for name in CASES if name not in results]))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
