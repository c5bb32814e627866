"""The files a photo session leaves on a product: a few stills of the batch and now and then a turntable clip.

A session at the photo bench shoots the batch it was booked for (``batches.photo_session_event_id``);
the photographer uploads the files after the session, named after the product and the batch, so
anyone can tell which batch a picture shows. Sessions that were called off, or are still ahead at
the end date, left no files.
"""

import numpy as np
import pandas as pd

SHOTS = ("buds", "macro", "jar", "label", "scale", "nug-shot")  # what a session photographs, in shooting order
STILLS = (3, 7)  # images a session keeps (at least, less than)
CLIP_SHARE = 0.15  # of sessions that also film a 360° turntable clip
SESSION_MINUTES = 45
UPLOAD_DELAY_MINUTES = (10, 26 * 60)  # after the session ends
IMAGE_BYTES = (np.log(4.2e6), 0.35)  # lognormal: full-size JPEGs from the studio camera
CLIP_BYTES = (np.log(38e6), 0.4)
MEDIA_HOST = "https://media.terp.example/products"  # a reserved domain: no real file is served from it


def slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def session_files(sessions: pd.DataFrame, end: pd.Timestamp, rng: np.random.Generator) -> pd.DataFrame:
    """One row per file uploaded after each completed session.

    ``sessions`` holds per photographed batch: product, product_name, batch_code, start, photographer
    and status. Files are uploaded once the session is over, never after ``end``.
    """
    done = sessions[sessions["status"] == "COMPLETED"].reset_index(drop=True)
    stills = rng.integers(*STILLS, len(done))
    clip = rng.random(len(done)) < CLIP_SHARE
    count = stills + clip
    row = np.repeat(np.arange(len(done)), count)
    k = np.arange(len(row)) - np.repeat(np.cumsum(count) - count, count)  # position within its session
    is_clip = clip[row] & (k == count[row] - 1)
    finished = done["start"].to_numpy()[row] + np.timedelta64(SESSION_MINUTES, "m")
    delay = np.repeat(rng.integers(*UPLOAD_DELAY_MINUTES, len(done)), count)
    uploaded = pd.Series(finished + (delay * 60 + k * 7).astype("timedelta64[s]"))
    base = [f"{slug(p)}_{c}" for p, c in zip(done["product_name"].to_numpy()[row], done["batch_code"].to_numpy()[row])]
    shot = np.array(SHOTS, dtype=object)[k % len(SHOTS)]
    name = np.where(is_clip, [f"{b}_turntable.mp4" for b in base],
                    [f"{b}_{s}-{n:02d}.jpg" for b, s, n in zip(base, shot, k + 1)])
    size = np.where(is_clip, rng.lognormal(*CLIP_BYTES, len(row)), rng.lognormal(*IMAGE_BYTES, len(row)))
    product = done["product"].to_numpy()[row]
    files = pd.DataFrame({
        "productId": product,
        "url": [f"{MEDIA_HOST}/{p}/{f}" for p, f in zip(product, name)],
        "type": np.where(is_clip, "video", "image"),
        "filename": name,
        "size": np.round(size).astype(np.int64),
        "uploadedBy": done["photographer"].to_numpy()[row],
        "createdAt": uploaded,
    })
    return files[files["createdAt"] <= end].sort_values("createdAt", kind="stable").reset_index(drop=True)
