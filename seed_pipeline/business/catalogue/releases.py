"""TERP's own release history: what was deployed to production, when, by whom, and how it went.

Releases are cut the way release-please cuts them: a release PR whose squash-merge message is
``chore(main): release X.Y.Z`` followed by the changes it ships, grouped by kind. Pushing it to
``main`` fires GitHub's webhook, which TERP records as a deployment (``server/webhooks/github.ts``);
the build then succeeds or fails. Versions only go up: a feature bumps the minor version, fixes
the patch, and one breaking change (in a history of a year or more) the major. A failed release is
followed by a patch that repairs the build. The last push of the history is still building at the
end date's clock.
"""

import uuid
from dataclasses import dataclass

import numpy as np
import pandas as pd

from seed_pipeline.business.catalogue.changes import BREAKING, FAILURES, FIRST_RELEASE, KINDS, message
from seed_pipeline.generation.context import HistoryWindow

RELEASES_A_MONTH = 8
FIRST_VERSION = (1, 0, 0)
FAILED_SHARE = 0.08  # of finished deployments
CHANGES_PER_RELEASE = (1, 4)
RELEASE_HOURS = (10, 18)  # developers merge release PRs in office hours
BUILD_SECONDS = {"success": (150, 480), "failed": (40, 300)}
STILL_BUILDING_SECONDS = (120, 480)  # how long before the end the last push arrived
REPOSITORY = "EvanTenenbaum/TERP"  # the only repository TERP's webhook accepts
SECTIONS = {"feat": "Features", "fix": "Bug Fixes", "perf": "Performance Improvements", "chore": "Miscellaneous Chores"}
IN_PROGRESS = "building"


@dataclass(frozen=True)
class Developer:
    name: str
    login: str

    @property
    def email(self) -> str:
        return f"{self.login}@users.noreply.github.com"


def version_text(v: tuple[int, int, int]) -> str:
    return ".".join(map(str, v))


def _bump(v: tuple[int, int, int], kinds: list[str], breaking: bool) -> tuple[int, int, int]:
    if breaking:
        return v[0] + 1, 0, 0
    if "feat" in kinds:
        return v[0], v[1] + 1, 0
    return v[0], v[1], v[2] + 1


def _moments(window: HistoryWindow, n: int, rng: np.random.Generator) -> pd.Series:
    """n - 1 release times on weekdays in office hours, in order, then the push still building at the end."""
    days = pd.bdate_range(window.start, window.end)
    picked = np.sort(rng.choice(len(days), n - 1, replace=len(days) < n - 1))
    seconds = rng.integers(RELEASE_HOURS[0] * 3600, RELEASE_HOURS[1] * 3600, n - 1)
    times = days[picked] + pd.to_timedelta(seconds, unit="s")
    last = window.end_ts - pd.Timedelta(seconds=int(rng.integers(*STILL_BUILDING_SECONDS)))
    return pd.Series(sorted(times) + [last])


def releases(window: HistoryWindow, months: int, developers: list[Developer], rng: np.random.Generator) -> pd.DataFrame:
    """One row per deployment: version, message, status, times and the people, in time order."""
    n = max(4, round(RELEASES_A_MONTH * window.days / 30.44))
    started = _moments(window, n, rng)
    failed = set(rng.choice(np.arange(0, n - 2, 2), max(1, round(FAILED_SHARE * (n - 1))), replace=False).tolist())
    changes = [(k, s, t) for k, items in KINDS.items() for s, t in items]
    order = rng.permutation(len(changes))
    breaking_at = int(np.searchsorted(started.to_numpy(), started.iloc[0] + (started.iloc[-1] - started.iloc[0]) / 2)) \
        if months >= 12 else -1
    version, pr, taken, rows = FIRST_VERSION, 100, 0, []
    for i in range(n):
        if i == 0:
            shipped = [FIRST_RELEASE]
        elif i - 1 in failed:
            shipped = [FAILURES[(i - 1) // 2 % len(FAILURES)][1]]
        else:
            count = int(rng.integers(*CHANGES_PER_RELEASE))
            shipped = [changes[order[(taken + j) % len(order)]] for j in range(count)]
            taken += count
        breaking = i == breaking_at
        if breaking:
            shipped = [("feat", *BREAKING)] + shipped
        version = version if i == 0 else _bump(version, [k for k, _, _ in shipped], breaking)
        body = []
        for kind, title in SECTIONS.items():
            lines = [f"* **{s}:** {t} (#{pr + 1 + j})" for j, (k, s, t) in enumerate(shipped) if k == kind]
            if breaking and kind == "feat":
                body.append(f"### ⚠ BREAKING CHANGES\n\n* **{BREAKING[0]}:** {BREAKING[1]}")
            if lines:
                body.append(f"### {title}\n\n" + "\n".join(lines))
        pr += len(shipped) + 1
        status = IN_PROGRESS if i == n - 1 else "failed" if i in failed else "success"
        rows.append((version_text(version), message("chore", "main", f"release {version_text(version)}", pr)
                     + "\n\n" + "\n\n".join(body), status, FAILURES[i // 2 % len(FAILURES)][0] if i in failed else None))
    frame = pd.DataFrame(rows, columns=["version", "message", "status", "error"])
    frame["startedAt"] = started.to_numpy()
    author = rng.integers(0, len(developers), n)
    frame["author"] = [developers[a] for a in author]
    frame["pusher"] = [developers[0]] * n  # the lead merges release PRs
    frame["committedAt"] = frame["startedAt"] - pd.to_timedelta(rng.integers(20, 90 * 60, n), unit="s")
    seconds = np.array([rng.integers(*BUILD_SECONDS.get(s, (0, 1))) for s in frame["status"]])
    done = frame["status"] != IN_PROGRESS
    frame["duration"] = pd.Series(seconds).astype("Int64").where(done)
    frame["completedAt"] = (frame["startedAt"] + pd.to_timedelta(seconds, unit="s")).where(done)
    frame["sha"] = [rng.bytes(20).hex() for _ in range(n)]
    frame["deliveryId"] = [str(uuid.UUID(bytes=rng.bytes(16), version=4)) for _ in range(n)]
    frame["doDeploymentId"] = [str(uuid.UUID(bytes=rng.bytes(16), version=4)) for _ in range(n)]
    return frame
