"""The index on core's pages: the body's latest NGO-friendliness score on its page (one query)."""

from kumppani.core.pages import Section, register_body_section
from kumppani.welfare import criteria as c
from kumppani.welfare.models import IndexResult


def body_index(request, body) -> dict | None:
    result = IndexResult.objects.filter(body=body).order_by("-year").only("year", "overall", "body_id").first()
    if result is None:
        return None
    return {"body": body, "result": result, "light": c.light(result.overall)}


def register() -> None:
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from kumppani.organisations.pages import Link, register_coordinator_link

    register_body_section(Section("welfare", "welfare/_body_section.html", body_index, order=90))
    register_coordinator_link(
        "welfare-indicators",
        Link(_("Indicator values"), lambda body: reverse("welfare:indicator_values", args=[body.slug]), 90),
    )
