"""`schema diff`: the differences between a database and the model, every one, one per line."""

import json

from seed_pipeline.schema.drift import CHANGED, NEWER, OLDER, counted, verdict

MARK = {NEWER: "+", OLDER: "-", CHANGED: "~"}


def format_differences(found: list, target: str, as_json: bool) -> str:
    """Text: a verdict, then one line per difference marked + (database has), - (lacks), ~ (changed)."""
    if as_json:
        return json.dumps({"target": target, "verdict": verdict(found) if found else "the same",
                           "differences": [d.as_dict() for d in found]}, indent=2)
    if not found:
        return f"{target} has the model's tables, columns, types, keys and foreign keys: no differences"
    counts = ", ".join(f"{sum(d.side == side for d in found)} {MARK[side]}" for side in (NEWER, OLDER, CHANGED))
    lines = [f"{target}: {verdict(found)}; {counted(found)} ({counts})"]
    return "\n".join(lines + [f"  {MARK[d.side]} {d.describe()}" for d in found])
