"""A real dagster-webserver on a free port, over a throw-away instance and target database.

The instance runs launched runs at once (no daemon needed to dequeue them) and has seen
Dagster's first-visit newsletter dialog, so pages render the same on every start.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

PROJECT_ROOT = Path(__file__).resolve().parents[2]
INSTANCE_YAML = """\
run_coordinator:
  module: dagster._core.run_coordinator
  class: DefaultRunCoordinator
telemetry:
  enabled: false
"""
# The launchpad defaults the UI tests and the docs' screenshot seed with: small and fixed.
LIGHT = {"SEED_SCENARIO": "light", "SEED_SEED": "42", "SEED_END_DATE": "2026-10-31"}
START_TIMEOUT = 120  # seconds for the code location to load on a busy two-core machine
RUN_TIMEOUT = 240
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Webserver:
    """`dagster-webserver -w workspace.yaml` in its own process group, killed whole by stop()."""

    def __init__(self, workdir: Path, database_url: str, settings: dict[str, str]):
        self.home = workdir / "dagster_home"
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / "dagster.yaml").write_text(INSTANCE_YAML)
        self.log_path = workdir / "webserver.log"
        self.url = f"http://127.0.0.1:{free_port()}"
        self.env = {
            **os.environ,
            "DAGSTER_HOME": str(self.home),
            "SEED_DATABASE_URL": database_url,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")])),
            **settings,
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> "Webserver":
        port = self.url.rsplit(":", 1)[1]
        command = [sys.executable, "-m", "dagster_webserver", "-h", "127.0.0.1", "-p", port, "-w", "workspace.yaml"]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self._wait_until_serving()
        self.graphql("mutation { setNuxSeen }")
        return self

    def stop(self) -> None:
        """SIGTERM to the whole group (webserver, code server, run workers), SIGKILL if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def _wait_until_serving(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dagster-webserver exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/server_info", timeout=2).ok and self._location_loaded():
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"dagster-webserver did not serve within {START_TIMEOUT}s:\n{self.log_tail()}")

    def _location_loaded(self) -> bool:
        entries = self.graphql(
            "{ workspaceOrError { ... on Workspace { locationEntries { loadStatus } } } }"
        )["workspaceOrError"]["locationEntries"]
        return bool(entries) and all(e["loadStatus"] == "LOADED" for e in entries)

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        response = requests.post(f"{self.url}/graphql", json={"query": query, "variables": variables or {}}, timeout=60)
        response.raise_for_status()
        body = response.json()
        if body.get("errors"):
            raise AssertionError(f"GraphQL errors: {body['errors']}")
        return body["data"]
