"""Public pages of grant decisions: what each body granted, to whom and for what, by year.

Anyone may read them. They show only decided grants (never drafts, pending or withdrawn
applications) and no personal data: no contact persons, no e-mail addresses, no reviewers.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from kumppani.core.models import PublicBody, Term
from kumppani.grants import giving360
from kumppani.grants.models import GrantProgramme
from kumppani.grants.queries.published import decided_applications, decided_grants
from kumppani.organisations.queries import name_order

PAGE_SIZE = 100


def _years(body: PublicBody) -> list[dict]:
    """[{"year", "total", "count"}, …] of the body's years with granted money, newest first."""
    return list(
        decided_grants()
        .filter(programme__body=body)
        .values("programme__year")
        .annotate(total=Sum("decision__amount"), count=Count("pk"))
        .order_by("-programme__year")
    )


def public_decision_years(request, slug):
    """The body's years of grant decisions, with the total granted each year."""
    body = get_object_or_404(PublicBody, slug=slug)
    return render(request, "grants/public/years.html", {"body": body, "years": _years(body)})


def public_decisions(request, slug, year):
    """The body's grant decisions of one year: every grant, and the totals per programme and per theme."""
    body = get_object_or_404(PublicBody, slug=slug)
    grants = decided_grants().filter(programme__body=body, programme__year=year)
    summary = grants.aggregate(total=Sum("decision__amount"), count=Count("pk"))
    by_programme = list(
        grants.order_by().values("programme_id").annotate(total=Sum("decision__amount"), count=Count("pk"))
    )
    programmes = GrantProgramme.objects.in_bulk([row["programme_id"] for row in by_programme])
    programme_totals = sorted(
        ({"programme": programmes[row["programme_id"]], **row} for row in by_programme),
        key=lambda row: str(row["programme"].name).lower(),
    )
    by_theme = list(grants.order_by().values("themes").annotate(total=Sum("decision__amount"), count=Count("pk")))
    themes = Term.objects.in_bulk([row["themes"] for row in by_theme if row["themes"]])
    theme_totals = sorted(
        ({"theme": themes.get(row["themes"]), **row} for row in by_theme),
        key=lambda row: (row["theme"] is None, -row["total"]),
    )
    not_granted = decided_applications().filter(programme__body=body, programme__year=year, decision__amount=0).count()
    rows = grants.select_related("organisation", "programme", "decision__meeting").order_by(
        "programme__name", f"organisation__{name_order(get_language())}", "reference"
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "grants/public/decisions.html",
        {
            "body": body,
            "year": year,
            "page": page,
            "summary": summary,
            "programme_totals": programme_totals,
            "theme_totals": theme_totals,
            "not_granted": not_granted,
            "years": _years(body),
        },
    )


def giving360_download(request, slug, year):
    """The body's decided grants of the year as a 360Giving 1.4.3 JSON package."""
    body = get_object_or_404(PublicBody, slug=slug)
    data = giving360.body_year_package(body, year)
    if not data["grants"]:
        raise Http404
    response = HttpResponse(giving360.dumps(data), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="360giving-{body.slug}-{year}.json"'
    return response
