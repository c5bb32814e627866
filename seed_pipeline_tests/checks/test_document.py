"""docs/checks.md lists a check whose tables are not all generated yet as inactive.

The generated-docs test (``graph/test_dependency_graph.py``) holds the whole page to the catalog, where every
check is active today; this one renders a catalog holding an inactive rule, as a new table's rule is until its
business generator is written.
"""

from seed_pipeline.checks import document
from seed_pipeline.checks.catalog import Check


def test_an_inactive_check_is_listed_as_not_active(monkeypatch):
    unwritten = Check("stock_is_counted", "no_generator_yet", ("orders",), True, "Stock is counted.", evaluate=None)
    monkeypatch.setattr(document, "all_checks", lambda: [unwritten])
    page = document.render_checks_md()
    assert "1 checks, 0 active." in page
    assert page.endswith("| `no_generator_yet` | `stock_is_counted` | no | yes | - | `orders` | Stock is counted. |\n")
