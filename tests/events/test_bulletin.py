"""The printable bulletin: events grouped by day in order, in Finnish, Swedish or both, from those
sent by the issue's deadline; later ones wait for the next issue."""

import datetime as dt

import pytest
from django.urls import reverse

from kumppani.events import bulletin, services
from kumppani.events.models import HELSINKI, Listing
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


def page_texts(html: str) -> list[str]:
    """The text of each page of the PDF as WeasyPrint lays it out (no PDF reader is installed)."""
    from weasyprint import HTML

    def walk(box):
        if getattr(box, "text", None):
            yield box.text
        for child in getattr(box, "children", []):
            yield from walk(child)

    return [" ".join(walk(page._page_box)) for page in HTML(string=html).render().pages]


def _issue(body, coordinator, *, language="fi", deadline=dt.datetime(2026, 12, 1, 23, 59, tzinfo=HELSINKI), **extra):
    data = {
        "title": "Joulukuu",
        "period_start": dt.date(2026, 12, 7),
        "period_end": dt.date(2026, 12, 20),
        "deadline": deadline,
        "language": language,
        **extra,
    }
    return services.bulletin_issue_save(by=coordinator, body=body, data=data)


def _sent_on(event, day):
    Listing.objects.filter(event=event).update(submitted_at=dt.datetime.combine(day, dt.time(12), HELSINKI))


@pytest.fixture
def salo_events():
    ngo = factories.organisation("Salon Kuoro ry", name_sv="Salo Kör rf")
    later = ef.published(ngo, name_fi="Myöhempi", name_sv="Senare", day=dt.date(2026, 12, 15), contact_phone="040 123")
    first = ef.published(ngo, name_fi="Ensimmäinen", name_sv="Första", day=dt.date(2026, 12, 8))
    too_late = ef.published(ngo, name_fi="Myöhässä", day=dt.date(2026, 12, 9))
    for event in (later, first):
        _sent_on(event, dt.date(2026, 11, 20))
    _sent_on(too_late, dt.date(2026, 12, 3))
    return ngo


def test_the_finnish_bulletin_lists_the_days_in_order(salo_events):
    issue = _issue(factories.salo(), factories.official(factories.salo()))
    text = " ".join(page_texts(bulletin.html(issue)))
    assert text.index("Tiistai 8.12.2026") < text.index("Ensimmäinen") < text.index("Tiistai 15.12.2026")
    assert text.index("Tiistai 15.12.2026") < text.index("Myöhempi")
    assert "Salon Kuoro ry" in text and "040 123" in text
    assert "Myöhässä" not in text  # sent after the deadline: the next issue


def test_an_event_sent_after_the_deadline_is_in_the_next_issue(salo_events):
    coordinator = factories.official(factories.salo())
    _issue(factories.salo(), coordinator)
    following = _issue(
        factories.salo(),
        coordinator,
        title="Joulukuu 2",
        period_start=dt.date(2026, 12, 9),
        deadline=dt.datetime(2026, 12, 5, 23, 59, tzinfo=HELSINKI),
    )
    assert "Myöhässä" in bulletin.html(following)


def test_the_bilingual_bulletin_has_both_languages_side_by_side(salo_events):
    issue = _issue(factories.salo(), factories.official(factories.salo()), language="fi_sv")
    html = bulletin.html(issue)
    assert html.count('<td><div lang="fi"') == 2 and html.count('<td><div lang="sv"') == 2  # a row a day
    text = " ".join(page_texts(html))
    assert text.index("Tiistai 8.12.2026") < text.index("Tisdag 8.12.2026") < text.index("Tiistai 15.12.2026")
    assert "Tiistai 8.12.2026" in text and "Tisdag 8.12.2026" in text
    assert "Första" in text and "Senare" in text and "Salo Kör rf" in text


def test_the_swedish_bulletin_uses_the_swedish_names(salo_events):
    issue = _issue(factories.salo(), factories.official(factories.salo()), language="sv")
    text = " ".join(page_texts(bulletin.html(issue)))
    assert "Första" in text and "Ensimmäinen" not in text and "Avgiftsfri" in text


def test_the_coordinator_gets_the_pdf_and_the_calendar_tells_the_deadline(client, salo_events):
    coordinator = factories.official(factories.salo())
    issue = _issue(
        factories.salo(),
        coordinator,
        deadline=dt.datetime(2027, 1, 10, 23, 59, tzinfo=HELSINKI),
        period_start=dt.date(2027, 1, 11),
        period_end=dt.date(2027, 1, 31),
    )
    client.force_login(coordinator)
    response = client.get(reverse("events:bulletin_pdf", args=["salo", issue.pk]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert "@page" in client.get(reverse("events:bulletin_issue", args=["salo", issue.pk])).content.decode()
    assert "10.1.2027" in client.get(reverse("events:calendar"), {"body": "salo"}).content.decode()


def test_a_deadline_after_the_period_starts_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        _issue(
            factories.salo(), factories.official(factories.salo()), deadline=dt.datetime(2026, 12, 8, tzinfo=HELSINKI)
        )
    assert "deadline" in error.value.message_dict


def test_a_published_issue_is_public_and_linked_from_the_body_calendar(client, salo_events):
    coordinator = factories.official(factories.salo())
    issue = _issue(factories.salo(), coordinator)
    pdf_url = reverse("events:bulletin_pdf", args=["salo", issue.pk])
    assert client.get(pdf_url).status_code == 302  # a draft: sign in first
    services.bulletin_issue_save(by=coordinator, body=factories.salo(), issue=issue, data={"is_published": True})
    assert client.get(pdf_url).content.startswith(b"%PDF")
    assert pdf_url in client.get(reverse("events:calendar"), {"body": "salo"}).content.decode()


def test_an_unchanged_bulletin_pdf_is_not_drawn_again_and_a_change_shows_at_once(salo_events, monkeypatch, client):
    salo = factories.salo()
    issue = _issue(salo, factories.official(salo), is_published=True)
    drawn = []
    real = bulletin._draw
    monkeypatch.setattr(bulletin, "_draw", lambda document: drawn.append(document) or real(document))
    url = reverse("events:bulletin_pdf", args=[salo.slug, issue.pk])
    first = client.get(url)
    again = client.get(url)
    assert first.content == again.content and first.content.startswith(b"%PDF") and len(drawn) == 1
    # An event of the period is cancelled: the next download is a new PDF.
    event = salo_events.events.get(name_fi="Ensimmäinen")
    services.event_set_status(by=factories.representative(salo_events), event=event, status="cancelled")
    changed = client.get(url)
    assert len(drawn) == 2 and "Peruttu" in drawn[-1] and changed.content != first.content
