"""The programme form has English fields like the other forms: what the officer writes in English
is what the English programme page shows; left empty, the page falls back to Finnish."""

import pytest
from django.urls import reverse
from django.utils import translation

from kumppani.grants.models import GrantProgramme
from tests import factories
from tests.grants.test_programmes import _formset, _programme_data

pytestmark = pytest.mark.django_db


def test_english_texts_written_on_the_form_show_on_the_english_programme_page(client):
    salo = factories.salo()
    officer = factories.official(salo, "official")
    client.force_login(officer)
    form = client.get(reverse("grants:programme_create", args=[salo.slug])).content.decode()
    for name in ("name_en", "description_en", "principles_en", "conditions_en", "criteria-0-name_en"):
        assert f'name="{name}"' in form
    data = _programme_data(
        name_en="Project grants",
        description_en="Support for projects that bring people together.",
        principles_en="Grants go to activities that promote the wellbeing of Salo's residents.",
        **_formset(
            "criteria",
            [{"name_fi": "Vaikuttavuus", "name_en": "Impact", "weight": "3"}],
        ),
        **_formset(
            "questions", [{"text_fi": "Ketkä osallistuvat?", "text_en": "Who takes part?", "is_required": "on"}]
        ),
    )
    assert client.post(reverse("grants:programme_create", args=[salo.slug]), data).status_code == 302
    programme = GrantProgramme.objects.get()
    assert (
        programme.name_en,
        programme.criteria.get(name_fi="Vaikuttavuus").name_en,
        programme.questions.get().text_en,
    ) == (
        "Project grants",
        "Impact",
        "Who takes part?",
    )
    client.post(reverse("grants:programme_publish", args=[programme.pk]))
    client.logout()
    with translation.override("en"):
        url = programme.get_absolute_url()
    english = client.get(url).content.decode()
    assert "Project grants 2027" in english
    assert "Support for projects that bring people together." in english
    assert "promote the wellbeing of Salo" in english
    assert "Impact" in english
    with translation.override("fi"):
        url = programme.get_absolute_url()
    finnish = client.get(url).content.decode()
    assert "Kohdeavustus 2027" in finnish and "Project grants" not in finnish


def test_the_english_fields_are_optional(client):
    salo = factories.salo()
    client.force_login(factories.official(salo, "official"))
    assert client.post(reverse("grants:programme_create", args=[salo.slug]), _programme_data()).status_code == 302
    programme = GrantProgramme.objects.get()
    assert programme.name_en in ("", None)
