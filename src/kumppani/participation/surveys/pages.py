"""What surveys add to other pages: their history labels, and on the own page of a body's
coordinator or official a link to the body's surveys and barometer."""

from django.utils.translation import gettext_lazy as _

from kumppani.core.pages import Section, register_dashboard_panel


def my_surveys(request) -> dict | None:
    from kumppani.core.models import PublicBody
    from kumppani.core.rules import body_roles
    from kumppani.participation.surveys.rules import OWNER_ROLES

    ids = [body_id for body_id, roles in body_roles(request.user).items() if roles & OWNER_ROLES]
    if not ids:
        return None
    return {"bodies": PublicBody.objects.filter(pk__in=ids).order_by("name")}


def register() -> None:
    from kumppani.core import audit

    audit.register_action_labels(
        {
            "survey_created": _("Survey created"),
            "survey_updated": _("Survey changed"),
            "survey_question_added": _("Question added to the survey"),
            "survey_question_removed": _("Question removed from the survey"),
            "survey_links_created": _("Survey links made"),
            "survey_results_published": _("Survey results published"),
        }
    )
    register_dashboard_panel(Section("surveys", "participation/surveys/_dashboard.html", my_surveys, order=70))
