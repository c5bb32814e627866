"""The order in which tables can be seeded, derived from the schema model."""

from seed_pipeline.graph.dependency import DependencyGraph, GraphError, build_graph
from seed_pipeline.graph.phases import GROUP_OF, PHASES

__all__ = ["GROUP_OF", "PHASES", "DependencyGraph", "GraphError", "build_graph"]
