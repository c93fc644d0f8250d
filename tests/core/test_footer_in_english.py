"""The statutory footer in English: contact and feedback, the accessibility statement and the
privacy notice, each an English page."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_english_footer_links_to_the_statutory_pages_in_english():
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    page = client.get("/en/").content.decode()
    footer = page[page.index('<footer class="site-footer">') :]
    links = {text: href for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)}
    for text in ("Contact and feedback", "Accessibility statement", "Privacy"):
        assert text in links, f"no “{text}” in the English footer"
        href = links[text]
        assert href.startswith("/en/"), href
        response = client.get(href)
        assert response.status_code == 200, href
        html = response.content.decode()
        assert '<html lang="en">' in html
        assert re.search(r"<h1[^>]*>[^<]+</h1>", html)
