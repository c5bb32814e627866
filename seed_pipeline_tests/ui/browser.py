"""Debian's headless Chromium driven through its matching chromedriver (same package version).

Only Debian's chromium is used: nothing downloads a browser. Locally a missing browser skips
the UI tests; CI sets SEED_TEST_REQUIRE_SERVERS and installs it, so there a miss fails.
"""

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars",
]
RENDER_TIMEOUT = 60
NODE = "svg foreignObject"  # each node of Dagster's asset graph
NODE_NAME = "[class*=AssetNode_assetName] [data-tooltip]"


def require_browser() -> None:
    """Skip (or, under SEED_TEST_REQUIRE_SERVERS, fail) when Chromium or Selenium is missing."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[dev]')")
    if missing:
        reason = f"browser test needs {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if os.environ.get("SEED_TEST_REQUIRE_SERVERS"):
            pytest.fail(reason + " (SEED_TEST_REQUIRE_SERVERS is set: CI must run the UI test)")
        pytest.skip(reason)


@contextmanager
def chromium(width: int, height: int):
    """A headless Chromium with a fresh profile; quit and removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="seed-ui-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--window-size={width},{height}", f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def lineage_url(base_url: str, group: str) -> str:
    """The global lineage filtered to one group, as typing group:"<group>" in its search box gives."""
    selection = f'group:"{group}"'
    return f"{base_url}/asset-groups~{quote(selection, safe='')}/"


def rendered_nodes(driver, expected: dict[str, str]) -> dict[str, str]:
    """Asset name -> text of its graph node, once each expected node is drawn showing its text."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def nodes(drv):
        found = {}
        for node in drv.find_elements(By.CSS_SELECTOR, NODE):
            names = node.find_elements(By.CSS_SELECTOR, NODE_NAME)
            if names:
                found[names[0].text] = node.text
        # A node's rows fill in as its live data arrives: wait for what each must show.
        complete = all(name in found and text in found[name] for name, text in expected.items())
        return found if complete else False

    return WebDriverWait(driver, RENDER_TIMEOUT).until(nodes, f"graph nodes never all showed {expected}")


def wait_for_text(driver, texts: list[str]) -> str:
    """The page's visible text once it contains every one of ``texts``."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def page(drv):
        body = drv.find_element(By.TAG_NAME, "body").text
        return body if all(t in body for t in texts) else False

    return WebDriverWait(driver, RENDER_TIMEOUT).until(page, f"page never showed all of {texts}")


def graph_png(driver) -> bytes:
    """A PNG of the asset graph's viewport alone, without the page's navigation around it."""
    import base64

    from selenium.webdriver.common.by import By

    graph = driver.find_element(By.XPATH, "//*[@id='zoom-slider-container']/..")
    box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height];", graph)
    clip = dict(zip(("x", "y", "width", "height"), box), scale=1)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip})
    return base64.b64decode(shot["data"])
