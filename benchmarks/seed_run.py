"""One seed through the real CLI in its own process: wall time, peak memory and each table's seconds.

A subprocess, so start-up and imports count as a user sees them and the peak RSS is the seed's
alone (the child's own high-water mark); it runs in a fresh directory, so its Dagster instance is the CLI's default.
"""

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

END_DATE = "2026-10-31"
PROJECT = Path(__file__).resolve().parents[1]
TABLE_LINE = re.compile(r"^\[\s*\d+/\d+\]\s+(\S+)\s+([\d,]+) rows\s+([\d.]+) s$")
SUMMARY = re.compile(r"^seeded (\d+) tables, ([\d,]+) rows in ([\d.]+) s")


@dataclass
class SeedRun:
    wall: float  # seconds, process start to exit
    rows: int
    tables: int
    peak_rss_mb: float
    table_seconds: dict[str, float] = field(default_factory=dict)


# The child reports its own peak: the rusage of a child counts the RSS its parent had when it forked (Linux
# keeps the larger), and the benchmark's process holds the floor's rows by then, which showed as every
# later case's peak.
CHILD = """import sys
from seed_pipeline.cli.main import main
code = main(sys.argv[1:])
print("peak", next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")), "kB")
sys.exit(code)
"""
PEAK = re.compile(r"^peak (\d+) kB$", re.MULTILINE)


def run_seed(url: str, scenario: str, scale: float) -> SeedRun:
    args = [sys.executable, "-c", CHILD, "seed", "--db", url,
            "--scenario", scenario, "--scale", str(scale), "--end-date", END_DATE]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))}
    env.pop("DAGSTER_HOME", None)
    with tempfile.TemporaryDirectory() as workdir, tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
        process.wait()
        wall = time.perf_counter() - started
        out.seek(0)
        text = out.read()
    if process.returncode != 0:
        raise RuntimeError(f"seed of {scenario} x{scale} into {url} exited {process.returncode}:\n{text[-3000:]}")
    summary = next(m for m in map(SUMMARY.match, text.splitlines()) if m)
    per_table = {m[1]: float(m[3]) for m in map(TABLE_LINE.match, text.splitlines()) if m}
    return SeedRun(wall, int(summary[2].replace(",", "")), int(summary[1]), int(PEAK.search(text)[1]) / 1024, per_table)
