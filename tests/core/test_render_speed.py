"""The shortcuts that make every page cheaper render exactly what Django's templates would: a select
and an input written in Python, the header's menus rendered once per page and the realisation
summary's rows."""

import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import translate_url
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from kumppani.cooperation.queries import OutcomeRow
from kumppani.core.forms import Renderer
from kumppani.welfare import criteria
from kumppani.welfare.queries import score_html


class TemplateRenderer(Renderer):
    """The project's renderer without the Python select and input: Django's templates only."""

    def render(self, template_name, context, request=None):
        return DjangoTemplates.render(self, template_name, context, request)


class Everything(forms.Form):
    plain = forms.ChoiceField(choices=[("", "---"), ("x<y", 'A & "b"'), (1, mark_safe("<b>safe</b>"))], required=False)
    grouped = forms.ChoiceField(choices=[("Ryhmä <1>", [("1", "yksi"), ("2", "kaksi")]), ("3", "kolme")])
    multiple = forms.MultipleChoiceField(
        choices=[("1", "one"), ("2", "two")],
        widget=forms.SelectMultiple(attrs={"class": "x", "data-q": 'a"b', "disabled": True, "hidden": False}),
    )
    yes_no = forms.NullBooleanField()
    year = forms.TypedChoiceField(choices=[(2025, "2025"), (2026, "2026")], coerce=int)
    empty = forms.ChoiceField(choices=[], required=False)
    radios = forms.ChoiceField(choices=[("1", "x")], widget=forms.RadioSelect)


def test_a_select_is_the_same_html_as_djangos_template():
    for data in (None, {"plain": "x<y", "grouped": "2", "multiple": ["1", "2"], "yes_no": "true", "year": "2026"}):
        fast, slow = Everything(data, renderer=Renderer()), Everything(data, renderer=TemplateRenderer())
        for name in fast.fields:
            assert str(fast[name]) == str(slow[name]), name
        assert str(fast) == str(slow)


class Inputs(forms.Form):
    text = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"placeholder": 'a "b" & c', "autofocus": True}))
    number = forms.IntegerField(min_value=1, required=False)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}), required=False)
    email = forms.EmailField(required=False)
    url = forms.URLField(required=False, assume_scheme="https")
    secret = forms.CharField(widget=forms.PasswordInput, required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    agreed = forms.BooleanField(required=False)
    upload = forms.FileField(required=False)
    boxes = forms.MultipleChoiceField(
        choices=[("a", "A & <b>"), ("b", mark_safe("<i>B</i>"))], widget=forms.CheckboxSelectMultiple, required=False
    )
    radios = forms.ChoiceField(choices=[("1", "yksi"), ("2", "kaksi")], widget=forms.RadioSelect)


def test_an_input_is_the_same_html_as_djangos_template():
    data = {"text": '<x> "y"', "number": "3", "day": "2026-12-05", "time": "17:00", "secret": "s", "hidden": "h"}
    data |= {"agreed": "on", "boxes": ["b"], "radios": "2", "email": "a@b.fi"}
    for values in (None, data, {"number": "x"}):
        fast, slow = Inputs(values, renderer=Renderer()), Inputs(values, renderer=TemplateRenderer())
        for name in fast.fields:
            assert str(fast[name]) == str(slow[name]), name
            # A group's boxes one by one, as a template lays them out with their own labels.
            assert [w.tag() for w in fast[name]] == [w.tag() for w in slow[name]], name
            assert [w.tag(wrap_label=True) for w in fast[name]] == [w.tag(wrap_label=True) for w in slow[name]], name
        assert str(fast) == str(slow)


def test_the_menus_are_rendered_once_and_shown_twice(rf: RequestFactory):
    template = Template(
        '{% load kumppani %}[{% include_once "includes/language_menu.html" %}]'
        '[{% include_once "includes/language_menu.html" %}]'
    )
    request = rf.get("/fi/jarjestot/?q=a")
    request.resolver_match = None
    html = template.render(Context({"request": request, "LANGUAGE_CHOICES": settings.LANGUAGES}))
    first, second = html[1:-1].split("][")
    assert first == second and 'href="/sv/jarjestot/?q=a"' in first


def test_the_summary_rows_are_the_same_html_as_the_template_loop():
    rows = [OutcomeRow("Järjestö <&> ry", 3, 1, 1, 2), OutcomeRow("Toinen", 0, 0, 0, 0)]
    loop = Template(
        '{% for row in rows %}<div><span>{{ row.label }}</span>\n<svg viewBox="0 0 100 4" preserveAspectRatio="none">'
        '<rect x="0" width="{{ row.realised_pct }}" height="4" fill="#1f6f4a"/><rect x="{{ row.realised_pct }}" '
        'width="{{ row.partly_pct }}" height="4" fill="#b36b00"/><rect x="{{ row.realised_pct|add:row.partly_pct }}" '
        'width="{{ row.not_realised_pct }}" height="4" fill="#a4262c"/><rect x="{{ row.realised_pct|add:row.partly_pct'
        '|add:row.not_realised_pct }}" width="{{ row.unmarked_pct }}" height="4" fill="#c9ced6"/></svg></div>'
        "{% endfor %}|"
        '{% for row in rows %}<tr><th scope="row">{{ row.label }}</th><td>{{ row.realised }}</td><td>{{ row.partly }}'
        "</td><td>{{ row.not_realised }}</td><td>{{ row.unmarked }}</td><td>{{ row.total }}</td></tr>{% endfor %}"
    )
    fast = Template("{% load cooperation_summary %}{{ rows|summary_bars }}|{{ rows|summary_table_rows }}")
    context = {"rows": rows}
    assert fast.render(Context(context)) == loop.render(Context(context))
    assert "Järjestö &lt;&amp;&gt; ry" in fast.render(Context(context))


def test_the_index_tables_scores_are_the_same_html_as_the_score_template():
    include = Template('{% include "welfare/_score.html" with value=value light=light %}')
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            for value in ("0", "0.0", "24.95", "25", "74.9", "75.0", "99.96", "100"):
                expected = include.render(Context({"value": value, "light": criteria.light(value)}))
                assert score_html(value) == expected, (language, value)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/fi/", "/fi/jarjestot/?q=%C3%A4iti&sivu=2", "/sv/hyvinvointi/indeksi/?vuosi=x"])
def test_the_language_links_are_what_translate_url_gives(client, path):
    html = client.get(path).content.decode()
    for language in ("fi", "sv", "en"):
        assert f'href="{escape(translate_url(path, language))}" lang="{language}"' in html
