"""Who attends which event: computed once from the events frame and the team, for participants,
invitations and permissions alike.

Client meetings: the account rep organises, the sales manager may join. One-to-ones: the lead and
the person. Weekly series: the host and the series' jobs (everyone for the team meeting). Audits:
the auditor with the inventory manager and accounting. Close sign-offs: the admin with accounting.
Calls, deliveries, intakes and due dates are one person's work and have no participants.
"""

import json

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.calendar import SERIES

SERIES_GUESTS = {s.key: s.guest_jobs for s in SERIES}


def series_of(events: pd.DataFrame) -> np.ndarray:
    """The series key in each event's metadata (None outside a series); metadata read back from a database may be text."""
    loaded = (json.loads(m) if isinstance(m, str) else m for m in events["metadata"])
    return np.array([(m or {}).get("series") for m in loaded], dtype=object)


def attendance(events: pd.DataFrame, crew: pd.DataFrame) -> pd.DataFrame:
    """One row per (event row, user): ``row`` (position in ``events``), ``user`` (real id), ``role``."""
    series = series_of(events)
    assignee = events["assigned_to"].fillna(events["created_by"]).to_numpy(np.int64)
    organizer = np.where(series == "one-on-one", events["created_by"].to_numpy(np.int64), assignee)
    kind = events["event_type"].to_numpy() + "/" + events["module"].to_numpy()
    ids, jobs = crew["id"].to_numpy(), crew["job"].to_numpy()

    def people(*wanted):
        return ids[np.isin(jobs, wanted)]

    rows = [pd.DataFrame({"row": np.arange(len(events)), "user": organizer, "role": "ORGANIZER"})]
    guests = [
        (kind == "MEETING/CLIENTS", people("Sales Manager")[:1], "OPTIONAL"),
        (series == "one-on-one", None, "REQUIRED"),  # the person the lead set it up for
        (kind == "AUDIT/COMPLIANCE", people("Inventory Manager")[:1], "REQUIRED"),
        (kind == "AUDIT/COMPLIANCE", people("Accountant")[:1], "OPTIONAL"),
        (kind == "DEADLINE/ACCOUNTING", people("Accountant"), "REQUIRED"),
    ]
    for key, jobs_wanted in SERIES_GUESTS.items():
        guests.append((series == key, ids if jobs_wanted is None else people(*jobs_wanted), "REQUIRED"))
    for mask, who, role in guests:
        at = np.flatnonzero(mask)
        if who is None:
            rows.append(pd.DataFrame({"row": at, "user": assignee[at], "role": role}))
        elif len(at) and len(who):
            rows.append(pd.DataFrame({"row": np.repeat(at, len(who)), "user": np.tile(who, len(at)), "role": role}))
    a = pd.concat(rows, ignore_index=True).drop_duplicates(["row", "user"], keep="first")
    a = a[a.groupby("row")["user"].transform("size").to_numpy() > 1]  # one person's work has no participants
    return a.drop_duplicates(["row", "user"], keep="first").sort_values(["row", "user"], kind="stable").reset_index(drop=True)
