"""Files kept with the events that produce them, uploaded by the assignee once the work was done:
the signed manifest of each intake, the report of each audit, two to four photos of each photo
session. Only events that took place (COMPLETED or IN_PROGRESS) have them."""

import numpy as np
import pandas as pd

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame

FILES = {  # event type -> (file name pattern from the event's document, mime type, size range in bytes, files per event)
    "INTAKE": ("manifest-{doc}.pdf", "application/pdf", (80_000, 400_000), (1, 2)),
    "AUDIT": ("compliance-audit-{doc}.pdf", "application/pdf", (200_000, 1_500_000), (1, 2)),
    "PHOTOGRAPHY": ("{doc}-{k}.jpg", "image/jpeg", (1_500_000, 6_000_000), (2, 5)),
}


def _document(metadata) -> list[str]:
    return [str(m.get("lotCode") or m.get("batchCode") or m.get("month") or "event") if isinstance(m, dict) else "event"
            for m in metadata]


@generates("calendar_event_attachments")
def generate(ctx, parents):
    e, rng = parents["calendar_events"], ctx.rng
    done = e[e["event_type"].isin(list(FILES)) & e["status"].isin(["COMPLETED", "IN_PROGRESS"])]
    per = pd.DataFrame([FILES[t][3] for t in done["event_type"]], columns=["lo", "hi"], dtype="int64")
    count = rng.integers(per["lo"].to_numpy(), per["hi"].to_numpy()) if len(done) else np.array([], int)
    row = np.repeat(np.arange(len(done)), count)
    k = np.arange(len(row)) - np.repeat(np.cumsum(count) - count, count) + 1
    kind = done["event_type"].to_numpy()[row]
    doc = np.array(_document(done["metadata"]), dtype=object)[row] if len(done) else np.array([], object)
    name = [FILES[t][0].format(doc=d, k=i) for t, d, i in zip(kind, doc, k)]
    stored = [f"{eid}-{i}-{n}" for eid, i, n in zip(done["id"].to_numpy()[row], k, name)]
    start = pd.to_datetime(done["start_date"]).to_numpy()[row] + pd.to_timedelta(done["start_time"].to_numpy()[row]).to_numpy()
    uploaded = np.minimum(start + (rng.integers(30, 240, len(row)) * 60).astype("timedelta64[s]"), np.datetime64(ctx.window.end_ts))
    sizes = pd.DataFrame([FILES[t][2] for t in kind], columns=["lo", "hi"], dtype="int64")
    size = rng.integers(sizes["lo"].to_numpy(), sizes["hi"].to_numpy()) if len(kind) else np.array([], int)
    return table_frame(ctx, {
        "event_id": done["id"].to_numpy()[row], "filename": stored, "original_filename": name,
        "url": [f"/uploads/calendar/{s}" for s in stored], "file_size": size, "mime_type": [FILES[t][1] for t in kind],
        "uploaded_by": done["assigned_to"].fillna(done["created_by"]).to_numpy(np.int64)[row], "uploaded_at": uploaded,
    })
