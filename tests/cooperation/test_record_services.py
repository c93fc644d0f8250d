"""The cooperation record's rules: sectors, forms, confirmation, proposals, realisation, reminders."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kumppani.cooperation import queries, services
from kumppani.cooperation.models import CooperationForm, Outcome, Realisation, Side, Status
from kumppani.core.models import AuditEntry
from tests.cooperation.record_world import LAST_YEAR, make_form, make_proposal, year

pytestmark = pytest.mark.django_db


def test_only_the_coordinator_manages_sectors(world):
    with pytest.raises(PermissionDenied):
        services.sector_save(body=world["salo"], name_fi="Kulttuuri", by=world["official"])
    with pytest.raises(PermissionDenied):
        services.sector_save(body=world["salo"], name_fi="Kulttuuri", by=world["tampere_coordinator"])
    with pytest.raises(ValidationError) as error:
        services.sector_save(body=world["salo"], name_fi="nuorisopalvelut", by=world["coordinator"])
    assert error.value.error_dict["name_fi"][0].code == "duplicate"


def test_a_sector_official_must_have_a_role_in_the_body(world):
    with pytest.raises(ValidationError) as error:
        services.sector_officials_set(
            sector=world["sector"], officials=[world["other_official"]], by=world["coordinator"]
        )
    assert error.value.error_dict["officials"][0].code == "not_in_body"
    assert list(world["sector"].officials.all()) == [world["official"]]


def test_coordinator_contact_is_public_on_the_national_list(world):
    services.coordinator_contact_save(
        body=world["salo"],
        user=world["coordinator"],
        title_fi="Järjestökoordinaattori",
        phone="044 123 4567",
        by=world["coordinator"],
    )
    with pytest.raises(ValidationError):
        services.coordinator_contact_save(body=world["salo"], user=world["official"], by=world["coordinator"])
    assert queries.body_coordinators(world["salo"])[0][1].phone == "044 123 4567"


def test_an_official_records_a_form_and_the_ngo_confirms_it(world, mailoutbox):
    form = make_form(world)
    assert form.status == Status.ACTIVE
    assert [m.to for m in mailoutbox] == [[world["rep"].email]]
    partner = form.partners.get()
    assert partner.confirmed_at is None
    with pytest.raises(PermissionDenied):
        services.form_confirm(form=form, organisation=world["ngo"], by=world["other_rep"])
    services.form_confirm(form=form, organisation=world["ngo"], by=world["rep"])
    partner.refresh_from_db()
    assert partner.confirmed_by == world["rep"]
    assert mailoutbox[-1].to == [world["official"].email]
    assert AuditEntry.objects.filter(action="form_confirmed").count() == 1


def test_bad_input_changes_nothing(world):
    with pytest.raises(ValidationError) as error:
        make_form(world, title="", organisations=[], starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 1, 1))
    assert set(error.value.error_dict) >= {"title_fi", "ends_on"}
    assert CooperationForm.objects.count() == 0


def test_outsiders_cannot_record_forms(world):
    for person in (world["rep"], world["other_official"], world["tampere_coordinator"]):
        with pytest.raises(PermissionDenied):
            make_form(world, by=person)


def test_an_ngo_proposes_and_a_declined_proposal_needs_a_reason(world, mailoutbox):
    form = make_proposal(world)
    assert form.status == Status.PROPOSED
    assert mailoutbox[-1].to == [world["official"].email]
    with pytest.raises(PermissionDenied):
        services.form_propose(
            organisation=world["ngo"],
            sector=world["sector"],
            category="practical",
            kind="training",
            title="X",
            starts_on=dt.date.today(),
            by=world["other_rep"],
        )
    with pytest.raises(ValidationError) as error:
        services.form_decide(form=form, accept=False, reason="", by=world["official"])
    assert error.value.error_dict["reason"][0].code == "required"
    with pytest.raises(PermissionDenied):
        services.form_decide(form=form, accept=True, by=world["rep"])
    services.form_decide(form=form, accept=False, reason="Ei resursseja tänä vuonna.", by=world["official"])
    form.refresh_from_db()
    assert form.status == Status.DECLINED and form.decision_reason == "Ei resursseja tänä vuonna."
    assert mailoutbox[-1].to == [world["rep"].email]
    assert "Ei resursseja" in mailoutbox[-1].body


def test_only_the_bodys_officials_mark_the_bodys_side(world):
    form = make_form(world)
    start, end = year()
    for person in (world["rep"], world["other_official"], world["tampere_coordinator"]):
        with pytest.raises(PermissionDenied):
            services.realisation_mark(
                form=form, period_start=start, period_end=end, outcome=Outcome.REALISED, side=Side.BODY, by=person
            )
    for person in (world["official"], world["other_rep"]):
        with pytest.raises(PermissionDenied):
            services.realisation_mark(
                form=form, period_start=start, period_end=end, outcome=Outcome.REALISED, side=Side.NGO, by=person
            )
    services.realisation_mark(
        form=form,
        period_start=start,
        period_end=end,
        outcome="partly",
        note="Kaksi neljästä.",
        side="body",
        by=world["official"],
    )
    services.realisation_mark(
        form=form,
        period_start=start,
        period_end=end,
        outcome="realised",
        note="Hyvin meni.",
        side="ngo",
        by=world["rep"],
    )
    realisation = Realisation.objects.get()
    assert (realisation.outcome, realisation.ngo_outcome) == ("partly", "realised")
    assert (realisation.body_note, realisation.ngo_note) == ("Kaksi neljästä.", "Hyvin meni.")


def test_realisation_is_not_marked_for_a_bad_period(world):
    form = make_form(world, starts_on=dt.date(LAST_YEAR, 6, 1))
    with pytest.raises(ValidationError) as error:
        services.realisation_mark(
            form=form,
            period_start=dt.date(LAST_YEAR - 2, 1, 1),
            period_end=dt.date(LAST_YEAR - 2, 12, 31),
            outcome="realised",
            side="body",
            by=world["official"],
        )
    assert error.value.error_dict["period_start"][0].code == "outside"
    with pytest.raises(ValidationError):
        services.realisation_mark(
            form=form,
            period_start=dt.date(LAST_YEAR, 1, 1),
            period_end=dt.date(LAST_YEAR, 12, 31),
            outcome="maybe",
            side="body",
            by=world["official"],
        )
    assert not Realisation.objects.exists()


def test_an_overdue_review_reminds_the_responsible_official_once(world, mailoutbox):
    form = make_form(world)
    today = dt.date(LAST_YEAR + 1, 3, 1)
    mailoutbox.clear()
    assert services.send_review_reminders(today) == 1
    assert mailoutbox[-1].to == [world["official"].email]
    assert services.send_review_reminders(today + dt.timedelta(days=1)) == 0
    services.realisation_mark(
        form=form,
        period_start=dt.date(LAST_YEAR, 1, 1),
        period_end=dt.date(LAST_YEAR, 12, 31),
        outcome="realised",
        side="body",
        by=world["official"],
    )
    assert services.overdue_reviews(today) == []


def test_the_summary_counts_per_sector_ngo_and_category(world):
    done, failed = make_form(world, title="A"), make_form(world, title="B", category="strategic", kind="seat")
    make_form(world, title="C")
    start, end = year()
    services.realisation_mark(
        form=done, period_start=start, period_end=end, outcome="realised", side="body", by=world["official"]
    )
    services.realisation_mark(
        form=failed, period_start=start, period_end=end, outcome="not_realised", side="body", by=world["official"]
    )
    summary = queries.realisation_summary(world["salo"], LAST_YEAR)
    assert (summary.total.realised, summary.total.not_realised, summary.total.unmarked) == (1, 1, 1)
    assert [(r.label, r.total) for r in summary.by_sector] == [("Nuorisopalvelut", 3)]
    assert [(r.label, r.realised) for r in summary.by_ngo] == [("Salon Nuoret ry", 1)]
    assert sorted(r.total for r in summary.by_category) == [1, 2]
    assert b"Nuorisopalvelut" in queries.summary_csv(summary)


def test_the_summary_counts_each_period_of_the_year_once_per_form_and_per_ngo(world):
    from tests import factories

    second_ngo = factories.organisation("Salon Seniorit ry", areas=[world["salo"]])
    h1, h2 = (
        (dt.date(LAST_YEAR, 1, 1), dt.date(LAST_YEAR, 6, 30)),
        (dt.date(LAST_YEAR, 7, 1), dt.date(LAST_YEAR, 12, 31)),
    )

    def mark(form, period, outcome):
        services.realisation_mark(
            form=form, period_start=period[0], period_end=period[1], outcome=outcome, side="body", by=world["official"]
        )

    yearly = make_form(world, title="Vuosittain")
    mark(yearly, year(), "realised")
    from_march = make_form(world, title="Maaliskuusta", starts_on=dt.date(LAST_YEAR, 3, 1), review_period="half_year")
    mark(from_march, h1, "partly")  # its second half is not marked
    from_august = make_form(world, title="Elokuusta", starts_on=dt.date(LAST_YEAR, 8, 1), review_period="half_year")
    mark(from_august, h2, "not_realised")  # it has no first half
    make_form(  # ended in May: its first half only, not marked
        world,
        title="Toukokuuhun",
        starts_on=dt.date(LAST_YEAR - 1, 1, 1),
        ends_on=dt.date(LAST_YEAR, 5, 31),
        review_period="half_year",
    )
    two_ngos = make_form(world, title="Kahden kanssa", organisations=[world["ngo"], second_ngo])
    mark(two_ngos, year(), "realised")
    make_form(world, title="Ensi vuonna", starts_on=dt.date(LAST_YEAR + 1, 1, 1))  # not in the year

    summary = queries.realisation_summary(world["salo"], LAST_YEAR)
    counts = lambda row: (row.realised, row.partly, row.not_realised, row.unmarked)  # noqa: E731
    assert counts(summary.total) == (2, 1, 1, 2)
    assert [(row.label, counts(row)) for row in summary.by_sector] == [("Nuorisopalvelut", (2, 1, 1, 2))]
    assert [(row.label, counts(row)) for row in summary.by_ngo] == [
        ("Salon Nuoret ry", (2, 1, 1, 2)),
        ("Salon Seniorit ry", (1, 0, 0, 0)),
    ]
    assert [(row.label, counts(row)) for row in summary.by_category] == [("Käytännön", (2, 1, 1, 2))]
    totals = queries.realisation_summary(world["salo"], LAST_YEAR, totals_only=True)
    assert (counts(totals.total), totals.by_ngo) == ((2, 1, 1, 2), [])
    # The same periods as the marking page offers (services.periods), counted by hand.
    in_year = [
        period
        for form in CooperationForm.objects.filter(body=world["salo"], status=Status.ACTIVE)
        for period in services.periods(form, dt.date(LAST_YEAR, 12, 31))
        if period[0].year == LAST_YEAR
    ]
    assert len(in_year) == summary.total.total == 6


def test_the_board_list_line_shows_the_latest_realisation(world):
    form = make_form(world)
    start, end = year()
    services.realisation_mark(
        form=form, period_start=start, period_end=end, outcome="realised", side="body", by=world["official"]
    )
    lines = queries.board_cooperation([world["ngo"].pk, world["other_ngo"].pk], world["salo"])
    assert list(lines) == [world["ngo"].pk]
    assert "Nuorten kesätapahtuma" in str(lines[world["ngo"].pk][0]) and str(LAST_YEAR) in str(
        lines[world["ngo"].pk][0]
    )


def test_an_approved_booking_becomes_premises_cooperation(world):
    from tests.premises import factories as premises

    manager = premises.manager(world["salo"])
    space = premises.space(world["salo"], by=manager)
    (booking,) = premises.book(space, world["ngo"], world["rep"], premises.future_weekday(1))
    from kumppani.premises import services as premises_services

    with pytest.raises(ValidationError) as error:
        services.form_from_booking(sector=world["sector"], booking=booking, by=world["official"])
    assert error.value.error_dict["booking"][0].code == "not_confirmed"
    premises_services.booking_decide(booking=booking, approve=True, by=manager)
    booking.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.form_from_booking(sector=world["sector"], booking=booking, by=world["rep"])
    form = services.form_from_booking(sector=world["sector"], booking=booking, by=world["official"])
    assert (form.kind, form.category, form.booking) == ("premises", "practical", booking)
    assert [p.organisation for p in form.partners.all()] == [world["ngo"]]
    with pytest.raises(ValidationError) as error:
        services.form_from_booking(sector=world["sector"], booking=booking, by=world["official"])
    assert error.value.error_dict["booking"][0].code == "duplicate"
