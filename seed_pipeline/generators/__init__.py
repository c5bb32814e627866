"""Hand-written generators, one module per table, named after the table.

Importing this package imports each module, which registers its generator.
"""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
