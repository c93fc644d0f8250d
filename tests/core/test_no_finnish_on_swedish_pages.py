"""A Swedish page speaks Swedish: none of the interface's Finnish texts (the Finnish catalogue's
translations that differ from the Swedish ones) appears on it. User content and names are left
out: the fixtures' content is Finnish-only and marked lang="fi", and is removed before comparing."""

import html
import re

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from kumppani.organisations import services
from tests import factories
from tests.activities.factories import activity as make_activity

pytestmark = pytest.mark.django_db


def finnish_interface_texts() -> set[str]:
    finnish = trans_real.translation("fi")._catalog
    swedish = trans_real.translation("sv")._catalog
    texts = set()
    for key, fi in finnish.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not isinstance(fi, str) or not isinstance(msgid, str):
            continue
        sv = swedish.get(key)
        # Long enough to be a phrase, not a name or a word both languages share; no placeholders.
        if len(fi) < 12 or "%" in fi or "{" in fi or "<" in fi or fi in (msgid, sv):
            continue
        texts.add(fi)
    return texts


def visible_text(page: str) -> str:
    """The page's text, without scripts and without what is marked as Finnish content."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    # Content marked lang="fi" (an NGO's own words shown "only in Finnish") is not interface.
    page = re.sub(r'<(?!html\b)(\w+)[^>]*\blang="fi"[^>]*>.*?</\1>', " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page))


@pytest.fixture
def world():
    salo = factories.salo()
    ngo = factories.organisation("Salon Seudun Yhdistys ry", areas=[salo], short_description_fi="Kerho.")
    coordinator = factories.official(salo, role="coordinator")
    services.organisation_verify(organisation=ngo, by=coordinator)
    item = make_activity(ngo, "Kerho", areas=[salo], description_fi="Kerho.")
    return {"ngo": ngo, "activity": item, "representative": factories.representative(ngo, role="admin")}


def test_swedish_pages_show_no_finnish_interface_text(client, world):
    texts = finnish_interface_texts()
    assert len(texts) > 500  # the comparison has something to compare with
    pages = {
        "front page": "/sv/",
        "NGO directory": "/sv/jarjestot/",
        "NGO page": f"/sv/jarjestot/{world['ngo'].slug}/",
        "activity directory": "/sv/toiminta/",
        "activity page": f"/sv/toiminta/{world['activity'].slug}/",
    }
    found = {}
    with translation.override("sv"):
        for name, url in pages.items():
            response = client.get(url)
            assert response.status_code == 200, url
            text = visible_text(response.content.decode())
            found[name] = sorted(t for t in texts if t in text)
        client.force_login(world["representative"])
        text = visible_text(client.get("/sv/oma/").content.decode())
        found["own page"] = sorted(t for t in texts if t in text)
    assert {name: hits for name, hits in found.items() if hits} == {}
    # The same comparison does see the Finnish interface on the Finnish page.
    with translation.override("fi"):
        assert any(t in visible_text(client.get("/fi/jarjestot/").content.decode()) for t in texts)
