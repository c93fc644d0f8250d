"""The welfare report's working pages: the coordinator opens a report and adds its chapters with
their editors, orders them and moves the report through review to the council's approval (each move
confirmed); an editor writes a chapter with its responsible sectors, NGOs and indicators, and a save
from an older page does not overwrite a colleague's. Bad input shows a clear message and changes
nothing; other bodies' people see nothing of a draft."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.core import audit
from kumppani.core.models import AuditEntry, Term
from kumppani.welfare import reports, services
from kumppani.welfare.models import Chapter, Indicator, ReportStatus, WelfareReport
from tests import factories

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture(autouse=True)
def _finnish():
    with translation.override("fi"):
        yield


@pytest.fixture
def draft(world):
    report = reports.report_create(
        body=world["salo"],
        kind="term",
        first_year=2025,
        title="Salon hyvinvointikertomus 2025–2028",
        by=world["coordinator"],
    )
    chapter = reports.chapter_add(
        report=report, title="Yksinäisyys", editors=[world["official"]], by=world["coordinator"]
    )
    return {**world, "report": report, "chapter": chapter}


def page(client, name, *args, **kwargs):
    return client.get(reverse(name, args=args), **kwargs)


def test_the_coordinator_opens_a_report_from_the_body_s_list(client, world):
    client.force_login(world["coordinator"])
    listing = page(client, "welfare:reports", world["salo"].slug).content.decode()
    url = reverse("welfare:report_new", args=[world["salo"].slug])
    assert url in listing
    response = client.post(url, {"kind": "yearly", "first_year": YEAR, "title": "Hyvinvointiraportti"})
    report = WelfareReport.objects.get()
    assert response.url == reverse("welfare:report_work", args=[report.pk])
    assert (report.kind, report.first_year, report.last_year) == ("yearly", YEAR, YEAR)
    # The same report again: a clear message in Finnish, nothing added.
    again = client.post(url, {"kind": "yearly", "first_year": YEAR, "title": "Toinen"}).content.decode()
    assert "Tällä kunnalla tai alueella on jo tämä kertomus sille vuodelle." in again
    assert WelfareReport.objects.count() == 1
    # Someone else's body or an official without the coordinator's role: no "New report", no page.
    client.force_login(world["official"])
    assert url not in page(client, "welfare:reports", world["salo"].slug).content.decode()
    assert client.get(url).status_code == 403


def test_the_coordinator_adds_chapters_with_editors_from_the_body_and_orders_them(client, draft):
    client.force_login(draft["coordinator"])
    url = reverse("welfare:report_work", args=[draft["report"].pk])
    form = client.get(url).content.decode()
    assert "Olli Virkailija" in form and "Tampereen Virkailija" not in form
    theme = Term.objects.filter(vocabulary="theme").first()
    client.post(url, {"title": "Ikääntyneet", "theme": theme.pk, "editors": [draft["official"].pk]})
    added = Chapter.objects.get(title="Ikääntyneet")
    assert (added.position, added.theme, list(added.editors.all())) == (2, theme, [draft["official"]])
    # An editor from another body is refused with a message; nothing is added.
    response = client.post(url, {"title": "Päihteet", "editors": [draft["other_official"].pk]})
    assert "errorlist" in response.content.decode()  # not among the choices
    assert not Chapter.objects.filter(title="Päihteet").exists()
    assert client.post(url, {"title": ""}).status_code == 200
    assert Chapter.objects.count() == 2
    client.post(reverse("welfare:chapter_move", args=[added.pk]), {"suunta": "ylos"})
    assert list(draft["report"].chapters.order_by("position").values_list("title", flat=True)) == [
        "Ikääntyneet",
        "Yksinäisyys",
    ]
    entry = AuditEntry.objects.filter(action="welfare_chapters_ordered").get()
    assert audit.field_label("welfare.welfarereport", "chapters") == "lukujen järjestys"
    assert entry.changes["chapters"][1] == ["Ikääntyneet", "Yksinäisyys"]
    # The editor may not order or add.
    client.force_login(draft["official"])
    assert client.post(reverse("welfare:chapter_move", args=[added.pk]), {"suunta": "alas"}).status_code == 403
    assert client.post(url, {"title": "Luku"}).status_code == 403


def test_the_editor_writes_the_chapter_with_sectors_ngos_and_indicators(client, draft):
    services.indicators_load_reference()
    indicator = Indicator.objects.get(sotkanet_id=127)
    client.force_login(draft["official"])
    url = reverse("welfare:chapter_edit", args=[draft["chapter"].pk])
    form = client.get(url).content.decode()
    assert "Nuorisopalvelut" in form and "Salon Nuoret ry" in form and "Toinen ry" not in form
    data = {
        "version": 1,
        "title": "Yksinäisyys",
        "situation": "Yksinäisyyttä kokee joka kymmenes nuori.",
        "goals": "Yksinäisyys vähenee.",
        "measures": "Nuorisotyö ja järjestöjen ryhmät.",
        "assessment": "",
        "responsible_sectors": [draft["sector"].pk],
        "responsible_organisations": [draft["ngo"].pk],
        "indicators": [indicator.pk],
    }
    response = client.post(url, data)
    assert response.status_code == 302
    chapter = Chapter.objects.get(pk=draft["chapter"].pk)
    assert chapter.version == 2 and chapter.situation.startswith("Yksinäisyyttä")
    assert list(chapter.indicators.all()) == [indicator]
    assert list(chapter.responsible_organisations.all()) == [draft["ngo"]]
    entry = AuditEntry.objects.filter(action="welfare_chapter_written").latest("pk")
    assert "indicators" in entry.changes and entry.changes["version"] == [1, 2]
    # A second editor saves from the page they opened before: refused, with what changed, nothing saved.
    stale = client.post(url, {**data, "goals": "Toinen tavoite."}).content.decode()
    assert "Joku muu tallensi nämä tiedot" in stale and "Yksinäisyyttä kokee" in stale
    assert Chapter.objects.get(pk=chapter.pk).goals == "Yksinäisyys vähenee."
    # An NGO of another area cannot be named.
    other = client.post(url, {**data, "version": 2, "responsible_organisations": [draft["other_ngo"].pk]})
    assert other.status_code == 200
    assert list(Chapter.objects.get(pk=chapter.pk).responsible_organisations.all()) == [draft["ngo"]]


def test_only_the_chapter_s_editors_and_coordinators_write_it(client, draft):
    url = reverse("welfare:chapter_edit", args=[draft["chapter"].pk])
    for person in (factories.official(draft["salo"], "official"), draft["other_official"], draft["rep"]):
        client.force_login(person)
        assert client.get(url).status_code == 403
    client.force_login(draft["tampere_coordinator"])
    assert page(client, "welfare:report_work", draft["report"].pk).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page


def test_the_report_goes_to_review_and_is_approved_after_confirmation(client, draft):
    client.force_login(draft["coordinator"])
    submit = reverse("welfare:report_move", args=[draft["report"].pk, "arvioitavaksi"])
    assert "Lähetetäänkö kertomus tarkastettavaksi?" in client.get(submit).content.decode()
    assert WelfareReport.objects.get().status == ReportStatus.DRAFT  # showing the question changes nothing
    client.post(submit)
    assert WelfareReport.objects.get().status == ReportStatus.REVIEW
    approve = reverse("welfare:report_move", args=[draft["report"].pk, "hyvaksy"])
    future = timezone.localdate() + dt.timedelta(days=3)
    refused = client.post(approve, {"decision_date": future.isoformat(), "section": "87"})
    assert "Anna päivä, jona valtuusto päätti – ei tulevaa päivää." in refused.content.decode()
    assert WelfareReport.objects.get().status == ReportStatus.REVIEW
    assert client.post(approve, {"decision_date": "", "section": ""}).status_code == 200
    decided = timezone.localdate() - dt.timedelta(days=1)
    response = client.post(approve, {"decision_date": decided.isoformat(), "section": "87"})
    report = WelfareReport.objects.get()
    assert response.url == reverse("welfare:report", args=[report.pk])
    assert (report.status, report.council_decision_date, report.council_section) == ("approved", decided, "87")
    moved = AuditEntry.objects.filter(action="welfare_report_moved").latest("pk")
    assert moved.changes["council_decision_date"][1] == f"{decided.day}.{decided.month}.{decided.year}"
    # Approved: public, read-only; the working pages are gone.
    client.logout()
    assert "§ 87" in page(client, "welfare:report", report.pk).content.decode()
    client.force_login(draft["official"])
    assert page(client, "welfare:report_work", report.pk).status_code == 404
    assert page(client, "welfare:chapter_edit", draft["chapter"].pk).status_code == 302


def test_a_report_without_chapters_is_not_sent_for_review(client, world):
    report = reports.report_create(
        body=world["salo"], kind="yearly", first_year=YEAR, title="Tyhjä", by=world["coordinator"]
    )
    client.force_login(world["coordinator"])
    response = client.post(reverse("welfare:report_move", args=[report.pk, "arvioitavaksi"]))
    assert "Lisää ainakin yksi luku ennen tarkastusta." in response.content.decode()
    assert WelfareReport.objects.get().status == ReportStatus.DRAFT


def test_editors_find_their_chapters_on_their_own_page_and_the_body_page_lists_approved_reports(client, draft):
    client.force_login(draft["official"])
    own = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("welfare:chapter_edit", args=[draft["chapter"].pk]) in own
    client.logout()
    body_page = client.get(draft["salo"].get_absolute_url()).content.decode()
    assert "Salon hyvinvointikertomus" not in body_page
    reports.report_submit(report=draft["report"], by=draft["coordinator"])
    reports.report_approve(
        report=draft["report"], decision_date=timezone.localdate(), section="5", by=draft["coordinator"]
    )
    body_page = client.get(draft["salo"].get_absolute_url()).content.decode()
    assert reverse("welfare:report", args=[draft["report"].pk]) in body_page


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_lists_read_in_fixed_queries(client, draft):
    client.force_login(draft["coordinator"])
    work = reverse("welfare:report_work", args=[draft["report"].pk])
    listing = reverse("welfare:reports", args=[draft["salo"].slug])
    dashboard = reverse("core:dashboard")
    client.force_login(draft["official"])
    own_one = _count(client, dashboard)
    client.force_login(draft["coordinator"])
    one = (_count(client, work), _count(client, listing))
    for n in range(4):
        reports.chapter_add(
            report=draft["report"],
            title=f"Luku {n}",
            editors=[draft["official"], draft["coordinator"]],
            by=draft["coordinator"],
        )
        reports.report_create(
            body=draft["salo"], kind="yearly", first_year=2020 + n, title=f"Raportti {n}", by=draft["coordinator"]
        )
    assert (_count(client, work), _count(client, listing)) == one
    client.force_login(draft["official"])
    assert _count(client, dashboard) == own_one


def test_only_the_coordinator_changes_a_chapter_s_editors(client, draft):
    other = factories.official(draft["salo"], "official", name="Sanna Sihteeri")
    url = reverse("welfare:chapter_edit", args=[draft["chapter"].pk])
    data = {"version": 1, "title": "Yksinäisyys", "editors": [other.pk]}
    client.force_login(draft["official"])
    assert 'name="editors"' not in client.get(url).content.decode()
    client.post(url, {**data, "situation": "Kirjoitettu."})
    chapter = Chapter.objects.get(pk=draft["chapter"].pk)
    assert list(chapter.editors.all()) == [draft["official"]] and chapter.version == 2
    client.force_login(draft["coordinator"])
    client.post(url, {**data, "version": 2, "situation": "Kirjoitettu.", "editors": [other.pk, draft["official"].pk]})
    assert set(Chapter.objects.get(pk=chapter.pk).editors.all()) == {other, draft["official"]}
    refused = client.post(url, {**data, "version": 3, "editors": [draft["other_official"].pk]})
    assert refused.status_code == 200
    assert set(Chapter.objects.get(pk=chapter.pk).editors.all()) == {other, draft["official"]}


def test_only_the_coordinator_moves_the_report(client, draft):
    submit = reverse("welfare:report_move", args=[draft["report"].pk, "arvioitavaksi"])
    client.force_login(draft["official"])
    assert client.get(submit).status_code == 403
    assert client.post(submit).status_code == 403
    client.force_login(draft["coordinator"])
    assert client.get(reverse("welfare:report_move", args=[draft["report"].pk, "poista"])).status_code == 404
    assert WelfareReport.objects.get().status == ReportStatus.DRAFT


def test_the_report_s_history_names_each_change_in_plain_words(client, draft):
    reports.chapter_write(chapter=draft["chapter"], data={"goals": "Yksinäisyys vähenee."}, by=draft["official"])
    url = reverse("welfare:report_history", args=[draft["report"].pk])
    for person in (draft["rep"], draft["tampere_coordinator"], factories.official(draft["salo"], "official")):
        client.force_login(person)
        assert client.get(url).status_code == 403
    client.force_login(draft["official"])
    page = client.get(url).content.decode()
    assert "tavoitteet" in page and "Yksinäisyys vähenee." in page and "Olli Virkailija" in page
    assert "Hyvinvointikertomus avattu" in page and "Yksinäisyys" in page


def test_the_history_reads_in_fixed_queries(client, draft):
    client.force_login(draft["coordinator"])
    url = reverse("welfare:report_history", args=[draft["report"].pk])
    one = _count(client, url)
    for n in range(3):
        chapter = reports.chapter_add(report=draft["report"], title=f"Luku {n}", by=draft["coordinator"])
        reports.chapter_write(chapter=chapter, data={"goals": f"Tavoite {n}"}, by=draft["coordinator"])
    assert _count(client, url) == one
