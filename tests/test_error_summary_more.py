"""Forms of the welfare, about, organisations and activities pages that are refused show an error
summary at their top, each problem a link to its field (the GOV.UK pattern), and nothing is saved."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from kumppani.about.models import Feedback, PrivacyNotice
from kumppani.activities.models import ServicePath
from kumppani.organisations.models import Invitation, Organisation
from kumppani.welfare import services as welfare_services
from kumppani.welfare.models import SelfAssessment, WelfareReport
from tests import factories
from tests.error_summary import error_summary

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def test_a_refused_new_welfare_report_links_to_the_title_and_saves_nothing(client):
    salo = factories.salo()
    client.force_login(factories.official(salo, "coordinator"))
    response = client.post(
        reverse("welfare:report_new", args=[salo.slug]), {"kind": "yearly", "first_year": YEAR, "title": ""}
    )
    assert 'href="#id_title"' in error_summary(response, without_old_notice=True)
    assert not WelfareReport.objects.exists()


def test_a_refused_self_assessment_links_to_the_justification_and_saves_nothing(client):
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    welfare_services.index_compute(body=salo, year=YEAR, by=None)
    client.force_login(coordinator)
    url = reverse("welfare:self_assess", args=[salo.slug, YEAR, "strategy_preparation"])
    response = client.post(url, {"status": "partly", "justification": ""})
    assert 'href="#id_justification"' in error_summary(response, without_old_notice=True)
    assert not SelfAssessment.objects.exists()


def test_feedback_without_a_message_links_to_the_message_and_keeps_nothing(client, mailoutbox):
    response = client.post(reverse("about:feedback"), {"topic": "service", "message": "  "})
    assert 'href="#id_message"' in error_summary(response, without_old_notice=True)
    assert not Feedback.objects.exists() and not mailoutbox


def test_a_refused_privacy_notice_links_to_the_controller_and_saves_nothing(client):
    salo = factories.salo()
    client.force_login(factories.official(salo, "coordinator"))
    data = {"controller": "", "contact_person": "", "data_protection_officer": "tietosuoja@salo.fi", "version": "0"}
    for language in ("fi", "sv", "en"):
        for name in ("purposes", "data_categories", "sources", "recipients", "retention"):
            data[f"{name}_{language}"] = f"{name} {language}"
    response = client.post(reverse("about:body_privacy_edit", args=[salo.slug]), data)
    assert 'href="#id_controller"' in error_summary(response, without_old_notice=True)
    assert not PrivacyNotice.objects.exists()


def test_a_refused_body_invitation_links_to_the_email_and_sends_nothing(client, mailoutbox):
    salo = factories.salo()
    client.force_login(factories.official(salo, "coordinator"))
    response = client.post(
        reverse("organisations:invite_to_body", args=[salo.slug]), {"email": "ei-osoite", "role": "official"}
    )
    assert 'href="#id_email"' in error_summary(response, without_old_notice=True)
    assert not Invitation.objects.exists() and not mailoutbox


def test_a_refused_signup_links_to_the_missing_area_and_saves_nothing(client, mailoutbox):
    users = get_user_model().objects.count()
    response = client.post(
        reverse("organisations:signup"),
        {
            "full_name": "Maija Meikäläinen",
            "email": "maija@example.org",
            "password": "pitkä-ja-hyvä-salasana-42",
            "new_organisation_name": "Salon Uusi Yhdistys ry",
        },
    )
    assert 'href="#id_new_organisation_area"' in error_summary(response, without_old_notice=True)
    assert get_user_model().objects.count() == users
    assert not Organisation.objects.filter(name="Salon Uusi Yhdistys ry").exists() and not mailoutbox


def test_a_refused_service_path_links_to_its_name_and_saves_nothing(client):
    salo = factories.salo()
    client.force_login(factories.official(salo, "coordinator"))
    response = client.post(reverse("activities:path_create", kwargs={"body": salo.slug}), {"name_fi": ""})
    assert 'href="#id_name_fi"' in error_summary(response, without_old_notice=True)
    assert not ServicePath.objects.exists()
