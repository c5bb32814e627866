"""Subcategory tags under their category tag (Flower > Indoor, Concentrates > Live-Resin, ...)."""

from seed_pipeline.business.catalogue.tags import vocabulary
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by


@generates("tagHierarchy")
def generate(ctx, parents):
    ids = ids_by(parents["tags"], "name")
    pairs = [(ids[t.parent], ids[t.name]) for t in vocabulary() if t.parent]
    return table_frame(ctx, {
        "parentTagId": [p for p, _ in pairs],
        "childTagId": [c for _, c in pairs],
    })
