"""Save a picture of one phase group's lineage for the docs, from a real seeded instance.

    PYTHONPATH=$PWD .venv/bin/python -m seed_pipeline_tests.ui.screenshot core docs/lineage-core.png

Seeds an empty SQLite file (light scenario) through each phase job up to the group, in phase
order, so every node shows a materialisation and its checks; then photographs the lineage.
"""

import argparse
import tempfile
from pathlib import Path

from seed_pipeline.graph import PHASES
from seed_pipeline_tests.ui import browser, runs
from seed_pipeline_tests.ui.webserver import LIGHT, Webserver

WINDOW = (2000, 1300)  # wide enough that the lineage fits at the zoom that shows check rows


def photograph(group: str, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="seed-ui-shot-") as tmp:
        workdir = Path(tmp)
        server = Webserver(workdir, f"sqlite:///{workdir / 'target.sqlite'}", LIGHT)
        try:
            server.start()
            for phase in list(PHASES)[: list(PHASES).index(group) + 1]:
                runs.seed_group(server, phase)
            with browser.chromium(*WINDOW) as driver:
                driver.get(browser.lineage_url(server.url, group))
                browser.rendered_nodes(driver, {name: "Materialized" for name in PHASES[group]})
                out.write_bytes(browser.graph_png(driver))
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("group", choices=list(PHASES))
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    photograph(args.group, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
