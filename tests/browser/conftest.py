"""Browser tests: headless Chromium (Playwright) against pytest-django's live server.

    @pytest.mark.browser
    def test_front_page(page, axe_check):
        page.goto("/")                      # relative to the live server
        axe_check(page)                     # fails on serious/critical accessibility violations

`page` opens a fresh browser context per test (Finnish locale, 1280×900). Another locale:
    @pytest.mark.parametrize("locale", ["sv-FI"])
The live server needs `transactional_db`, which `live_server` requests itself.
"""

import itertools
import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
AXE_FAILING_IMPACTS = {"serious", "critical"}

# Playwright's sync API runs an event loop in the main thread, where Django would then refuse
# database access (SynchronousOnlyOperation). This is the workaround pytest-django documents.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def locale():
    return "fi-FI"


@pytest.fixture
def page(browser, live_server, locale):
    """A fresh page; the test fails if any page it visits breaks the Content-Security-Policy (an inline
    style or script the browser refused, so the page would look or work differently in production)."""
    context = browser.new_context(base_url=live_server.url, locale=locale, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert refused == [], "Content-Security-Policy violations:\n" + "\n".join(refused)


def watch_csp(page) -> list[str]:
    """The Content-Security-Policy violations Chromium reports on `page` from now on (a growing list)."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None
        ),
    )
    return refused


@pytest.fixture
def axe_check(request):
    """axe_check(page): screenshot the page to tests/artifacts/<test>-<n>.png, then run axe-core on it
    and fail the test on any serious or critical violation."""
    axe = Axe()
    counter = itertools.count(1)
    name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")

    def check(page):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{name}-{next(counter)}.png", full_page=True)
        violations = axe.run(page).response["violations"]
        failing = [v for v in violations if v["impact"] in AXE_FAILING_IMPACTS]
        if failing:
            pytest.fail(
                f"axe: {len(failing)} serious/critical accessibility violation(s) on {page.url}\n"
                + "\n".join(map(_describe, failing)),
                pytrace=False,
            )

    return check


def _describe(violation: dict) -> str:
    targets = [" > ".join(map(str, node["target"])) for node in violation["nodes"]]
    more = f" (+{len(targets) - 3} more)" if len(targets) > 3 else ""
    return f"- {violation['id']} ({violation['impact']}): {violation['help']}\n    at {', '.join(targets[:3])}{more}"
