"""What only the command line refuses before writing (every run's refusals are in defs/preflight.py):
a database holding rows this tool did not create, and no seed record, is somebody's data; it is
seeded only when told so (``--alongside-existing-rows``).
"""

from seed_pipeline.defs.preflight import names
from seed_pipeline.errors import UserInputError
from seed_pipeline.loaders import SeedDatabase
from seed_pipeline.loaders.ownership import Owned


def check_foreign_rows(database: SeedDatabase, records: dict[str, Owned]) -> None:
    """A database with business rows and no seed record is someone's: refuse unless told otherwise."""
    if records:
        return
    counts = {t: n for t, n in database.row_counts().items() if n}
    if counts:
        shown = names(f"{t} ({n})" for t, n in counts.items())
        raise UserInputError(
            f"{database.display_url()} holds rows this tool did not create ({shown}) and no seed record: "
            "seed a copy, or pass --alongside-existing-rows to seed next to them"
        )
