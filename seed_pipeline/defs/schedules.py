"""The nightly staging refresh: re-seeds staging with the same settings, so it always shows a full history."""

import os

import dagster as dg

from seed_pipeline.defs.jobs import seed_all
from seed_pipeline.defs.settings import SeedSettingsResource

STAGING_URL_ENV = "SEED_STAGING_DATABASE_URL"


@dg.schedule(job=seed_all, cron_schedule="0 3 * * *", execution_timezone="UTC", default_status=dg.DefaultScheduleStatus.STOPPED)
def staging_refresh(context: dg.ScheduleEvaluationContext):
    """Runs only where the staging database is named; the end date is the day of the run.

    The run config names every setting: given only the end date, Dagster fills the rest from the
    resource's class defaults (the full scenario), not from the SEED_* variables the staging
    deployment sets."""
    if not os.environ.get(STAGING_URL_ENV):
        return dg.SkipReason(f"set {STAGING_URL_ENV} to the staging database URL to enable the refresh")
    day = context.scheduled_execution_time.date().isoformat()
    return dg.RunRequest(
        run_key=f"staging-{day}",
        run_config={
            "resources": {
                "database": {"config": {"url": {"env": STAGING_URL_ENV}}},
                "seed_settings": {"config": {**SeedSettingsResource.from_env().model_dump(), "end_date": day}},
            }
        },
        tags={"seed_pipeline/target": "staging"},
    )
