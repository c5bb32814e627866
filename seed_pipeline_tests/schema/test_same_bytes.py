"""The same settings give the same SQLite file, byte for byte, from any process: SQLAlchemy creates a
table's indexes in the order of a set of objects, which differs from one interpreter to the next."""

import hashlib
import subprocess
import sys

from seed_pipeline.schema import TABLES


def test_every_tables_indexes_are_created_in_name_order():
    unordered = [name for name, table in TABLES.items()
                 if [i.name for i in table.indexes] != sorted(i.name for i in table.indexes)]
    assert unordered == []


def test_schema_create_in_three_processes_gives_one_file(tmp_path):
    digests = set()
    for n in range(3):
        path = tmp_path / f"schema{n}.sqlite"
        command = [sys.executable, "-m", "seed_pipeline.cli.main", "schema", "create", "--db", f"sqlite:///{path}"]
        subprocess.run(command, check=True, capture_output=True)
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    assert len(digests) == 1
