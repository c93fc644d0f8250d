"""Each computed criterion of the index with data that meets it, partly meets it and does not."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from kumppani.cooperation import services as cooperation_services
from kumppani.cooperation.governance.models import (
    ExpertRequest,
    ExpertRequestStatus,
    GroupKind,
    Negotiation,
    NegotiationStatus,
    Seat,
    WorkingGroup,
)
from kumppani.cooperation.models import CoordinatorContact, Outcome, Side
from kumppani.events.models import BulletinIssue
from kumppani.grants.models import ApplicationStatus
from kumppani.participation.consultations.models import Consultation, ConsultationStatus
from kumppani.premises.models import Booking, BookingStatus
from kumppani.welfare import criteria as c
from tests import factories
from tests.cooperation.record_world import LAST_YEAR, make_form
from tests.events import factories as event_factories
from tests.grants import decided
from tests.grants import factories as grant_factories
from tests.premises import factories as premises_factories

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def status(fn, body, year=YEAR) -> str:
    return fn(body, year).status


# Commitment


def test_grants_decided_by_a_board():
    salo = factories.salo()
    assert status(c.grants_board_decided, salo) == c.NOT_MET
    first = grant_factories.programme(salo)
    decided.meeting(first)
    assert status(c.grants_board_decided, salo) == c.MET
    grant_factories.programme(salo, name="Projektiavustus")
    result = c.grants_board_decided(salo, YEAR)
    assert result.status == c.PARTLY
    assert result.figures == {"decided": 1, "programmes": 2}
    assert result.evidence_url == f"/fi/alueet/{salo.slug}/avustuspaatokset/{YEAR}/"


def test_grant_principles_public():
    salo = factories.salo()
    grant_factories.programme(salo, principles_fi="")
    assert status(c.grant_principles_public, salo) == c.NOT_MET
    grant_factories.programme(salo, name="Projektiavustus", principles_fi="Tuemme terveyttä edistävää toimintaa.")
    assert status(c.grant_principles_public, salo) == c.PARTLY
    grant_factories.programme(salo, name="Kohdeavustus", principles_fi="Periaatteet.", is_published=False)
    salo.grant_programmes.filter(principles_fi="").update(principles_fi="Periaatteet julkaistu.")
    assert status(c.grant_principles_public, salo) == c.MET


# Management


def test_coordinator_named_and_reachable():
    salo = factories.salo()
    assert status(c.coordinator_named, salo) == c.NOT_MET
    coordinator = factories.official(salo, "coordinator")
    assert status(c.coordinator_named, salo) == c.PARTLY
    cooperation_services.coordinator_contact_save(
        body=salo, user=coordinator, title_fi="Järjestökoordinaattori", email="koordinaattori@salo.fi", by=coordinator
    )
    assert CoordinatorContact.objects.count() == 1
    assert status(c.coordinator_named, salo) == c.MET


def test_yearly_negotiation_held():
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    assert status(c.yearly_negotiation, salo) == c.NOT_MET
    negotiation = Negotiation.objects.create(body=salo, year=YEAR, created_by=coordinator)
    assert status(c.yearly_negotiation, salo) == c.PARTLY
    negotiation.status = NegotiationStatus.AGREED
    negotiation.save()
    assert status(c.yearly_negotiation, salo) == c.MET
    assert status(c.yearly_negotiation, salo, YEAR - 1) == c.NOT_MET


# Monitoring and shared practices: the cooperation record


def _mark(world, form, outcome):
    cooperation_services.realisation_mark(
        form=form,
        period_start=dt.date(LAST_YEAR, 1, 1),
        period_end=dt.date(LAST_YEAR, 12, 31),
        outcome=outcome,
        side=Side.BODY,
        by=world["official"],
    )


def test_cooperation_monitored_and_realised(world):
    salo = world["salo"]
    assert status(c.cooperation_monitored, salo, LAST_YEAR) == c.NOT_MET
    assert status(c.cooperation_realised, salo, LAST_YEAR) == c.NOT_MET
    forms = [make_form(world, title=f"Yhteistyö {n}") for n in range(4)]
    # Recorded but not followed up.
    assert status(c.cooperation_monitored, salo, LAST_YEAR) == c.NOT_MET
    _mark(world, forms[0], Outcome.REALISED)
    _mark(world, forms[1], Outcome.NOT_REALISED)
    assert c.cooperation_monitored(salo, LAST_YEAR).figures == {"marked": 2, "periods": 4}
    assert status(c.cooperation_monitored, salo, LAST_YEAR) == c.PARTLY
    assert status(c.cooperation_realised, salo, LAST_YEAR) == c.PARTLY
    _mark(world, forms[2], Outcome.REALISED)
    _mark(world, forms[3], Outcome.PARTLY)
    assert status(c.cooperation_monitored, salo, LAST_YEAR) == c.MET
    # 2 realised + 2 × ½ partly of 4 = 62.5 %: partly.
    assert status(c.cooperation_realised, salo, LAST_YEAR) == c.PARTLY
    forms[1].realisations.update(outcome=Outcome.REALISED)
    # 3 + ½ of 4 = 87.5 %: met.
    assert status(c.cooperation_realised, salo, LAST_YEAR) == c.MET


def test_expert_help_asked(world):
    salo = world["salo"]
    assert status(c.expert_help_asked, salo) == c.NOT_MET
    request = ExpertRequest.objects.create(
        body=salo,
        sector=world["sector"],
        topic="Nuorten yksinäisyys",
        needed="Kokemuksia nuorten yksinäisyydestä hyvinvointikertomukseen.",
        deadline=timezone.localdate(),
        created_by=world["official"],
    )
    assert status(c.expert_help_asked, salo) == c.PARTLY
    request.status = ExpertRequestStatus.FULFILLED
    request.save()
    assert status(c.expert_help_asked, salo) == c.MET
    assert status(c.expert_help_asked, salo, YEAR - 1) == c.NOT_MET


def test_consultations_answered():
    salo = factories.salo()
    assert status(c.consultations_answered, salo) == c.NOT_MET  # none held
    official = factories.official(salo, "official")
    closes = timezone.make_aware(dt.datetime(YEAR, 6, 1, 16, 0))

    def consultation(state):
        return Consultation.objects.create(
            body=salo,
            title_fi="Hyvinvointisuunnitelma",
            summary_fi="Kerro, mitä puuttuu.",
            opens_at=closes - dt.timedelta(days=30),
            closes_at=closes,
            status=state,
            created_by=official,
        )

    first, second = consultation(ConsultationStatus.CLOSED), consultation(ConsultationStatus.CLOSED)
    consultation(ConsultationStatus.DRAFT)  # never held: not counted
    assert status(c.consultations_answered, salo) == c.NOT_MET  # held, none answered
    first.status = ConsultationStatus.RESPONDED
    first.save()
    assert status(c.consultations_answered, salo) == c.PARTLY
    second.status = ConsultationStatus.FINISHED
    second.save()
    assert c.consultations_answered(salo, YEAR).figures == {"held": 2, "answered": 2}
    assert status(c.consultations_answered, salo) == c.MET
    assert status(c.consultations_answered, salo, YEAR - 1) == c.NOT_MET


def test_ngo_register_kept():
    salo = factories.salo()
    assert status(c.ngo_register, salo) == c.NOT_MET
    first = factories.organisation("Salon Mielenterveysseura ry", areas=[salo])
    assert status(c.ngo_register, salo) == c.PARTLY
    first.verified_at = timezone.now()
    first.save(update_fields=["verified_at"])
    result = c.ngo_register(salo, YEAR)
    assert result.status == c.MET
    assert result.evidence_url == f"/fi/jarjestot/?body={salo.slug}"


# Resources


def test_premises_free_and_used():
    salo = factories.salo()
    assert status(c.premises_affordable, salo) == c.NOT_MET
    space = premises_factories.space(salo, price_own_ngos=Decimal("0"))
    # Free but not booked by any NGO this year.
    assert status(c.premises_affordable, salo) == c.PARTLY
    ngo = factories.organisation(areas=[salo])
    start = dt.datetime(YEAR, 3, 3, 17, tzinfo=dt.UTC)
    Booking.objects.create(
        space=space,
        organisation=ngo,
        booked_by=factories.representative(ngo),
        start=start,
        end=start + dt.timedelta(hours=2),
        held_until=start + dt.timedelta(hours=2),
        purpose="Vertaistukiryhmä",
        status=BookingStatus.CONFIRMED,
    )
    assert status(c.premises_affordable, salo) == c.MET
    premises_factories.space(salo, name_fi="Juhlasali", price_own_ngos=Decimal("25.00"))
    assert c.premises_affordable(salo, YEAR).figures == {"spaces": 2, "free": 1, "bookings": 1}
    assert status(c.premises_affordable, salo) == c.PARTLY


def test_funding_continues_across_the_municipality_county_line():
    salo = factories.salo()
    county = salo.county
    assert status(c.funding_continuity, salo) == c.NOT_MET  # nothing funded last year
    ngos = [factories.organisation(f"Jatkuva {n} ry", areas=[salo]) for n in range(5)]
    last_year = grant_factories.programme(county, year=YEAR - 1)
    for ngo in ngos:
        decided.grant(programme=last_year, organisation=ngo)
    this_year = grant_factories.programme(salo, name="Yleisavustus tänä vuonna")
    # The county funded them last year; four applied to Salo this year, one did not: 1/5 partly.
    for ngo in ngos[:4]:
        grant_factories.application(this_year, ngo, status=ApplicationStatus.SUBMITTED)
    result = c.funding_continuity(salo, YEAR)
    assert result.figures == {"funded": 5, "gaps": 1}
    assert result.status == c.PARTLY
    grant_factories.application(this_year, ngos[4], status=ApplicationStatus.SUBMITTED)
    assert status(c.funding_continuity, salo) == c.MET
    # In Tampere's area one NGO was funded and has not applied: a gap for all of them.
    tampere = factories.tampere()
    decided.grant(tampere, year=YEAR - 1)
    assert status(c.funding_continuity, tampere) == c.NOT_MET


# Participation


def test_ngos_in_councils_and_working_groups():
    salo = factories.salo()
    ngo = factories.organisation(areas=[salo])
    assert status(c.ngos_in_councils, salo) == c.NOT_MET
    council = WorkingGroup.objects.create(body=salo, kind=GroupKind.OLDER_PEOPLE_COUNCIL, name_fi="Vanhusneuvosto")
    group = WorkingGroup.objects.create(body=salo, kind=GroupKind.WORKING_GROUP, name_fi="Hyte-työryhmä")
    term = {"term_start": dt.date(YEAR - 1, 6, 1), "term_end": dt.date(YEAR + 2, 5, 31)}
    Seat.objects.create(group=council, organisation=ngo, name="Maija Meikäläinen", **term)
    assert status(c.ngos_in_councils, salo) == c.PARTLY
    Seat.objects.create(group=group, organisation=ngo, name="Ville Varajäsen", **term)
    assert status(c.ngos_in_councils, salo) == c.MET
    assert status(c.ngos_in_councils, salo, YEAR - 2) == c.NOT_MET  # before the term


# Other core activities


def test_bulletin_free_for_ngos():
    salo = factories.salo()
    assert status(c.bulletin_free, salo) == c.NOT_MET
    ngo = factories.organisation(areas=[salo])
    event_factories.published(ngo, salo, day=dt.date(YEAR, 12, 20))
    assert status(c.bulletin_free, salo) == c.PARTLY
    BulletinIssue.objects.create(
        body=salo,
        title="Salon tiedote joulukuu",
        period_start=dt.date(YEAR, 12, 1),
        period_end=dt.date(YEAR, 12, 31),
        deadline=timezone.now(),
        is_published=True,
    )
    result = c.bulletin_free(salo, YEAR)
    assert result.status == c.MET
    assert result.figures == {"issues": 1, "events": 1}


def test_every_computed_criterion_is_tested_here():
    tested = {
        "grants_board_decided",
        "grant_principles_public",
        "coordinator_named",
        "yearly_negotiation",
        "cooperation_monitored",
        "cooperation_realised",
        "expert_help_asked",
        "ngo_register",
        "premises_affordable",
        "funding_continuity",
        "ngos_in_councils",
        "consultations_answered",
        "bulletin_free",
    }
    assert {criterion.key for criterion in c.CRITERIA if criterion.is_computed} == tested
