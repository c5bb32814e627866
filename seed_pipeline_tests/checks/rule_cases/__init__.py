"""SQL that breaks each business rule on a light seed, one module per domain.

Each module holds ``CASES``: rule name -> statements that break it on one row (or one state). Every
module in this folder is collected, so a domain adds its cases without touching the others'.
"""

import importlib
import pkgutil

RULE_CASES: dict[str, list[str]] = {}
for _module in pkgutil.iter_modules(__path__):
    for _name, _statements in importlib.import_module(f"{__name__}.{_module.name}").CASES.items():
        assert _name not in RULE_CASES, f"two breaking cases for {_name}"
        RULE_CASES[_name] = _statements
