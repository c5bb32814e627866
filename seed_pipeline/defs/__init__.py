"""The Dagster side: one asset per table, the jobs, the schedule and the resources they share."""
