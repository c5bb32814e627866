"""The UI shows the target database by the environment variable that holds it, never its password."""

import os
import subprocess
import sys

SHOW_RESOURCE = """
import dagster as dg
from seed_pipeline.definitions import defs
url = defs.resources["database"].url
print(type(url).__name__, dg.EnvVar.__name__, url.env_var_name if isinstance(url, dg.EnvVar) else url)
"""


def _loaded_with(value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "SEED_DATABASE_URL"}
    if value is not None:
        env["SEED_DATABASE_URL"] = value
    return subprocess.run([sys.executable, "-c", SHOW_RESOURCE], env=env, capture_output=True, text=True, check=True).stdout


def test_a_url_from_the_environment_is_configured_by_name_and_its_password_is_nowhere():
    shown = _loaded_with("postgresql://seeder:sekret123@127.0.0.1/terp")
    assert shown.split() == ["EnvVar", "EnvVar", "SEED_DATABASE_URL"]
    assert "sekret123" not in shown


def test_without_the_variable_the_embedded_default_is_used():
    assert _loaded_with(None).split() == ["str", "EnvVar", "sqlite:///terp_seed.sqlite"]
