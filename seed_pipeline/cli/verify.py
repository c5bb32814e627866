"""`seed-pipeline verify`: every data check against a database, read-only, with a non-zero exit on failure."""

import json
import time

from seed_pipeline.checks.catalog import active_checks
from seed_pipeline.checks.violations import shared_reads
from seed_pipeline.errors import UserInputError
from seed_pipeline.generation.context import SeedSettings
from seed_pipeline.loaders import SeedDatabase


def settings_for(database: SeedDatabase, given: dict) -> SeedSettings:
    """The settings to hold the data to: as given, else as recorded by the seed that wrote it."""
    recorded = database.provenance() or {}
    merged = {k: given.get(k) or recorded.get(k) for k in ("scenario", "seed", "scale", "end_date")}
    if not merged["scenario"] or not merged["end_date"]:
        raise UserInputError("this database has no seed record: give --scenario and --end-date to verify it against")
    return SeedSettings.parse(merged["scenario"], merged["seed"] or 42, merged["scale"] or 1.0, merged["end_date"])


def settings_agree(database: SeedDatabase) -> dict:
    """One result: every table the tool wrote was written with the same settings."""
    records = database.records()
    by_settings: dict[str, list[str]] = {}
    for table, owned in sorted(records.items()):
        by_settings.setdefault(json.dumps(owned.provenance, sort_keys=True), []).append(table)
    ranked = sorted(by_settings.items(), key=lambda item: -len(item[1]))
    failures = [f"{len(tables)} tables ({', '.join(tables[:3])}{', ...' if len(tables) > 3 else ''}) were seeded with {settings}"
                for settings, tables in ranked[1:]]
    if failures:
        failures.insert(0, f"most tables were seeded with {ranked[0][0]}")
    return {"check": "tables_seeded_with_the_same_settings", "table": "seed_pipeline_ownership",
            "passed": not failures, "failures": failures, "observed": {"settings": len(by_settings)}, "seconds": 0.0}


def verify(database: SeedDatabase, settings: SeedSettings, expectations: bool = False) -> list[dict]:
    results = [settings_agree(database)]
    with database.tool_rows() as conn, shared_reads(conn):  # the users' rows are not the seed's to judge
        for check in active_checks():
            started = time.perf_counter()
            outcome = check.run(conn, settings)
            results.append({"check": check.name, "table": check.asset, "passed": outcome.passed,
                            "failures": list(outcome.failures), "observed": outcome.observed,
                            "not_applicable": outcome.not_applicable,
                            "seconds": round(time.perf_counter() - started, 3)})
    if expectations:
        from seed_pipeline.checks.expectations import validate_all

        for result in validate_all(database.url, settings):
            results.append({"check": f"{result.table}_expectations", "table": result.table, "passed": result.success,
                            "failures": [f"{kind} [{what}]: {seen}" for kind, what, seen in result.failures]})
    return results


def format_results(results: list[dict], settings: SeedSettings, as_json: bool) -> str:
    if as_json:
        return json.dumps({"scenario": settings.scenario, "end_date": settings.end_date.isoformat(),
                           "passed": all(r["passed"] for r in results), "checks": results}, indent=2, default=str)
    failed = [r for r in results if not r["passed"]]
    skipped = [r for r in results if r.get("not_applicable")]  # reads a column the followed schema lacks
    lines = [f"verify: {len(results) - len(failed) - len(skipped)} passed, {len(failed)} failed"
             + (f", {len(skipped)} not applicable" if skipped else "")
             + f" (scenario {settings.scenario}, end date {settings.end_date.isoformat()})"]
    lines += [f"  FAILED {r['table']}:{r['check']}: {'; '.join(r['failures'])}" for r in failed]
    lines += [f"  not applicable {r['table']}:{r['check']}: {r['not_applicable']}" for r in skipped]
    return "\n".join(lines)
