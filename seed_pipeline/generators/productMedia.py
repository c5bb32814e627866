"""Photos (and a few turntable clips) of the products whose batches went through a photo session,
uploaded by the photographer after the session (``business/catalogue/media.py``)."""

import pandas as pd

from seed_pipeline.business.activity.calendar import event_start
from seed_pipeline.business.catalogue.media import session_files
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


def photo_sessions(batches: pd.DataFrame, events: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    """Each photographed batch with its product and the session it was shot in."""
    shot = batches[batches["photo_session_event_id"].notna()]
    e = events.set_index("id").loc[shot["photo_session_event_id"].astype("int64")]
    return pd.DataFrame({
        "product": shot["productId"].to_numpy(),
        "product_name": products.set_index("id")["nameCanonical"].loc[shot["productId"]].to_numpy(),
        "batch_code": shot["code"].to_numpy(),
        "start": event_start(e["start_date"], e["start_time"]).to_numpy(),
        "photographer": e["assigned_to"].astype("float").fillna(e["created_by"]).astype("int64").to_numpy(),
        "status": e["status"].to_numpy(),
    })


@generates("productMedia", reads=("batches", "calendar_events"))
def generate(ctx, parents):
    sessions = photo_sessions(parents["batches"], parents["calendar_events"], parents["products"])
    files = session_files(sessions, ctx.window.end_ts, ctx.rng)
    return table_frame(ctx, {c: files[c] for c in files.columns})
