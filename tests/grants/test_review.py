"""Review of grant applications: assigning reviewers, scores and the weighted mean, conflicts of
interest, concurrent saving, the programme summary and who may see what."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kumppani.core.models import AuditEntry
from kumppani.grants.models import ApplicationStatus, ReviewAssignment, Score
from kumppani.grants.queries.summary import programme_summary
from kumppani.grants.services import review as services
from kumppani.grants.services.review import ScoreInput
from tests import factories
from tests.grants import factories as grants

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    salo = factories.salo()
    programme = grants.programme(salo)
    org = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    return {
        "salo": salo,
        "programme": programme,
        "criteria": list(programme.criteria.all()),  # Vaikuttavuus (weight 2), Kustannustehokkuus (weight 1)
        "org": org,
        "application": grants.application(programme, org, status=ApplicationStatus.SUBMITTED, amount="4000.00"),
        "officer": factories.official(salo, "official", name="Olli Viranhaltija"),
        "anna": factories.official(salo, "viewer", name="Anna Arvioija"),
        "bertta": factories.official(salo, "board_secretary", name="Bertta Arvioija"),
    }


def _assign(world, *people):
    return services.assign_reviewers(application=world["application"], reviewers=list(people), by=world["officer"])


def _form(world, first: int | None, second: int | None, amount: str = "", comment: str = "", **extra) -> dict:
    c1, c2 = world["criteria"]
    data = {f"comment_{c1.pk}": "Tavoittaa omaishoitajat hyvin.", "comment": comment, "proposed_amount": amount}
    if first is not None:
        data[f"score_{c1.pk}"] = str(first)
    if second is not None:
        data[f"score_{c2.pk}"] = str(second)
    return {**data, **extra}


def test_officer_assigns_reviewers_and_the_application_moves_into_review(client, world, mailoutbox):
    client.force_login(world["officer"])
    url = reverse("grants:assign_reviewers", args=[world["application"].pk])
    page = client.get(url).content.decode()
    assert "Anna Arvioija" in page and "Bertta Arvioija" in page
    response = client.post(url, {"reviewers": [world["anna"].pk, world["bertta"].pk]})
    assert response.status_code == 302
    world["application"].refresh_from_db()
    assert world["application"].status == ApplicationStatus.IN_REVIEW
    assert set(world["application"].reviews.values_list("reviewer__full_name", flat=True)) == {
        "Anna Arvioija",
        "Bertta Arvioija",
    }
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world["anna"].email, world["bertta"].email])
    assert reverse("grants:review", args=[world["application"].pk]) in mailoutbox[0].body
    assert AuditEntry.objects.filter(action="reviewers_assigned", object_id=str(world["application"].pk)).exists()


def test_only_staff_of_the_body_can_be_reviewers(world):
    outsider = factories.official(factories.tampere(), "official")
    premises = factories.official(world["salo"], "premises_manager")
    for person in (outsider, premises, factories.representative(world["org"])):
        with pytest.raises(ValidationError) as refused:
            _assign(world, person)
        assert refused.value.code == "not_body_staff"
    world["application"].refresh_from_db()
    assert world["application"].status == ApplicationStatus.SUBMITTED
    assert not ReviewAssignment.objects.exists()


def test_a_reviewer_cannot_assign_reviewers(client, world):
    client.force_login(world["anna"])  # a viewer, not a grant officer
    response = client.post(
        reverse("grants:assign_reviewers", args=[world["application"].pk]), {"reviewers": [world["anna"].pk]}
    )
    assert response.status_code == 403
    assert not ReviewAssignment.objects.exists()


def test_officer_takes_an_unfinished_review_off(client, world):
    review = _assign(world, world["anna"])[0]
    client.force_login(world["officer"])
    client.post(reverse("grants:assign_reviewers", args=[world["application"].pk]), {"remove": review.pk})
    assert not ReviewAssignment.objects.exists()


def test_weighted_score_weighs_each_criterion():
    assert services.weighted_score([(4, 2), (1, 1)]) == Decimal("3.00")
    assert services.weighted_score([(5, 3), (2, 1)]) == Decimal("4.25")
    assert services.weighted_score([]) is None


def test_reviewer_scores_each_criterion_and_the_summary_shows_the_mean(client, world):
    _assign(world, world["anna"], world["bertta"])
    url = reverse("grants:review", args=[world["application"].pk])
    client.force_login(world["anna"])
    page = client.get(url).content.decode()
    assert "Vaikuttavuus" in page and "Kustannustehokkuus" in page
    response = client.post(url, _form(world, 4, 1, "3000", "Hyvä hakemus.", complete="1"))
    assert response.status_code == 302
    client.force_login(world["bertta"])
    client.post(url, _form(world, 5, 2, "3 500,50", complete="1"))

    anna = ReviewAssignment.objects.get(reviewer=world["anna"])
    assert anna.completed_at is not None
    assert anna.proposed_amount == Decimal("3000.00") and anna.comment == "Hyvä hakemus."
    assert ReviewAssignment.objects.get(reviewer=world["bertta"]).proposed_amount == Decimal("3500.50")
    # Anna (4·2 + 1·1) / 3 = 3.00, Bertta (5·2 + 2·1) / 3 = 4.00: the mean is 3.50
    rows, totals = programme_summary(world["programme"], with_links=False)
    assert rows[0].score == "3,50"
    assert {c.proposed for c in rows[0].reviews} == {"3\xa0000,00\xa0€", "3\xa0500,50\xa0€"}
    assert totals.requested == Decimal("4000.00")


def test_finishing_a_review_needs_every_criterion_and_an_amount(client, world):
    _assign(world, world["anna"])
    client.force_login(world["anna"])
    url = reverse("grants:review", args=[world["application"].pk])
    response = client.post(url, _form(world, 4, None, "1000", complete="1"))
    assert response.status_code == 200
    assert "Pisteytä jokainen arviointiperuste" in response.content.decode()
    assert not Score.objects.exists()
    assert ReviewAssignment.objects.get().completed_at is None


def test_a_proposal_above_the_amount_applied_for_is_refused(client, world):
    _assign(world, world["anna"])
    client.force_login(world["anna"])
    response = client.post(
        reverse("grants:review", args=[world["application"].pk]), _form(world, 3, 3, "4000,01", complete="1")
    )
    assert response.status_code == 200
    assert ReviewAssignment.objects.get().proposed_amount is None
    assert not Score.objects.exists()


def test_a_draft_review_can_be_saved_and_continued(client, world):
    _assign(world, world["anna"])
    client.force_login(world["anna"])
    url = reverse("grants:review", args=[world["application"].pk])
    client.post(url, _form(world, 2, None, save="1"))
    review = ReviewAssignment.objects.get()
    assert review.completed_at is None
    assert list(review.scores.values_list("score", flat=True)) == [2]
    form = client.get(url).context["form"]
    assert form.initial[f"score_{world['criteria'][0].pk}"] == "2"


def test_declaring_a_conflict_excludes_the_reviewer(client, world, mailoutbox):
    _assign(world, world["anna"], world["bertta"])
    application = world["application"]
    client.force_login(world["anna"])
    url = reverse("grants:review", args=[application.pk])
    client.post(url, _form(world, 1, 1, "100", save="1"))
    mailoutbox.clear()

    response = client.post(
        reverse("grants:declare_conflict", args=[application.pk]), {"reason": "Olen yhdistyksen hallituksessa."}
    )
    assert response.status_code == 302
    review = ReviewAssignment.objects.get(reviewer=world["anna"])
    assert review.has_conflict and review.conflict_reason == "Olen yhdistyksen hallituksessa."
    assert not review.scores.exists() and review.proposed_amount is None
    assert [m.to for m in mailoutbox] == [[world["officer"].email]]
    assert not world["anna"].has_perm("grants.review_application", application)

    # The form is gone for her, and a forged save changes nothing.
    assert client.get(url)["Location"] == reverse("grants:my_reviews")
    client.post(url, _form(world, 5, 5, "4000", complete="1"))
    with pytest.raises(PermissionDenied):
        services.save_review(application=application, by=world["anna"], scores=[], complete=False)
    assert not Score.objects.filter(review=review).exists()
    # Only Bertta's finished review counts in the summary.
    client.force_login(world["bertta"])
    client.post(url, _form(world, 3, 3, "2000", complete="1"))
    row = programme_summary(world["programme"], with_links=False)[0][0]
    assert row.score == "3,00"
    assert [c.has_conflict for c in row.reviews] == [True, False]


def test_a_conflict_needs_a_reason(client, world):
    _assign(world, world["anna"])
    client.force_login(world["anna"])
    client.post(reverse("grants:declare_conflict", args=[world["application"].pk]), {"reason": "  "})
    assert not ReviewAssignment.objects.get().has_conflict


def test_two_reviewers_saving_interleaved_lose_nothing(client, world):
    """Both open the form, then both save: each keeps their own scores, comment and amount."""
    _assign(world, world["anna"], world["bertta"])
    url = reverse("grants:review", args=[world["application"].pk])
    from django.test import Client

    anna, bertta = Client(), Client()
    anna.force_login(world["anna"])
    bertta.force_login(world["bertta"])
    assert anna.get(url).status_code == 200 and bertta.get(url).status_code == 200
    anna.post(url, _form(world, 4, 4, "1000", "Annan arvio", save="1"))
    bertta.post(url, _form(world, 2, 1, "500", "Bertan arvio", save="1"))
    anna.post(url, _form(world, 5, 4, "1200", "Annan arvio, korjattu", complete="1"))

    reviews = {r.reviewer_id: r for r in ReviewAssignment.objects.prefetch_related("scores")}
    a, b = reviews[world["anna"].pk], reviews[world["bertta"].pk]
    assert (a.comment, a.proposed_amount) == ("Annan arvio, korjattu", Decimal("1200.00"))
    assert (b.comment, b.proposed_amount) == ("Bertan arvio", Decimal("500.00"))
    assert sorted(s.score for s in a.scores.all()) == [4, 5]
    assert sorted(s.score for s in b.scores.all()) == [1, 2]


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_saving_at_the_same_moment_lose_nothing(reference_data):
    """Two threads with their own database connections save at once (PostgreSQL: SQLite's
    in-memory test database serialises writers, which the interleaved test above covers)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs a database with concurrent writers")
    salo = factories.salo()
    programme = grants.programme(salo)
    application = grants.application(programme, factories.organisation(areas=[salo]), status="submitted")
    officer = factories.official(salo, "official")
    people = [factories.official(salo, "viewer") for _ in range(2)]
    services.assign_reviewers(application=application, reviewers=people, by=officer)
    criteria = list(programme.criteria.all())
    barrier = threading.Barrier(2)
    errors = []

    def save(person, score):
        try:
            barrier.wait()
            for _round in range(5):
                services.save_review(
                    application=application,
                    by=person,
                    scores=[ScoreInput(c, score) for c in criteria],
                    comment=f"arvio {score}",
                    proposed_amount=Decimal(score * 100),
                    complete=True,
                )
        except Exception as error:  # reported to the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(person, n + 2)) for n, person in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for n, person in enumerate(people):
        review = ReviewAssignment.objects.get(reviewer=person)
        assert review.comment == f"arvio {n + 2}" and review.proposed_amount == Decimal((n + 2) * 100)
        assert sorted(review.scores.values_list("score", flat=True)) == [n + 2, n + 2]


def test_a_reviewer_of_another_body_sees_nothing_and_changes_nothing(client, world):
    tampere = factories.tampere()
    stranger = factories.official(tampere, "viewer")
    own_programme = grants.programme(tampere)
    own = grants.application(own_programme, factories.organisation(areas=[tampere]), status="submitted")
    services.assign_reviewers(application=own, reviewers=[stranger], by=factories.official(tampere, "official"))
    _assign(world, world["anna"])
    application = world["application"]
    before = (AuditEntry.objects.count(), ReviewAssignment.objects.count(), Score.objects.count())

    client.force_login(stranger)
    assert client.get(reverse("grants:review", args=[application.pk])).status_code == 404
    assert client.post(reverse("grants:review", args=[application.pk]), _form(world, 5, 5, "1")).status_code == 404
    assert client.post(reverse("grants:declare_conflict", args=[application.pk]), {"reason": "x"}).status_code == 404
    assert client.get(reverse("grants:assign_reviewers", args=[application.pk])).status_code == 403
    assert client.get(reverse("grants:summary", args=[world["programme"].pk])).status_code == 403
    my_list = client.get(reverse("grants:my_reviews")).content.decode()
    assert own.reference in my_list and application.reference not in my_list
    assert (AuditEntry.objects.count(), ReviewAssignment.objects.count(), Score.objects.count()) == before


@pytest.mark.parametrize("actor", ["anonymous", "representative", "other official"])
def test_outsiders_are_refused_the_review_pages(client, world, actor):
    _assign(world, world["anna"])
    application = world["application"]
    person = {
        "anonymous": None,
        "representative": factories.representative(world["org"], role="admin"),
        "other official": factories.official(factories.tampere(), "coordinator"),
    }[actor]
    if person:
        client.force_login(person)
    before = (AuditEntry.objects.count(), ReviewAssignment.objects.count(), Score.objects.count())
    requests = [
        ("get", reverse("grants:assign_reviewers", args=[application.pk]), {}),
        ("post", reverse("grants:assign_reviewers", args=[application.pk]), {"reviewers": [world["anna"].pk]}),
        ("get", reverse("grants:review", args=[application.pk]), {}),
        ("post", reverse("grants:review", args=[application.pk]), _form(world, 5, 5, "1", complete="1")),
        ("post", reverse("grants:declare_conflict", args=[application.pk]), {"reason": "x"}),
        ("get", reverse("grants:summary", args=[world["programme"].pk]), {}),
    ]
    for method, url, data in requests:
        response = getattr(client, method)(url, data)
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], url
        else:
            assert response.status_code in (403, 404), (url, response.status_code)
    if person is None:
        assert client.get(reverse("grants:my_reviews")).status_code == 302
    assert (AuditEntry.objects.count(), ReviewAssignment.objects.count(), Score.objects.count()) == before


def _programme_with(world, count: int):
    """`count` applications in review, each with two finished reviews and a proposal on half."""
    programme, c1, c2 = world["programme"], *world["criteria"]
    existing = programme.applications.count()
    for n in range(existing, count):
        application = grants.application(
            programme, factories.organisation(f"Yhdistys {n} ry", areas=[world["salo"]]), status="submitted"
        )
        services.assign_reviewers(
            application=application, reviewers=[world["anna"], world["bertta"]], by=world["officer"]
        )
        for person in (world["anna"], world["bertta"]):
            services.save_review(
                application=application,
                by=person,
                scores=[ScoreInput(c1, 3), ScoreInput(c2, 4)],
                proposed_amount=Decimal("1000"),
                complete=True,
            )


def _summary_queries(client, world, count: int) -> int:
    _programme_with(world, count)
    client.force_login(world["officer"])
    url = reverse("grants:summary", args=[world["programme"].pk])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("<tr><td>") == world["programme"].applications.count()
    return len(queries)


def test_summary_query_count_does_not_grow_with_applications(client, world):
    world["application"].delete()
    assert _summary_queries(client, world, 5) == _summary_queries(client, world, 40)


def test_summary_totals_against_the_appropriation(client, world):
    world["programme"].appropriation = Decimal("5000.00")
    world["programme"].save()
    grants.application(world["programme"], world["org"], status="submitted", amount="2500.00")
    grants.application(world["programme"], world["org"], status="draft", amount="9999.00")  # not counted
    client.force_login(world["officer"])
    page = client.get(reverse("grants:summary", args=[world["programme"].pk])).content.decode()
    assert "6\xa0500,00\xa0€" in page  # 4000 + 2500 applied for
    assert "5\xa0000,00\xa0€" in page
    assert "9\xa0999,00" not in page


def test_the_officer_narrows_the_summary_to_a_status_and_orders_it(client, world):
    """The summary of a busy round: only the applications still waiting for a decision, best
    score first; the totals stay those of the whole round."""
    c1, c2 = world["criteria"]
    weak = grants.application(
        world["programme"], factories.organisation("Aallon Kerho ry", areas=[world["salo"]]), status="submitted"
    )
    strong = grants.application(
        world["programme"],
        factories.organisation("Örön Ystävät ry", areas=[world["salo"]]),
        status="submitted",
        amount="9000.00",
    )
    for application, score in ((weak, 1), (strong, 5)):
        services.assign_reviewers(application=application, reviewers=[world["anna"]], by=world["officer"])
        services.save_review(
            application=application,
            by=world["anna"],
            scores=[ScoreInput(c1, score), ScoreInput(c2, score)],
            proposed_amount=Decimal("1000"),
            complete=True,
        )
    client.force_login(world["officer"])
    url = reverse("grants:summary", args=[world["programme"].pk])

    def applicants(**params) -> list[str]:
        page = client.get(url, params).content.decode()
        return [name for name in ("Salon Omaishoitajat", "Aallon Kerho", "Örön Ystävät") if name in page], page

    shown, page = applicants(status="in_review", order="score")
    assert shown == ["Aallon Kerho", "Örön Ystävät"]
    assert page.index("Örön Ystävät") < page.index("Aallon Kerho")
    assert "2 / 3 hakemusta" in page
    assert "16\xa0000,00\xa0€" in page  # applied for in the whole round: 4 000 + 3 000 + 9 000

    _, page = applicants(order="applicant")
    assert page.index("Aallon Kerho") < page.index("Salon Omaishoitajat") < page.index("Örön Ystävät")
    _, page = applicants(order="requested")
    assert page.index("Örön Ystävät") < page.index("Salon Omaishoitajat") < page.index("Aallon Kerho")
    shown, page = applicants(status="no-such-status", order="sideways")  # unknown: the whole round by reference
    assert len(shown) == 3 and '<h2 id="applications">3 hakemusta</h2>' in page
