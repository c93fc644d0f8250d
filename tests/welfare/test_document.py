"""The welfare report as a PDF for the council and as an editable DOCX, in Finnish and in Swedish for
a bilingual body: their text is read back (the PDF through WeasyPrint's laid-out pages, the DOCX
with python-docx), including each indicator's table below its chart."""

import io
import json
from decimal import Decimal

import docx
import pytest
from django.urls import reverse
from django.utils import timezone

from kumppani.welfare import document, reports, services
from kumppani.welfare.docx import report_docx
from kumppani.welfare.models import Indicator
from kumppani.welfare.pdf import page_texts, render, report_html, report_pdf
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def porvoo_report():
    services.indicators_load_reference()
    porvoo = factories.porvoo()
    coordinator = factories.official(porvoo, "coordinator")
    editor = factories.official(porvoo, "official")
    indicator = Indicator.objects.get(sotkanet_id=5)
    county_region = 961  # Itä-Uudenmaan hyvinvointialue
    rows = [
        {"indicator": 5, "region": region, "year": year, "gender": "total", "value": value}
        for region, values in ((county_region, (4.1, 4.3)), (658, (5.5, 5.7)))
        for year, value in zip((2023, 2024), values, strict=True)
    ]
    services.indicator_values_import(content=json.dumps(rows).encode(), filename="s.json", by=coordinator)
    services.indicator_value_enter(body=porvoo, indicator=indicator, year=2024, value=Decimal("1234.5"), by=coordinator)
    report = reports.report_create(
        body=porvoo,
        kind="yearly",
        first_year=timezone.localdate().year,
        title="Porvoon hyvinvointiraportti",
        by=coordinator,
    )
    chapter = reports.chapter_add(report=report, title="Toimeentulo", editors=[editor], by=coordinator)
    reports.chapter_write(
        chapter=chapter,
        data={"situation": "Toimeentulotuen saajien osuus kasvoi.\n\nErityisesti nuorilla.", "goals": "Osuus laskee."},
        by=editor,
    )
    chapter.indicators.add(indicator)
    return {"body": porvoo, "report": report, "coordinator": coordinator, "editor": editor}


def _approve(world):
    reports.report_submit(report=world["report"], by=world["coordinator"])
    reports.report_approve(
        report=world["report"], decision_date=timezone.localdate(), section="42", by=world["coordinator"]
    )


def _docx_text(content: bytes) -> str:
    parsed = docx.Document(io.BytesIO(content))
    lines = [p.text for p in parsed.paragraphs]
    for table in parsed.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def test_a_bilingual_body_gets_its_report_in_finnish_and_swedish():
    assert document.languages(factories.porvoo()) == ["fi", "sv"]
    assert document.languages(factories.salo()) == ["fi"]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", ["Nykytila", "Tavoitteet", "Seurattavat indikaattorit", "Koko Suomi", "Toimeentulotukea saaneet"]),
        ("sv", ["Nuläge", "Mål", "Indikatorer som följs", "Hela Finland", "mottagare av utkomststöd"]),
    ],
)
def test_the_pdf_says_the_report_with_each_indicators_table(porvoo_report, language, words):
    _approve(porvoo_report)
    built = document.build(porvoo_report["report"], language)
    rendered = render(built)
    text = " ".join(page_texts(rendered))
    assert "Porvoon hyvinvointiraportti" in text
    assert "Toimeentulotuen saajien osuus kasvoi." in text and "Erityisesti nuorilla." in text
    today = timezone.localdate()
    assert f"{today.day}.{today.month}.{today.year}" in text and "42" in text
    for word in words:
        assert word in text, word
    # The table under the chart: the year, Porvoo's own value as Finns write it, the county's, the country's.
    assert "2024" in text and "1\xa0234,5" in text and "4,3" in text and "5,7" in text
    # The chart is drawn in the PDF (an SVG image), its table right after it.
    boxes, stack = [], [page._page_box for page in rendered.pages]
    while stack:
        box = stack.pop()
        boxes.append(type(box).__name__)
        stack.extend(getattr(box, "children", None) or [])
    assert sum(name.endswith("ReplacedBox") for name in boxes) == 1
    assert report_pdf(built).startswith(b"%PDF")
    html = report_html(built)
    assert f'<html lang="{language}">' in html and "<svg" in html and "<title" in html and "<caption>" in html


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", ["Valtuusto hyväksyi", "Nykytila", "Koko Suomi", "Vuosi"]),
        ("sv", ["Fullmäktige godkände", "Nuläge", "Hela Finland", "År"]),
    ],
)
def test_the_docx_says_the_report_with_each_indicators_table(porvoo_report, language, words):
    _approve(porvoo_report)
    content = report_docx(document.build(porvoo_report["report"], language))
    text = _docx_text(content)
    assert "Porvoon hyvinvointiraportti" in text and "Erityisesti nuorilla." in text
    for word in words:
        assert word in text, word
    assert "2024 | 1\xa0234,5 | 4,3 | 5,7" in text
    parsed = docx.Document(io.BytesIO(content))
    assert len(parsed.inline_shapes) == 1  # the chart, its table right below
    assert parsed.core_properties.title == "Porvoon hyvinvointiraportti"


def test_the_documents_are_public_once_approved_and_for_editors_while_a_draft(client, porvoo_report):
    report = porvoo_report["report"]
    pdf = reverse("welfare:report_document", args=[report.pk, "sv", "pdf"])
    word = reverse("welfare:report_document", args=[report.pk, "fi", "docx"])
    assert client.get(pdf).status_code == 404
    client.force_login(porvoo_report["editor"])
    response = client.get(word)
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")
    assert response["Cache-Control"] == "private, no-store"
    client.logout()
    _approve(porvoo_report)
    response = client.get(pdf)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert 'filename="borga' in response["Content-Disposition"]
    page = client.get(reverse("welfare:report", args=[report.pk])).content.decode()
    assert pdf in page and word in page


def test_swedish_is_only_for_a_body_that_is_bilingual(client):
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    report = reports.report_create(
        body=salo, kind="yearly", first_year=timezone.localdate().year, title="Salo", by=coordinator
    )
    client.force_login(coordinator)
    assert client.get(reverse("welfare:report_document", args=[report.pk, "fi", "pdf"])).status_code == 200
    assert client.get(reverse("welfare:report_document", args=[report.pk, "sv", "pdf"])).status_code == 404


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_documents_carry_the_ngo_chapters_figures_as_approved(porvoo_report, language):
    from django.utils import translation

    from kumppani.welfare import ngo_chapter

    chapter = ngo_chapter.generate(report=porvoo_report["report"], by=porvoo_report["coordinator"])
    _approve(porvoo_report)
    chapter.refresh_from_db()
    with translation.override(language):
        figures = ngo_chapter.figures(chapter)
    assert figures  # frozen at approval, in each language
    built = document.build(porvoo_report["report"], language)
    tables = [table for built_chapter in built.chapters for table in built_chapter.tables]
    assert {table.caption for table in tables} >= {figure.group for figure in figures}
    word = _docx_text(report_docx(built))
    pdf = " ".join(page_texts(render(built)))
    for figure in figures:
        assert f"{figure.label} | {figure.value}" in word, figure
        assert figure.label in pdf and figure.value in pdf, figure
