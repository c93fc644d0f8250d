"""The rules of a consultation, through its services: who may give a statement and when, residents'
comments, the response and closing for good."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kumppani.core.models import AuditEntry
from kumppani.participation.consultations import services
from kumppani.participation.consultations.models import (
    Consultation,
    ConsultationStatus,
    ResidentComment,
    Statement,
    StatementAnswer,
    StatementStatus,
)
from tests import factories
from tests.participation.consultations import helpers

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def _codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def test_statements_are_taken_until_the_exact_closing_moment_in_helsinki_time():
    item = Consultation(
        status=ConsultationStatus.OPEN,
        opens_at=dt.datetime(2026, 12, 1, 8, 0, tzinfo=HELSINKI),
        closes_at=dt.datetime(2026, 12, 31, 16, 0, tzinfo=HELSINKI),
    )
    # 16.00 Helsinki time is 14.00 UTC in winter.
    assert item.accepts_statements(dt.datetime(2026, 12, 31, 13, 59, 59, tzinfo=dt.UTC))
    assert not item.accepts_statements(dt.datetime(2026, 12, 31, 14, 0, 0, tzinfo=dt.UTC))
    assert not item.accepts_statements(dt.datetime(2026, 12, 1, 5, 59, 59, tzinfo=dt.UTC))
    assert item.accepts_statements(dt.datetime(2026, 12, 1, 6, 0, 0, tzinfo=dt.UTC))


def test_an_ngo_drafts_privately_and_its_admin_sends_the_statement():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    assert mail.outbox and any(w["admin"].email in m.to for m in mail.outbox)  # the NGO is told
    section = item.sections.first()
    statement = services.statement_save(
        by=w["representative"], consultation=item, organisation=w["ngo"], answers={section.pk: "Vertaistukea lisää."}
    )
    assert statement.status == StatementStatus.DRAFT
    assert not w["official"].has_perm("participation.view_statement", statement)
    with pytest.raises(PermissionDenied):
        services.statement_send(by=w["representative"], statement=statement)
    services.statement_send(by=w["admin"], statement=statement)
    statement.refresh_from_db()
    assert statement.status == StatementStatus.SENT and statement.sent_by == w["admin"]
    assert w["official"].has_perm("participation.view_statement", statement)
    assert not factories.user().has_perm("participation.view_statement", statement)  # public only after closing


def test_an_empty_required_answer_is_refused_and_nothing_is_sent():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    second = item.sections.all()[1]
    statement = services.statement_save(
        by=w["representative"], consultation=item, organisation=w["ngo"], answers={second.pk: "Vain toinen."}
    )
    with pytest.raises(ValidationError) as error:
        services.statement_send(by=w["admin"], statement=statement)
    assert _codes(error.value) == {"required_answer"}
    assert "Osa 1" in " ".join(error.value.messages)
    assert Statement.objects.get().status == StatementStatus.DRAFT


def test_a_statement_after_closing_is_refused_and_changes_nothing():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    section = item.sections.first()
    statement = services.statement_save(
        by=w["representative"], consultation=item, organisation=w["ngo"], answers={section.pk: "Ehdotus"}
    )
    helpers.move_past_closing(item)
    statement.refresh_from_db()
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as error:
        services.statement_send(by=w["admin"], statement=statement)
    assert _codes(error.value) == {"closed"}
    with pytest.raises(ValidationError):
        services.statement_save(
            by=w["representative"], consultation=item, organisation=w["ngo"], answers={section.pk: "Muutos"}
        )
    assert AuditEntry.objects.count() == before
    assert StatementAnswer.objects.get().text == "Ehdotus"
    assert Statement.objects.get().status == StatementStatus.DRAFT


def test_an_ngo_outside_the_audience_cannot_give_a_statement():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    other = factories.organisation("Tampereen yhdistys ry", areas=[factories.tampere()])
    person = factories.representative(other, role="admin")
    with pytest.raises(ValidationError) as error:
        services.statement_save(by=person, consultation=item, organisation=other, answers={})
    assert _codes(error.value) == {"not_audience"}
    with pytest.raises(PermissionDenied):  # not the person's NGO
        services.statement_save(by=person, consultation=item, organisation=w["ngo"], answers={})


def test_a_council_gives_its_statement_from_a_meeting():
    w = helpers.world()
    council = helpers.council(w["salo"])
    item = helpers.consultation(w["salo"], w["official"], councils=[council])
    section = item.sections.first()
    statement = services.council_statement_record(
        by=w["official"],
        consultation=item,
        council=council,
        answers={section.pk: "Esteettömyys ensin."},
        summary="Vammaisneuvoston lausunto",
        meeting_date=timezone.localdate(),
    )
    assert statement.status == StatementStatus.SENT and statement.council == council
    with pytest.raises(ValidationError) as error:
        services.council_statement_record(
            by=w["official"],
            consultation=item,
            council=helpers.council(w["salo"], name="Vanhusneuvosto"),
            answers={section.pk: "x"},
            summary="",
            meeting_date=timezone.localdate(),
        )
    assert _codes(error.value) == {"not_audience"}


def test_a_resident_comment_shows_only_after_the_email_link_and_can_be_hidden():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    mail.outbox.clear()
    comment = services.comment_submit(
        by=None, consultation=item, text="Lisää penkkejä puistoihin.", name="Aino", email="Aino@example.org"
    )
    assert comment.confirmed_at is None
    assert mail.outbox[0].to == ["aino@example.org"] and str(comment.token) in mail.outbox[0].body
    assert services.comment_confirm(token=comment.token).confirmed_at is not None
    services.comment_hide(by=w["official"], comment=comment, reason="Henkilötietoja")
    comment.refresh_from_db()
    assert comment.hidden_reason == "Henkilötietoja"
    with pytest.raises(PermissionDenied):
        services.comment_hide(by=w["representative"], comment=comment, reason="x")


def test_residents_comments_are_rate_limited():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    for number in range(services.COMMENTS_PER_HOUR):
        services.comment_submit(by=None, consultation=item, text=f"Kommentti {number}", name="A", email="a@example.org")
    with pytest.raises(ValidationError) as error:
        services.comment_submit(by=None, consultation=item, text="Vielä", name="A", email="a@example.org")
    assert _codes(error.value) == {"rate_limited"}
    assert ResidentComment.objects.count() == services.COMMENTS_PER_HOUR


def test_a_consultation_cannot_be_closed_for_good_without_a_published_response():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    statement = helpers.sent_statement(item, w)
    services.consultation_close(by=w["official"], consultation=item)
    item.refresh_from_db()
    assert item.status == ConsultationStatus.CLOSED and item.closes_at <= timezone.now()
    with pytest.raises(ValidationError) as error:
        services.consultation_finish(by=w["official"], consultation=item)
    assert _codes(error.value) == {"no_response"}
    response = services.response_save(
        by=w["official"],
        consultation=item,
        heard="Omaishoitajat tarvitsevat vapaita.",
        changed="Lisäsimme suunnitelmaan vapaapäivät.",
        links={statement.pk: "Omaishoitajien vapaapäivät tulivat suunnitelmaan."},
    )
    with pytest.raises(ValidationError):
        services.consultation_finish(by=w["official"], consultation=item)  # written, not published
    services.response_publish(by=w["official"], consultation=item)
    item.refresh_from_db()
    assert item.status == ConsultationStatus.RESPONDED
    services.consultation_finish(by=w["official"], consultation=item)
    item.refresh_from_db()
    assert item.status == ConsultationStatus.FINISHED
    assert response.links.get().statement == statement
    # After closing the sent statement is public.
    statement.refresh_from_db()
    assert factories.user().has_perm("participation.view_statement", statement)


def test_a_stale_edit_of_a_consultation_is_refused():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"], open_it=False)
    old = item.version
    services.consultation_update(by=w["official"], consultation=item, version=old, data={"title_fi": "Uusi nimi"})
    stale = Consultation.objects.get(pk=item.pk)
    stale.version = old
    with pytest.raises(ValidationError) as error:
        services.consultation_update(by=w["official"], consultation=stale, version=old, data={"title_fi": "Toinen"})
    assert _codes(error.value) == {"stale"}
    assert Consultation.objects.get(pk=item.pk).title_fi == "Uusi nimi"


def test_another_bodys_official_cannot_prepare_or_answer():
    w = helpers.world()
    outsider = factories.official(factories.tampere(), role="coordinator")
    with pytest.raises(PermissionDenied):
        services.consultation_create(by=outsider, body=w["salo"], data={"title_fi": "x"})
    item = helpers.consultation(w["salo"], w["official"])
    with pytest.raises(PermissionDenied):
        services.consultation_close(by=outsider, consultation=item)


def test_the_daily_job_closes_due_consultations_and_reminds_of_a_pending_response():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    helpers.move_past_closing(item)
    mail.outbox.clear()
    assert services.close_due_and_remind(timezone.localdate()) == 0
    item.refresh_from_db()
    assert item.status == ConsultationStatus.CLOSED
    assert services.close_due_and_remind(timezone.localdate(item.closes_at) + dt.timedelta(days=7)) == 1
    assert [m.to for m in mail.outbox] == [[w["official"].email]]
    assert item.title in mail.outbox[0].subject


def test_a_statement_draft_from_an_older_form_is_refused():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    section = item.sections.first()
    statement = services.statement_save(
        by=w["representative"], consultation=item, organisation=w["ngo"], answers={section.pk: "Ensimmäinen"}
    )
    services.statement_save(
        by=w["admin"],
        consultation=item,
        organisation=w["ngo"],
        answers={section.pk: "Toinen"},
        version=statement.version,
    )
    with pytest.raises(ValidationError) as error:
        services.statement_save(
            by=w["representative"],
            consultation=item,
            organisation=w["ngo"],
            answers={section.pk: "Vanhasta lomakkeesta"},
            version=statement.version,
        )
    assert _codes(error.value) == {"stale"}
    assert StatementAnswer.objects.get().text == "Toinen"


def test_comments_from_one_network_address_are_limited_whatever_the_email():
    w = helpers.world()
    item = helpers.consultation(w["salo"], w["official"])
    for number in range(services.COMMENTS_PER_ADDRESS_PER_HOUR):
        services.comment_submit(
            by=None, consultation=item, text="x", name="A", email=f"a{number}@example.org", address="192.0.2.7"
        )
    with pytest.raises(ValidationError) as error:
        services.comment_submit(
            by=None, consultation=item, text="x", name="A", email="uusi@example.org", address="192.0.2.7"
        )
    assert _codes(error.value) == {"rate_limited"}
    services.comment_submit(by=None, consultation=item, text="x", name="B", email="b@example.org", address="192.0.2.8")
