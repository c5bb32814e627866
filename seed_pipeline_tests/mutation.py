"""What the test session does differently under mutmut (docs/testing.md "Mutation testing").

Each mutant's run is a pytest session of its own, which would seed its own light database (~15 s)
and, for the tests on every engine, its own on each server (~30 s more each). A seed does not depend
on the checks, which only read it (a failing check changes the exit code, not the rows), so a mutant
of ``seed_pipeline/checks/`` reads the seed the unmutated code made; a mutant anywhere else (such as
``business/rules.py``, which the generators use) seeds its own. A seed is shared under a key hashing
its settings and every source file of ``seed_pipeline/`` outside ``checks/``, and only the unmutated
runs (mutmut's stats and clean runs) store one: a seed made while a mutant is active is never reused.

The shared seeds live outside ``mutants/``: SQLite files in ``SEED_TEST_SEED_CACHE`` (default
``/dev/shm/seed_pipeline_seed_cache``; set it empty to seed in every mutant's run, as before) and, on
the servers, databases named ``seed_cache_<code>_<key>``, made under a lock, that stay until a seed of other code
replaces them.
"""

import functools
import hashlib
import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]  # mutants/ when mutmut runs the tests
CACHE = Path(os.environ.get("SEED_TEST_SEED_CACHE", "/dev/shm/seed_pipeline_seed_cache"))
SHARING = os.environ.get("SEED_TEST_SEED_CACHE") != ""
UNMUTATED = ("", "stats")  # mutmut's names for runs of the original code


def mutant() -> str | None:
    """The mutant mutmut has switched on ('' or 'stats' for none), None outside mutmut."""
    return os.environ.get("MUTANT_UNDER_TEST")


@functools.cache
def _code_hash() -> str:
    """A hash of every source file a seed runs: seed_pipeline/ without checks/."""
    digest = hashlib.sha256()
    package = PROJECT / "seed_pipeline"
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] != "checks":
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def seed_key(*settings) -> str | None:
    """The key of the shared seed with these settings, or None when this run must seed its own: outside
    mutmut, or with a mutant switched on that the seed itself may run."""
    name = mutant()
    if not SHARING or name is None or not (name in UNMUTATED or name.startswith("seed_pipeline.checks.")):
        return None
    return f"{code_key()}_{hashlib.sha256(f'{_code_hash()} {settings!r}'.encode()).hexdigest()[:12]}"


def code_key() -> str:
    """The part of every shared seed's key naming the code that seeded it: seeds of other code are stale."""
    return _code_hash()[:8]


def may_store() -> bool:
    """Only the original code's seeds are shared."""
    return mutant() in UNMUTATED



def unseeded_first(items) -> None:
    """Under mutmut, the tests that read no seeded database first. A mutant's run stops at its first failing
    test (-x), mutmut orders the tests by their recorded call time (which leaves out a fixture's seeding),
    and a mutant the seed runs (``business/rules.py``) seeds anew for the first test that reads a seed."""
    if mutant() is not None:
        items.sort(key=lambda item: bool({"seeded_sqlite", "seeded_database"} & set(item.fixturenames)))
