"""TERP's release history over the window: one deployment per release pushed to main, as the GitHub
webhook records it, then built and deployed (``business/catalogue/releases.py``)."""

import pandas as pd

from seed_pipeline.business.catalogue.releases import REPOSITORY, Developer, releases
from seed_pipeline.contract.catalogue import PUSH_PAYLOAD
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

DEVELOPERS = 3
APP_CONSOLE = "https://cloud.digitalocean.com/apps/terp-app/deployments"


def _developers(ctx, users: pd.DataFrame) -> list[Developer]:
    """The people who ship TERP's releases: users of the history (not made-up names), the first ones on the team."""
    names = users["name"].to_numpy()[:DEVELOPERS]
    return [Developer(n, (n.split()[0][0] + n.split()[-1]).lower().replace("'", "")) for n in names]


def _payload(row, before: str) -> dict:
    author, pusher = row.author, row.pusher
    return {
        "ref": "refs/heads/main", "before": before, "after": row.sha, "repository": {"full_name": REPOSITORY},
        "head_commit": {"id": row.sha, "message": row.message, "timestamp": row.committedAt.isoformat(),
                        "author": {"name": author.name, "email": author.email, "username": author.login}},
        "pusher": {"name": pusher.login, "email": pusher.email}, "sender": {"login": pusher.login},
    }


def _log(row) -> str:
    steps = [f"=> Cloning {REPOSITORY}@{row.sha[:7]}", "=> npm ci", "=> npm run build"]
    if row.status == "failed":
        return "\n".join(steps + [f"!! {row.error}"])
    if row.status == "success":
        return "\n".join(steps + ["=> Build complete", "=> Running migrations", "=> Health check passed",
                                  f"=> Deployed v{row.version}"])
    return "\n".join(steps)


@generates("deployments", reads=("users",))
def generate(ctx, parents):
    r = releases(ctx.window, ctx.scenario.months, _developers(ctx, parents["users"]), ctx.rng)
    rows = list(r.itertuples())
    before = ["0" * 40] + list(r["sha"].iloc[:-1])
    return table_frame(ctx, {
        "commitSha": r["sha"],
        "commitMessage": r["message"],
        "commitTimestamp": r["committedAt"],
        "branch": ["main"] * len(r),
        "author": [d.name for d in r["author"]],
        "pusher": [d.login for d in r["pusher"]],
        "status": r["status"],
        "startedAt": r["startedAt"],
        "completedAt": pd.Series(r["completedAt"]),
        "duration": r["duration"],
        "doDeploymentId": r["doDeploymentId"],
        "buildLogs": [_log(row) for row in rows],
        "deploymentUrl": [f"{APP_CONSOLE}/{d}" for d in r["doDeploymentId"]],
        "errorMessage": r["error"],
        "githubDeliveryId": r["deliveryId"],
        "webhookPayload": PUSH_PAYLOAD.values([_payload(row, b) for row, b in zip(rows, before)]),
    })
