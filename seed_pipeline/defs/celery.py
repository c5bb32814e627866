"""The same code location with every job's steps sent to dagster-celery workers.

Loaded by deploy/celery/workspace.yaml (webserver, daemon) and by the workers, which rebuild the
job from this module: the assets, checks, jobs and schedule are the ones of definitions.py, only
the executor differs. Each phase step is one Celery task; a step reads its parents back through
the database resource, since it may run on another machine than the step that wrote them. The
broker and result backend come from the executor's run config (default: RabbitMQ on localhost,
``rpc://``); Dagster's storage must be shared by all (deploy/postgres/dagster.yaml).
"""

from dagster_celery import celery_executor

from seed_pipeline.definitions import build_definitions

defs = build_definitions(executor=celery_executor)
