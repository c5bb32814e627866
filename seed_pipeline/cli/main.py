"""`seed-pipeline`: seed, plan, create or compare the schema, verify and tear down, from a terminal or a script.

User errors (a bad URL, an unknown scenario, a malformed date, a mismatched schema) end in one
line on stderr and exit code 2, with the database untouched.
"""

import argparse
import gc
import os
import sys
import time
import uuid
from contextlib import contextmanager

from seed_pipeline.errors import UserInputError
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.loaders import DEFAULT_URL, SeedDatabase, SeedDatabaseError
from seed_pipeline.scenarios import SCENARIOS

USER_ERROR, RUN_FAILED, INTERRUPTED = 2, 1, 130
GC_ALLOCATIONS = 20_000  # allocations between the collector's youngest passes during a seed (Python's default: 700)


@contextmanager
def _fewer_collections():
    """A seed allocates millions of short-lived objects and frees them by reference counting; Python's
    default collector still made ~1,500 passes, some over every object the imports built: a tenth of
    a light seed's CPU. Collections are rarer here, and ``gc.freeze`` (once the code is imported)
    keeps the passes off the long-lived objects. Restored afterwards: ``main`` also runs in tests."""
    threshold = gc.get_threshold()
    gc.set_threshold(GC_ALLOCATIONS, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _settings_args(parser: argparse.ArgumentParser) -> None:
    """Unset flags fall back to SEED_* variables, then (partial runs) the database's record, then the defaults."""
    parser.add_argument("--scenario", help=f"one of {', '.join(SCENARIOS)} (default $SEED_SCENARIO or full)")
    parser.add_argument("--seed", help="random seed, 0 or more (default $SEED_SEED or 42)")
    parser.add_argument("--scale", help="volume multiplier (default $SEED_SCALE or 1)")
    parser.add_argument("--end-date", help="last day of the history, YYYY-MM-DD (default $SEED_END_DATE or today)")
    parser.add_argument("--select", default=None, help="Dagster asset selection, e.g. 'calendar_events' or 'group:core'; "
                        "unset settings default to those the database was seeded with")


def _db_arg(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--db", default=os.environ.get("SEED_DATABASE_URL", None if required else DEFAULT_URL),
        required=required and not os.environ.get("SEED_DATABASE_URL"),
        help=f"SQLAlchemy URL of the target database (default $SEED_DATABASE_URL or {DEFAULT_URL})",
    )


def _follow_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--follow-live-schema", action="store_true",
                        help="a database whose TERP is newer than the model: take its tables, columns, types, enums "
                             "and foreign keys as they are (see `schema diff`)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="seed-pipeline", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    seed = sub.add_parser("seed", help="seed the database through the Dagster asset graph")
    _db_arg(seed)
    _settings_args(seed)
    seed.add_argument("--alongside-existing-rows", action="store_true",
                      help="seed a database that holds rows this tool did not create and no seed record")
    seed.add_argument("--keep-referenced-rows", action="store_true",
                      help="where the new settings give up seeded rows that users' rows point at, keep those rows "
                      "as the users' instead of refusing")
    seed.add_argument("--backup", default=None, metavar="DIR",
                      help="first write every table the run touches to DIR as CSV (see docs/operations.md to restore)")
    _follow_arg(seed)
    plan = sub.add_parser("plan", help="print the ordered plan; writes nothing")
    _settings_args(plan)
    schema = sub.add_parser("schema", help="schema operations")
    schema_sub = schema.add_subparsers(dest="schema_command", required=True)
    create = schema_sub.add_parser("create", help="create TERP's 120 tables in an empty database")
    _db_arg(create, required=True)
    diff = schema_sub.add_parser("diff", help="list every difference between a database's tables and the model; writes nothing")
    _db_arg(diff, required=True)
    diff.add_argument("--json", action="store_true", help="machine-readable differences")
    check = sub.add_parser("verify", help="run every data check against a database; writes nothing")
    _db_arg(check)
    check.add_argument("--scenario", default=None, help="scenario to hold the data to (default: the one it was seeded with)")
    check.add_argument("--end-date", default=None, help="as-of date (default: the seed's end date)")
    check.add_argument("--json", action="store_true", help="machine-readable results")
    check.add_argument("--expectations", action="store_true", help="also run every table's Great Expectations suite")
    _follow_arg(check)
    down = sub.add_parser("teardown", help="remove exactly the rows this tool created; the users' rows stay")
    _db_arg(down, required=True)
    down.add_argument("--backup", default=None, metavar="DIR", help="first write every touched table to DIR as CSV")
    _follow_arg(down)
    docs = sub.add_parser("docs", help="regenerate docs/tables.md, docs/checks.md and docs/contract.md from the code")
    docs.add_argument("--out", default="docs", help="the docs folder")
    return p


def _settings(args, recorded: dict | None = None) -> SeedSettings:
    from seed_pipeline.cli.settings import resolve

    return resolve(args, recorded)


def _selected(select: str | None) -> set[str] | None:
    if not select:
        return None
    from dagster import AssetSelection

    from seed_pipeline.definitions import defs

    hint = "use table names or groups, e.g. 'calendar_events' or 'group:core'"
    try:
        keys = AssetSelection.from_string(select).resolve(defs.resolve_asset_graph())
    except Exception as exc:  # dagster raises several types for a bad selection string
        if "were selected, but no" in str(exc):
            keys = set()
        else:
            raise UserInputError(f"invalid --select {select!r}: {str(exc).splitlines()[0]}; {hint}") from None
    if not keys:
        raise UserInputError(f"--select {select!r} matches no table; {hint}")
    return {key.path[-1] for key in keys}


def cmd_plan(args) -> int:
    from seed_pipeline.cli.plan import build_plan, format_plan

    settings = _settings(args)
    print(format_plan(build_plan(settings, _selected(args.select)), settings))
    return 0


def cmd_schema(args) -> int:
    if args.schema_command == "diff":
        from seed_pipeline.cli.diff import format_differences

        database = SeedDatabase(url=args.db)
        if not database.exists():
            raise UserInputError(f"{database.display_url()} does not exist: nothing to compare")
        found = database.schema_differences()
        print(format_differences(found, database.display_url(), args.json))
        return RUN_FAILED if found else 0
    SeedDatabase(url=args.db).create_schema()
    print(f"created TERP's schema in {SeedDatabase(url=args.db).display_url()}")
    return 0


def _model(args, database: SeedDatabase):
    """With --follow-live-schema and a database holding TERP's tables: a model of their live shape for this
    run (the shared model is left as it is); else None, the model as it is (an empty database gets its schema)."""
    from seed_pipeline.model import shared
    from seed_pipeline.schema.follow import followed_model

    live, enums = database.live_schema() if args.follow_live_schema and database.exists() else (None, True)
    if live is None or not set(live.tables) & set(shared().tables):
        return None
    model = followed_model(live, enums)
    followed = model.followed
    print(f"following {database.display_url()}'s schema: {len(followed.changed)} of the model's tables changed, "
          f"{len(followed.new)} new tables ({', '.join(f'{t} in {g}' for t, g in sorted(followed.new.items())) or 'none'})",
          file=sys.stderr)  # stdout stays the command's own (verify --json)
    return model


def cmd_seed(args) -> int:
    from seed_pipeline.model import using

    if args.follow_live_schema and args.select:
        raise UserInputError("--follow-live-schema seeds every table: leave out --select")
    model = _model(args, SeedDatabase(url=args.db))
    with _fewer_collections(), using(model):
        return _seed(args, model)


def _seed(args, model) -> int:
    from pathlib import Path

    from seed_pipeline.cli.partial import check_foreign_rows
    from seed_pipeline.defs.preflight import before_writing, touched

    selected = _selected(args.select)
    settings = _settings(args) if selected is None else None  # a partial run may default to the record
    database = SeedDatabase(url=args.db, keep_referenced_rows=args.keep_referenced_rows)
    with database.run_lock():
        records = database.records() if database.check() == "terp" else {}
        if not args.alongside_existing_rows:
            check_foreign_rows(database, records)
        if selected is not None:
            settings = _settings(args, database.provenance() if records else None)
        if args.backup and records:
            database.backup(Path(args.backup), touched(selected))
            print(f"backup of the tables this run touches in {args.backup}")
        handed = before_writing(database, settings, selected)
        if handed:
            print("kept the seeded rows users' rows point at, now the users': "
                  + ", ".join(f"{table} {n}" for table, n in handed.items()))
        return _seed_locked(args, settings, selected, database, model)


def _seed_locked(args, settings, selected, database, model) -> int:
    from seed_pipeline.cli.instance import cli_instance
    from seed_pipeline.cli.progress import RunProgress
    from seed_pipeline.definitions import build_definitions, defs
    from seed_pipeline.defs.preflight import PREFLIGHT_TAG

    if model is not None:  # the assets of the followed model, not the code location's
        defs = build_definitions(model=model)
    gc.freeze()  # the code and its definitions live as long as the process (see _fewer_collections)
    created = database.ensure_schema()
    print(f"target {database.display_url()}: {'created the schema' if created else 'TERP schema found'}")
    job = defs.resolve_job_def("seed_all")
    if selected is not None:  # the selected tables with their seed checks (not the Great Expectations suites)
        from dagster import AssetKey

        from seed_pipeline.defs.jobs import seed_check_keys

        keys = {AssetKey(t) for t in selected}
        job = job.get_subset(asset_selection=keys, asset_check_selection=seed_check_keys(defs.resolve_asset_graph(), keys))
    asked = (PREFLIGHT_TAG, "asked by the command line")  # before_writing ran in cmd_seed
    run_config = {
        "resources": {
            "database": {"config": {"url": args.db, "keep_referenced_rows": args.keep_referenced_rows}},
            "seed_settings": {
                "config": {
                    "scenario": settings.scenario,
                    "seed": settings.seed,
                    "scale": settings.scale,
                    "end_date": settings.end_date.isoformat(),
                }
            },
        },
        "loggers": {"console": {"config": {"log_level": "CRITICAL"}}},  # tracebacks go to the run's event log
    }
    started = time.perf_counter()
    total = len(selected) if selected is not None else len(defs.resolve_asset_graph().get_all_asset_keys())
    run_id = str(uuid.uuid4())  # known before the run starts: the progress listens for its events
    with cli_instance() as instance, RunProgress(instance, run_id, total) as progress:
        result = job.execute_in_process(
            run_config=run_config,
            instance=instance,
            run_id=run_id,
            tags=dict([asked]),
            raise_on_error=False,
        )
    watch = progress.watch
    seconds = time.perf_counter() - started
    rows = sum(r.rows for r in watch.results)
    print(f"seeded {len(watch.results)} tables, {rows:,} rows in {seconds:.1f} s (run {result.run_id})")
    failed_checks = sorted(name for name, passed in watch.checks.items() if not passed)
    skipped = watch.not_applicable  # checks reading a column the followed schema lacks
    print(f"checks: {len(watch.checks) - len(failed_checks) - len(skipped)} passed, {len(failed_checks)} failed"
          + (f", {len(skipped)} not applicable" if skipped else "")
          + "".join(f"\n  failed: {name}" for name in failed_checks)
          + "".join(f"\n  not applicable: {name}: {why}" for name, why in sorted(skipped.items())))
    if any(message.startswith("DagsterExecutionInterruptedError") for _, message in watch.failures):
        raise KeyboardInterrupt  # Dagster stopped the run at Ctrl-C: say so once
    if not result.success or failed_checks:
        for step, message in watch.failures or [("checks", f"{len(failed_checks)} failed")]:
            print(f"seed-pipeline: error: {step}: {message}", file=sys.stderr)
        return RUN_FAILED
    if database.row_counts(["orders"])["orders"]:
        from seed_pipeline.cli.report import figures_report

        print(figures_report(database, settings.resolved, settings.end_date))
    return 0


def cmd_verify(args) -> int:
    from seed_pipeline.cli.verify import format_results, settings_for, verify
    from seed_pipeline.model import using

    database = SeedDatabase(url=args.db)
    if not database.exists():
        raise UserInputError(f"{database.display_url()} does not exist: nothing to verify")
    with using(_model(args, database)):
        if database.check() != "terp":
            raise UserInputError(f"{database.display_url()} has none of TERP's tables: nothing to verify")
        settings = settings_for(database, {"scenario": args.scenario, "end_date": args.end_date})
        results = verify(database, settings, expectations=args.expectations)
    print(format_results(results, settings, args.json))
    return 0 if all(r["passed"] for r in results) else RUN_FAILED


def cmd_teardown(args) -> int:
    from pathlib import Path

    from seed_pipeline.model import using

    database = SeedDatabase(url=args.db)
    with using(_model(args, database)):
        if not database.exists() or database.check() != "terp":
            raise UserInputError(f"{database.display_url()} has none of TERP's tables: nothing to tear down")
        with database.run_lock():
            removed = database.teardown(Path(args.backup) if args.backup else None)
    print(f"removed {sum(removed.values()):,} seeded rows from {len(removed)} tables of {database.display_url()}"
          + (f"; backup in {args.backup}" if args.backup else ""))
    return 0


def cmd_docs(args) -> int:
    from pathlib import Path

    from seed_pipeline.checks.document import render_checks_md
    from seed_pipeline.contract.document import render_contract_md
    from seed_pipeline.graph.document import render_tables_md

    for name, render in (("tables.md", render_tables_md), ("checks.md", render_checks_md),
                         ("contract.md", render_contract_md)):
        (Path(args.out) / name).write_text(render())
        print(f"wrote {Path(args.out) / name}")
    return 0


COMMANDS = {"seed": cmd_seed, "plan": cmd_plan, "schema": cmd_schema, "verify": cmd_verify,
            "teardown": cmd_teardown, "docs": cmd_docs}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command in ("seed", "plan"):
            from seed_pipeline.cli.settings import check_environment

            check_environment(args)
        return COMMANDS[args.command](args)
    except (SeedDatabaseError, UserInputError) as exc:
        print(f"seed-pipeline: error: {exc}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        print("seed-pipeline: error: interrupted; every table is as it was or complete (one transaction each): "
              "run the same command again to finish", file=sys.stderr)
        return INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
