"""Follows a run while it executes: a live bar on a terminal, plain lines otherwise.

The run executes in this process, so its events reach the watcher as the instance stores them
(``add_event_listener``). Polling the event log from a thread read every event back and decoded it
again: a tenth of a light seed's CPU.
"""

import sys
from dataclasses import dataclass, field

from dagster import DagsterEventType, DagsterInstance
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from seed_pipeline.checks.applicability import NOT_APPLICABLE

WATCHED = {DagsterEventType.ASSET_MATERIALIZATION, DagsterEventType.STEP_FAILURE, DagsterEventType.ASSET_CHECK_EVALUATION}
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


class RunProgress:
    """Watches the events of run ``run_id`` on ``instance`` (which must execute it in this process)."""

    def __init__(self, instance: DagsterInstance, run_id: str, total: int, out=None):
        out = out or sys.stdout
        self.instance, self.run_id, self.watch = instance, run_id, RunWatch(total)
        self.console = Console(file=out, highlight=False)
        self.live = out.isatty()

    def __enter__(self) -> "RunProgress":
        self._progress = Progress(
            TextColumn("seeding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=self.console, disable=not self.live,
        )
        self._progress.start()
        self._task = self._progress.add_task("", total=self.watch.total)
        self.instance.add_event_listener(self.run_id, self._on_event)
        return self

    def __exit__(self, *exc) -> None:
        self._progress.stop()

    def _on_event(self, entry) -> None:
        event = entry.dagster_event
        if event is None or event.event_type not in WATCHED:
            return
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
