import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from kumppani.events import services
from kumppani.events.models import HELSINKI
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 12, 10)


@pytest.fixture
def ngo():
    return factories.organisation("Salon Kuoro ry")


def _calendar(client, **params):
    return client.get(reverse("events:calendar"), params)


@pytest.mark.parametrize("view", ["list", "day", "week", "month"])
def test_every_view_shows_a_published_event_and_hides_a_draft(client, ngo, view):
    ef.published(ngo)
    ef.event(ngo, name_fi="Luonnos")
    response = _calendar(client, view=view, date=DAY.isoformat())
    assert response.status_code == 200
    assert "Joulukonsertti" in response.content.decode()
    assert "Luonnos" not in response.content.decode()


def test_the_month_view_in_swedish_shows_the_swedish_title(client, ngo):
    ef.published(ngo)
    response = client.get("/sv/tapahtumat/", {"view": "month", "date": DAY.isoformat()})
    assert "Julkonsert" in response.content.decode()


@pytest.mark.parametrize("view", ["list", "month"])
def test_a_name_only_in_finnish_is_marked_finnish_on_a_swedish_page(client, ngo, view):
    ef.published(ngo)
    ef.published(ngo, name_fi="Pikkujoulut", name_sv="")
    page = client.get("/sv/tapahtumat/", {"view": view, "date": DAY.isoformat()}).content.decode()
    assert re.search(r'<a href="/sv/tapahtumat/pikkujoulut[^"]*" lang="fi">Pikkujoulut</a>', page)
    assert re.search(r'<a href="/sv/tapahtumat/joulukonsertti[^"]*">Julkonsert</a>', page)
    finnish = client.get("/fi/tapahtumat/", {"view": view, "date": DAY.isoformat()}).content.decode()
    assert "Pikkujoulut" in finnish and 'lang="fi">Pikkujoulut' not in finnish


@pytest.mark.parametrize("view", ["list", "month"])
def test_the_calendar_escapes_names_and_marks_cancelled_and_postponed_events(client, ngo, view):
    ef.published(ngo, name_fi="Laulu <b>& leikki</b>")
    cancelled = ef.published(ngo, name_fi="Pikkujoulut")
    services.event_set_status(by=factories.representative(ngo), event=cancelled, status="cancelled", reason="Sairas")
    postponed = ef.published(ngo, name_fi="Tanssit")
    services.event_set_status(by=factories.representative(ngo), event=postponed, status="postponed", reason="")
    page = _calendar(client, view=view, date=DAY.isoformat()).content.decode()
    assert "Laulu &lt;b&gt;&amp; leikki&lt;/b&gt;</a>" in page and "<b>&" not in page
    assert re.search(
        r'<li class="event-item cancelled">.*?>Pikkujoulut</a> <strong class="badge">Peruttu</strong>', page
    )
    assert re.search(r'<li class="event-item">.*?>Tanssit</a> <strong class="badge">Siirretty</strong>', page)
    assert ('<span class="muted">Salo · Salon Kuoro ry</span>' in page) == (view == "list")


def test_the_list_names_the_place_and_the_organiser(client, ngo):
    ef.published(ngo)
    ef.published(ngo, name_fi="Etäluento", is_online=True, online_url="https://example.org/live", street_address="")
    page = _calendar(client, start=DAY.isoformat()).content.decode()
    assert "Salo · Salon Kuoro ry" in page
    assert "Verkossa · Salon Kuoro ry" in page


def test_filters_narrow_the_calendar(client, ngo):
    ef.published(ngo, name_fi="Maksullinen", is_free=False, price_fi="5 €")
    ef.published(ngo, name_fi="Etäluento", is_online=True, online_url="https://example.org/live")
    page = _calendar(client, start=DAY.isoformat(), free="1").content.decode()
    assert "Etäluento" in page and "Maksullinen" not in page
    page = _calendar(client, start=DAY.isoformat(), online="1").content.decode()
    assert "Etäluento" in page and "Maksullinen" not in page
    page = _calendar(client, start=DAY.isoformat(), body="tampere").content.decode()
    assert "Etäluento" not in page


def test_the_filter_boxes_keep_the_choice_in_the_visitors_language(client):
    page = client.get("/sv/tapahtumat/", {"body": "porvoo"}).content.decode()
    body_select = re.search(r'<select[^>]*name="body"[^>]*>(.*?)</select>', page, re.S)
    options = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', body_select.group(1))
    assert options[0] == ("", "", "Alla")  # "All" first, so the box is never `required`
    assert ("porvoo", " selected", "Borgå") in options
    assert [value for value, selected, _label in options if selected] == ["porvoo"]
    assert "required" not in body_select.group(0)


def test_finnish_search_finds_a_word_form(client, ngo):
    ef.published(ngo, name_fi="Joulukonsertti kirkossa")
    ef.published(ngo, name_fi="Lukupiiri")
    page = _calendar(client, start=DAY.isoformat(), q="konsertteihin").content.decode()
    assert "Joulukonsertti kirkossa" in page and "Lukupiiri" not in page


def test_nonsense_filters_get_a_400_that_names_the_filter(client):
    for name in ("events:feed_ics", "events:feed_rss", "events:embed"):
        response = client.get(reverse(name), {"theme": "ei-ole", "free": "kyllä", "colour": "red"})
        assert response.status_code == 400
        text = response.content.decode()
        assert "theme" in text and "free" in text and "colour" in text
    assert client.get(reverse("events:calendar"), {"start": "2026-02-31"}).status_code == 400


def test_the_calendar_links_its_feeds(client):
    page = _calendar(client, body="salo").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in page
    assert "kalenteri.ics?body=salo" in page


def test_the_event_page_has_json_ld(client, ngo):
    event = ef.published(ngo, description_fi="</script><b>&")
    page = client.get(event.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["name"] == "Joulukonsertti"
    assert data["startDate"] == "2026-12-10T18:00:00+02:00"
    assert data["endDate"] == "2026-12-10T20:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["address"]["addressLocality"] == "Salo"
    assert data["organizer"]["name"] == "Salon Kuoro ry"
    assert data["offers"]["price"] == "0"
    assert "inLanguage" in data
    assert "Viimeksi muutettu" in page or "Last changed" in page


def test_cancelled_and_rescheduled_events_say_so_in_json_ld(client, ngo):
    by = factories.representative(ngo)
    event = ef.published(ngo)
    services.event_set_status(by=by, event=event, status="cancelled", reason="Sairastuminen")
    page = client.get(event.get_absolute_url()).content.decode()
    assert "EventCancelled" in page and "Sairastuminen" in page
    moved = ef.published(ngo, name_fi="Siirretty")
    services.trust_set(by=factories.official(factories.salo()), body=factories.salo(), organisation=ngo, trusted=True)
    services.event_update(by=by, event=moved, data={"start": ef.at(DAY, 17)})
    assert "EventRescheduled" in client.get(moved.get_absolute_url()).content.decode()


def test_a_draft_is_not_public(client, ngo):
    event = ef.event(ngo)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:event_ics", args=[event.slug])).status_code == 404
    client.force_login(factories.representative(ngo))
    assert client.get(event.get_absolute_url()).status_code == 200


def test_the_event_ics_is_valid_icalendar(client, ngo):
    event = ef.published(ngo)
    response = client.get(reverse("events:event_ics", args=[event.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    [vevent] = cal.walk("VEVENT")
    assert str(vevent["UID"]) == f"{event.uuid}@kumppani"
    assert vevent.decoded("DTSTART") == dt.datetime(2026, 12, 10, 18, tzinfo=HELSINKI)
    assert vevent.decoded("DTSTART").tzinfo.key == "Europe/Helsinki"


def test_the_rss_feed_is_rss_2(client, ngo):
    ef.published(ngo)
    response = client.get(reverse("events:feed_rss"), {"start": DAY.isoformat()})
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for element in ("title", "link", "description"):
        assert channel.find(element) is not None and channel.find(element).text
    [item] = channel.findall("item")
    assert item.find("title").text.startswith("Joulukonsertti")
    assert item.find("link").text.endswith("/tapahtumat/joulukonsertti/")
    assert item.find("guid").text.startswith("urn:uuid:")


def test_the_embed_may_be_framed_and_other_pages_may_not(client, ngo):
    ef.published(ngo)
    embed = client.get(reverse("events:embed"), {"start": DAY.isoformat()})
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "Joulukonsertti" in embed.content.decode()
    assert "&lt;iframe" in embed.content.decode()
    assert client.get(reverse("events:calendar"))["X-Frame-Options"] == "DENY"
    # The snippet's address sends each visitor to their own language.
    assert 'src="http://testserver/tapahtumat/upotus/?start=' in embed.content.decode()
    swedish = client.get("/tapahtumat/upotus/", HTTP_ACCEPT_LANGUAGE="sv")
    assert swedish.status_code == 302 and swedish.url.startswith("/sv/tapahtumat/upotus/")


def test_the_body_page_and_the_ngo_profile_show_coming_events(client, ngo, settings):
    event = ef.published(ngo, day=dt.date.today() + dt.timedelta(days=3))
    assert event.name in client.get(factories.salo().get_absolute_url()).content.decode()
    assert event.name in client.get(ngo.get_absolute_url()).content.decode()


def _published_many(ngo, n):
    editor = factories.official(factories.salo(), role="official")
    for i in range(n):
        ef.published(ngo, editor=editor, name_fi=f"Tapahtuma {i}")


@pytest.mark.parametrize("n", [1, 6])
def test_the_calendar_reads_a_fixed_number_of_queries(client, ngo, django_assert_num_queries, n):
    _published_many(ngo, n)
    client.get(reverse("events:calendar"))  # sessions, languages etc. warmed up
    # The body, the month's days (a window over the calendar's index), their first events, the next
    # deadline, the latest bulletin, and the filter form's themes, target groups and languages (its
    # bodies were read once, at the warm-up, and are kept per language).
    with django_assert_num_queries(8):
        response = _calendar(client, view="month", date=DAY.isoformat(), body="salo")
    assert response.content.decode().count('href="/fi/tapahtumat/tapahtuma-') == min(n, 4)


def test_a_busy_day_of_the_month_shows_four_events_and_links_to_the_rest(client, ngo):
    _published_many(ngo, 7)  # all on DAY
    ef.published(ngo, name_fi="Toisen päivän tapahtuma", day=DAY + dt.timedelta(days=1))
    page = _calendar(client, view="month", date=DAY.isoformat(), body="salo").content.decode()
    assert page.count('href="/fi/tapahtumat/tapahtuma-') == 4
    assert re.findall(r">(Tapahtuma \d)<", page) == ["Tapahtuma 0", "Tapahtuma 1", "Tapahtuma 2", "Tapahtuma 3"]
    assert "Toisen päivän tapahtuma" in page  # a quiet day shows its event
    more = re.search(r'<a class="more-events" href="\?([^"]+)">\+3 ', page)
    assert more and "view=day" in more[1] and f"date={DAY.isoformat()}" in more[1] and "body=salo" in more[1]
    day = client.get(reverse("events:calendar") + "?" + more[1].replace("&amp;", "&")).content.decode()
    assert day.count('href="/fi/tapahtumat/tapahtuma-') == 7  # the day's view shows them all


@pytest.mark.parametrize("n", [1, 6])
def test_the_feeds_read_a_fixed_number_of_queries(client, ngo, django_assert_num_queries, n):
    _published_many(ngo, n)
    week = dt.timedelta(days=7)
    ef.published(
        ngo,
        name_fi="Kuoroharjoitus",
        day=DAY,
        recurrence="weekly",
        recurrence_until=DAY + 4 * week,
        cancelled_dates=[DAY + week],
    )
    online = ef.published(
        ngo, name_fi="Etäilta", is_online=True, online_url="https://example.org/live", street_address=""
    )
    services.event_set_status(
        by=factories.representative(ngo), event=online, status="cancelled", reason="Puhuja sairastui."
    )
    # The body, the calendar's days (which events), the events, the series' cancelled dates.
    with django_assert_num_queries(4):
        response = client.get(reverse("events:feed_ics"), {"body": "salo", "start": DAY.isoformat()})
    vevents = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(vevents) == n + 2
    [cancelled] = [vevent for vevent in vevents if vevent["STATUS"] == "CANCELLED"]
    assert cancelled["LOCATION"] == "https://example.org/live"
    assert "Puhuja sairastui." in cancelled["DESCRIPTION"]
    assert all(vevent["LOCATION"] == "Kauppatori 1, 24100 Salo" for vevent in vevents if vevent is not cancelled)
    [series] = [vevent for vevent in vevents if "RRULE" in vevent]
    assert [d.dt.date() for d in series["EXDATE"].dts] == [DAY + week]
    # The RSS names no cancelled dates: the body, the days, the events.
    with django_assert_num_queries(3):
        rss = client.get(reverse("events:feed_rss"), {"body": "salo", "start": DAY.isoformat()}).content.decode()
    assert "Kauppatori 1, 24100 Salo" in rss and "https://example.org/live" in rss


def test_the_period_filters_say_from_and_until_in_each_language(client):
    """Not the e-mail's "sender": the project's catalogue translates a bare "From" so."""
    for language, words in (("fi", ["Alkaen", "Asti"]), ("sv", ["Från", "Till"])):
        page = client.get(f"/{language}/tapahtumat/").content.decode()
        assert re.findall(r'<label for="id_(?:start|end)">([^<]+)</label>', page) == words


def test_the_feeds_speak_the_visitors_language_and_finnish_where_a_text_is_missing(client, ngo):
    ef.published(ngo, name_sv="Julkonsert", short_description_sv="Kören sjunger julsånger.", place_name_fi="Sali")
    ef.published(
        ngo,
        name_fi="Runoilta",
        name_sv="",
        short_description_fi="",
        description_fi="Luemme runoja ja juomme teetä.",
        place_name_fi="Kirjasto",
        place_name_sv="Biblioteket",
    )
    query = {"body": "salo", "start": DAY.isoformat()}
    ics = Calendar.from_ical(client.get("/sv/tapahtumat/kalenteri.ics", query).content).walk("VEVENT")
    told = {str(v["SUMMARY"]): (str(v["DESCRIPTION"]), str(v["LOCATION"])) for v in ics}
    assert told == {
        "Julkonsert": ("Kören sjunger julsånger.", "Sali, Kauppatori 1, 24100 Salo"),
        "Runoilta": ("Luemme runoja ja juomme teetä.", "Biblioteket, Kauppatori 1, 24100 Salo"),
    }
    rss = ET.fromstring(client.get("/sv/tapahtumat/rss/", query).content)  # noqa: S314 - our own feed
    items = {item.findtext("title"): item.findtext("description") for item in rss.iter("item")}
    assert items == {
        "Julkonsert (10.12.2026)": "10.12.2026 18.00 · Sali, Kauppatori 1, 24100 Salo. Kören sjunger julsånger.",
        "Runoilta (10.12.2026)": "10.12.2026 18.00 · Biblioteket, Kauppatori 1, 24100 Salo. Luemme runoja ja juomme teetä.",
    }


def test_the_list_covers_the_chosen_period_and_a_multi_day_event_shows_on_each_day(client, ngo):
    ef.published(ngo, name_fi="Kevätleiri", day=dt.date(2027, 3, 1), end=ef.at(dt.date(2027, 3, 3), 15))
    page = _calendar(client, start="2027-02-01", end="2027-03-31").content.decode()
    assert page.count("Kevätleiri") == 3
    week = _calendar(client, view="week", date="2027-03-03").content.decode()
    assert week.count("Kevätleiri") == 3
    day = _calendar(client, view="day", date="2027-03-04").content.decode()
    assert "Kevätleiri" not in day


@pytest.mark.parametrize("n", [1, 6])
def test_the_embed_reads_a_fixed_number_of_queries(client, ngo, django_assert_num_queries, n):
    _published_many(ngo, n)
    with django_assert_num_queries(2):  # the body, the occurrences with their events
        response = client.get(reverse("events:embed"), {"body": "salo", "start": DAY.isoformat()})
    listed = response.content.decode().split("<textarea")[0]  # the list, not the snippet's code to copy
    assert listed.count("/fi/tapahtumat/tapahtuma-") == n


@pytest.mark.parametrize("n", [1, 6])
def test_the_body_page_section_reads_a_fixed_number_of_queries(client, ngo, django_assert_num_queries, n):
    editor = factories.official(factories.salo(), role="official")
    for i in range(n):
        ef.published(ngo, editor=editor, name_fi=f"Tapahtuma {i}", day=dt.date.today() + dt.timedelta(days=2))
    url = factories.salo().get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    assert few.captured_queries  # the same count whatever the number of events:
    ef.published(ngo, editor=editor, name_fi="Vielä yksi", day=dt.date.today() + dt.timedelta(days=3))
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)
