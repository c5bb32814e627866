"""The `seed-pipeline` command line."""
