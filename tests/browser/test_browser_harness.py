"""The browser harness works on its own: Chromium opens a page from the live server and axe-core runs.

Uses a one-page URLconf defined here, so it does not depend on the application's pages.
"""

import pytest
from django.http import HttpResponse
from django.urls import path
from playwright.sync_api import expect

SMOKE_PAGE = """<!DOCTYPE html>
<html lang="fi">
<head><meta charset="utf-8"><title>Kumppani: savutesti</title></head>
<body><main><h1>Savutesti</h1><p>Selain ja saavutettavuustarkistus toimivat.</p></main></body>
</html>
"""

urlpatterns = [
    path("", lambda request: HttpResponse(SMOKE_PAGE)),
    path("inline/", lambda request: HttpResponse(SMOKE_PAGE.replace("<main>", '<main style="color:red">'))),
]


@pytest.mark.browser
@pytest.mark.urls(__name__)
def test_chromium_opens_live_server_page_and_axe_runs(page, axe_check):
    page.goto("/")
    expect(page).to_have_title("Kumppani: savutesti")
    expect(page.get_by_role("main")).to_contain_text("Savutesti")
    axe_check(page)


@pytest.mark.browser
def test_axe_check_reports_serious_violations(page, axe_check):
    page.set_content('<html><body><img src="x.png"></body></html>')  # no lang, no title, no alt text
    with pytest.raises(pytest.fail.Exception, match=r"image-alt \(critical\)"):
        axe_check(page)


@pytest.mark.browser
@pytest.mark.urls(__name__)
def test_an_inline_style_is_refused_and_reported(browser, live_server):
    """The Content-Security-Policy allows no inline style; the `page` fixture fails a test on any
    violation that watch_csp reports (here watched on a page of its own, to see it reported)."""
    from tests.browser.conftest import watch_csp

    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    refused = watch_csp(page)
    page.goto("/inline/")
    page.goto("/")
    context.close()
    assert len(refused) == 1 and "/inline/" in refused[0] and "style-src" in refused[0]
