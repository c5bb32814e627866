"""SQL that breaks each business rule on a light seed, one module per domain.

Each module holds ``CASES``: rule name -> ``case(rows, *statements)``, the statements breaking it
and the number of rows (or, for a rule that counts missing states, states) the rule must then
report; a rule of several clauses may map to a tuple of cases, one breaking each clause alone. The number is worked out from what the statements change, not read from the check: a
case touches one row just past the rule's boundary wherever it can, so it is 1 unless the comment
beside the case says why not. A case of 0 rows puts a row exactly on the boundary, which the rule
allows: a rule moving its boundary by one (``<`` for ``<=``, a day more) reports it. Every module in
this folder is collected, so a domain adds its cases without touching the others'.
"""

import importlib
import pkgutil
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    rows: int  # what the rule reports once the statements ran: 0 when it still holds
    statements: tuple[str, ...]


def case(rows: int, *statements: str) -> Case:
    return Case(rows, statements)


RULE_CASES: dict[str, tuple[Case, ...]] = {}
for _module in pkgutil.iter_modules(__path__):
    for _name, _cases in importlib.import_module(f"{__name__}.{_module.name}").CASES.items():
        assert _name not in RULE_CASES, f"two modules break {_name}"
        _cases = _cases if isinstance(_cases, tuple) else (_cases,)
        assert all(isinstance(c, Case) for c in _cases), f"{_name}: a breaking case states the rows it breaks (use case(rows, ...))"
        RULE_CASES[_name] = _cases
