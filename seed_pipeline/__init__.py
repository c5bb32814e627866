"""seed_pipeline: a complete, trustworthy history for TERP's database, seeded through a Dagster asset graph."""
