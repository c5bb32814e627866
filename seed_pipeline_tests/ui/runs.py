"""Launch a phase group's job through Dagster's GraphQL API, as the UI's Materialize button does."""

import time
from dataclasses import dataclass

from seed_pipeline_tests.ui.webserver import FINISHED, RUN_TIMEOUT, Webserver

REPOSITORY = "__repository__"  # the repository a dg.Definitions object becomes

LOCATION = "{ workspaceOrError { ... on Workspace { locationEntries { name } } } }"
GROUP = """query($group: AssetGroupSelector!) { assetNodes(group: $group) {
  assetKey { path }
  assetMaterializations(limit: 1) { metadataEntries { label ... on IntMetadataEntry { intValue } } }
  assetChecksOrError { ... on AssetChecks { checks { name blocking executionForLatestMaterialization { status } } } }
} }"""
LAUNCH = """mutation($params: ExecutionParams!) { launchRun(executionParams: $params) {
  __typename ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }"""
JOBS = "{ assetNodes { assetKey { path } jobNames } }"
STATUS = "query($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status } } }"


@dataclass(frozen=True)
class GroupAsset:
    name: str
    row_count: int | None  # dagster/row_count of its latest materialisation
    checks: dict[str, str | None]  # check name -> status of its run on that materialisation
    blocking: frozenset[str]


def location(server: Webserver) -> str:
    (entry,) = server.graphql(LOCATION)["workspaceOrError"]["locationEntries"]
    return entry["name"]


def group_assets(server: Webserver, group: str) -> dict[str, GroupAsset]:
    selector = {"groupName": group, "repositoryName": REPOSITORY, "repositoryLocationName": location(server)}
    assets = {}
    for node in server.graphql(GROUP, {"group": selector})["assetNodes"]:
        (name,) = node["assetKey"]["path"]
        latest = node["assetMaterializations"]
        counts = [e["intValue"] for e in latest[0]["metadataEntries"] if e["label"] == "dagster/row_count"] if latest else []
        checks = node["assetChecksOrError"]["checks"]
        assets[name] = GroupAsset(
            name=name,
            row_count=counts[0] if counts else None,
            checks={c["name"]: (c["executionForLatestMaterialization"] or {}).get("status") for c in checks},
            blocking=frozenset(c["name"] for c in checks if c["blocking"]),
        )
    return assets


def group_job(server: Webserver, group: str) -> str:
    """The job whose assets are exactly the group's, whatever it is called."""
    members: dict[str, set[str]] = {}
    for node in server.graphql(JOBS)["assetNodes"]:
        for job in node["jobNames"]:
            members.setdefault(job, set()).update(node["assetKey"]["path"])
    group_tables = set(group_assets(server, group))
    (job,) = [job for job, tables in members.items() if tables == group_tables]
    return job


def launch(server: Webserver, job: str) -> str:
    selector = {"repositoryLocationName": location(server), "repositoryName": REPOSITORY, "jobName": job}
    result = server.graphql(LAUNCH, {"params": {"selector": selector, "runConfigData": {}}})["launchRun"]
    if result["__typename"] != "LaunchRunSuccess":
        raise AssertionError(f"launching {job}: {result['__typename']}: {result.get('message')}")
    return result["run"]["runId"]


def wait_for(server: Webserver, run_id: str, timeout: float = RUN_TIMEOUT) -> str:
    """The run's final status, polled until it finishes or the timeout passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = server.graphql(STATUS, {"id": run_id})["runOrError"]["status"]
        if status in FINISHED:
            return status
        time.sleep(1)
    raise TimeoutError(f"run {run_id} still not finished after {timeout}s:\n{server.log_tail()}")


def seed_group(server: Webserver, group: str) -> str:
    """Launch the group's job and wait: the run id once it succeeded."""
    run_id = launch(server, group_job(server, group))
    status = wait_for(server, run_id)
    if status != "SUCCESS":
        raise AssertionError(f"run {run_id} of {group} ended {status}:\n{server.log_tail()}")
    return run_id
