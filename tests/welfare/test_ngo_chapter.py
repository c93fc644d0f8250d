"""The NGO chapter of a welfare report: every figure counted from the data it reports, other bodies'
data and other years left out, the previous year beside it; live until the council approves the
report, after which the figures stay as they were approved."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from kumppani.cooperation import services as cooperation_services
from kumppani.cooperation.governance.models import (
    GroupKind,
    MeasureStatus,
    Negotiation,
    NegotiationMeasure,
    NegotiationStatus,
    Seat,
    WorkingGroup,
)
from kumppani.cooperation.models import Category, Outcome, Sector, Side
from kumppani.core.models import AuditEntry
from kumppani.events.models import BulletinIssue, Event
from kumppani.grants.models import GrantProgramme
from kumppani.participation.consultations.models import Consultation, ConsultationStatus
from kumppani.participation.knowledge.models import KnowledgeReport, ReportStatus
from kumppani.participation.surveys import barometer
from kumppani.participation.surveys.models import Answer, Response
from kumppani.premises.models import Booking, BookingStatus
from kumppani.welfare import ngo_chapter, reports
from kumppani.welfare.models import Chapter, ChapterKind
from tests import factories
from tests.cooperation.record_world import LAST_YEAR, make_form
from tests.events import factories as event_factories
from tests.grants import decided
from tests.grants import factories as grant_factories
from tests.premises import factories as premises_factories

pytestmark = pytest.mark.django_db
YEAR = LAST_YEAR + 1
BEFORE = LAST_YEAR - 1
NBSP = "\xa0"


def aware(year, month, day, hour=12):
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def as_dict(figures) -> dict[tuple[str, str], str]:
    return {(f.group, f.label): f.value.replace(NBSP, " ") for f in figures}


def urls(figures) -> dict[tuple[str, str], str]:
    return {(f.group, f.label): f.url for f in figures}


def _grants(world):
    salo, tampere = world["salo"], world["tampere"]
    # The general programme is the youth services' money; the project programme names no sector.
    world["youth"] = Sector.objects.create(
        body=salo, name_fi="Nuorisopalvelut", name_en="Youth services", slug="nuoriso"
    )
    world["culture"] = Sector.objects.create(
        body=salo, name_fi="Kulttuuripalvelut", name_en="Culture", slug="kulttuuri"
    )
    general = grant_factories.programme(salo, year=LAST_YEAR, sector=world["youth"])
    decided.grant(programme=general, organisation=world["ngo"], amount="1000.00", themes=["mielenterveys"])
    decided.grant(programme=general, amount="500.50")
    project = grant_factories.programme(salo, "Projektiavustus", year=LAST_YEAR)
    decided.grant(programme=project, amount="2500.00", themes=["vertaistuki"])
    decided.grant(programme=project, amount="0.00")  # refused: not a grant
    refused = grant_factories.programme(salo, "Kulttuuriavustus", year=LAST_YEAR, sector=world["culture"])
    decided.grant(programme=refused, amount="0.00")  # the culture sector granted nothing
    decided.grant(salo, year=BEFORE, amount="2000.00")  # the previous year
    decided.grant(salo, year=YEAR, amount="9999.00")  # a later year
    decided.grant(tampere, year=LAST_YEAR, amount="5555.00")  # another body


def _mark(world, form, outcome):
    cooperation_services.realisation_mark(
        form=form,
        period_start=dt.date(LAST_YEAR, 1, 1),
        period_end=dt.date(LAST_YEAR, 12, 31),
        outcome=outcome,
        side=Side.BODY,
        by=world["official"],
    )


def _cooperation(world):
    _mark(world, make_form(world, title="Strategia", category=Category.STRATEGIC), Outcome.REALISED)
    _mark(world, make_form(world, title="Kerho", category=Category.PRACTICAL), Outcome.REALISED)
    _mark(world, make_form(world, title="Retki", category=Category.PRACTICAL), Outcome.PARTLY)
    make_form(world, title="Avustusneuvonta", category=Category.FINANCIAL)  # not followed up


def _seats(world):
    salo, tampere = world["salo"], world["tampere"]
    council = WorkingGroup.objects.create(body=salo, kind=GroupKind.OLDER_PEOPLE_COUNCIL, name_fi="Vanhusneuvosto")
    group = WorkingGroup.objects.create(body=salo, kind=GroupKind.WORKING_GROUP, name_fi="Hyte-työryhmä")
    elsewhere = WorkingGroup.objects.create(body=tampere, kind=GroupKind.YOUTH_COUNCIL, name_fi="Nuorisovaltuusto")
    term = {"term_start": dt.date(LAST_YEAR - 1, 6, 1), "term_end": dt.date(LAST_YEAR + 1, 5, 31)}
    Seat.objects.create(group=council, organisation=world["ngo"], name="Maija", **term)
    Seat.objects.create(group=group, organisation=world["ngo"], name="Ville", **term)
    Seat.objects.create(group=group, organisation=world["other_ngo"], name="Toini", **term)
    Seat.objects.create(group=elsewhere, organisation=world["other_ngo"], name="Tuomas", **term)
    Seat.objects.create(  # a term that ended before the year
        group=council,
        organisation=world["other_ngo"],
        name="Entinen",
        term_start=dt.date(LAST_YEAR - 4, 1, 1),
        term_end=dt.date(LAST_YEAR - 1, 12, 31),
    )


def _consultations(world):
    def consultation(state, year=LAST_YEAR, body=None):
        closes = aware(year, 6, 1, 16)
        return Consultation.objects.create(
            body=body or world["salo"],
            title_fi="Hyvinvointisuunnitelma",
            summary_fi="Kerro, mitä puuttuu.",
            opens_at=closes - dt.timedelta(days=30),
            closes_at=closes,
            status=state,
            created_by=world["official"],
        )

    consultation(ConsultationStatus.CLOSED)
    consultation(ConsultationStatus.RESPONDED)
    consultation(ConsultationStatus.DRAFT)  # never held
    consultation(ConsultationStatus.RESPONDED, year=YEAR)
    consultation(ConsultationStatus.FINISHED, body=world["tampere"])


def knowledge(world, title, *, body=None, status=ReportStatus.SENT, sent=None, themes=(), topic="", ngo=None):
    item = KnowledgeReport.objects.create(
        organisation=ngo or world["ngo"],
        body=body or world["salo"],
        title=title,
        period_start=dt.date(LAST_YEAR, 1, 1),
        period_end=dt.date(LAST_YEAR, 3, 31),
        observations="Moni nuori kokee olevansa yksin.",
        public_summary=f"{title}: mitä olemme nähneet.",
        topic=topic,
        status=status,
        sent_at=sent or (aware(LAST_YEAR, 5, 1) if status != ReportStatus.DRAFT else None),
    )
    item.themes.set([factories.term(slug) for slug in themes])
    return item


def _knowledge(world):
    knowledge(world, "Nuorten mieli", themes=["mielenterveys"])
    knowledge(world, "Yksin kotona", topic="Yksinäisyys")
    knowledge(world, "Luonnos", status=ReportStatus.DRAFT, themes=["mielenterveys"])
    knowledge(world, "Tampereelle", body=world["tampere"], themes=["mielenterveys"])
    knowledge(world, "Tänä vuonna", sent=aware(YEAR, 1, 15), themes=["mielenterveys"])


def booking(space, ngo, person, start, hours, *, price, public, status=BookingStatus.CONFIRMED):
    end = start + dt.timedelta(hours=hours)
    return Booking.objects.create(
        space=space,
        organisation=ngo,
        booked_by=person,
        start=start,
        end=end,
        held_until=end,
        purpose="Vertaistukiryhmä",
        status=status,
        hourly_price=Decimal(price),
        public_hourly_price=Decimal(public),
    )


def _premises(world):
    space = premises_factories.space(world["salo"], price_public=Decimal("20.00"))
    person = world["rep"]
    booking(space, world["ngo"], person, aware(LAST_YEAR, 3, 3, 17), 2, price="0", public="20")
    booking(space, world["ngo"], person, aware(LAST_YEAR, 3, 10, 17), 1.5, price="5", public="20")
    booking(
        space,
        world["ngo"],
        person,
        aware(LAST_YEAR, 3, 17, 17),
        3,
        price="0",
        public="20",
        status=BookingStatus.CANCELLED,
    )
    booking(space, world["ngo"], person, aware(YEAR, 1, 7, 17), 4, price="0", public="20")
    elsewhere = premises_factories.space(world["tampere"], name_fi="Tampereen sali")
    booking(elsewhere, world["other_ngo"], world["other_rep"], aware(LAST_YEAR, 3, 3, 17), 5, price="0", public="30")


def _events(world):
    def on(event, year):
        start = event_factories.at(dt.date(year, 6, 1))
        Event.objects.filter(pk=event.pk).update(start=start, end=start + dt.timedelta(hours=2))

    on(event_factories.published(world["ngo"], world["salo"], day=dt.date(YEAR + 1, 6, 1)), LAST_YEAR)
    on(event_factories.published(world["ngo"], world["salo"], day=dt.date(YEAR + 1, 6, 2)), YEAR)
    for published in (True, False):
        BulletinIssue.objects.create(
            body=world["salo"],
            title="Salon tiedote kesäkuu",
            period_start=dt.date(LAST_YEAR, 6, 1),
            period_end=dt.date(LAST_YEAR, 6, 30),
            deadline=aware(LAST_YEAR, 5, 15),
            is_published=published,
        )


def _barometer(world):
    survey = barometer.barometer_open(body=world["salo"], year=LAST_YEAR, by=world["coordinator"])
    questions = {q.key: q for q in survey.questions.prefetch_related("choices")}
    municipality = questions["coop-municipality"]
    choices = {c.key: c for c in municipality.choices.all()}
    for choice, partner in (("yes", 4), ("no", 5)):
        response = Response.objects.create(survey=survey)
        Answer.objects.create(response=response, question=municipality, choice=choices[choice])
        Answer.objects.create(response=response, question=questions["seen-partner"], value=partner)
    return survey


def _negotiations(world):
    negotiation = Negotiation.objects.create(
        body=world["salo"],
        year=LAST_YEAR,
        status=NegotiationStatus.AGREED,
        held_on=dt.date(LAST_YEAR, 2, 10),
        created_by=world["coordinator"],
    )
    NegotiationMeasure.objects.create(
        negotiation=negotiation,
        goal="Yksinäisyys vähenee",
        measure="Kerhoja kyliin.",
        status=MeasureStatus.DONE,
        follow_up="Kolme kerhoa perustettu.",
    )
    NegotiationMeasure.objects.create(negotiation=negotiation, goal="Nuoret mukaan", measure="Nuorisofoorumi.")
    Negotiation.objects.create(body=world["salo"], year=YEAR, created_by=world["coordinator"])
    return negotiation


@pytest.fixture
def chapter_world(world):
    _grants(world)
    _cooperation(world)
    _seats(world)
    _consultations(world)
    _knowledge(world)
    _premises(world)
    _events(world)
    world["survey"] = _barometer(world)
    world["negotiation"] = _negotiations(world)
    report = reports.report_create(
        body=world["salo"], kind="yearly", first_year=LAST_YEAR, title="Hyvinvointikertomus", by=world["coordinator"]
    )
    reports.chapter_add(
        report=report, title="Mielenterveys", theme=factories.term("mielenterveys"), by=world["coordinator"]
    )
    reports.chapter_add(report=report, title="Yksinäisyys", by=world["coordinator"])
    world["report"] = report
    return world


def test_every_figure_is_counted_from_its_data(chapter_world):
    w = chapter_world
    salo = w["salo"]
    chapter = ngo_chapter.generate(report=w["report"], by=w["coordinator"])
    assert chapter.kind == ChapterKind.NGO
    with translation.override("en"):
        figures = ngo_chapter.figures(chapter)
        mental_health = factories.term("mielenterveys").name
        peer_support = factories.term("vertaistuki").name
    got = as_dict(figures)
    L, B = LAST_YEAR, BEFORE
    grants = "Grants to NGOs"
    assert got[(grants, f"Granted {L}")] == "4 000,50 €"
    assert got[(grants, f"Grants {L}")] == "3"
    assert got[(grants, f"Granted {B}")] == "2 000 €"
    assert got[(grants, f"Grants {B}")] == "1"
    assert got[(grants, f"Change in the money granted from {B}")] == "+100 %"
    assert got[(grants, f"Theme: {peer_support}")] == "2 500 € (1 grants)"
    assert got[(grants, f"Theme: {mental_health}")] == "1 000 € (1 grants)"
    assert got[(grants, "No theme given")] == "500,50 € (1 grants)"
    assert got[(grants, "Sector: Youth services")] == "1 500,50 € (2 grants)"
    assert got[(grants, "No sector named")] == "2 500 € (1 grants)"
    assert not any(label.startswith("Sector: Culture") for _group, label in got)
    assert [label for group, label in got if label.startswith("Sector") or label == "No sector named"] == [
        "Sector: Youth services",
        "No sector named",
    ]  # named sectors first, the most money first
    assert got[(grants, f"Grant programme: Projektiavustus {L}")] == "2 500 € (1 grants)"
    assert got[(grants, f"Grant programme: Yleisavustus {L}")] == "1 500,50 € (2 grants)"

    coop = "Forms of cooperation"
    assert got[(coop, "Forms of cooperation in force")] == "4"
    assert got[(coop, "Strategic: realised")] == "100 % (1 of 1 periods; 0 partly)"
    assert got[(coop, "Practical: realised")] == "50 % (1 of 2 periods; 1 partly)"
    assert got[(coop, "Financial: realised")] == "0 % (0 of 1 periods; 0 partly)"
    assert got[(coop, "All: realised")] == "50 % (2 of 4 periods; 1 partly)"

    seats = "NGO seats in councils and working groups"
    assert got[(seats, "Seats in councils (older people, disability, youth)")] == "1"
    assert got[(seats, "Seats in working and steering groups")] == "2"
    assert got[(seats, "NGOs with a seat")] == "2"

    assert got[("Consultations", "Consultations held")] == "2"
    assert got[("Consultations", "With a published response")] == "1"

    kn = "Experiential knowledge"
    assert got[(kn, "Experiential knowledge reports received")] == "2"
    assert got[(kn, "NGOs that sent them")] == "1"
    assert got[(kn, "Used as evidence in the report's chapters")] == "2"
    assert got[(kn, "Used in the chapter “Mielenterveys”")] == "1"
    assert got[(kn, "Used in the chapter “Yksinäisyys”")] == "1"

    assert got[("Premises", "NGO bookings")] == "2"
    assert got[("Premises", "Hours booked by NGOs")] == "3,5 h"
    assert got[("Premises", "Value of the free use")] == "62,50 €"  # 2 h × 20 € + 1,5 h × (20 − 5) €

    assert got[("Events", "NGO events published in the calendar and the bulletin")] == "1"
    assert got[("Events", "Bulletin issues published")] == "1"

    baro = "NGO barometer"
    assert got[(baro, f"Respondents to the barometer {L}")] == "2"
    yes = f"{barometer.QUESTIONS[0]['text'][2]} – {barometer.YES_NO[0][3]}"
    assert got[(baro, yes)] == "50 % (county 50 %, whole country 50 %)"
    partner = next(q for q in barometer.QUESTIONS if q["key"] == "seen-partner")["text"][2]
    assert got[(baro, partner)] == "4,5 / 5 (county 4,5 / 5, whole country 4,5 / 5)"

    neg = "Yearly negotiation"
    assert got[(neg, "Yearly negotiations held")] == "1"
    assert got[(neg, "Goals agreed")] == "2"
    assert got[(neg, "Goals done")] == "1"
    assert got[(neg, f"Yearly negotiation {L}")] == f"Agreed, 10.2.{L}"
    assert got[(neg, f"{L}: Yksinäisyys vähenee")] == "Done: Kolme kerhoa perustettu."
    assert got[(neg, f"{L}: Nuoret mukaan")] == "Planned"

    # Each figure links to the list it was counted from.
    links = urls(figures)
    assert links[(grants, f"Granted {L}")] == f"/en/alueet/{salo.slug}/avustuspaatokset/{L}/"
    assert links[(grants, f"Granted {B}")] == f"/en/alueet/{salo.slug}/avustuspaatokset/{B}/"
    assert links[(coop, "All: realised")] == f"/en/yhteistyo/{salo.slug}/toteutuminen/?vuosi={L}"
    assert links[("Premises", "Hours booked by NGOs")] == f"/en/alueet/{salo.slug}/tilojen-kaytto/?vuosi={L}"
    assert links[(neg, f"Yearly negotiation {L}")] == f"/en/yhteistyo/vuosineuvottelut/{w['negotiation'].pk}/"
    assert links[(baro, f"Respondents to the barometer {L}")] == f"/en/kyselyt/{w['survey'].slug}/tulokset/"
    assert all(f.url for f in figures if f.group != baro or f.label != "NGO barometer")


def test_grants_by_sector_follow_the_programmes_sector_until_approval(chapter_world):
    w = chapter_world
    chapter = ngo_chapter.generate(report=w["report"], by=w["coordinator"])
    project = GrantProgramme.objects.get(name_fi="Projektiavustus")
    project.sector = w["youth"]
    project.save()
    with translation.override("en"):
        got = as_dict(ngo_chapter.figures(chapter))
    assert got[("Grants to NGOs", "Sector: Youth services")] == "4 000,50 € (3 grants)"
    assert ("Grants to NGOs", "No sector named") not in got
    assert ngo_chapter.compute(w["report"]).numbers["grants_by_sector"] == {w["youth"].pk: (Decimal("4000.50"), 3)}


def test_the_chapter_is_generated_with_a_plain_summary_and_refreshed(chapter_world):
    w = chapter_world
    chapter = ngo_chapter.generate(report=w["report"], by=w["coordinator"])
    assert chapter.position == 3
    assert "4 000,50 €" in chapter.situation.replace(NBSP, " ")
    assert "Yksinäisyys vähenee" in chapter.goals
    assert "Kuulemisia pidettiin 2, ja 1 niistä sai julkaistun vastineen." in chapter.situation
    assert "Järjestöt varasivat tiloja 3,5 tuntia; maksuttoman käytön arvo oli 62,50" in chapter.situation
    assert AuditEntry.objects.filter(action="welfare_ngo_chapter_generated").count() == 1
    # The editor's own words are kept; the untouched text follows the data.
    reports.chapter_write(chapter=chapter, data={"goals": "Omat tavoitteemme."}, by=w["coordinator"])
    decided.grant(w["salo"], year=LAST_YEAR, amount="1000.00")
    again = ngo_chapter.generate(report=w["report"], by=w["coordinator"])
    assert again.pk == chapter.pk
    assert Chapter.objects.filter(kind=ChapterKind.NGO).count() == 1
    assert "5 000,50 €" in again.situation.replace(NBSP, " ")
    assert again.goals == "Omat tavoitteemme."
    assert AuditEntry.objects.filter(action="welfare_ngo_chapter_refreshed").count() == 1


def test_only_the_coordinator_generates_and_not_on_an_approved_report(chapter_world):
    w = chapter_world
    for outsider in (w["official"], w["rep"], w["tampere_coordinator"]):
        with pytest.raises(PermissionDenied):
            ngo_chapter.generate(report=w["report"], by=outsider)
    assert not Chapter.objects.filter(kind=ChapterKind.NGO).exists()
    ngo_chapter.generate(report=w["report"], by=w["coordinator"])
    reports.report_submit(report=w["report"], by=w["coordinator"])
    reports.report_approve(report=w["report"], decision_date=dt.date(YEAR, 1, 5), section="12", by=w["coordinator"])
    with pytest.raises(ValidationError) as error:
        ngo_chapter.generate(report=w["report"], by=w["coordinator"])
    assert [e.code for e in error.value.error_dict["status"]] == ["approved"]


def test_figures_follow_the_data_until_approval_then_stay(chapter_world):
    w = chapter_world
    chapter = ngo_chapter.generate(report=w["report"], by=w["coordinator"])
    key = ("Grants to NGOs", f"Granted {LAST_YEAR}")

    def granted():
        with translation.override("en"):
            return as_dict(ngo_chapter.figures(Chapter.objects.get(pk=chapter.pk)))[key]

    assert granted() == "4 000,50 €"
    decided.grant(w["salo"], year=LAST_YEAR, amount="1000.00")
    assert granted() == "5 000,50 €"
    reports.report_submit(report=w["report"], by=w["coordinator"])
    # Approval refused (a future date): still live.
    with pytest.raises(ValidationError):
        reports.report_approve(
            report=w["report"], decision_date=dt.date(YEAR + 5, 1, 1), section="12", by=w["coordinator"]
        )
    reports.report_approve(report=w["report"], decision_date=dt.date(YEAR, 1, 5), section="12", by=w["coordinator"])
    with translation.override("en"):
        approved = ngo_chapter.figures(Chapter.objects.get(pk=chapter.pk))
    decided.grant(w["salo"], year=LAST_YEAR, amount="7000.00")
    Seat.objects.all().delete()
    assert granted() == "5 000,50 €"
    with translation.override("en"):
        assert ngo_chapter.figures(Chapter.objects.get(pk=chapter.pk)) == approved
    # Stored in every language.
    with translation.override("fi"):
        finnish = ngo_chapter.figures(Chapter.objects.get(pk=chapter.pk))
    assert len(finnish) == len(approved)
    assert finnish[0].value == approved[0].value == f"5{NBSP}000,50{NBSP}€"
    assert finnish[0].url.startswith("/fi/")


def test_a_term_report_compares_with_the_previous_term():
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    first = LAST_YEAR - 3
    report = reports.report_create(body=salo, kind="term", first_year=first, title="Laaja", by=coordinator)
    for year, amount in ((first, "100.00"), (LAST_YEAR, "300.00"), (first - 1, "50.00"), (first - 4, "25.00")):
        decided.grant(salo, year=year, amount=amount)
    decided.grant(salo, year=first - 5, amount="999.00")  # before both terms
    chapter = ngo_chapter.generate(report=report, by=coordinator)
    with translation.override("en"):
        got = as_dict(ngo_chapter.figures(chapter))
        links = urls(ngo_chapter.figures(chapter))
    now, before = f"{first}–{LAST_YEAR}", f"{first - 4}–{first - 1}"
    assert got[("Grants to NGOs", f"Granted {now}")] == "400 €"
    assert got[("Grants to NGOs", f"Grants {now}")] == "2"
    assert got[("Grants to NGOs", f"Granted {before}")] == "75 €"
    assert got[("Grants to NGOs", f"Change in the money granted from {before}")] == "+433 %"
    assert links[("Grants to NGOs", f"Granted {now}")] == f"/en/alueet/{salo.slug}/avustuspaatokset/"


def test_a_body_without_data_gets_zeros_not_errors():
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    report = reports.report_create(body=salo, kind="yearly", first_year=LAST_YEAR, title="Tyhjä", by=coordinator)
    chapter = ngo_chapter.generate(report=report, by=coordinator)
    with translation.override("en"):
        got = as_dict(ngo_chapter.figures(chapter))
    assert got[("Grants to NGOs", f"Granted {LAST_YEAR}")] == "0 €"
    assert got[("Grants to NGOs", f"Change in the money granted from {BEFORE}")] == "–"
    assert got[("Forms of cooperation", "All: realised")] == "no periods to follow up"
    assert got[("NGO barometer", "NGO barometer")] == "not held in these years"
    assert got[("Premises", "Hours booked by NGOs")] == "0 h"
    # The summary tells what happened, not a row of zeros.
    assert chapter.situation.count(".") == chapter.situation.count(". ") + 1 == 1
    assert chapter.goals == "Näinä vuosina vuosineuvotteluissa ei sovittu tavoitteita."


def test_the_figures_take_a_fixed_number_of_queries(chapter_world, django_assert_num_queries):
    w = chapter_world
    chapter = ngo_chapter.generate(report=w["report"], by=w["coordinator"])
    chapter = Chapter.objects.select_related("report__body").get(pk=chapter.pk)
    with django_assert_num_queries(QUERIES):
        ngo_chapter.figures(chapter)
    # More of everything: the same number of queries.
    for n in range(3):
        decided.grant(w["salo"], year=LAST_YEAR, amount="100.00", themes=["nuoret"])
        make_form(w, title=f"Lisää {n}", category=Category.STRATEGIC)
        knowledge(w, f"Lisää {n}", themes=["mielenterveys"], ngo=w["other_ngo"])
    NegotiationMeasure.objects.create(negotiation=w["negotiation"], goal="Lisää", measure="Lisää.")
    with django_assert_num_queries(QUERIES):
        ngo_chapter.figures(chapter)


QUERIES = 32


def test_an_approved_report_with_nothing_stored_shows_no_live_figures():
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    report = reports.report_create(body=salo, kind="yearly", first_year=LAST_YEAR, title="Vanha", by=coordinator)
    chapter = ngo_chapter.generate(report=report, by=coordinator)
    assert ngo_chapter.figures(chapter)
    report.status = "approved"  # approved before the figures were stored
    report.save()
    assert ngo_chapter.figures(Chapter.objects.get(pk=chapter.pk)) == []
