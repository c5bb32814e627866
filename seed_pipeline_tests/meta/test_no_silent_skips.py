"""Missing reference files skip a test on a laptop and fail it under CI."""

import pytest

from seed_pipeline_tests import shared


@pytest.fixture
def no_terp_files(monkeypatch, tmp_path):
    monkeypatch.setattr(shared, "TERP_DIR", tmp_path / "missing")
    for name in ("CI", "SEED_TEST_REQUIRE_SERVERS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_missing_reference_files_skip_locally(no_terp_files):
    with pytest.raises(pytest.skip.Exception, match="schema.snapshot.json not present"):
        shared.terp_file("schema.snapshot.json")


@pytest.mark.parametrize("name, value", [("CI", "true"), ("SEED_TEST_REQUIRE_SERVERS", "1")])
def test_missing_reference_files_fail_under_ci(no_terp_files, name, value):
    no_terp_files.setenv(name, value)
    with pytest.raises(pytest.fail.Exception, match="under CI every test must run"):
        shared.terp_file("schema.snapshot.json")


def test_present_reference_files_are_found():
    assert shared.terp_file("schema.snapshot.json").is_file()
