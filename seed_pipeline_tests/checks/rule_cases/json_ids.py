"""Breaking cases of the rules holding ids inside JSON to be rows' keys: one id per path, in the first
value that can hold it (an optional key is added where the light seed writes none), set to a key no
row has. Written from the contract's shapes, so a reference a
shape declares is broken without anyone listing it here."""

import typing

from seed_pipeline.contract import JSON_COLUMNS
from seed_pipeline.contract.model import Shape
from seed_pipeline_tests.checks.rule_cases import case

NO_ROW = 999_999_999


def _is_list(annotation) -> bool:
    return typing.get_origin(annotation) is list or any(_is_list(a) for a in typing.get_args(annotation))


def _shape_of(annotation):
    if isinstance(annotation, type) and issubclass(annotation, Shape):
        return annotation
    return next((s for s in map(_shape_of, typing.get_args(annotation)) if s is not None), None)


def json_path(spec, path) -> str:
    """SQLite's JSON path to the first id at ``path`` (the first element of every array on the way)."""
    text, shape = "$[0]" if spec.many else "$", spec.shape
    for name in path:
        annotation = shape.model_fields[name].annotation
        text += f".{name}" + ("[0]" if _is_list(annotation) else "")
        shape = _shape_of(annotation)
    return text


def _breaking(spec, path) -> str:
    where = json_path(spec, path)
    holder = where[: max(where.rfind("."), where.rfind("["))] or "$"  # the object or array the id sits in
    return (f'UPDATE "{spec.table}" SET "{spec.column}" = json_set("{spec.column}", \'{where}\', {NO_ROW}) '
            f'WHERE id = (SELECT min(id) FROM "{spec.table}" WHERE json_extract("{spec.column}", \'{holder}\') IS NOT NULL)')


CASES = {
    f"{spec.table}_{spec.column}_ids_are_rows": tuple(case(1, _breaking(spec, path)) for path, _ in spec.references)
    for spec in JSON_COLUMNS.values() if spec.references
}
