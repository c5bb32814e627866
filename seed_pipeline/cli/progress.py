"""Follows a run's event log while it executes: a live bar on a terminal, plain lines otherwise."""

import sys
import threading
from dataclasses import dataclass, field

from dagster import DagsterEventType, DagsterInstance, RunsFilter
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from seed_pipeline.checks.applicability import NOT_APPLICABLE

WATCHED = {DagsterEventType.ASSET_MATERIALIZATION, DagsterEventType.STEP_FAILURE, DagsterEventType.ASSET_CHECK_EVALUATION}
POLL_SECONDS = 0.25
OWN_ERRORS = {"SeedDatabaseError", "UserInputError"}


@dataclass
class TableResult:
    table: str
    rows: int
    seconds: float


@dataclass
class RunWatch:
    """What the watcher saw: one result per materialised table and the failures."""

    total: int
    results: list[TableResult] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)  # "table:check" -> passed
    not_applicable: dict[str, str] = field(default_factory=dict)  # "table:check" -> why (checks/applicability.py)
    run_id: str | None = None


class RunProgress:
    def __init__(self, instance: DagsterInstance, tag: tuple[str, str], total: int, out=None):
        out = out or sys.stdout
        self.instance, self.tag, self.watch = instance, tag, RunWatch(total)
        self.console = Console(file=out, highlight=False)
        self.live = out.isatty()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._follow, daemon=True)
        self._cursor = None

    def __enter__(self) -> "RunProgress":
        self._progress = Progress(
            TextColumn("seeding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=self.console, disable=not self.live,
        )
        self._progress.start()
        self._task = self._progress.add_task("", total=self.watch.total)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()
        self._poll()  # whatever arrived after the last tick
        self._progress.stop()

    def _follow(self) -> None:
        while not self._done.wait(POLL_SECONDS):
            self._poll()

    def _poll(self) -> None:
        if self.watch.run_id is None:
            runs = self.instance.get_runs(filters=RunsFilter(tags={self.tag[0]: self.tag[1]}), limit=1)
            if not runs:
                return
            self.watch.run_id = runs[0].run_id
        while True:
            conn = self.instance.get_records_for_run(self.watch.run_id, cursor=self._cursor, of_type=WATCHED)
            for record in conn.records:
                self._on_event(record.event_log_entry)
            self._cursor = conn.cursor
            if not conn.has_more:
                return

    def _on_event(self, entry) -> None:
        event = entry.dagster_event
        if event.event_type == DagsterEventType.ASSET_MATERIALIZATION:
            materialization = event.event_specific_data.materialization
            meta = materialization.metadata
            result = TableResult(
                materialization.asset_key.path[-1],
                int(meta["dagster/row_count"].value),
                float(meta["seconds"].value),
            )
            self.watch.results.append(result)
            self._progress.update(self._task, advance=1, description=result.table)
            n = len(self.watch.results)
            self.console.print(
                f"[{n:>3}/{self.watch.total}] {result.table:<34} {result.rows:>9,} rows {result.seconds:>8.2f} s"
            )
        elif event.event_type == DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.event_specific_data
            name = f"{evaluation.asset_key.path[-1]}:{evaluation.check_name}"
            self.watch.checks[name] = evaluation.passed
            if NOT_APPLICABLE in evaluation.metadata:
                self.watch.not_applicable[name] = evaluation.metadata[NOT_APPLICABLE].value
        else:
            self.watch.failures.append((event.step_key, root_cause(event.event_specific_data.error)))


def root_cause(error) -> str:
    """The one line that says why a step failed: the innermost cause, without Dagster's wrapping.

    Our own errors (the database's, the user's) are their message; anything else keeps its
    class name so that a bug reads as one. The traceback stays in the run's event log.
    """
    while error.cause is not None:
        error = error.cause
    lines = [line.strip() for line in error.message.strip().splitlines() if line.strip()]
    text = lines[-1] if lines else "no message"
    head, sep, rest = text.partition(": ")
    if sep and head.split(".")[-1] == error.cls_name:
        text = rest  # "seed_pipeline.loaders.errors.SeedDatabaseError: ..." -> "..."
    return text if error.cls_name in OWN_ERRORS else f"{error.cls_name}: {text}"
