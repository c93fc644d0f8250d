"""What surveys add to other pages: their history labels."""

from django.utils.translation import gettext_lazy as _


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
