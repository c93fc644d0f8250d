"""Need-to-know access to grant applications and conflicts of interest that hold (issue 14).

A body's staff read an application only with a reason: the grant officers (coordinator, official),
its assigned reviewers without a conflict, and the board secretary once it is on a meeting's list.
Drafts are the NGO's own until sent. A declared conflict is permanent and shuts its declarer out of
the application everywhere: pages, attachments, the decision letter, the summary, the board list
and the API. Every opening of a private attachment is in the audit history.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from kumppani.core.models import AuditEntry
from kumppani.grants.models import (
    ApplicationStatus,
    Attachment,
    BoardMeeting,
    Decision,
    MeetingStatus,
    ReviewAssignment,
)
from kumppani.grants.services import decisions
from kumppani.grants.services import review as review_services
from tests import factories
from tests.grants import factories as grants
from tests.grants.refusals import codes
from tests.grants.test_decisions import _pdf_text

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"
API = "/api/v1/grant-applications/"


def attach(application, name: str = "tilinpaatos.pdf") -> Attachment:
    attachment = Attachment(
        application=application, kind="financial_statements", original_name=name, content_type="application/pdf"
    )
    attachment.size = len(PDF)
    attachment.file.save(name, ContentFile(PDF), save=False)
    attachment.save()
    return attachment


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def world():
    """Salo's programme with a decided application (Anna reviewed it; Olli, an official, declared a
    conflict on it), an application in review not yet on any list, and a draft; a person of each role."""
    salo = factories.salo()
    programme = grants.programme(salo)
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    rep = factories.representative(ngo)
    coordinator = factories.official(salo, "coordinator", name="Kaisa Koordinaattori")
    official = factories.official(salo, "official", name="Veera Viranhaltija")
    conflicted = factories.official(salo, "official", name="Olli Esteellinen")
    reviewer = factories.official(salo, "viewer", name="Anna Arvioija")
    decided = grants.application(
        programme, ngo, status=ApplicationStatus.SUBMITTED, contact_email="sihteeri@omaishoitajat.example"
    )
    review_services.assign_reviewers(application=decided, reviewers=[reviewer, conflicted], by=coordinator)
    review_services.declare_conflict(application=decided, by=conflicted, reason="Puolisoni on hallituksessa.")
    meeting = BoardMeeting.objects.create(
        body=salo,
        programme=programme,
        board_name_fi="Hyvinvointilautakunta",
        date=dt.date(programme.year, 3, 15),
        section="45",
        status=MeetingStatus.DECIDED,
        notified_at=dt.date(programme.year, 3, 16),
    )
    Decision.objects.create(
        application=decided,
        meeting=meeting,
        proposed_amount=Decimal("2000"),
        amount=Decimal("2000"),
        reasoning="Hyvä hakemus.",
    )
    decided.status = ApplicationStatus.DECIDED
    decided.save()
    other_ngo = factories.organisation("Salon Muistiyhdistys ry", areas=[salo])
    pending = grants.application(programme, other_ngo, status=ApplicationStatus.IN_REVIEW)
    draft = grants.application(programme, ngo)
    return {
        "salo": salo,
        "programme": programme,
        "meeting": meeting,
        "decided": decided,
        "attachment": attach(decided),
        "pending": pending,
        "draft": draft,
        "draft_attachment": attach(draft, "luonnos.pdf"),
        "rep": rep,
        "coordinator": coordinator,
        "official": official,
        "conflicted": conflicted,
        "reviewer": reviewer,
        "secretary": factories.official(salo, "board_secretary"),
        "viewer": factories.official(salo, "viewer"),
        "premises_manager": factories.official(salo, "premises_manager"),
    }


# Conflicts of interest are permanent ---------------------------------------------------------------


def test_a_declared_conflict_cannot_be_removed(world):
    review = ReviewAssignment.objects.get(reviewer=world["conflicted"])
    world["decided"].status = ApplicationStatus.IN_REVIEW  # while reviewers may still be changed
    world["decided"].save()
    with pytest.raises(ValidationError) as refused:
        review_services.unassign_reviewer(review=review, by=world["coordinator"])
    assert codes(refused.value) == ["conflict_on_record"]
    review.refresh_from_db()
    assert review.has_conflict and review.conflict_reason == "Puolisoni on hallituksessa."


def test_a_person_with_a_conflict_on_record_cannot_be_assigned_again(world):
    application = world["decided"]
    application.status = ApplicationStatus.IN_REVIEW
    application.save()
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        review_services.assign_reviewers(
            application=application, reviewers=[world["official"], world["conflicted"]], by=world["coordinator"]
        )
    assert codes(refused.value) == ["conflict_of_interest"]
    assert "Olli Esteellinen" in refused.value.messages[0]
    assert set(application.reviews.values_list("reviewer__full_name", flat=True)) == {
        "Anna Arvioija",
        "Olli Esteellinen",
    }
    assert ReviewAssignment.objects.get(reviewer=world["conflicted"]).has_conflict
    assert AuditEntry.objects.count() == before


def test_the_officer_cannot_take_off_a_conflict_through_the_page(client, world):
    application = world["decided"]
    application.status = ApplicationStatus.IN_REVIEW
    application.save()
    review = ReviewAssignment.objects.get(reviewer=world["conflicted"])
    client.force_login(world["coordinator"])
    client.post(reverse("grants:assign_reviewers", args=[application.pk]), {"remove": review.pk})
    assert ReviewAssignment.objects.filter(pk=review.pk, has_conflict=True).exists()


# A conflicted reviewer, even an officer, sees nothing of the application -------------------------


def test_a_conflicted_officer_cannot_open_the_application_its_attachments_or_its_decision(client, world):
    application = world["decided"]
    client.force_login(world["conflicted"])
    for url in (
        reverse("grants:application", args=[application.pk]),
        reverse("grants:attachment_download", args=[application.pk, world["attachment"].pk]),
        reverse("grants:decision_letter", args=[application.pk]),
        reverse("grants:application_payments", args=[application.pk]),
    ):
        assert client.get(url).status_code in (403, 404), url
    # The other applications of the programme stay theirs to handle.
    assert client.get(reverse("grants:application", args=[world["pending"].pk])).status_code == 200


def test_a_conflicted_officer_sees_no_row_of_it_in_the_summary_or_the_board_list(client, world):
    application, meeting = world["decided"], world["meeting"]
    client.force_login(world["conflicted"])
    for url in (
        reverse("grants:summary", args=[world["programme"].pk]),
        reverse("grants:board_list", args=[meeting.pk]),
        reverse("grants:meeting", args=[meeting.pk]),
        reverse("grants:programme_applications", args=[world["programme"].pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert application.reference not in content, url
        assert "Anna Arvioija" not in content, url  # nor the other reviewers' work on it
    with translation.override("fi"):
        text = _pdf_text(client.get(reverse("grants:board_list_pdf", args=[meeting.pk])).content)
    assert application.reference not in text and "Salon Omaishoitajat" not in text
    # A colleague without the conflict sees the row, and the cached summary does not leak either way.
    client.force_login(world["official"])
    assert application.reference in client.get(reverse("grants:summary", args=[world["programme"].pk])).content.decode()
    client.force_login(world["conflicted"])
    assert (
        application.reference
        not in client.get(reverse("grants:summary", args=[world["programme"].pk])).content.decode()
    )


def test_a_conflicted_officer_gets_nothing_of_it_from_the_api(api_client, world):
    api_client.force_authenticate(world["conflicted"])
    assert api_client.get(f"{API}{world['decided'].pk}/").status_code == 404
    listed = {row["id"] for row in api_client.get(API).json()["results"]}
    assert listed == {world["pending"].pk}


# Viewers and premises managers have no reason to read applications ---------------------------------


@pytest.mark.parametrize("role", ["viewer", "premises_manager"])
def test_viewers_and_premises_managers_read_no_applications(client, api_client, world, role):
    person, application, meeting = world[role], world["decided"], world["meeting"]
    client.force_login(person)
    for url in (
        reverse("grants:application", args=[application.pk]),
        reverse("grants:attachment_download", args=[application.pk, world["attachment"].pk]),
        reverse("grants:decision_letter", args=[application.pk]),
        reverse("grants:board_list", args=[meeting.pk]),
        reverse("grants:board_list_pdf", args=[meeting.pk]),
        reverse("grants:meeting", args=[meeting.pk]),
    ):
        assert client.get(url).status_code in (403, 404), url
    listing = client.get(reverse("grants:programme_applications", args=[world["programme"].pk]))
    assert application.reference not in listing.content.decode()
    api_client.force_authenticate(person)
    assert api_client.get(API).json()["results"] == []
    assert api_client.get(f"{API}{application.pk}/").status_code == 404


# Drafts are the NGO's until sent ------------------------------------------------------------------


@pytest.mark.parametrize("role", ["coordinator", "official"])
def test_staff_cannot_read_an_unsent_draft_on_the_pages(client, world, role):
    draft = world["draft"]
    client.force_login(world[role])
    assert client.get(reverse("grants:application", args=[draft.pk])).status_code == 403
    url = reverse("grants:attachment_download", args=[draft.pk, world["draft_attachment"].pk])
    assert client.get(url).status_code == 403
    client.force_login(world["rep"])
    assert client.get(reverse("grants:application", args=[draft.pk])).status_code == 200


# The board secretary reads what is on a meeting's list ----------------------------------------------


def test_the_board_secretary_reads_applications_on_a_meetings_list_only(client, world):
    client.force_login(world["secretary"])
    assert client.get(reverse("grants:application", args=[world["decided"].pk])).status_code == 200
    assert client.get(reverse("grants:application", args=[world["pending"].pk])).status_code == 403


# Every reading of a private attachment is recorded ------------------------------------------------


def test_opening_an_attachment_is_recorded_in_the_history(client, world):
    application, attachment = world["decided"], world["attachment"]
    client.force_login(world["reviewer"])
    response = client.get(reverse("grants:attachment_download", args=[application.pk, attachment.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    entry = AuditEntry.objects.get(action="attachment_read")
    assert entry.actor == world["reviewer"]
    assert (entry.object_type, entry.object_id) == ("grants.application", str(application.pk))
    assert entry.changes == {"attachment": [None, "tilinpaatos.pdf"]}
    with translation.override("en"):
        from kumppani.core.audit import action_label

        assert action_label("attachment_read") == "Attachment opened"
    # A refused reading records nothing.
    client.force_login(world["viewer"])
    client.get(reverse("grants:attachment_download", args=[application.pk, attachment.pk]))
    assert AuditEntry.objects.filter(action="attachment_read").count() == 1


def test_the_board_secretarys_summary_links_only_the_applications_on_a_list(client, world):
    client.force_login(world["secretary"])
    content = client.get(reverse("grants:summary", args=[world["programme"].pk])).content.decode()
    assert reverse("grants:application", args=[world["decided"].pk]) in content
    assert world["pending"].reference in content  # the row is there, for preparing the proposal
    assert reverse("grants:application", args=[world["pending"].pk]) not in content


# Exports, payments and the grant history leave out what the reader may not read --------------------


def test_a_conflicted_officer_exports_and_pays_nothing_of_it(client, world):
    application = world["decided"]
    application.instalments.create(due_date=dt.date(world["programme"].year, 4, 1), amount=Decimal("2000"))
    client.force_login(world["conflicted"])
    export = client.get(reverse("grants:programme_export", args=[world["programme"].pk, "csv"])).content.decode()
    assert world["pending"].reference in export and application.reference not in export
    query = {"start": f"{world['programme'].year}-01-01", "end": f"{world['programme'].year}-12-31", "status": ""}
    for name in ("grants:payments", "grants:payments_csv"):
        content = client.get(reverse(name, args=[world["salo"].slug]), query).content.decode()
        assert application.reference not in content, name
    page = client.get(reverse("grants:programme_payments", args=[world["programme"].pk])).content.decode()
    assert application.reference not in page
    client.force_login(world["official"])
    content = client.get(reverse("grants:payments_csv", args=[world["salo"].slug]), query).content.decode()
    assert application.reference in content


def test_the_grant_history_shows_a_viewer_only_the_public_decisions(client, world):
    pending = world["pending"]
    slug = pending.organisation.slug
    client.force_login(world["viewer"])
    response = client.get(reverse("grants:grant_history", args=[slug]))
    assert response.status_code == 200 and pending.reference not in response.content.decode()
    client.force_login(world["official"])
    assert pending.reference in client.get(reverse("grants:grant_history", args=[slug])).content.decode()


# A conflicted board secretary does not record the decision on a list they may not see ---------------


def test_a_conflicted_coordinator_leaves_recording_the_decision_to_a_colleague(client, world):
    meeting, application = world["meeting"], world["decided"]
    meeting.status = MeetingStatus.PROPOSED
    meeting.save()
    coordinator = world["coordinator"]  # a coordinator is also a board secretary
    ReviewAssignment.objects.create(application=application, reviewer=coordinator, has_conflict=True)
    client.force_login(coordinator)
    response = client.get(reverse("grants:decision_record", args=[meeting.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("grants:meeting", args=[meeting.pk])
    assert "kollegasi kirjaa lautakunnan päätöksen" in response.content.decode()
    client.post(reverse("grants:decision_record", args=[meeting.pk]), {})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PROPOSED
    # The service itself refuses, whichever way it is called.
    rows = [
        decisions.DecisionRow(decision=d, amount=Decimal("0"), reasoning="Perusteltu.") for d in meeting.decisions.all()
    ]
    with pytest.raises(PermissionDenied):
        decisions.decision_record(meeting=meeting, by=coordinator, rows=rows)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PROPOSED


# Buttons and links a person cannot use are not shown -------------------------------------------------


def test_no_take_off_button_for_a_declared_conflict(client, world):
    application = world["decided"]
    application.status = ApplicationStatus.IN_REVIEW
    application.save()
    review = ReviewAssignment.objects.get(reviewer=world["conflicted"])
    client.force_login(world["coordinator"])
    content = client.get(reverse("grants:assign_reviewers", args=[application.pk])).content.decode()
    assert f'name="remove" value="{review.pk}"' not in content
    assert f'name="remove" value="{ReviewAssignment.objects.get(reviewer=world["reviewer"]).pk}"' in content
    assert "Olli Esteellinen (" not in content  # nor offered as a reviewer again


@pytest.mark.parametrize("role", ["viewer", "premises_manager"])
def test_viewers_get_no_links_to_the_applications(client, world, role):
    client.force_login(world[role])
    programme = world["programme"]
    for url in (
        reverse("grants:programme", args=[programme.pk]),
        reverse("grants:body_programmes", args=[world["salo"].slug]),
    ):
        content = client.get(url).content.decode()
        assert reverse("grants:programme_applications", args=[programme.pk]) not in content, url
        assert reverse("grants:summary", args=[programme.pk]) not in content, url


def test_a_grant_official_gets_no_link_to_prepare_a_board_meeting(client, world):
    programme = world["programme"]
    client.force_login(world["official"])
    content = client.get(reverse("grants:programme", args=[programme.pk])).content.decode()
    assert reverse("grants:programme_applications", args=[programme.pk]) in content
    assert reverse("grants:meeting_create", args=[programme.pk]) not in content
    client.force_login(world["secretary"])
    content = client.get(reverse("grants:programme", args=[programme.pk])).content.decode()
    assert reverse("grants:meeting_create", args=[programme.pk]) in content


# The need-to-know lists do not grow in queries with the data -------------------------------------


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["reviewer", "secretary", "conflicted"])
def test_need_to_know_lists_query_counts_do_not_grow(client, api_client, world, role):
    person, programme, meeting = world[role], world["programme"], world["meeting"]

    def make(count):
        for _ in range(count):
            ngo = factories.organisation(areas=[world["salo"]])
            application = grants.application(programme, ngo, status=ApplicationStatus.IN_REVIEW)
            ReviewAssignment.objects.create(application=application, reviewer=person, has_conflict=role == "conflicted")
            Decision.objects.create(application=application, meeting=meeting, proposed_amount=Decimal("100"))

    client.force_login(person)
    api_client.force_authenticate(person)
    page = reverse("grants:programme_applications", args=[programme.pk])
    make(2)
    few = (_queries(client, page), _queries(api_client, API))
    make(12)
    assert (_queries(client, page), _queries(api_client, API)) == few
    listed = {row["id"] for row in api_client.get(API).json()["results"]}
    shown = {application.pk for application in client.get(page).context["page"].object_list}
    assert listed == shown  # the page and the API answer the same
    assert len(shown) == (1 if role == "conflicted" else 15)


def test_the_board_lists_total_is_complete_for_others_while_the_conflicted_sees_nothing_of_it(client, world):
    """The conflicted reader's list leaves the application out, totals included; everyone else's list
    and its PDF count it, so the board decides on the meeting's whole sum."""
    from kumppani.grants.euros import format_euros
    from kumppani.grants.queries import board

    meeting, application = world["meeting"], world["decided"]
    _rows, complete = board.board_rows(meeting)
    assert complete.proposed == complete.decided == Decimal("2000")
    with translation.override("fi"):
        total = format_euros(complete.decided, "fi")
        client.force_login(world["official"])
        page = client.get(reverse("grants:board_list", args=[meeting.pk])).content.decode()
        assert application.reference in page and total in page
        client.force_login(world["conflicted"])
        page = client.get(reverse("grants:board_list", args=[meeting.pk])).content.decode()
        assert application.reference not in page and total not in page
