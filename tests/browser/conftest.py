"""Browser tests: headless Chromium (Playwright) against pytest-django's live server.

    @pytest.mark.browser
    def test_front_page(page, axe_check):
        page.goto("/")                      # relative to the live server
        axe_check(page)                     # fails on serious/critical accessibility violations

`page` opens a fresh browser context per test (Finnish locale, 1280×900). When the test ends, every
HTML page it visited is loaded again in Finnish and Swedish at 390 px and 1366 px, and the test fails
if any is wider than the window. Another locale:
    @pytest.mark.parametrize("locale", ["sv-FI"])
The live server needs `transactional_db`, which `live_server` requests itself; the public bodies and
vocabularies it empties are put back before each test.

A journey signs people in and presses buttons with the `sign_in` and `submit` fixtures:
    def test_a_journey(page, axe_check, sign_in, submit):
        sign_in(representative)             # signs out whoever was signed in first
        page.goto("/fi/oma/")
        submit(page.get_by_role("button", name="Tallenna"))   # waits for the next page, runs axe on it

A journey by keyboard alone moves with `tab_to` (from tests.browser.conftest import tab_to):
        tab_to(page, "#id_q")               # presses Tab until there, the focus visible at every stop
"""

import itertools
import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

from tests import factories

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


def tab_to(page, selector: str, *, limit: int = 120) -> None:
    """Press Tab until the focus is on `selector`; every stop on the way must show where the focus is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"the focus on {selector} is not visible"
            return
    raise AssertionError(f"Tab never reached {selector}")


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
    visited = []
    page.on("response", lambda response: _remember_page(response, visited))
    yield page
    too_wide = _too_wide(context, visited)
    context.close()
    assert refused == [], "Content-Security-Policy violations:\n" + "\n".join(refused)
    assert too_wide == [], "Pages wider than the window:\n" + "\n".join(too_wide)


@pytest.fixture(autouse=True)
def _reference_data(live_server):
    """The live server's transactional tests empty every table afterwards, the public bodies and
    vocabularies of the data migration too; put them back."""
    from kumppani.core import reference
    from kumppani.core.models import PublicBody

    if not PublicBody.objects.exists():
        reference.load_public_bodies()
        reference.load_vocabularies()


@pytest.fixture
def sign_in(request):
    """sign_in(user): sign out whoever was signed in, then sign in as `user` through the login page
    (the password of tests/factories.py), landing on the person's own page. On a page of the test's
    own making: sign_in(user, page=other_page)."""

    def sign_in(user, page=None) -> None:
        page = page or request.getfixturevalue("page")
        page.context.clear_cookies()
        page.goto("/fi/kirjaudu/")
        page.fill("#id_username", user.email)
        page.fill("#id_password", factories.PASSWORD)
        page.locator("main form button[type=submit]").click()
        expect(page).to_have_url(re.compile(r"/fi/oma/$"))

    return sign_in


@pytest.fixture
def submit(page, axe_check):
    """submit(button): press a form's button, wait for the next page and check it with axe."""

    def submit(button) -> None:
        with page.expect_navigation():
            button.click()
        axe_check(page)

    return submit


WIDTHS = (390, 1366)


def _remember_page(response, visited: list[str]) -> None:
    """The HTML pages a journey read (GET, 200); downloads, redirects and form posts are left out."""
    request = response.request
    if (
        request.resource_type == "document"
        and request.method == "GET"
        and response.status == 200
        and response.headers.get("content-type", "").startswith("text/html")
        and request.frame.parent_frame is None
    ):
        path = re.sub(r"^https?://[^/]+", "", response.url)
        if path not in visited:
            visited.append(path)


# The innermost element that reaches past the window and is not inside a box that scrolls.
STICKING_OUT = """width => {
  let culprit = "";
  for (const el of document.body.querySelectorAll("*")) {
    if (el.getBoundingClientRect().right <= width) continue;
    let box = el.parentElement, scrolls = false;
    for (; box && !scrolls; box = box.parentElement) scrolls = getComputedStyle(box).overflowX !== "visible";
    if (!scrolls) culprit = `${el.tagName.toLowerCase()}.${el.className} “${el.textContent.trim().slice(0, 40)}”`;
  }
  return culprit || "a box that overflows";
}"""


def _too_wide(context, visited: list[str]) -> list[str]:
    """Every page the journey visited, again in Finnish and in Swedish at a phone's and a desktop's
    width, as the same person: those whose document is wider than the window (a sideways scroll)."""
    paths = []
    for path in visited:
        for language in ("fi", "sv"):
            localised = re.sub(r"^/(fi|sv|en)/", f"/{language}/", path)
            if localised not in paths:
                paths.append(localised)
    found = []
    page = context.new_page()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            response = page.goto(path)
            if response is None or response.status != 200:
                continue  # a page the journey has since changed (a sent draft, a used link)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                culprit = page.evaluate(STICKING_OUT, width)
                found.append(f"{path} at {width} px: {scroll_width} px wide ({culprit})")
    page.close()
    return found


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


def screenshot(page, path) -> None:
    """A full-page screenshot. Now and then Chromium refuses the capture while the page it has just
    navigated to is still settling ("Unable to capture screenshot"); a second try after the load event
    succeeds. The screenshot is for people to look at, the assertions come after it."""
    try:
        page.screenshot(path=path, full_page=True)
    except PlaywrightError:
        page.wait_for_load_state("load")
        page.screenshot(path=path, full_page=True)


@pytest.fixture
def axe_check(request):
    """axe_check(page): screenshot the page to tests/artifacts/<test>-<n>.png, then run axe-core on it
    and fail the test on any serious or critical violation."""
    axe = Axe()
    counter = itertools.count(1)
    name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")

    def check(page):
        ARTIFACTS.mkdir(exist_ok=True)
        screenshot(page, ARTIFACTS / f"{name}-{next(counter)}.png")
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
